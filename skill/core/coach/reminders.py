"""Reminders: the core decides the words and the request; the front end makes the API call.

"Remind me to stretch every weekday at seven thirty" asks for a yes first; yes returns a Reply
carrying a `ReminderAction`. A front end that can make the call (Alexa's Reminders API) does,
sends `Coach.ReminderResult` with the outcome, and says the answer to that event instead; the
Reply's own words are for front ends that cannot. A front end that says it can make reminders
(`Event.can_remind`, set by the Alexa handlers) gets the question; the local runner is told at
once, honestly, that reminders need Alexa.
Nothing about reminders is stored in the profile: the Reminders API is the only record, so a
failed call leaves nothing half-made behind.
"""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from .. import phrases_alexa as PA
from ..events import Event
from ..modes import Mode
from ..reply import ReminderAction, Reply, Say
from ..state import CoachState
from ..words import number_words
from .context import Context
from .machine import handles
from .prompts import prompt_for_mode

DAYS = {
    "every_day": ("MO", "TU", "WE", "TH", "FR", "SA", "SU"),
    "weekdays": ("MO", "TU", "WE", "TH", "FR"),
    "weekends": ("SA", "SU"),
}
# AMAZON.TIME's words for parts of the day -> a time on the clock.
_DAY_PARTS = {"MO": "08:00", "AF": "14:00", "EV": "19:00", "NI": "21:00"}
_FAILED = {
    "unauthorized": PA.REMINDER_UNAUTHORIZED,
    "throttled": PA.REMINDER_THROTTLED,
    "server_error": PA.REMINDER_SERVER_ERROR,
    "timeout": PA.REMINDER_TIMEOUT,
    "unsupported": PA.REMINDER_UNSUPPORTED,
}


def clock_time(raw: str | None) -> str | None:
    """AMAZON.TIME's value ("07:30", "19:00", "EV") as "HH:MM", or None."""
    if not raw:
        return None
    raw = raw.strip().upper()
    if raw in _DAY_PARTS:
        return _DAY_PARTS[raw]
    hours, _, minutes = raw.partition(":")
    if not (hours.isdigit() and minutes[:2].isdigit()):
        return None
    hour, minute = int(hours), int(minutes[:2])
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def time_words(hhmm: str) -> str:
    """ "07:30" -> "seven thirty in the morning" (said to the user)."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    if minute == 0 and hour in (0, 12):
        return PA.TIME_MIDNIGHT if hour == 0 else PA.TIME_NOON
    twelve = hour % 12 or 12
    said = (
        PA.TIME_OCLOCK.format(hour=number_words(twelve))
        if minute == 0
        else f"{number_words(twelve)} {'oh ' if minute < 10 else ''}{number_words(minute)}"
    )
    return f"{said} {PA.TIME_MORNING if hour < 12 else PA.TIME_EVENING}"


def _days_key(raw: str | None) -> str:
    return raw if raw in DAYS else "every_day"


def _back_to_before(state: CoachState) -> None:
    state.session.mode = Mode.ROUTINE if state.session.routine_id else Mode.MENU


def _forget_offer(state: CoachState) -> None:
    state.session.reminder_time = None
    state.session.reminder_days = None


def _cannot(ctx: Context, state: CoachState) -> Reply:
    prompt = prompt_for_mode(ctx, state)
    return Reply.ask([Say(PA.REMINDER_UNSUPPORTED), Say(prompt)], prompt)


@handles(Mode.CONFIRM_REMINDER)
def set_reminder(ctx: Context, state: CoachState, event: Event) -> Reply:
    if not event.can_remind:
        return _cannot(ctx, state)
    when = clock_time(event.slot("time"))
    if when is None:
        return Reply.ask([Say(PA.REMINDER_WHEN)], PA.REMINDER_WHEN)
    days = _days_key(event.slot("days"))
    state.session.reminder_time, state.session.reminder_days = when, days
    state.session.mode = Mode.CONFIRM_REMINDER
    question = PA.REMINDER_CONFIRM.format(days=PA.REMINDER_DAYS[days], time=time_words(when))
    return Reply.ask([Say(question)], PA.REMINDER_CONFIRM_REPROMPT, expects=(ev.YES, ev.NO))


def _action(ctx: Context, state: CoachState, action: ReminderAction) -> Reply:
    return replace(_cannot(ctx, state), reminder=action)


@handles(Mode.MENU, Mode.ROUTINE)
def reminder_yes(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Agreed: ask the front end to create it (the words come with the outcome)."""
    session = state.session
    _back_to_before(state)
    if session.reminder_time is None:
        return Reply.ask([Say(PA.REMINDER_WHEN)], PA.REMINDER_WHEN)
    days = DAYS[_days_key(session.reminder_days)]
    action = ReminderAction("create", session.reminder_time, days, PA.REMINDER_TEXT)
    return _action(ctx, state, action)


@handles(Mode.MENU, Mode.ROUTINE)
def reminder_no(ctx: Context, state: CoachState, event: Event) -> Reply:
    _forget_offer(state)
    _back_to_before(state)
    prompt = prompt_for_mode(ctx, state)
    return Reply.ask([Say(PA.REMINDER_NOT_SET), Say(prompt)], prompt)


@handles()
def list_reminders(ctx: Context, state: CoachState, event: Event) -> Reply:
    if not event.can_remind:
        return _cannot(ctx, state)
    return _action(ctx, state, ReminderAction("list"))


@handles()
def cancel_reminder(ctx: Context, state: CoachState, event: Event) -> Reply:
    if not event.can_remind:
        return _cannot(ctx, state)
    return _action(ctx, state, ReminderAction("cancel"))


def _count(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() else 0


def _plural(count: int) -> str:
    return "reminder" if count == 1 else "reminders"


@handles(Mode.MENU, Mode.ROUTINE)
def reminder_result(ctx: Context, state: CoachState, event: Event) -> Reply:
    """What the front end's reminder call came to, in words."""
    session, outcome = state.session, event.slot("outcome") or "server_error"
    if session.mode == Mode.CONFIRM_REMINDER:
        _back_to_before(state)
    prompt = prompt_for_mode(ctx, state)
    count = _count(event.slot("count"))
    consent = None
    if outcome == "created" and session.reminder_time:
        days = PA.REMINDER_DAYS[_days_key(session.reminder_days)]
        text = PA.REMINDER_SET.format(days=days, time=time_words(session.reminder_time))
    elif outcome == "listed" and count:
        times = [clock_time(t) for t in (event.slot("times") or "").split(",")]
        said = [PA.REMINDER_AT.format(time=time_words(t)) for t in times if t]
        text = PA.REMINDERS_LISTED.format(
            count=number_words(count), reminders=_plural(count), times=", ".join(said)
        ).replace(": .", ".")
    elif outcome in ("listed", "cancelled") and not count:
        text = PA.REMINDERS_NONE
    elif outcome == "cancelled":
        text = PA.REMINDERS_CANCELLED.format(count=number_words(count), reminders=_plural(count))
    elif count and outcome in _FAILED:
        text = PA.REMINDERS_PARTLY_CANCELLED.format(
            count=number_words(count), reminders=_plural(count)
        )
    elif outcome == "no_permission":
        text, consent = PA.REMINDER_NEEDS_PERMISSION, ReminderAction("consent")
    else:
        text = _FAILED.get(outcome, PA.REMINDER_SERVER_ERROR)
    _forget_offer(state)
    return replace(Reply.ask([Say(text), Say(prompt)], prompt), reminder=consent)
