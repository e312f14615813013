"""Progress that means something: routines this week, the daily streak, and the pain trend.

Weeks start on Monday and days end at midnight on the user's own clock (their time zone, as
the turn's context gives it), so a routine at 23:30 in Sydney counts for that Sydney day. The
diary is read from its newest line backwards and only as far as needed: this week and last
week for the counts and the trend, and the streak's unbroken run of days (history is capped at
500 lines, so a turn never reads more than that).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from .. import phrases as P
from ..events import Event
from ..history import HistoryEntry
from ..reply import Reply, Say, Segment
from ..state import CoachState
from ..words import number_words
from .context import Context
from .diary import local_time, user_zone
from .machine import handles
from .prompts import prompt_for_mode


@dataclass(frozen=True)
class Summary:
    routines_this_week: int
    streak_days: int  # consecutive days with a routine, ending today (or yesterday)
    pain_before_this_week: float | None  # average score before stretching
    pain_before_last_week: float | None
    anything: bool  # the diary has any line at all


def _local_day(entry: HistoryEntry, zone: tzinfo) -> date | None:
    try:
        return local_time(datetime.fromisoformat(entry.finished_at), zone).date()
    except ValueError:
        return None


def summarise(history: list[HistoryEntry], now: datetime, zone: tzinfo) -> Summary:
    """The week, streak and trend of `history` (oldest first) as seen at `now` in `zone`."""
    today = local_time(now, zone).date()
    this_monday = today - timedelta(days=today.weekday())
    last_monday = this_monday - timedelta(days=7)
    routines = 0
    scores: dict[bool, list[int]] = {True: [], False: []}  # this week? -> before scores
    streak_days: set[date] = set()
    streak_open = True  # still inside the unbroken run of days
    expected = today
    for entry in reversed(history):
        day = _local_day(entry, zone)
        if day is None or day > today:
            continue  # unreadable, or written by a clock ahead of ours
        if entry.kind == "routine" and streak_open:
            if day == expected or (day == today - timedelta(days=1) and expected == today):
                streak_days.add(day)
                expected = day - timedelta(days=1)
            elif day < expected:
                streak_open = False
        if day >= this_monday:
            routines += entry.kind == "routine"
        before = entry.kind == "score" and entry.moment == "before"
        if before and entry.score is not None and day >= last_monday:
            scores[day >= this_monday].append(entry.score)
        if day < last_monday and not streak_open:
            break
    return Summary(
        routines_this_week=routines,
        streak_days=len(streak_days),
        pain_before_this_week=_mean(scores[True]),
        pain_before_last_week=_mean(scores[False]),
        anything=bool(history),
    )


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def spoken_score(value: float) -> str:
    """An average as said aloud: whole numbers, or "and a half" (4.5 -> "four and a half")."""
    halves = int(value * 2 + 0.5)
    whole = number_words(halves // 2)
    return f"{whole} and a half" if halves % 2 else whole


def progress_sentences(summary: Summary) -> list[str]:
    """One or two sentences: the week and streak, then the pain trend when there is one."""
    if not summary.anything:
        return [P.PROGRESS_NONE]
    streak = (
        P.PROGRESS_STREAK.format(days=number_words(summary.streak_days))
        if summary.streak_days >= 2
        else ""
    )
    count = summary.routines_this_week
    if count:
        routines = "routine" if count == 1 else "routines"
        first = P.PROGRESS_WEEK.format(count=number_words(count), routines=routines, streak=streak)
    else:
        first = P.PROGRESS_WEEK_NONE.format(streak=streak)
    this, last = summary.pain_before_this_week, summary.pain_before_last_week
    if this is not None and last is not None:
        trend = P.PROGRESS_TREND.format(last=spoken_score(last), this=spoken_score(this))
    elif this is not None:
        trend = P.PROGRESS_THIS_WEEK.format(this=spoken_score(this))
    elif last is not None:
        trend = P.PROGRESS_LAST_WEEK.format(last=spoken_score(last))
    else:
        return [first]
    return [first, trend]


@handles()
def progress(ctx: Context, state: CoachState, event: Event) -> Reply:
    """ "How am I doing": this week's routines, the streak, and the pain before stretching."""
    summary = summarise(state.profile.history, ctx.clock(), user_zone(ctx))
    prompt = prompt_for_mode(ctx, state)
    segments: list[Segment] = [Say(s) for s in progress_sentences(summary)]
    return Reply.ask([*segments, Say(prompt)], prompt)


@dataclass
class DiarySession:
    """A routine session put back together from its diary lines (or one lone score)."""

    started: str  # ISO timestamp of its first line
    routine_id: str = ""  # "" when no routine was finished (a lone score, or one given up)
    finished: bool = False
    steps_done: int = 0
    feelings: list[str] = field(default_factory=list)
    before: int | None = None
    after: int | None = None
    scores: list[tuple[str, int]] = field(default_factory=list)  # (when, score), all of them


def diary_sessions(history: list[HistoryEntry]) -> list[DiarySession]:
    """The diary as sessions, oldest first: lines sharing a session key belong together."""
    grouped: dict[str, DiarySession] = {}
    result: list[DiarySession] = []
    for entry in history:
        key = entry.session
        found = grouped.get(key) if key else None
        if found is None:
            found = DiarySession(started=entry.session or entry.finished_at)
            result.append(found)
            if key:
                grouped[key] = found
        if entry.kind == "routine":
            found.routine_id, found.finished = entry.routine_id, True
            found.steps_done, found.feelings = entry.steps_done, list(entry.feelings)
            continue
        if entry.score is None:
            continue
        found.routine_id = found.routine_id or entry.routine_id
        found.scores.append((entry.finished_at, entry.score))
        if entry.moment == "before":
            found.before = entry.score
        elif entry.moment == "after":
            found.after = entry.score
    return result
