"""Coach state as plain data that round-trips through JSON.

`Profile` is what we keep for a user between sessions (Alexa persistent attributes or the local
store); `Session` is the conversation in progress (Alexa session attributes or the local loop).
Parsing is strict: anything malformed raises `StateError`, and the caller decides how to recover.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from .modes import MODES, STEP_ON, Mode
from .timing import DEFAULT_HOLD, MAX_HOLD, MIN_HOLD

STATE_VERSION = 1


class StateError(ValueError):
    """Stored or session state could not be understood."""


@dataclass
class ResumePoint:
    routine_id: str
    step_index: int


@dataclass
class HistoryEntry:
    routine_id: str
    finished_at: str  # ISO-8601 timestamp from the injected clock


@dataclass
class Profile:
    disclaimer_heard: bool = False
    hold_seconds: int = DEFAULT_HOLD
    seen_exercises: list[str] = field(default_factory=list)
    avoided_exercises: list[str] = field(default_factory=list)
    missing_equipment: list[str] = field(default_factory=list)
    resume: ResumePoint | None = None
    history: list[HistoryEntry] = field(default_factory=list)


@dataclass
class Session:
    mode: Mode = Mode.MENU
    routine_id: str | None = None
    step_index: int = 0
    next_side: int = 0  # first side not yet spoken of the current step (0 = none spoken)
    delivered_from_side: int = 0  # first side spoken in the last delivery (for Resume)
    inserted_exercise: str | None = None  # a gentler exercise done in place of the current step
    pending_exercise: str | None = None  # the gentler exercise offered, awaiting yes/no
    screen_index: int = 0  # red-flag screen: which question is being asked
    last_reply: dict[str, Any] | None = None  # for Repeat outside a routine


@dataclass
class CoachState:
    profile: Profile = field(default_factory=Profile)
    session: Session = field(default_factory=Session)

    def profile_dict(self) -> dict[str, Any]:
        return {"version": STATE_VERSION, **asdict(self.profile)}

    def session_dict(self) -> dict[str, Any]:
        # Shallow on purpose: every field is a scalar except last_reply, already plain JSON.
        return {f.name: getattr(self.session, f.name) for f in fields(Session)}

    def clone(self) -> CoachState:
        """An independent copy (cheaper than deepcopy; last_reply is never mutated in place)."""
        profile = self.profile
        return CoachState(
            profile=replace(
                profile,
                seen_exercises=list(profile.seen_exercises),
                avoided_exercises=list(profile.avoided_exercises),
                missing_equipment=list(profile.missing_equipment),
                resume=replace(profile.resume) if profile.resume else None,
                history=list(profile.history),  # entries are replaced, never edited
            ),
            session=replace(self.session),
        )

    @classmethod
    def from_dicts(
        cls, profile: dict[str, Any] | None, session: dict[str, Any] | None
    ) -> CoachState:
        return cls(
            profile=parse_profile(profile) if profile else Profile(),
            session=parse_session(session) if session else Session(),
        )


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise StateError(message)


def _str_list(value: Any, name: str) -> list[str]:
    _check(
        isinstance(value, list) and all(isinstance(v, str) for v in value),
        f"{name}: not a list of strings",
    )
    return list(value)


def parse_profile(data: Any) -> Profile:
    _check(isinstance(data, dict), "profile: not an object")
    known = {f.name for f in fields(Profile)} | {"version"}
    unknown = set(data) - known
    _check(not unknown, f"profile: unknown keys {sorted(unknown)}")
    profile = Profile()
    if "disclaimer_heard" in data:
        _check(isinstance(data["disclaimer_heard"], bool), "profile.disclaimer_heard: not a bool")
        profile.disclaimer_heard = data["disclaimer_heard"]
    if "hold_seconds" in data:
        hold = data["hold_seconds"]
        _check(
            isinstance(hold, int) and not isinstance(hold, bool) and MIN_HOLD <= hold <= MAX_HOLD,
            "profile.hold_seconds: out of range",
        )
        profile.hold_seconds = hold
    for name in ("seen_exercises", "avoided_exercises", "missing_equipment"):
        if name in data:
            setattr(profile, name, _str_list(data[name], f"profile.{name}"))
    resume = data.get("resume")
    if resume is not None:
        _check(isinstance(resume, dict), "profile.resume: not an object")
        _check(isinstance(resume.get("routine_id"), str), "profile.resume.routine_id: missing")
        step = resume.get("step_index")
        _check(
            isinstance(step, int) and not isinstance(step, bool) and step >= 0,
            "profile.resume.step_index: bad",
        )
        profile.resume = ResumePoint(resume["routine_id"], step)
    history = data.get("history", [])
    _check(isinstance(history, list), "profile.history: not a list")
    for entry in history:
        _check(
            isinstance(entry, dict)
            and isinstance(entry.get("routine_id"), str)
            and isinstance(entry.get("finished_at"), str),
            "profile.history: bad entry",
        )
        profile.history.append(HistoryEntry(entry["routine_id"], entry["finished_at"]))
    return profile


def parse_session(data: Any) -> Session:
    _check(isinstance(data, dict), "session: not an object")
    unknown = set(data) - {f.name for f in fields(Session)}
    _check(not unknown, f"session: unknown keys {sorted(unknown)}")
    session = Session()
    mode = data.get("mode", Mode.MENU)
    _check(mode in MODES, f"session.mode: unknown mode {mode!r}")
    session.mode = Mode(mode)
    for name in ("routine_id", "inserted_exercise", "pending_exercise"):
        value = data.get(name)
        _check(value is None or isinstance(value, str), f"session.{name}: not a string")
        setattr(session, name, value)
    for name in ("step_index", "next_side", "delivered_from_side", "screen_index"):
        value = data.get(name, 0)
        _check(
            isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1000,
            f"session.{name}: not a small non-negative integer",
        )
        setattr(session, name, value)
    last = data.get("last_reply")
    _check(last is None or isinstance(last, dict), "session.last_reply: not an object")
    session.last_reply = last
    _check(
        session.mode not in STEP_ON or session.routine_id is not None,
        "session: routine mode without a routine",
    )
    return session
