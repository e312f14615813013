"""`stretch-coach` with no subcommand: the local coach, live (speech or typed) or scripted."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from skill.core.events import LOCALES

from .common import fail

DEFAULT_WPM = 150  # local_runner.speech_rate.DEFAULT_WPM (not imported: keeps --help fast)
MIN_WPM, MAX_WPM = 80, 250

if TYPE_CHECKING:
    from local_runner.hearing.microphone import Microphone
    from local_runner.player import Inbox


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text", action="store_true", help="typed in, printed out")
    parser.add_argument("--script", type=Path, metavar="FILE", help="one utterance per line")
    parser.add_argument("--realtime", action="store_true", help="with --script: really wait")
    parser.add_argument("--step", action="store_true", help="wait for 'next' after each step")
    parser.add_argument(
        "--save-audio", type=Path, metavar="DIR", help="also write what is said to WAV files"
    )
    parser.add_argument(
        "--minutes", type=_minutes, metavar="N",
        help="fit routines into N minutes (their short versions when the full one is longer)",
    )  # fmt: skip
    parser.add_argument(
        "--rate", type=_words_per_minute, default=DEFAULT_WPM, metavar="WPM",
        help=f"speaking pace in words per minute of actual speech (default {DEFAULT_WPM})",
    )  # fmt: skip
    parser.add_argument(
        "--listen",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="listen on the microphone (default: when live, not --text, and a microphone exists)",
    )
    parser.add_argument(
        "--engine",
        choices=("whisper", "pocketsphinx"),
        default=None,
        help="speech recogniser (default: whisper when its model is installed)",
    )

    parser.add_argument(
        "--locale",
        default="en-US",
        choices=LOCALES,
        help="English market: wording and the emergency number (default en-US)",
    )


def _minutes(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 120:
        raise argparse.ArgumentTypeError("must be a whole number of minutes from 1 to 120")
    return int(text)


def _words_per_minute(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not MIN_WPM <= value <= MAX_WPM:
        raise argparse.ArgumentTypeError(f"must be a number from {MIN_WPM} to {MAX_WPM}")
    return value


def run(args: argparse.Namespace) -> int:
    """The local coach: live (speech or typed) or scripted, per DESIGN §9."""
    from local_runner.display import PlainDisplay, make_display
    from local_runner.hearing import MergedInbox
    from local_runner.player import Player, QueueInbox, QuietInbox, VirtualClock
    from local_runner.runner import run_live, run_script
    from local_runner.session import LocalSession
    from local_runner.speaker import make_speaker
    from skill.core.coach import Coach

    from .progress import machine_zone_name

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
    listening = None if scripted else _listener(args, display.notice)
    speaker = make_speaker(
        speech=speech,
        save_dir=args.save_audio,
        notice=display.notice,
        words_per_minute=args.rate,
        # The coach's own voice must not be heard as a command: the microphone is told what
        # is played, and when.
        on_play=listening.echo.playing_wav if listening is not None else None,
    )
    from skill.stores.codec import StoreError

    # Days and weeks on this machine's clock; a script is not asked for pain scores.
    coach = Coach(time_zone=machine_zone_name(), ask_pain=not scripted)
    try:
        session = LocalSession(coach=coach, minutes=args.minutes, locale=args.locale)
    except StoreError as error:
        speaker.close()
        if listening is not None:
            listening.close()
        return fail(f"cannot open the profile store: {error}")
    try:
        if lines is not None:
            if args.realtime:
                inbox = QueueInbox([])
                player = Player(speaker, display, session, inbox)
            else:
                clock = VirtualClock()
                player = Player(speaker, display, session, QuietInbox(clock), clock)
            return run_script(session, player, lines)
        typed = QueueInbox(_typed_lines())
        heard: Inbox = typed if listening is None else MergedInbox(typed, listening)
        player = Player(speaker, display, session, heard)
        try:
            return run_live(session, player, heard, hands_free=not args.step)
        finally:
            if listening is not None:
                listening.close()
    finally:
        speaker.close()


def _listener(args: argparse.Namespace, notice: Callable[[str], None]) -> Microphone | None:
    """The microphone inbox when listening is wanted and possible (typed input always works)."""
    wanted = args.listen if args.listen is not None else not args.text
    if not wanted:
        return None
    from local_runner.hearing import make_listener

    return make_listener(args.engine, notice)


def _typed_lines() -> Iterator[str]:
    if not sys.stdin.isatty():  # piped input: no prompt; the display echoes each line instead
        yield from sys.stdin
        return
    while True:
        try:
            yield input()
        except EOFError:
            return
