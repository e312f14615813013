"""The `stretch-coach` command (DESIGN §9): local coach, Alexa web service, and helper tools.

Errors go to stderr with a non-zero exit and a one-line reason, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

EXIT_USAGE = 2
EXIT_ERROR = 1
WARNING_NO_VERIFY = (
    "WARNING: request verification is OFF (--no-verify). Anyone who can reach this port can "
    "drive the skill. Use this only for local testing, never on a public endpoint."
)


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"stretch-coach: {message}", file=sys.stderr)
    return code


def _run_local(args: argparse.Namespace) -> int:
    """The local coach: live (speech or typed) or scripted, per DESIGN §9."""
    from local_runner.display import PlainDisplay, make_display
    from local_runner.player import Player, QueueInbox, QuietInbox, VirtualClock
    from local_runner.runner import run_live, run_script
    from local_runner.session import LocalSession
    from local_runner.speaker import make_speaker

    lines: list[str] | None = None
    if args.script is not None:
        try:
            lines = args.script.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            return _fail(f"cannot read script {args.script}: {error}")
    scripted = lines is not None
    display = (
        PlainDisplay(sys.stdout, echo_user=True)
        if scripted
        else make_display(sys.stdout, echo_user=not sys.stdin.isatty())
    )
    speech = not scripted and not args.text
    speaker = make_speaker(speech=speech, save_dir=args.save_audio, notice=display.notice)
    session = LocalSession()
    try:
        if lines is not None:
            if args.realtime:
                inbox = QueueInbox([])
                player = Player(speaker, display, session.recogniser.parse, inbox)
            else:
                clock = VirtualClock()
                player = Player(
                    speaker, display, session.recogniser.parse, QuietInbox(clock), clock
                )
            return run_script(session, player, lines)
        inbox = QueueInbox(_typed_lines())
        player = Player(speaker, display, session.recogniser.parse, inbox)
        return run_live(session, player, inbox, hands_free=not args.step)
    finally:
        speaker.close()


def _typed_lines() -> Iterator[str]:
    if not sys.stdin.isatty():  # piped input: no prompt; the display echoes each line instead
        yield from sys.stdin
        return
    while True:
        try:
            yield input()
        except EOFError:
            return


def _cmd_triage(args: argparse.Namespace) -> int:
    from skill.core.triage import Triage

    triage = Triage.default()
    if args.jsonl:
        for line in sys.stdin:
            text = line.strip()
            result = triage.assess(text).to_dict() if text else {"error": "empty description"}
            print(json.dumps(result), flush=True)
        return 0
    if not args.text or not args.text.strip():
        return _fail(
            'triage needs a description, e.g. stretch-coach triage "numb groin"', EXIT_USAGE
        )
    print(json.dumps(triage.assess(args.text).to_dict()))
    return 0


def _event_json(text: str) -> dict[str, object]:
    from local_runner.recogniser import default_recogniser

    event = default_recogniser().parse(text)
    return {"intent": event.name, "slots": dict(event.slots)}


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.audio:
        return _fail("parse --audio needs the listening support, which is not built yet")
    if args.jsonl:
        for line in sys.stdin:
            text = line.strip()
            print(
                json.dumps(_event_json(text) if text else {"error": "empty utterance"}), flush=True
            )
        return 0
    if not args.text or not args.text.strip():
        return _fail('parse needs an utterance, e.g. stretch-coach parse "next"', EXIT_USAGE)
    print(json.dumps(_event_json(args.text)))
    return 0


def _cmd_routines(args: argparse.Namespace) -> int:
    from skill.core.content import default_library
    from skill.core.steps import routine_seconds
    from skill.core.timing import DEFAULT_HOLD

    for routine in default_library().routines.values():
        minutes = routine_seconds(routine, DEFAULT_HOLD) / 60
        print(f"{routine.id}: {routine.name} (about {minutes:.0f} min) - {routine.summary}")
        for number, step in enumerate(routine.steps, start=1):
            exercise = step.exercise
            sides = ", each side" if exercise.sides else ""
            dose = {
                "hold": f"hold {DEFAULT_HOLD} s",
                "rest": f"rest {exercise.rest_seconds} s",
                "reps": f"{step.reps} reps",
            }.get(exercise.kind, "")
            print(f"  {number}. {exercise.name} ({dose}{sides})")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import os

    from skill.alexa.skill_factory import SKILL_ID_ENV
    from skill.alexa.webservice import create_app

    if args.no_verify:
        print(WARNING_NO_VERIFY, file=sys.stderr)
    skill_id = args.skill_id or os.environ.get(SKILL_ID_ENV)
    app = create_app(verify=not args.no_verify, skill_id=skill_id)
    try:
        app.run(host=args.host, port=args.port)
    except OSError as error:
        return _fail(f"cannot serve on {args.host}:{args.port}: {error}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stretch-coach",
        description="A voice-guided back-stretching coach. Not a substitute for medical advice.",
    )
    parser.add_argument("--text", action="store_true", help="typed in, printed out")
    parser.add_argument("--script", type=Path, metavar="FILE", help="one utterance per line")
    parser.add_argument("--realtime", action="store_true", help="with --script: really wait")
    parser.add_argument("--step", action="store_true", help="wait for 'next' after each step")
    parser.add_argument(
        "--save-audio", type=Path, metavar="DIR", help="also write what is said to WAV files"
    )
    commands = parser.add_subparsers(dest="command")

    serve = commands.add_parser("serve", help="run the Alexa web service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)
    serve.add_argument("--no-verify", action="store_true", help="turn request verification off")
    serve.add_argument("--skill-id", help="only accept requests for this skill id")

    parse = commands.add_parser("parse", help="print the intent and slots of an utterance")
    parse.add_argument("text", nargs="?")
    parse.add_argument("--jsonl", action="store_true")
    parse.add_argument("--audio", type=Path)

    triage = commands.add_parser("triage", help="print the red-flag level of a description")
    triage.add_argument("text", nargs="?")
    triage.add_argument("--jsonl", action="store_true")

    commands.add_parser("routines", help="list routines with their exercises and lengths")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _cmd_serve(args)
        if args.command == "parse":
            return _cmd_parse(args)
        if args.command == "triage":
            return _cmd_triage(args)
        if args.command == "routines":
            return _cmd_routines(args)
        return _run_local(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # last resort: one clear line instead of a traceback
        logging.getLogger("stretch-coach").debug("unexpected error", exc_info=True)
        return _fail(f"unexpected error: {error}")


if __name__ == "__main__":
    sys.exit(main())
