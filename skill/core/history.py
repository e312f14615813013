"""The diary's lines as plain data: a finished routine, or a pain score (see coach/diary.py).

Version 2 profiles kept only routine_id and finished_at; those lines read as finished routines
with nothing else recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .parsing import check, small_int, str_list

ENTRY_KINDS = ("routine", "score")
SCORE_MOMENTS = ("", "before", "after")  # "": volunteered at any other moment
MAX_FEELINGS = 50  # per routine; more would only be the same words again


@dataclass
class HistoryEntry:
    """One line of the diary: a finished routine, or a pain score (appended, never edited).

    Lines of one routine session share `session` (when it started), so the before and after
    scores and the routine itself can be put back together (see coach/diary.py).
    """

    routine_id: str  # "" for a score given outside a routine
    finished_at: str  # ISO-8601 timestamp from the injected clock (when the line was written)
    kind: str = "routine"
    session: str = ""  # ISO timestamp the routine session started ("": none)
    score: int | None = None  # 0-10, for kind "score"
    moment: str = ""  # "before" / "after" the routine, or "" (any other moment)
    steps_done: int = 0  # for kind "routine"
    feelings: list[str] = field(default_factory=list)  # "exercise_id:better|same|worse"


def parse_entry(entry: Any) -> HistoryEntry:
    """One diary line (version 2 lines have only routine_id and finished_at)."""
    check(isinstance(entry, dict), "profile.history: bad entry")
    unknown = set(entry) - {f.name for f in fields(HistoryEntry)}
    check(not unknown, f"profile.history: unknown keys {sorted(unknown)}")
    for name in ("routine_id", "finished_at"):
        check(isinstance(entry.get(name), str), f"profile.history.{name}: not a string")
    kind, moment = entry.get("kind", "routine"), entry.get("moment", "")
    check(kind in ENTRY_KINDS, "profile.history.kind: unknown")
    check(moment in SCORE_MOMENTS, "profile.history.moment: unknown")
    session = entry.get("session", "")
    check(isinstance(session, str), "profile.history.session: not a string")
    score = entry.get("score")
    check(
        (score is None) if kind == "routine" else small_int(score, 0, 10),
        "profile.history.score: not a score from 0 to 10",
    )
    steps = entry.get("steps_done", 0)
    check(small_int(steps, 0, 999), "profile.history.steps_done: bad")
    feelings = str_list(entry.get("feelings", []), "profile.history.feelings")
    check(len(feelings) <= MAX_FEELINGS, "profile.history.feelings: too many")
    return HistoryEntry(
        entry["routine_id"], entry["finished_at"], kind, session, score, moment, steps, feelings
    )


def entry_dict(entry: HistoryEntry) -> dict[str, Any]:
    """A line as stored: fields at their defaults are left out (a plain finished routine is
    stored as it was in version 2), and the same line always gives the same dict."""
    data: dict[str, Any] = {"routine_id": entry.routine_id, "finished_at": entry.finished_at}
    if entry.kind != "routine":
        data["kind"] = entry.kind
    if entry.session:
        data["session"] = entry.session
    if entry.score is not None:
        data["score"] = entry.score
    if entry.moment:
        data["moment"] = entry.moment
    if entry.steps_done:
        data["steps_done"] = entry.steps_done
    if entry.feelings:
        data["feelings"] = list(entry.feelings)
    return data
