"""`stretch-coach parse` and `stretch-coach triage`: the recogniser and triage as JSON tools."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .common import EXIT_USAGE, fail


def register(commands: Any) -> None:
    parse = commands.add_parser("parse", help="print the intent and slots of an utterance")
    parse.add_argument("text", nargs="?")
    parse.add_argument("--jsonl", action="store_true")
    parse.add_argument("--audio", type=str, nargs="+", metavar="WAV")
    parse.add_argument(
        "--confidence", action="store_true", help="add the recogniser's confidence (0..1)"
    )
    parse.add_argument("--engine", choices=("whisper", "pocketsphinx"), default=None)
    parse.set_defaults(run=run_parse)

    triage = commands.add_parser("triage", help="print the red-flag level of a description")
    triage.add_argument("text", nargs="?")
    triage.add_argument("--jsonl", action="store_true")
    triage.set_defaults(run=run_triage)


def run_triage(args: argparse.Namespace) -> int:
    from skill.core.triage import Triage

    triage = Triage.default()
    if args.jsonl:
        for line in sys.stdin:
            text = line.strip()
            result = triage.assess(text).to_dict() if text else {"error": "empty description"}
            print(json.dumps(result), flush=True)
        return 0
    if not args.text or not args.text.strip():
        return fail(
            'triage needs a description, e.g. stretch-coach triage "numb groin"', EXIT_USAGE
        )
    print(json.dumps(triage.assess(args.text).to_dict()))
    return 0


def _event_json(text: str, confidence: bool) -> dict[str, object]:
    from local_runner.recogniser import default_recogniser

    found = default_recogniser().understand(text)
    out: dict[str, object] = {"intent": found.event.name, "slots": dict(found.event.slots)}
    if confidence:
        out["confidence"] = round(found.confidence, 3)
    return out


def run_parse(args: argparse.Namespace) -> int:
    if args.audio:
        return _parse_audio(args.audio, args.engine)
    if args.jsonl:
        for line in sys.stdin:
            text = line.strip()
            print(
                json.dumps(
                    _event_json(text, args.confidence) if text else {"error": "empty utterance"}
                ),
                flush=True,
            )
        return 0
    if not args.text or not args.text.strip():
        return fail('parse needs an utterance, e.g. stretch-coach parse "next"', EXIT_USAGE)
    print(json.dumps(_event_json(args.text, args.confidence)))
    return 0


def _parse_audio(files: list[str], engine_name: str | None) -> int:
    """One JSON object per WAV file; unreadable files get {"file", "error"} and exit 1."""
    from pathlib import Path

    from local_runner.hearing.engines import EngineUnavailable, make_engine
    from local_runner.hearing.files import recognise_file

    def notice(text: str) -> None:
        print(text, file=sys.stderr)

    try:
        engine = make_engine(engine_name, notice)
    except EngineUnavailable as error:
        return fail(str(error))
    failed = False
    for name in files:
        result = recognise_file(Path(name), engine)
        failed = failed or "error" in result
        print(json.dumps(result), flush=True)
    return 1 if failed else 0
