"""Refund Desk: a ticket office's customer-refund process, from complaint to archive."""

import logging
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

# Without a log file (logs.setup not called, or its folder not writable) a logged error must not
# reach Python's last-resort handler, which prints it with its traceback on stderr.
logging.getLogger(__name__).addHandler(logging.NullHandler())

try:
    __version__ = _version("refund-desk")  # one number: the package's, also inside a bundle
except PackageNotFoundError:  # a copy of the sources that was never installed
    __version__ = "0+unknown"
