"""Refund Desk: a ticket office's customer-refund process, from complaint to archive."""

__version__ = "0.1.0"
