"""Refund Desk: a ticket office's customer-refund process, from complaint to archive."""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

try:
    __version__ = _version("refund-desk")  # one number: the package's, also inside a bundle
except PackageNotFoundError:  # a copy of the sources that was never installed
    __version__ = "0+unknown"
