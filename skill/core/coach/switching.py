"""Another routine asked for part way through a step: ask before leaving this one.

On the floor, "start the hamstring routine" mid-hold is rare, and a misheard sentence that
names a body part ("my hamstring feels like it's about to snap") is not. Leaving a routine
loses its place, so the coach stops the step and asks; yes starts the routine asked for, no
(or "carry on") gives the step again from where it was.
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
from .prompts import prompt_for_mode


def ask_to_switch(ctx: Context, state: CoachState, routine_id: str) -> Reply:
    """Stop the step and ask whether to leave the current routine for `routine_id`."""
    session = state.session
    session.mode = Mode.CONFIRM_SWITCH
    session.offered_routine = routine_id
    question = prompt_for_mode(ctx, state)
    return Reply.ask([Say(question)], question)


@handles(*DELIVERY_MODES)
def stay_with_routine(ctx: Context, state: CoachState, event: Event) -> Reply:
    """No switch: the step is given again from where it was."""
    session = state.session
    session.mode = Mode.ROUTINE
    session.offered_routine = None
    name = ctx.library.routine(str(session.routine_id)).name
    return deliver(
        ctx,
        state,
        [Say(P.STAYING_WITH.format(routine=name))],
        from_side=session.delivered_from_side,
    )
