"""The conversation's modes, and the named groups of them the coach's rules talk about.

A `Mode` is a `StrEnum`, so it is stored in session state as its plain string value.
"""

from __future__ import annotations

from enum import StrEnum

from . import events as ev


class Mode(StrEnum):
    MENU = "menu"  # no routine running
    ROUTINE = "routine"  # a routine is running; the current step has been (partly) spoken
    PAUSED = "paused"
    OFFER_RESUME = "offer_resume"  # asked "pick up where you left off?"
    OFFER_GENTLER = "offer_gentler"  # after "that felt worse": asked "try the gentler one?"
    CONFIRM_DELETE = "confirm_delete"  # asked "are you sure you want me to delete your data?"
    SCREEN = "screen"  # red-flag yes/no screen in progress
    PAIN_CHECK = "pain_check"  # something hurt mid-routine: asked where, and is it spreading
    CARRY_ON_CHECK = "carry_on_check"  # worth seeing a doctor: asked "carry on gently, or stop?"
    ASK_SIDE = "ask_side"  # before a one-sided routine: asked which leg hurts
    ASK_RECENT = "ask_recent"  # before nerve glides: asked whether the nerve pain is recent
    OFFER_ROUTINE = "offer_routine"  # ordinary back pain described: asked "try this routine?"
    ASK_PAIN_BEFORE = "ask_pain_before"  # before the day's first routine: asked for a pain score
    ASK_PAIN_AFTER = "ask_pain_after"  # the routine is finished: asked for a pain score again
    CONFIRM_REMINDER = "confirm_reminder"  # asked "shall I remind you every weekday at 7:30?"
    CONFIRM_SWITCH = "confirm_switch"  # mid-step, another routine asked for: asked "switch?"


MODES: tuple[Mode, ...] = tuple(Mode)
# A routine is under way (its step is current), even if we are paused or asked something.
IN_ROUTINE = frozenset(
    {
        Mode.ROUTINE, Mode.PAUSED, Mode.OFFER_GENTLER, Mode.PAIN_CHECK, Mode.CARRY_ON_CHECK,
        Mode.CONFIRM_SWITCH,
    }
)  # fmt: skip
# The current step is on: the coach is counting it, or it is paused.
STEP_ON = frozenset({Mode.ROUTINE, Mode.PAUSED})
# The coach asked a question and waits for its answer.
ASKING = frozenset(
    {
        Mode.OFFER_RESUME, Mode.OFFER_GENTLER, Mode.CONFIRM_DELETE, Mode.SCREEN,
        Mode.PAIN_CHECK, Mode.CARRY_ON_CHECK, Mode.ASK_SIDE, Mode.ASK_RECENT,
        Mode.OFFER_ROUTINE, Mode.ASK_PAIN_BEFORE, Mode.ASK_PAIN_AFTER, Mode.CONFIRM_REMINDER,
        Mode.CONFIRM_SWITCH,
    }
)  # fmt: skip

_YES_NO = (ev.YES, ev.NO)
# What users say next in each mode: a prior for recognisers (Reply.expects).
EXPECTED_NEXT: dict[Mode, tuple[str, ...]] = {
    Mode.ROUTINE: (ev.FEELING, ev.NEXT),
    Mode.PAUSED: (ev.RESUME,),
    Mode.OFFER_RESUME: _YES_NO,
    Mode.OFFER_GENTLER: _YES_NO,
    Mode.CONFIRM_DELETE: _YES_NO,
    Mode.SCREEN: _YES_NO,
    Mode.PAIN_CHECK: (ev.RED_FLAG, ev.YES, ev.NO, ev.FEELING),
    Mode.CARRY_ON_CHECK: (ev.YES, ev.NO, ev.RESUME, ev.STOP),
    Mode.ASK_SIDE: (ev.SIDE, ev.SKIP),
    Mode.ASK_RECENT: _YES_NO,
    Mode.OFFER_ROUTINE: _YES_NO,
    Mode.CONFIRM_SWITCH: _YES_NO,
}
