"""What the user can say right now: reprompts, help, and the answer to what we didn't catch."""

from __future__ import annotations

from .. import phrases as P
from .. import phrases_alexa as PA
from ..events import Event
from ..modes import ASKING, STEP_ON, Mode
from ..reply import Reply, Say
from ..state import CoachState
from ..words import join_words, number_words
from .context import Context
from .machine import handles
from .plan import current_exercise, sides_left

# What to say next in modes whose prompt never changes.
_PROMPTS = {
    Mode.PAUSED: P.PAUSED_REPROMPT,
    Mode.OFFER_RESUME: P.OFFER_RESUME_REPROMPT,
    Mode.CONFIRM_DELETE: P.CONFIRM_DELETE_REPROMPT,
    Mode.PAIN_CHECK: P.PAIN_WHERE_REPROMPT,
    Mode.CARRY_ON_CHECK: P.CARRY_ON_REPROMPT,
    Mode.ASK_SIDE: P.ASK_SIDE_REPROMPT,
    Mode.ASK_RECENT: P.ASK_RECENT_REPROMPT,
    Mode.ASK_PAIN_BEFORE: P.PAIN_BEFORE_REPROMPT,
    Mode.ASK_PAIN_AFTER: P.PAIN_AFTER_QUESTION,
    Mode.CONFIRM_REMINDER: PA.REMINDER_CONFIRM_REPROMPT,
}


def prompt_for_mode(ctx: Context, state: CoachState) -> str:
    """What the user can say right now (used for reprompts and after side answers)."""
    session = state.session
    if session.mode in _PROMPTS:
        return _PROMPTS[session.mode]
    if session.mode == Mode.ROUTINE:
        return P.SAY_NEXT_SIDE if sides_left(ctx, state) else P.SAY_NEXT
    if session.mode == Mode.OFFER_GENTLER and session.pending_exercise:
        name = ctx.library.exercise(session.pending_exercise).name
        return P.OFFER_GENTLER_REPROMPT.format(name=name)
    if session.mode == Mode.OFFER_ROUTINE and session.offered_routine in ctx.library.routines:
        name = ctx.library.routine(str(session.offered_routine)).name
        return P.OFFER_ROUTINE.format(routine=name)
    if session.mode == Mode.CONFIRM_SWITCH and session.routine_id in ctx.library.routines:
        return _switch_question(ctx, str(session.routine_id), str(session.offered_routine))
    if session.mode == Mode.SCREEN:
        return ctx.triage.screen_question(session.screen_index).text
    return P.MENU_REPROMPT


def _switch_question(ctx: Context, current_id: str, wanted_id: str) -> str:
    current = ctx.library.routine(current_id).name
    if wanted_id == current_id or wanted_id not in ctx.library.routines:
        return P.RESTART_ROUTINE.format(routine=current)
    wanted = ctx.library.routine(wanted_id).name
    return P.SWITCH_ROUTINE.format(current=current, routine=wanted)


def routine_names_sentence(ctx: Context) -> str:
    names = [r.name for r in ctx.library.routines.values()]
    return P.ROUTINE_NAMES.format(count=number_words(len(names)), names=join_words(names))


@handles()
def help_(ctx: Context, state: CoachState, event: Event) -> Reply:
    session = state.session
    if session.mode in STEP_ON and session.routine_id:
        current = current_exercise(ctx, state)
        routine = ctx.library.routine(session.routine_id)
        where = P.HELP_WHERE.format(
            routine=routine.name, exercise=current.name if current else P.THE_LAST_STEP
        )
        text = P.HELP_PAUSED if session.mode == Mode.PAUSED else P.HELP_ROUTINE
        return Reply.ask([Say(where), Say(text)], prompt_for_mode(ctx, state))
    if session.mode in ASKING:
        prompt = prompt_for_mode(ctx, state)
        return Reply.ask([Say(P.HELP_QUESTION), Say(prompt)], prompt)
    return Reply.ask([Say(P.HELP_MENU), Say(routine_names_sentence(ctx))], P.MENU_REPROMPT)


@handles()
def fallback(ctx: Context, state: CoachState, event: Event) -> Reply:
    prompt = prompt_for_mode(ctx, state)
    return Reply.ask([Say(P.DIDNT_CATCH), Say(prompt)], prompt)
