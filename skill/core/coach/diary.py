"""The pain diary's records: reading a score, the user's own day, and writing diary lines.

Every score is written as its own line the moment it is heard (never held back in the session,
so nothing is lost if the user walks away), and a finished routine writes one line with the
steps done and the feelings reported. Lines are only ever appended, which keeps the store's
write to one new row per turn. The user's day comes from the clock seen in their own time zone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..history import MAX_FEELINGS, HistoryEntry
from ..state import CoachState
from .context import Context

HISTORY_LIMIT = 500
MIN_SCORE, MAX_SCORE = 0, 10
HIGH_SCORE = 9  # a 9 or 10 goes through the safety model
JUMP = 3  # so does a score this much higher after a routine than before it

_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_WORDS = {word: value for value, word in enumerate(_NUMBERS)} | {"nothing": 0, "none": 0}


@lru_cache(maxsize=64)
def zone_named(name: str) -> tzinfo | None:
    """The zone for an IANA name, or None when it is not one (never raises)."""
    if not name or len(name) > 64:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def with_zone(ctx: Context, name: str) -> Context:
    """The context for one turn: the event's zone when it is a real one, else the default."""
    if name and name != ctx.time_zone and zone_named(name) is not None:
        return replace(ctx, time_zone=name)
    return ctx


def user_zone(ctx: Context) -> tzinfo:
    return zone_named(ctx.time_zone) or ZoneInfo("UTC")


def local_time(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` on the user's clock (naive times are taken as UTC, as the clock gives)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return moment.astimezone(zone)


def local_today(ctx: Context) -> date:
    return local_time(ctx.clock(), user_zone(ctx)).date()


def parse_score(raw: str | None) -> int | None:
    """A pain score from 0 to 10 as heard ("6", "6.0", "six", "six out of ten"), else None."""
    if raw is None:
        return None
    words = raw.strip().lower().replace("/", " ").split()
    if not words:
        return None
    first = words[0]
    if first in _WORDS:
        value = _WORDS[first]
    else:
        try:
            number = float(first)
        except ValueError:
            return None
        if number != number or not number.is_integer():  # NaN, or "six and a half"
            return None
        value = int(number)
    return value if MIN_SCORE <= value <= MAX_SCORE else None


def alarming(score: int, before: int) -> bool:
    """A score the safety model must hear about: 9 or 10, or 3 or more above the before one."""
    return score >= HIGH_SCORE or (before >= 0 and score - before >= JUMP)


def _append(state: CoachState, entry: HistoryEntry) -> None:
    history = state.profile.history
    history.append(entry)
    del history[:-HISTORY_LIMIT]


def record_score(ctx: Context, state: CoachState, score: int, moment: str = "") -> None:
    """Write a score to the diary now, tied to the routine session it belongs to, if any."""
    session = state.session
    routine_id = session.routine_id or ""
    history = state.profile.history
    if not routine_id and session.diary_session and history:
        last = history[-1]  # after a routine: the routine just finished, in the same session
        routine_id = last.routine_id if last.session == session.diary_session else ""
    _append(
        state,
        HistoryEntry(
            routine_id,
            ctx.clock().isoformat(),
            kind="score",
            session=session.diary_session,
            score=score,
            moment=moment,
        ),
    )
    if moment == "before":
        session.pain_before = score


def record_routine(ctx: Context, state: CoachState, routine_id: str) -> None:
    """Write a finished routine: when, which, how many exercises were done, what was felt."""
    session = state.session
    _append(
        state,
        HistoryEntry(
            routine_id,
            ctx.clock().isoformat(),
            kind="routine",
            session=session.diary_session,
            steps_done=session.steps_done,
            feelings=list(session.feelings[:MAX_FEELINGS]),
        ),
    )


def note_feeling(state: CoachState, exercise_id: str, feeling: str) -> None:
    if len(state.session.feelings) < MAX_FEELINGS:
        state.session.feelings.append(f"{exercise_id}:{feeling}")


def wants_pain_before(ctx: Context, state: CoachState) -> bool:
    """Ask before this routine? Only when the diary asks at all, and once a day at most."""
    return ctx.ask_pain and state.profile.pain_asked_on != local_today(ctx).isoformat()
