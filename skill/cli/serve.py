"""`stretch-coach serve`: the Alexa web service under gunicorn (verification on by default).

`--dev` runs Flask's own single-process server instead, for debugging only.
"""

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


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def register(commands: Any) -> None:
    serve = commands.add_parser("serve", help="run the Alexa web service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)
    serve.add_argument("--no-verify", action="store_true", help="turn request verification off")
    serve.add_argument("--skill-id", help="only accept requests for this skill id")
    serve.add_argument("--workers", type=_positive, help="worker processes (default: CPU cores)")
    serve.add_argument("--certfile", help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--keyfile", help="private key for --certfile (PEM)")
    serve.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="debug also logs coach events (which can name symptoms)",
    )
    serve.add_argument("--dev", action="store_true", help="Flask's debug server (not production)")
    serve.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from skill.alexa import weblog
    from skill.alexa.skill_factory import SKILL_ID_ENV

    if args.no_verify:
        print(WARNING_NO_VERIFY, file=sys.stderr)
    if bool(args.certfile) != bool(args.keyfile):
        return fail("--certfile and --keyfile go together")
    for path in (args.certfile, args.keyfile):
        if path and not os.path.isfile(path):
            return fail(f"no such file: {path}")
    skill_id = args.skill_id or os.environ.get(SKILL_ID_ENV)

    def make_app() -> Any:  # called in each worker, after gevent has patched it
        from skill.alexa.offload import offloaded
        from skill.alexa.skill_factory import default_store
        from skill.alexa.webservice import create_app

        store = offloaded(default_store())
        return create_app(verify=not args.no_verify, skill_id=skill_id, store=store)

    if args.dev:
        weblog.configure(args.log_level)
        ssl = (args.certfile, args.keyfile) if args.certfile else None
        try:
            make_app().run(host=args.host, port=args.port, ssl_context=ssl)
        except OSError as error:
            return fail(f"cannot serve on {args.host}:{args.port}: {error}")
        return 0

    from skill.alexa.serving import ServeOptions, serve

    options = ServeOptions(
        host=args.host,
        port=args.port,
        workers=args.workers or 0,
        certfile=args.certfile,
        keyfile=args.keyfile,
        log_level=args.log_level,
    )
    serve(make_app, options)  # gunicorn exits the process itself on a fatal error
    return 0
