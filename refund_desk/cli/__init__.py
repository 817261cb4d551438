"""`refund-desk`: the admin command line (and, with no command, the desktop app)."""

from .main import main

__all__ = ["main"]
