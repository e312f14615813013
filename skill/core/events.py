"""Events the coach understands: an intent (or request) name with its slots.

Names follow DESIGN §4 and are shared by every front end. Slot values are the resolved ids of
the slot's type where it has ids (`slots`), and the words actually heard (`heard`), so the coach
can say "I don't know a routine called X" for an unresolved value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LAUNCH = "LaunchRequest"
SESSION_ENDED = "SessionEndedRequest"

START_ROUTINE = "StartRoutineIntent"
LIST_ROUTINES = "ListRoutinesIntent"
RED_FLAG = "RedFlagIntent"
FEELING = "FeelingIntent"
EXPLAIN_EXERCISE = "ExplainExerciseIntent"
SKIP = "SkipIntent"
HOLD_TIME = "HoldTimeIntent"
PROGRESS = "ProgressIntent"
SET_REMINDER = "SetReminderIntent"
DELETE_DATA = "DeleteDataIntent"
NO_EQUIPMENT = "NoEquipmentIntent"
HAVE_EQUIPMENT = "HaveEquipmentIntent"
PAIN_SCORE = "PainScoreIntent"
SIDE = "SideIntent"
BRING_BACK = "BringBackIntent"
LENGTH = "RoutineLengthIntent"
STATUS = "StatusIntent"
LIST_REMINDERS = "ListRemindersIntent"
CANCEL_REMINDER = "CancelReminderIntent"

HELP = "AMAZON.HelpIntent"
STOP = "AMAZON.StopIntent"
CANCEL = "AMAZON.CancelIntent"
FALLBACK = "AMAZON.FallbackIntent"
NAVIGATE_HOME = "AMAZON.NavigateHomeIntent"
NEXT = "AMAZON.NextIntent"
PREVIOUS = "AMAZON.PreviousIntent"
REPEAT = "AMAZON.RepeatIntent"
START_OVER = "AMAZON.StartOverIntent"
PAUSE = "AMAZON.PauseIntent"
RESUME = "AMAZON.ResumeIntent"
YES = "AMAZON.YesIntent"
NO = "AMAZON.NoIntent"

# Sent by the local runner on its own, never by Alexa: the words for them still come from the core.
AUTO_ADVANCE = "Coach.AutoAdvance"  # hands-free: nobody spoke for a while after a step
HOLD_RESUMED = "Coach.HoldResumed"  # "resume" during a hold the runner paused part way
# The runner heard words it is unsure of: slot "intent" is its guess, "words" what the guess was
# made from, "slot.NAME" / "heard.NAME" the guess's slots; "doubt" = "safety" when the words
# might have been a stop, pause or pain word (the runner paused the hold to ask).
HEARD_UNSURE = "Coach.HeardUnsure"
RUNNER_EVENTS: tuple[str, ...] = (AUTO_ADVANCE, HOLD_RESUMED, HEARD_UNSURE)
# Sent by a front end after it carried out a Reply's reminder action: slot "outcome" is one of
# REMINDER_OUTCOMES, "count" and "times" (comma-separated HH:MM) describe listed reminders.
REMINDER_RESULT = "Coach.ReminderResult"
REMINDER_OUTCOMES: tuple[str, ...] = (
    "created", "listed", "cancelled", "no_permission", "unauthorized", "throttled",
    "server_error", "timeout", "unsupported",
)  # fmt: skip
FRONT_END_EVENTS: tuple[str, ...] = (*RUNNER_EVENTS, REMINDER_RESULT)

CUSTOM_INTENTS: dict[str, tuple[str, ...]] = {
    START_ROUTINE: ("routine",),
    LIST_ROUTINES: (),
    RED_FLAG: ("symptom",),
    FEELING: ("feeling",),
    EXPLAIN_EXERCISE: ("exercise",),
    SKIP: (),
    HOLD_TIME: ("seconds", "minutes"),
    PROGRESS: (),
    SET_REMINDER: ("time", "days"),
    DELETE_DATA: (),
    NO_EQUIPMENT: ("equipment",),
    HAVE_EQUIPMENT: ("equipment",),
    PAIN_SCORE: ("score",),
    SIDE: ("side",),
    BRING_BACK: ("exercise",),
    LENGTH: ("length", "minutes"),
    STATUS: (),
    LIST_REMINDERS: (),
    CANCEL_REMINDER: (),
}
BUILT_IN_INTENTS: tuple[str, ...] = (
    HELP, STOP, CANCEL, FALLBACK, NAVIGATE_HOME, NEXT, PREVIOUS, REPEAT, START_OVER,
    PAUSE, RESUME, YES, NO,
)  # fmt: skip
ALL_INTENTS: tuple[str, ...] = (*CUSTOM_INTENTS, *BUILT_IN_INTENTS)
# Everything the coach answers: requests, intents and the runner's own events.
ALL_EVENTS: tuple[str, ...] = (LAUNCH, SESSION_ENDED, *ALL_INTENTS, *FRONT_END_EVENTS)

# English markets the skill is published in; the request's locale picks wording and the
# emergency number (anything else is answered as en-US).
LOCALES: tuple[str, ...] = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
DEFAULT_LOCALE = "en-US"


# Nobody says more than this in one breath; longer free text is cut before anything reads it.
MAX_SLOT_CHARS = 300
MAX_TEXT_CHARS = 500


@dataclass(frozen=True)
class Event:
    name: str
    slots: dict[str, str] = field(default_factory=dict)  # resolved id (or free text) per slot
    heard: dict[str, str] = field(default_factory=dict)  # raw words heard per slot
    # The whole utterance when the front end has it (the local runner does; Alexa does not).
    text: str = ""
    # The user's IANA time zone when the front end knows it (Alexa: the device's setting), so
    # days, weeks and streaks are the user's own; "" leaves the coach's default zone.
    time_zone: str = ""
    locale: str = DEFAULT_LOCALE  # the request's locale (wording, emergency number)
    can_remind: bool = False  # the front end can make reminders (Alexa's Reminders API)

    def __post_init__(self) -> None:
        # Bounded work everywhere: huge slot values or utterances are cut here, once.
        if any(len(v) > MAX_SLOT_CHARS for v in (*self.slots.values(), *self.heard.values())):
            object.__setattr__(self, "slots", _capped(self.slots))
            object.__setattr__(self, "heard", _capped(self.heard))
        if len(self.text) > MAX_TEXT_CHARS:
            object.__setattr__(self, "text", self.text[:MAX_TEXT_CHARS])

    def slot(self, name: str) -> str | None:
        value = self.slots.get(name)
        return value.strip() if value and value.strip() else None

    def heard_words(self, name: str) -> str | None:
        value = self.heard.get(name) or self.slots.get(name)
        return value.strip() if value and value.strip() else None


def _capped(values: dict[str, str]) -> dict[str, str]:
    return {name: value[:MAX_SLOT_CHARS] for name, value in values.items()}
