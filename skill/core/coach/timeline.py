"""How long a routine takes, from the same timeline the voice follows.

The announced length is not a separate estimate: the routine is played through the coach
itself (for this user: full instructions for exercises they haven't met, short cues for the
rest; hands-free, answering its checks), adding up every reply's planned speech, pauses and
counted activities and the hands-free waits between steps.
"""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from .. import phrases as P
from ..events import Event
from ..modes import Mode
from ..state import CoachState, Profile
from ..words import number_words
from .context import Context

# Answers a first-time user gives to the checks before a routine.
_ANSWERS = {
    Mode.SCREEN: Event(ev.NO),
    Mode.ASK_SIDE: Event(ev.SIDE, {"side": "left"}),
    Mode.ASK_RECENT: Event(ev.NO),
}
_MAX_TURNS = 200
_planned: dict[tuple[object, ...], float] = {}


def planned_seconds(
    ctx: Context, routine_id: str, profile: Profile | None = None, short: bool = False
) -> float:
    """Seconds from "let's begin" to the end of a routine, played hands-free for `profile`."""
    known = profile or Profile()
    routine = ctx.library.routine(routine_id)
    seen = tuple(sorted({s.exercise.id for s in routine.steps} & set(known.seen_exercises)))
    key = (id(ctx.library), routine_id, known.hold_seconds, short, seen, known.nerve_pain_recent)
    if key in _planned:
        return _planned[key]
    _planned[key] = 0.0  # while it plays, its own announcement may not ask for it again
    from .menu import start_routine
    from .table import MACHINE

    state = CoachState(
        Profile(
            disclaimer_heard=True,
            hold_seconds=known.hold_seconds,
            seen_exercises=list(seen),
            sore_side=known.sore_side,
            nerve_pain_recent=known.nerve_pain_recent,
            prefer_short=short,
        )
    )
    ctx = replace(ctx, ask_pain=False)  # the diary's questions are not part of a routine's length
    reply = start_routine(ctx, state, routine_id, step_index=0)
    total = 0.0
    for _ in range(_MAX_TURNS):
        total += reply.estimated_seconds() + reply.wait_seconds
        if state.session.mode == Mode.MENU:
            break
        event = _ANSWERS.get(state.session.mode, Event(ev.AUTO_ADVANCE))
        reply = MACHINE.dispatch(ctx, state, event)(ctx, state, event)
    _planned[key] = total
    return total


SECONDS_STEP_BELOW = 300.0  # shorter routines are announced to ten seconds, longer to half minutes


def routine_length_words(
    ctx: Context, routine_id: str, profile: Profile | None = None, short: bool = False
) -> str:
    """The length we announce ("eleven minutes", "six and a half minutes", "three minutes and
    forty seconds"): precise enough to be within a few percent of what the user will time."""
    seconds = planned_seconds(ctx, routine_id, profile, short)
    if seconds < SECONDS_STEP_BELOW:
        minutes, rest = divmod(max(60, round(seconds / 10) * 10), 60)
        if rest:
            return P.LENGTH_MINUTES_SECONDS.format(
                minutes=number_words(minutes), seconds=number_words(rest)
            )
        return P.LENGTH_MINUTES.format(minutes=number_words(minutes))
    whole, half = divmod(round(seconds / 30), 2)
    template = P.LENGTH_HALF if half else P.LENGTH_MINUTES
    return template.format(minutes=number_words(whole))


def routine_minutes(
    ctx: Context, routine_id: str, profile: Profile | None = None, short: bool = False
) -> int:
    """The length we announce for a routine, in whole minutes (at least one)."""
    return max(1, round(planned_seconds(ctx, routine_id, profile, short) / 60))
