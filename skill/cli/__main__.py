"""`python -m skill.cli` runs the `stretch-coach` command."""

import sys

from . import main

sys.exit(main())
