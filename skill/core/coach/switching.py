"""Another routine asked for part way through a routine: ask before leaving this one.

On the floor, "start the hamstring routine" mid-hold is rare, and a misheard sentence that
names a body part ("my hamstrings are tight") is not. Leaving a routine loses its place, so the
coach stops the step and asks. Only a yes starts the routine asked for; a no, "carry on", or
naming the routine already under way goes back to where the question was asked (the step
again, the pause, or the gentler exercise offered); naming yet another routine asks about that
one instead.
"""

from __future__ import annotations

from .. import phrases as P
from ..events import Event
from ..modes import Mode
from ..reply import Reply, Say
from ..state import CoachState
from .context import Context
from .delivery import DELIVERY_MODES, deliver
from .machine import handles
from .prompts import fallback, prompt_for_mode

# Where a routine asked for is asked about first: a routine is under way, its step on or paused,
# or a gentler exercise offered in its place.
ASKED_FIRST = frozenset({Mode.ROUTINE, Mode.PAUSED, Mode.OFFER_GENTLER})


def ask_to_switch(ctx: Context, state: CoachState, routine_id: str) -> Reply:
    """Stop the step and ask whether to leave the current routine for `routine_id`."""
    session = state.session
    if session.mode != Mode.CONFIRM_SWITCH:
        session.asked_in = session.mode
    session.mode = Mode.CONFIRM_SWITCH
    session.offered_routine = routine_id
    question = prompt_for_mode(ctx, state)
    return Reply.ask([Say(question)], question)


@handles(Mode.PAUSED, Mode.OFFER_GENTLER, *DELIVERY_MODES)
def stay_with_routine(ctx: Context, state: CoachState, event: Event) -> Reply:
    """No switch: back to where the question was asked."""
    session = state.session
    back_to, session.asked_in, session.offered_routine = session.asked_in, "", None
    staying = Say(P.STAYING_WITH.format(routine=ctx.library.routine(str(session.routine_id)).name))
    if back_to in (Mode.PAUSED, Mode.OFFER_GENTLER):
        session.mode = Mode(back_to)
        prompt = prompt_for_mode(ctx, state)
        return Reply.ask([staying, Say(prompt)], prompt)
    session.mode = Mode.ROUTINE
    return deliver(ctx, state, [staying], from_side=session.delivered_from_side)


@handles(Mode.CONFIRM_SWITCH, Mode.PAUSED, Mode.OFFER_GENTLER, *DELIVERY_MODES)
def routine_named_again(ctx: Context, state: CoachState, event: Event) -> Reply:
    """A routine named while "switch?" is asked: the one under way stays; another is asked about
    (a second mishearing must not do what the first could not)."""
    named = event.slot("routine")
    if named == state.session.routine_id:
        return stay_with_routine(ctx, state, event)
    if named is None or named not in ctx.library.routines:
        return fallback(ctx, state, event)
    return ask_to_switch(ctx, state, named)
