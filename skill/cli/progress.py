"""`stretch-coach progress [--csv]`: the local user's recent sessions and pain diary.

On a terminal: a rich table of recent sessions and a bar chart of pain scores; piped: the same
as plain text. `--csv` writes the whole diary, one row per line of it (a finished routine or a
pain score), in the machine's time zone, for a physiotherapist. Days and weeks are the
machine's own (TZ, else /etc/timezone, else /etc/localtime, else UTC).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from skill.core.coach.diary import local_time, zone_named
from skill.core.coach.progress import DiarySession, diary_sessions, progress_sentences, summarise
from skill.core.history import HistoryEntry
from skill.core.state import Profile, StateError, parse_profile

from .common import fail


def clock() -> datetime:
    return datetime.now(UTC)


RECENT = 14  # sessions shown in the table
BARS = " ▁▂▃▄▅▆▇█"
EMPTY = "Your pain diary is empty: finish a routine or tell the coach a pain score to start it."
CSV_COLUMNS = ("date", "time", "kind", "routine", "moment", "score", "steps_done", "feelings")


def register(commands: Any) -> None:
    parser = commands.add_parser("progress", help="recent sessions and the pain diary")
    parser.add_argument("--csv", action="store_true", help="export the diary as CSV to stdout")
    parser.set_defaults(run=run)


def machine_zone_name() -> str:
    """This machine's IANA zone name ("UTC" when it cannot be told)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    with contextlib.suppress(OSError):
        target = os.readlink("/etc/localtime")
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    return next((name for name in candidates if zone_named(name) is not None), "UTC")


def _load_profile() -> Profile:
    from local_runner.session import LOCAL_USER, default_store

    stored = default_store().load(LOCAL_USER)
    return parse_profile(stored) if stored else Profile()


def run(args: argparse.Namespace) -> int:
    from skill.stores.codec import StoreError

    try:
        profile = _load_profile()
    except (StoreError, OSError) as error:
        return fail(f"could not read your diary: {error}")
    except StateError:
        return fail("your stored profile could not be read; the coach will set it aside")
    zone = zone_named(machine_zone_name()) or zone_named("UTC")
    assert zone is not None
    if not profile.history:
        print(EMPTY)
        return 0
    if args.csv:
        write_csv(profile.history, zone, sys.stdout)
        return 0
    sessions = diary_sessions(profile.history)[-RECENT:]
    summary = " ".join(progress_sentences(summarise(profile.history, clock(), zone)))
    if sys.stdout.isatty():
        _print_rich(sessions, summary, zone)
    else:
        print(render_plain(sessions, summary, zone))
    return 0


def write_csv(history: list[HistoryEntry], zone: Any, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for entry in history:
        date_text, time_text = _when(entry.finished_at, zone)
        writer.writerow(
            (
                date_text,
                time_text,
                entry.kind,
                entry.routine_id,
                entry.moment,
                "" if entry.score is None else entry.score,
                entry.steps_done if entry.kind == "routine" else "",
                " ".join(entry.feelings),
            )
        )


def _when(timestamp: str, zone: Any) -> tuple[str, str]:
    try:
        moment = local_time(datetime.fromisoformat(timestamp), zone)
    except ValueError:
        return "", ""
    return moment.date().isoformat(), moment.strftime("%H:%M")


def _row(session: DiarySession, zone: Any) -> tuple[str, ...]:
    day, clock = _when(session.started, zone)
    worse = sum(f.endswith(":worse") for f in session.feelings)
    return (
        f"{day} {clock}".strip(),
        session.routine_id.replace("_", " ") or "-",
        str(session.steps_done) if session.finished else "-",
        "-" if session.before is None else str(session.before),
        "-" if session.after is None else str(session.after),
        " ".join(str(score) for _, score in session.scores) or "-",
        str(worse) if session.finished else "-",
    )


HEADERS = ("when", "routine", "steps", "before", "after", "all scores", "felt worse")


def pain_chart(sessions: list[DiarySession]) -> str:
    """One bar per score, oldest first (a blank bar is a zero)."""
    scores = [score for session in sessions for _, score in session.scores]
    if not scores:
        return "No pain scores yet."
    bars = "".join(BARS[round(score * (len(BARS) - 1) / 10)] for score in scores)
    return f"pain 0-10 |{bars}| latest {scores[-1]}"


def render_plain(sessions: list[DiarySession], summary: str, zone: Any) -> str:
    rows = [HEADERS, *(_row(s, zone) for s in sessions)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join([summary, "", *(line.rstrip() for line in lines), "", pain_chart(sessions)])


def _print_rich(sessions: list[DiarySession], summary: str, zone: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Recent sessions")
    for header in HEADERS:
        table.add_column(header)
    for session in sessions:
        table.add_row(*_row(session, zone))
    console = Console()
    console.print(summary)
    console.print(table)
    console.print(pain_chart(sessions), highlight=False)
