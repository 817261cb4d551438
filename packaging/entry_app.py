"""The bundle's windowed program, `refund-desk-app`."""

import sys

from refund_desk.launch import window

sys.exit(window())
