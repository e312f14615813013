"""`stretch-coach` with no subcommand: the local coach, live (speech or typed) or scripted."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from skill.core.events import LOCALES

from .common import fail


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text", action="store_true", help="typed in, printed out")
    parser.add_argument("--script", type=Path, metavar="FILE", help="one utterance per line")
    parser.add_argument("--realtime", action="store_true", help="with --script: really wait")
    parser.add_argument("--step", action="store_true", help="wait for 'next' after each step")
    parser.add_argument(
        "--save-audio", type=Path, metavar="DIR", help="also write what is said to WAV files"
    )
    parser.add_argument(
        "--locale",
        default="en-US",
        choices=LOCALES,
        help="English market: wording and the emergency number (default en-US)",
    )


def run(args: argparse.Namespace) -> int:
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
            return fail(f"cannot read script {args.script}: {error}")
    scripted = lines is not None
    display = (
        PlainDisplay(sys.stdout, echo_user=True)
        if scripted
        else make_display(sys.stdout, echo_user=not sys.stdin.isatty())
    )
    speech = not scripted and not args.text
    speaker = make_speaker(speech=speech, save_dir=args.save_audio, notice=display.notice)
    session = LocalSession(locale=args.locale)
    try:
        if lines is not None:
            if args.realtime:
                inbox = QueueInbox([])
                player = Player(speaker, display, session, inbox)
            else:
                clock = VirtualClock()
                player = Player(speaker, display, session, QuietInbox(clock), clock)
            return run_script(session, player, lines)
        inbox = QueueInbox(_typed_lines())
        player = Player(speaker, display, session, inbox)
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
