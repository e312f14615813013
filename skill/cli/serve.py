"""`stretch-coach serve`: the Alexa web service (request verification on by default)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from .common import fail

WARNING_NO_VERIFY = (
    "WARNING: request verification is OFF (--no-verify). Anyone who can reach this port can "
    "drive the skill. Use this only for local testing, never on a public endpoint."
)


def register(commands: Any) -> None:
    serve = commands.add_parser("serve", help="run the Alexa web service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)
    serve.add_argument("--no-verify", action="store_true", help="turn request verification off")
    serve.add_argument("--skill-id", help="only accept requests for this skill id")
    serve.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from skill.alexa.skill_factory import SKILL_ID_ENV
    from skill.alexa.webservice import create_app

    if args.no_verify:
        print(WARNING_NO_VERIFY, file=sys.stderr)
    skill_id = args.skill_id or os.environ.get(SKILL_ID_ENV)
    app = create_app(verify=not args.no_verify, skill_id=skill_id)
    try:
        app.run(host=args.host, port=args.port)
    except OSError as error:
        return fail(f"cannot serve on {args.host}:{args.port}: {error}")
    return 0
