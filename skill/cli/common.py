"""What every `stretch-coach` subcommand shares: exit codes and the one-line error."""

from __future__ import annotations

import sys

EXIT_USAGE = 2
EXIT_ERROR = 1


def fail(message: str, code: int = EXIT_ERROR) -> int:
    """Print a one-line reason to stderr (never a traceback) and return the exit code."""
    print(f"stretch-coach: {message}", file=sys.stderr)
    return code
