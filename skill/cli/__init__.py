"""The `stretch-coach` command (DESIGN §9): local coach, Alexa web service, and helper tools.

One module per subcommand; each registers its parser and sets `run`. With no subcommand the
local coach runs. Errors go to stderr with a non-zero exit and a one-line reason, never a
traceback.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence

from . import local, preview, progress, routines, serve, store, understand
from .common import EXIT_ERROR, EXIT_USAGE, fail

__all__ = ["EXIT_ERROR", "EXIT_USAGE", "build_parser", "main"]

SUBCOMMANDS = (serve, understand, routines, store, progress, preview)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stretch-coach",
        description="A voice-guided back-stretching coach. Not a substitute for medical advice.",
    )
    local.add_arguments(parser)
    parser.set_defaults(run=local.run)
    commands = parser.add_subparsers(dest="command")
    for module in SUBCOMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # last resort: one clear line instead of a traceback
        logging.getLogger("stretch-coach").debug("unexpected error", exc_info=True)
        return fail(f"unexpected error: {error}")
