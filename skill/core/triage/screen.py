"""The yes/no red-flag screen: a short list of questions, most serious first.

Asked when someone says "is this a red flag?" without describing anything. Saddle numbness and
bladder or bowel changes get questions of their own (people rarely volunteer them); the other
signs may share a question, and a "yes" then names every sign that question asked about.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..validation import Fields
from .rules import FLAG_LEVELS, RANK, Flag

MAX_QUESTIONS = 7
OWN_QUESTION = ("saddle_numbness", "bladder_bowel")  # never folded into a compound question


@dataclass(frozen=True)
class ScreenQuestion:
    level: str
    flag: str  # the first of `flags`
    text: str
    flags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.flags:
            object.__setattr__(self, "flags", (self.flag,))


@dataclass(frozen=True)
class Screen:
    questions: tuple[ScreenQuestion, ...]
    intro: str
    all_clear: str
    stopped: str

    def flags_asked_with(self, flag_id: str) -> tuple[str, ...]:
        """Every flag the question led by `flag_id` asks about (just the flag otherwise)."""
        for question in self.questions:
            if question.flag == flag_id:
                return question.flags
        return (flag_id,)


def parse_screen(file: str, data: dict[str, Any], flags: tuple[Flag, ...]) -> Screen:
    screen = Fields(file, "", data).table_of("screen")
    by_id = {flag.id: flag for flag in flags}
    questions = [_parse_question(q, by_id) for q in screen.tables("question")]
    if len(questions) > MAX_QUESTIONS:
        raise screen.fail("question", f"at most {MAX_QUESTIONS} questions (got {len(questions)})")
    order = [RANK[q.level] for q in questions]
    if order != sorted(order):
        raise screen.fail("question", "questions must go from most to least serious")
    asked = [flag_id for q in questions for flag_id in q.flags]
    for flag_id in asked:
        if asked.count(flag_id) > 1:
            raise screen.fail("question", f"flag {flag_id!r} is asked about twice")
    missing = [f.id for f in flags if f.level == "emergency" and f.id not in asked]
    if missing:
        raise screen.fail("question", f"no question covers emergency flag(s) {missing}")
    return Screen(
        questions=tuple(questions),
        intro=screen.text("intro"),
        all_clear=screen.text("all_clear"),
        stopped=screen.text("stopped"),
    )


def _parse_question(f: Fields, flags: dict[str, Flag]) -> ScreenQuestion:
    level = f.choice("level", FLAG_LEVELS)
    ids = f.texts("flags") if "flags" in f.table else (f.text("flag"),)
    if not ids:
        raise f.fail("flags", "needs at least one flag")
    for flag_id in ids:
        if flag_id not in flags:
            raise f.fail("flags", f"unknown flag {flag_id!r}")
        if len(ids) > 1 and flag_id in OWN_QUESTION:
            raise f.fail("flags", f"{flag_id!r} must have a question of its own")
    most_serious = min((flags[i].level for i in ids), key=RANK.__getitem__)
    if level != most_serious:
        raise f.fail("level", f"must be {most_serious}, the most serious of its flags")
    return ScreenQuestion(level, ids[0], f.text("text"), tuple(ids))
