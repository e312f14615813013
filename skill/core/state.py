"""Coach state as plain data that round-trips through JSON.

`Profile` is what we keep for a user between sessions (Alexa persistent attributes or the local
store); `Session` is the conversation in progress (Alexa session attributes or the local loop).
Parsing is strict: anything malformed raises `StateError`, and the caller decides how to recover.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any

from .content import POSITIONS
from .history import MAX_FEELINGS, HistoryEntry, entry_dict, parse_entry
from .modes import IN_ROUTINE, MODES, Mode
from .parsing import StateError as StateError  # re-exported: where callers have always found it
from .parsing import check, small_int, str_list
from .timing import DEFAULT_HOLD, MAX_HOLD, MIN_HOLD

# 3: history entries became diary lines (pain scores, steps done, feelings); version 2 entries
# read as finished routines with nothing else recorded.
STATE_VERSION = 3
MAX_GUESS_KEYS = 16
MAX_GUESS_CHARS = 300


@dataclass
class ResumePoint:
    routine_id: str
    step_index: int


@dataclass
class Profile:
    disclaimer_heard: bool = False
    hold_seconds: int = DEFAULT_HOLD
    seen_exercises: list[str] = field(default_factory=list)
    # Exercises that made things worse -> the ISO date they may be offered again ("": until the
    # user asks for them back).
    avoided_exercises: dict[str, str] = field(default_factory=dict)
    missing_equipment: list[str] = field(default_factory=list)
    resume: ResumePoint | None = None
    history: list[HistoryEntry] = field(default_factory=list)
    sore_side: str | None = None  # the leg that hurts ("left"/"right"), for one-sided routines
    nerve_pain_recent: bool | None = None  # nerve pain that started recently: gentler glides
    nerve_pain_asked: str | None = None  # ISO date we last asked how recent it is
    prefer_short: bool | None = None  # "make it short" / "the full version" (None: as usual)
    pain_asked_on: str | None = None  # the user's local ISO date we last asked for a pain score

    def avoids(self, exercise_id: str, today: date) -> bool:
        until = self.avoided_exercises.get(exercise_id)
        if until is None:
            return False
        return not until or today.isoformat() < until


@dataclass
class Session:
    mode: Mode = Mode.MENU
    routine_id: str | None = None
    step_index: int = 0
    next_side: int = 0  # first side not yet spoken of the current step (0 = none spoken)
    delivered_from_side: int = 0  # first side spoken in the last delivery (for Resume)
    inserted_exercise: str | None = None  # a gentler exercise done in place of the current step
    pending_exercise: str | None = None  # the gentler exercise offered, awaiting yes/no
    offered_routine: str | None = None  # offered for ordinary back pain, or to switch to
    asked_in: str = ""  # the mode "switch routine?" was asked in: a no goes back to it
    screen_index: int = 0  # red-flag screen: which question is being asked
    screen_end: int = 0  # ask the questions before this one only (0: the whole screen)
    checks_done: int = 0  # how many of the routine's checks (safety questions, side) are done
    started: bool = False  # the routine has delivered its first step (its checks are done)
    felt_worse: bool = False  # something in this routine felt worse (no "well done" at the end)
    last_position: str = ""  # the position of the exercise last delivered ("": none yet)
    short: bool = False  # doing the routine's short version
    diary_session: str = ""  # when this routine session started (ISO), for its diary lines
    pain_before: int = -1  # the score given before this routine (-1: none)
    steps_done: int = 0  # exercises finished in this routine
    feelings: list[str] = field(default_factory=list)  # "exercise_id:feeling" reported
    time_zone: str = ""  # the user's IANA zone as a front end last sent it ("": not known)
    reminder_time: str | None = None  # the reminder offered, awaiting yes/no ("HH:MM")
    reminder_days: str | None = None  # its days, comma-separated iCalendar days ("MO,TU")
    last_reply: dict[str, Any] | None = None  # for Repeat outside a routine
    # "Sorry, was that ...?" asked: the guess a yes acts on (unsure.py: intent, words, slots)
    unsure_guess: dict[str, str] | None = None


@dataclass
class CoachState:
    profile: Profile = field(default_factory=Profile)
    session: Session = field(default_factory=Session)

    def profile_dict(self) -> dict[str, Any]:
        # asdict() would deep-copy every diary line (7 ms for 500): lines are written by hand.
        profile = asdict(replace(self.profile, history=[]))
        profile["history"] = [entry_dict(entry) for entry in self.profile.history]
        return {"version": STATE_VERSION, **profile}

    def session_dict(self) -> dict[str, Any]:
        # Shallow on purpose: every field is a scalar except last_reply (already plain JSON)
        # and feelings / unsure_guess (strings, copied).
        data = {f.name: getattr(self.session, f.name) for f in fields(Session)}
        data["feelings"] = list(self.session.feelings)
        if self.session.unsure_guess is not None:
            data["unsure_guess"] = dict(self.session.unsure_guess)
        return data

    def clone(self) -> CoachState:
        """An independent copy (cheaper than deepcopy; last_reply is never mutated in place)."""
        profile = self.profile
        return CoachState(
            profile=replace(
                profile,
                seen_exercises=list(profile.seen_exercises),
                avoided_exercises=dict(profile.avoided_exercises),
                missing_equipment=list(profile.missing_equipment),
                resume=replace(profile.resume) if profile.resume else None,
                history=list(profile.history),  # entries are replaced, never edited
            ),
            session=replace(
                self.session,
                feelings=list(self.session.feelings),
                unsure_guess=dict(self.session.unsure_guess)
                if self.session.unsure_guess is not None
                else None,
            ),
        )

    @classmethod
    def from_dicts(
        cls, profile: dict[str, Any] | None, session: dict[str, Any] | None
    ) -> CoachState:
        return cls(
            profile=parse_profile(profile) if profile else Profile(),
            session=parse_session(session) if session else Session(),
        )


def parse_profile(data: Any) -> Profile:
    check(isinstance(data, dict), "profile: not an object")
    known = {f.name for f in fields(Profile)} | {"version"}
    unknown = set(data) - known
    check(not unknown, f"profile: unknown keys {sorted(unknown)}")
    profile = Profile()
    if "disclaimer_heard" in data:
        check(isinstance(data["disclaimer_heard"], bool), "profile.disclaimer_heard: not a bool")
        profile.disclaimer_heard = data["disclaimer_heard"]
    if "hold_seconds" in data:
        hold = data["hold_seconds"]
        check(
            isinstance(hold, int) and not isinstance(hold, bool) and MIN_HOLD <= hold <= MAX_HOLD,
            "profile.hold_seconds: out of range",
        )
        profile.hold_seconds = hold
    for name in ("seen_exercises", "missing_equipment"):
        if name in data:
            setattr(profile, name, str_list(data[name], f"profile.{name}"))
    avoided = data.get("avoided_exercises", {})
    if isinstance(avoided, list):  # version 1 kept a plain list, with no end date
        avoided = dict.fromkeys(str_list(avoided, "profile.avoided_exercises"), "")
    check(
        isinstance(avoided, dict) and all(isinstance(v, str) for v in avoided.values()),
        "profile.avoided_exercises: not an object of dates",
    )
    profile.avoided_exercises = dict(avoided)
    side = data.get("sore_side")
    check(side in (None, "left", "right"), "profile.sore_side: not left or right")
    profile.sore_side = side
    recent = data.get("nerve_pain_recent")
    check(recent is None or isinstance(recent, bool), "profile.nerve_pain_recent: not a bool")
    profile.nerve_pain_recent = recent
    short = data.get("prefer_short")
    check(short is None or isinstance(short, bool), "profile.prefer_short: not a bool")
    profile.prefer_short = short
    for name in ("nerve_pain_asked", "pain_asked_on"):
        asked = data.get(name)
        check(asked is None or isinstance(asked, str), f"profile.{name}: not a date")
        setattr(profile, name, asked)
    resume = data.get("resume")
    if resume is not None:
        check(isinstance(resume, dict), "profile.resume: not an object")
        check(isinstance(resume.get("routine_id"), str), "profile.resume.routine_id: missing")
        step = resume.get("step_index")
        check(
            isinstance(step, int) and not isinstance(step, bool) and step >= 0,
            "profile.resume.step_index: bad",
        )
        profile.resume = ResumePoint(resume["routine_id"], step)
    history = data.get("history", [])
    check(isinstance(history, list), "profile.history: not a list")
    profile.history = [parse_entry(entry) for entry in history]
    return profile


def parse_session(data: Any) -> Session:
    check(isinstance(data, dict), "session: not an object")
    unknown = set(data) - {f.name for f in fields(Session)}
    check(not unknown, f"session: unknown keys {sorted(unknown)}")
    session = Session()
    mode = data.get("mode", Mode.MENU)
    check(mode in MODES, f"session.mode: unknown mode {mode!r}")
    session.mode = Mode(mode)
    position = data.get("last_position", "")
    check(position in ("", *POSITIONS), "session.last_position: unknown position")
    session.last_position = position
    for name in (
        "routine_id", "inserted_exercise", "pending_exercise", "offered_routine",
        "reminder_time", "reminder_days",
    ):  # fmt: skip
        value = data.get(name)
        check(value is None or isinstance(value, str), f"session.{name}: not a string")
        setattr(session, name, value)
    asked_in = data.get("asked_in", "")
    check(asked_in in ("", *MODES), "session.asked_in: unknown mode")
    session.asked_in = asked_in
    for name in ("diary_session", "time_zone"):
        value = data.get(name, "")
        check(isinstance(value, str) and len(value) <= 64, f"session.{name}: not a string")
        setattr(session, name, value)
    before = data.get("pain_before", -1)
    check(small_int(before, -1, 10), "session.pain_before: not a score")
    session.pain_before = before
    feelings = str_list(data.get("feelings", []), "session.feelings")
    check(len(feelings) <= MAX_FEELINGS, "session.feelings: too many")
    session.feelings = feelings
    for name in ("started", "felt_worse", "short"):
        value = data.get(name, False)
        check(isinstance(value, bool), f"session.{name}: not a bool")
        setattr(session, name, value)
    for name in (
        "step_index", "next_side", "delivered_from_side", "screen_index", "screen_end",
        "checks_done", "steps_done",
    ):  # fmt: skip
        value = data.get(name, 0)
        check(
            isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1000,
            f"session.{name}: not a small non-negative integer",
        )
        setattr(session, name, value)
    last = data.get("last_reply")
    check(last is None or isinstance(last, dict), "session.last_reply: not an object")
    session.last_reply = last
    guess = data.get("unsure_guess")
    check(
        guess is None
        or (
            isinstance(guess, dict)
            and len(guess) <= MAX_GUESS_KEYS
            and all(isinstance(v, str) and len(v) <= MAX_GUESS_CHARS for v in guess.values())
        ),
        "session.unsure_guess: not an object of short strings",
    )
    session.unsure_guess = guess
    check(
        session.mode not in IN_ROUTINE or session.routine_id is not None,
        "session: routine mode without a routine",
    )
    return session
