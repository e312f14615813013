"""How a stretch felt: better or the same moves on; worse stops it and offers a gentler one."""

from __future__ import annotations

from datetime import timedelta

from .. import phrases as P
from ..events import Event
from ..modes import Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState
from .context import Context
from .delivery import DELIVERY_MODES, advance, deliver
from .diary import note_feeling
from .machine import handles
from .plan import current_exercise, gentler_for
from .prompts import prompt_for_mode

FEELINGS = ("better", "same", "worse")
LEAVE_OUT_FOR = timedelta(days=14)  # an exercise that made things worse is not offered again


def _which_feeling() -> Reply:
    return Reply.ask([Say(P.FEELING_WHICH)], P.FEELING_WHICH)


@handles(Mode.OFFER_GENTLER, *DELIVERY_MODES)
def feeling_in_routine(ctx: Context, state: CoachState, event: Event) -> Reply:
    feeling = event.slot("feeling")
    if feeling not in FEELINGS:
        return _which_feeling()
    current = current_exercise(ctx, state)
    if current is not None:
        note_feeling(state, current.id, feeling)
    if feeling == "better":
        return advance(ctx, state, [Say(P.FEELING_BETTER)])
    if feeling == "same":
        return advance(ctx, state, [Say(P.FEELING_SAME)])
    return stop_exercise_worse(ctx, state, [])


@handles()
def feeling_idle(ctx: Context, state: CoachState, event: Event) -> Reply:
    feeling = event.slot("feeling")
    if feeling not in FEELINGS:
        return _which_feeling()
    text = {"better": P.FEELING_BETTER_IDLE, "same": P.FEELING_SAME_IDLE}.get(
        feeling, P.FEELING_WORSE_IDLE
    )
    return Reply.ask([Say(text)], prompt_for_mode(ctx, state))


def stop_exercise_worse(ctx: Context, state: CoachState, prefix: list[Segment]) -> Reply:
    """The current exercise made things worse: stop it, remember, offer something gentler."""
    exercise = current_exercise(ctx, state)
    session = state.session
    if exercise is None:
        return advance(ctx, state, prefix, done=False)
    until = ctx.clock().date() + LEAVE_OUT_FOR
    state.profile.avoided_exercises[exercise.id] = until.isoformat()
    session.felt_worse = True
    segments = [*prefix, Say(P.WORSE_STOP.format(name=exercise.name))]
    routine = ctx.library.routine(session.routine_id) if session.routine_id else None
    gentler = gentler_for(ctx, exercise, state, routine)
    if gentler is not None:
        session.mode = Mode.OFFER_GENTLER
        session.pending_exercise = gentler.id
        segments.append(Say(P.OFFER_GENTLER.format(name=gentler.name)))
        return Reply.ask(segments, P.OFFER_GENTLER_REPROMPT.format(name=gentler.name))
    return advance(ctx, state, [*segments, Say(P.MOVING_ON)], done=False)


@handles(*DELIVERY_MODES)
def accept_gentler(ctx: Context, state: CoachState, event: Event) -> Reply:
    session = state.session
    if not session.pending_exercise:
        return decline_gentler(ctx, state, event)
    session.inserted_exercise = session.pending_exercise
    session.pending_exercise = None
    session.mode = Mode.ROUTINE
    return deliver(ctx, state, [])


@handles(*DELIVERY_MODES)
def decline_gentler(ctx: Context, state: CoachState, event: Event) -> Reply:
    state.session.mode = Mode.ROUTINE
    state.session.pending_exercise = None
    return advance(ctx, state, [Say(P.MOVING_ON)], done=False)
