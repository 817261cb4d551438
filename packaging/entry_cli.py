"""The bundle's console program, `refund-desk`."""

import sys

from refund_desk.launch import console

sys.exit(console())
