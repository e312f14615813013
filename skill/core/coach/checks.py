"""Checks before a routine starts: a few safety questions, which leg hurts, how recent it is.

A routine lists its checks in the content (`checks`); each is asked once per start, and the
side and recency answers are remembered (recency is asked again after four weeks). When the
checks are done the first exercise is delivered.
"""

from __future__ import annotations

from datetime import date, timedelta

from .. import phrases as P
from ..events import Event
from ..modes import Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState
from .context import Context
from .delivery import DELIVERY_MODES, deliver
from .machine import handles
from .prompts import fallback, prompt_for_mode

CHECK_MODES = frozenset({Mode.SCREEN, Mode.ASK_SIDE, Mode.ASK_RECENT})
ASK_RECENT_AGAIN = timedelta(days=28)
OTHER_SIDE = {"left": "right", "right": "left"}


def next_check(ctx: Context, state: CoachState, prefix: list[Segment]) -> Reply:
    """Ask the routine's next check that still needs an answer, or start its first exercise."""
    session = state.session
    assert session.routine_id is not None
    routine = ctx.library.routine(session.routine_id)
    profile = state.profile
    while session.checks_done < len(routine.checks):
        check = routine.checks[session.checks_done]
        session.checks_done += 1
        if check == "screen":
            return start_screen(
                ctx, state, [*prefix, Say(P.SAFETY_FIRST)], end=routine.screen_questions
            )
        if check == "side" and profile.sore_side is None:
            session.mode = Mode.ASK_SIDE
            return Reply.ask([*prefix, Say(P.ASK_SIDE)], P.ASK_SIDE_REPROMPT)
        if check == "recent" and _recency_unknown(profile.nerve_pain_asked, ctx.clock().date()):
            session.mode = Mode.ASK_RECENT
            return Reply.ask([*prefix, Say(P.ASK_RECENT)], P.ASK_RECENT_REPROMPT)
    session.mode = Mode.ROUTINE
    session.started = True
    return deliver(ctx, state, prefix)


def _recency_unknown(asked: str | None, today: date) -> bool:
    if asked is None:
        return True
    try:
        return today - date.fromisoformat(asked) > ASK_RECENT_AGAIN
    except ValueError:
        return True


def start_screen(ctx: Context, state: CoachState, prefix: list[Segment], *, end: int) -> Reply:
    """Ask the red-flag screen from its first question (only those before `end`, if set)."""
    session = state.session
    session.mode = Mode.SCREEN
    session.screen_index = 0
    session.screen_end = end
    first = ctx.triage.screen_question(0).text
    return Reply.ask([*prefix, Say(first)], first, events=("screen_started",))


ENTERS = (*DELIVERY_MODES, *CHECK_MODES)


@handles(*ENTERS)
def side_answer(ctx: Context, state: CoachState, event: Event) -> Reply:
    side = event.slot("side")
    if side not in OTHER_SIDE:
        return fallback(ctx, state, event)
    state.profile.sore_side = side
    return next_check(ctx, state, [Say(P.SIDE_NOTED.format(side=OTHER_SIDE[side]))])


@handles()
def side_noted(ctx: Context, state: CoachState, event: Event) -> Reply:
    """A side said outside the question ("it's my left leg"): remembered for next time."""
    side = event.slot("side")
    if side not in OTHER_SIDE:
        return fallback(ctx, state, event)
    state.profile.sore_side = side
    prompt = prompt_for_mode(ctx, state)
    return Reply.ask([Say(P.SIDE_REMEMBERED.format(side=side)), Say(prompt)], prompt)


@handles(*ENTERS)
def skip_check(ctx: Context, state: CoachState, event: Event) -> Reply:
    return next_check(ctx, state, [])


@handles(*ENTERS)
def recent_yes(ctx: Context, state: CoachState, event: Event) -> Reply:
    return _recent(ctx, state, recent=True)


@handles(*ENTERS)
def recent_no(ctx: Context, state: CoachState, event: Event) -> Reply:
    return _recent(ctx, state, recent=False)


def _recent(ctx: Context, state: CoachState, *, recent: bool) -> Reply:
    state.profile.nerve_pain_recent = recent
    state.profile.nerve_pain_asked = ctx.clock().date().isoformat()
    return next_check(ctx, state, [Say(P.RECENT_NOTED)] if recent else [])
