"""What the coach keeps for the user: hold time, equipment, reminders, deletion."""

from __future__ import annotations

from dataclasses import replace

from .. import phrases as P
from ..content import EQUIPMENT
from ..events import Event
from ..modes import STEP_ON, Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState, Profile, Session
from ..timing import MAX_HOLD, MIN_HOLD, clamp_hold
from ..words import capitalise, number_words
from .context import Context
from .machine import handles
from .prompts import prompt_for_mode


@handles()
def hold_time(ctx: Context, state: CoachState, event: Event) -> Reply:
    asked = _number(event.slot("seconds"))
    minutes = _number(event.slot("minutes"))  # "hold for two minutes" is not two seconds
    if asked is None and minutes is not None:
        asked = minutes * 60
    if asked is None:
        return Reply.ask([Say(P.HOLD_WHICH)], P.HOLD_WHICH)
    seconds = clamp_hold(asked)
    state.profile.hold_seconds = seconds
    if seconds != asked:
        low, high = number_words(MIN_HOLD), number_words(MAX_HOLD)
        text = P.HOLD_CLAMPED.format(low=low, high=high, seconds=number_words(seconds))
    else:
        text = P.HOLD_SET.format(seconds=number_words(seconds))
    segments: list[Segment] = [Say(text)]
    if state.session.mode in STEP_ON:
        segments.append(Say(P.HOLD_IN_ROUTINE))
    return Reply.ask(segments, prompt_for_mode(ctx, state))


@handles(Mode.CONFIRM_DELETE)
def delete_data(ctx: Context, state: CoachState, event: Event) -> Reply:
    state.session.mode = Mode.CONFIRM_DELETE
    return Reply.ask([Say(P.CONFIRM_DELETE)], P.CONFIRM_DELETE_REPROMPT)


@handles(Mode.MENU)
def delete_confirmed(ctx: Context, state: CoachState, event: Event) -> Reply:
    state.profile = Profile()
    state.session = Session()
    reply = Reply.end([Say(P.DATA_DELETED)], events=("user_data_deleted",))
    return replace(reply, delete_user_data=True)


@handles(Mode.MENU)
def keep_data(ctx: Context, state: CoachState, event: Event) -> Reply:
    state.session.mode = Mode.MENU
    return Reply.ask([Say(P.DATA_KEPT)], P.MENU_REPROMPT)


@handles()
def no_equipment(ctx: Context, state: CoachState, event: Event) -> Reply:
    return _equipment(ctx, state, event, have=False)


@handles()
def have_equipment(ctx: Context, state: CoachState, event: Event) -> Reply:
    return _equipment(ctx, state, event, have=True)


def _equipment(ctx: Context, state: CoachState, event: Event, *, have: bool) -> Reply:
    item = event.slot("equipment")
    prompt = prompt_for_mode(ctx, state)
    if item not in EQUIPMENT:
        return Reply.ask([Say(P.EQUIPMENT_WHICH)], prompt)
    missing = state.profile.missing_equipment
    if have:
        if item in missing:
            missing.remove(item)
        text = P.EQUIPMENT_HAVE.format(item=EQUIPMENT[item])
    else:
        if item not in missing:
            missing.append(item)
        text = P.EQUIPMENT_MISSING.format(item=EQUIPMENT[item])
    return Reply.ask([Say(text), Say(prompt)], prompt)


@handles()
def bring_back(ctx: Context, state: CoachState, event: Event) -> Reply:
    """ "Bring back child's pose": offer an exercise again that was left out for feeling worse."""
    prompt = prompt_for_mode(ctx, state)
    exercise = ctx.library.exercises.get(event.slot("exercise") or "")
    if exercise is None:
        return Reply.ask([Say(P.BRING_BACK_WHICH)], prompt)
    if state.profile.avoided_exercises.pop(exercise.id, None) is None:
        text = P.BRING_BACK_NOT_LEFT_OUT.format(name=capitalise(exercise.name))
    else:
        text = P.BRING_BACK.format(name=exercise.name)
    return Reply.ask([Say(text), Say(prompt)], prompt)


@handles()
def set_length(ctx: Context, state: CoachState, event: Event) -> Reply:
    """ "Make it short", "the full version", "I only have five minutes"."""
    from .timeline import planned_seconds

    session, profile = state.session, state.profile
    minutes = _number(event.slot("minutes"))
    routine = ctx.library.routines.get(session.routine_id or "")
    if event.slot("length") in ("short", "full"):
        short = event.slot("length") == "short"
    elif minutes is not None:
        full = planned_seconds(ctx, routine.id, profile) if routine else 0.0
        short = routine is None or full > minutes * 60
    else:
        prompt = prompt_for_mode(ctx, state)
        return Reply.ask([Say(P.LENGTH_WHICH)], prompt)
    profile.prefer_short = short
    if routine is not None and routine.short_steps:
        session.short = short
    prompt = prompt_for_mode(ctx, state)
    text = P.LENGTH_SHORT if short else P.LENGTH_FULL
    return Reply.ask([Say(text), Say(prompt)], prompt)


def _number(raw: str | None) -> int | None:
    try:
        return int(float(raw)) if raw is not None else None
    except ValueError:
        return None
