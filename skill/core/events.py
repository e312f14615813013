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

CUSTOM_INTENTS: dict[str, tuple[str, ...]] = {
    START_ROUTINE: ("routine",),
    LIST_ROUTINES: (),
    RED_FLAG: ("symptom",),
    FEELING: ("feeling",),
    EXPLAIN_EXERCISE: ("exercise",),
    SKIP: (),
    HOLD_TIME: ("seconds",),
    PROGRESS: (),
    SET_REMINDER: ("time",),
    DELETE_DATA: (),
    NO_EQUIPMENT: ("equipment",),
    HAVE_EQUIPMENT: ("equipment",),
    PAIN_SCORE: ("score",),
    SIDE: ("side",),
}
BUILT_IN_INTENTS: tuple[str, ...] = (
    HELP, STOP, CANCEL, FALLBACK, NAVIGATE_HOME, NEXT, PREVIOUS, REPEAT, START_OVER,
    PAUSE, RESUME, YES, NO,
)  # fmt: skip
ALL_INTENTS: tuple[str, ...] = (*CUSTOM_INTENTS, *BUILT_IN_INTENTS)


@dataclass(frozen=True)
class Event:
    name: str
    slots: dict[str, str] = field(default_factory=dict)  # resolved id (or free text) per slot
    heard: dict[str, str] = field(default_factory=dict)  # raw words heard per slot

    def slot(self, name: str) -> str | None:
        value = self.slots.get(name)
        return value.strip() if value and value.strip() else None

    def heard_words(self, name: str) -> str | None:
        value = self.heard.get(name) or self.slots.get(name)
        return value.strip() if value and value.strip() else None
