"""The coach's (mode, event) table: which handler answers each event in each mode.

Read a row as "this event is answered by <default>, except in these modes". Some modes have a
default of their own (while a question is open, most events re-ask it); rows marked
`everywhere` keep theirs even there. The safety guards of safety.py come before the table.
"""

from __future__ import annotations

from .. import events as ev
from ..modes import Mode
from .checks import recent_no, recent_yes, side_answer, side_noted, skip_check
from .feelings import accept_gentler, decline_gentler, feeling_idle, feeling_in_routine
from .machine import Machine, Row
from .menu import (
    accept_offered_routine,
    decline_offered_routine,
    decline_resume,
    explain,
    launch,
    list_routines,
    no_routine,
    resume_saved,
    session_ended,
    start_over,
    start_routine_intent,
)
from .navigation import (
    auto_advance,
    go_home,
    hold_resumed,
    next_step,
    nothing_to_pause,
    pause,
    previous,
    prompt_again,
    repeat_last,
    repeat_step,
    resume_paused,
    skip,
    status,
    stop,
)
from .profile import (
    bring_back,
    delete_confirmed,
    delete_data,
    have_equipment,
    hold_time,
    keep_data,
    no_equipment,
    set_length,
)
from .progress import progress
from .prompts import fallback, help_
from .reminders import (
    cancel_reminder,
    list_reminders,
    reminder_no,
    reminder_result,
    reminder_yes,
    set_reminder,
)
from .safety import GUARDS, carry_on_gently, pain_answer
from .scores import (
    pain_after_answer,
    pain_after_skipped,
    pain_before_answer,
    pain_before_skipped,
    pain_score,
    routine_instead_of_score,
)
from .screen import red_flag, screen_no, screen_resume, screen_yes
from .switching import routine_named_again, stay_with_routine
from .unsure import GUARD as UNSURE_GUARD
from .unsure import ask_unsure

R, P, G = Mode.ROUTINE, Mode.PAUSED, Mode.OFFER_GENTLER
CARRY, PAIN = Mode.CARRY_ON_CHECK, Mode.PAIN_CHECK
SIDE, RECENT, OFFER = Mode.ASK_SIDE, Mode.ASK_RECENT, Mode.OFFER_ROUTINE
BEFORE, AFTER = Mode.ASK_PAIN_BEFORE, Mode.ASK_PAIN_AFTER
REMIND, SWITCH = Mode.CONFIRM_REMINDER, Mode.CONFIRM_SWITCH

MACHINE = Machine(
    rows={
        ev.LAUNCH: Row(launch, everywhere=True),
        ev.SESSION_ENDED: Row(session_ended, everywhere=True),
        ev.START_ROUTINE: Row(
            start_routine_intent,
            {BEFORE: routine_instead_of_score, SWITCH: routine_named_again},
        ),
        ev.LIST_ROUTINES: Row(list_routines),
        ev.RED_FLAG: Row(red_flag, {PAIN: pain_answer}, everywhere=True),
        ev.FEELING: Row(
            feeling_idle, {R: feeling_in_routine, P: feeling_in_routine, SWITCH: feeling_in_routine}
        ),
        ev.EXPLAIN_EXERCISE: Row(explain),
        ev.SKIP: Row(
            no_routine,
            {
                R: skip,
                P: skip,
                G: skip,
                SIDE: skip_check,
                RECENT: skip_check,
                BEFORE: pain_before_skipped,
                AFTER: pain_after_skipped,
            },
        ),
        ev.HOLD_TIME: Row(hold_time),
        ev.PROGRESS: Row(progress),
        ev.SET_REMINDER: Row(set_reminder),
        ev.DELETE_DATA: Row(delete_data),
        ev.NO_EQUIPMENT: Row(no_equipment),
        ev.HAVE_EQUIPMENT: Row(have_equipment),
        ev.PAIN_SCORE: Row(
            pain_score,
            {PAIN: pain_answer, BEFORE: pain_before_answer, AFTER: pain_after_answer},
            everywhere=True,  # a score is noted even while another question is open
        ),
        ev.SIDE: Row(side_noted, {SIDE: side_answer}),
        ev.BRING_BACK: Row(bring_back),
        ev.LENGTH: Row(set_length),
        ev.STATUS: Row(status),
        ev.LIST_REMINDERS: Row(list_reminders),
        ev.CANCEL_REMINDER: Row(cancel_reminder),
        ev.HELP: Row(help_, everywhere=True),
        ev.STOP: Row(stop, everywhere=True),
        ev.CANCEL: Row(stop, everywhere=True),
        ev.NAVIGATE_HOME: Row(go_home, everywhere=True),
        ev.FALLBACK: Row(fallback, {PAIN: pain_answer}, everywhere=True),
        ev.NEXT: Row(
            no_routine,
            {
                R: next_step,
                P: resume_paused,
                Mode.OFFER_RESUME: resume_saved,
                G: decline_gentler,
                CARRY: carry_on_gently,
                BEFORE: pain_before_skipped,
                AFTER: pain_after_skipped,
                SWITCH: stay_with_routine,
            },
        ),
        ev.PREVIOUS: Row(no_routine, {R: previous, P: previous, G: previous}),
        ev.REPEAT: Row(repeat_last, {R: repeat_step}, everywhere=True),
        ev.START_OVER: Row(start_over),
        ev.PAUSE: Row(nothing_to_pause, {R: pause, P: pause, SWITCH: pause}),
        ev.RESUME: Row(
            resume_saved,
            {
                R: next_step,
                P: resume_paused,
                CARRY: carry_on_gently,
                Mode.SCREEN: screen_resume,
                SWITCH: stay_with_routine,
            },
        ),
        ev.YES: Row(
            fallback,
            {
                Mode.OFFER_RESUME: resume_saved,
                G: accept_gentler,
                Mode.CONFIRM_DELETE: delete_confirmed,
                Mode.SCREEN: screen_yes,
                CARRY: carry_on_gently,
                RECENT: recent_yes,
                OFFER: accept_offered_routine,
                REMIND: reminder_yes,
                SWITCH: accept_offered_routine,
            },
        ),
        ev.NO: Row(
            fallback,
            {
                Mode.OFFER_RESUME: decline_resume,
                G: decline_gentler,
                Mode.CONFIRM_DELETE: keep_data,
                Mode.SCREEN: screen_no,
                CARRY: stop,
                RECENT: recent_no,
                SIDE: skip_check,
                OFFER: decline_offered_routine,
                BEFORE: pain_before_skipped,
                AFTER: pain_after_skipped,
                REMIND: reminder_no,
                SWITCH: stay_with_routine,
            },
        ),
        ev.AUTO_ADVANCE: Row(prompt_again, {R: auto_advance}, everywhere=True),
        ev.HOLD_RESUMED: Row(prompt_again, {P: hold_resumed}, everywhere=True),
        ev.HEARD_UNSURE: Row(ask_unsure, everywhere=True),
        ev.REMINDER_RESULT: Row(reminder_result, everywhere=True),
    },
    mode_defaults={
        Mode.SCREEN: fallback,
        PAIN: pain_answer,
        CARRY: fallback,
        SIDE: fallback,
        RECENT: fallback,
        BEFORE: fallback,
        REMIND: fallback,
        SWITCH: fallback,
    },
    unknown=fallback,
    guards=(*GUARDS, UNSURE_GUARD),
)
