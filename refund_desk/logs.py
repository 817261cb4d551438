"""The log file for the help desk: one rotating file per person and PC, in the local log folder
(`localdirs.log_dir()`), shared by the desktop app and the command line. Without Qt."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from . import localdirs

LOGGER = "refund_desk"
FILE_NAME = "refund-desk.log"
MAX_BYTES = 2_000_000
KEEP = 5  # refund-desk.log.1 … .5: about ten megabytes at most
_handler: logging.Handler | None = None


def log_file() -> Path:
    return localdirs.log_dir() / FILE_NAME


def setup(program: str) -> Path | None:
    """Send the `refund_desk` loggers to the log file, each line naming `program` ("app" or
    "cli") and the process. Once per process. Returns the file, or None when the folder cannot
    be written: a log that fails must never stop the work."""
    global _handler
    if _handler is not None:
        return Path(_handler.baseFilename)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(
        logging.Formatter(f"%(asctime)s {program}[%(process)d] %(levelname)s %(name)s: %(message)s")
    )
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    logging.captureWarnings(True)
    logging.getLogger("py.warnings").addHandler(handler)
    _handler = handler
    return path


def started(program: str, version: str) -> None:
    """The first line of each run, so that a help-desk reader can tell the runs apart."""
    logging.getLogger(LOGGER).info(
        "%s %s started (pid %d, cwd %s)", program, version, os.getpid(), os.getcwd()
    )
