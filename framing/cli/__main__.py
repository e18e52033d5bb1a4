"""``python -m framing.cli``: the command line."""

import sys

from framing.cli import main

sys.exit(main())
