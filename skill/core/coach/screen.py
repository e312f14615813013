"""The red-flag yes/no screen: "is this a red flag?" with nothing described, or checks before a
routine. Emergency questions come first and the first yes is answered at once; an all-clear, or
"carry on", goes back to the routine it interrupted.
"""

from __future__ import annotations

from .. import phrases as P
from ..events import Event
from ..modes import IN_ROUTINE, Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState
from .checks import CHECK_MODES, next_check, start_screen
from .context import Context
from .delivery import DELIVERY_MODES, deliver
from .machine import handles
from .prompts import fallback
from .safety import answer_level

RESUMABLE = frozenset({*DELIVERY_MODES, *CHECK_MODES})


@handles(Mode.SCREEN, Mode.MENU, Mode.ROUTINE, Mode.CARRY_ON_CHECK, Mode.OFFER_ROUTINE)
def red_flag(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Describe a symptom: triage it. Describe nothing: start the yes/no screen."""
    session = state.session
    prefix: list[Segment] = [Say(P.STOP_MOVING)] if session.mode in IN_ROUTINE else []
    symptom = event.slot("symptom")
    if symptom is None:
        return start_screen(ctx, state, [*prefix, Say(ctx.triage.screen_intro)], end=0)
    found = ctx.triage.assess(symptom)
    return answer_level(ctx, state, prefix, found.level, found.advice, found.suggested_routine)


def _last_question(ctx: Context, state: CoachState) -> int:
    end = state.session.screen_end or ctx.triage.screen_length
    return min(end, ctx.triage.screen_length)


@handles(Mode.MENU, Mode.CARRY_ON_CHECK, Mode.ROUTINE)
def screen_yes(ctx: Context, state: CoachState, event: Event) -> Reply:
    question = ctx.triage.screen_question(state.session.screen_index)
    advice = ctx.triage.advice_for(question.level, question.flag)
    return answer_level(ctx, state, [], question.level, advice)


@handles(Mode.MENU, *RESUMABLE)
def screen_no(ctx: Context, state: CoachState, event: Event) -> Reply:
    session = state.session
    session.screen_index += 1
    if session.screen_index < _last_question(ctx, state):
        following = ctx.triage.screen_question(session.screen_index).text
        return Reply.ask([Say(following)], following)
    session.screen_index = session.screen_end = 0
    if session.routine_id is None:
        session.mode = Mode.MENU
        return Reply.ask(
            [Say(ctx.triage.screen_all_clear), Say(P.MENU_REPROMPT)],
            P.MENU_REPROMPT,
            events=("triage_selfcare",),
        )
    clear = ctx.triage.screen_all_clear if session.started else P.CHECKS_CLEAR
    return back_to_routine(ctx, state, [Say(clear)])


@handles(*RESUMABLE)
def screen_resume(ctx: Context, state: CoachState, event: Event) -> Reply:
    """ "Carry on" during the screen: back to the routine it interrupted, if there is one."""
    if state.session.routine_id is None:
        return fallback(ctx, state, event)
    state.session.screen_index = state.session.screen_end = 0
    return back_to_routine(ctx, state, [Say(ctx.triage.screen_stopped)])


def back_to_routine(ctx: Context, state: CoachState, prefix: list[Segment]) -> Reply:
    session = state.session
    session.mode = Mode.ROUTINE
    if not session.started:
        return next_check(ctx, state, prefix)
    prefix = [*prefix, Say(P.BACK_TO_ROUTINE_AFTER_SCREEN)]
    return deliver(ctx, state, prefix, from_side=session.delivered_from_side)
