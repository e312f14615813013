"""What the user can say right now: reprompts, help, and the answer to what we didn't catch."""

from __future__ import annotations

from .. import phrases as P
from ..events import Event
from ..modes import ASKING, STEP_ON, Mode
from ..reply import Reply, Say
from ..state import CoachState
from ..words import join_words, number_words
from .context import Context
from .delivery import current_exercise, sides_left
from .machine import handles


def prompt_for_mode(ctx: Context, state: CoachState) -> str:
    """What the user can say right now (used for reprompts and after side answers)."""
    session = state.session
    if session.mode == Mode.ROUTINE:
        return P.SAY_NEXT_SIDE if sides_left(ctx, state) else P.SAY_NEXT
    if session.mode == Mode.PAUSED:
        return P.PAUSED_REPROMPT
    if session.mode == Mode.OFFER_RESUME:
        return P.OFFER_RESUME_REPROMPT
    if session.mode == Mode.OFFER_GENTLER and session.pending_exercise:
        name = ctx.library.exercise(session.pending_exercise).name
        return P.OFFER_GENTLER_REPROMPT.format(name=name)
    if session.mode == Mode.CONFIRM_DELETE:
        return P.CONFIRM_DELETE_REPROMPT
    if session.mode == Mode.SCREEN:
        return ctx.triage.screen_question(session.screen_index).text
    return P.MENU_REPROMPT


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
