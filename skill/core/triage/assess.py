"""Assessment: a free-text description of symptoms -> a level, advice and the matched flags.

A flag fires on a phrase, or on one term from each of several lists found close together
("tingling ... inner thighs"). The most serious flag wins; a description we cannot read at all
gets the "unsure" level (doctor), never selfcare: when unsure, escalate. Only the first
MAX_TRIAGE_CHARS characters are read (nobody says more in one breath), so no input makes
unbounded work on a public endpoint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .matching import Finder, FinderFactory, IndexedFinder, Term
from .rules import RANK, Combos, Flag, Rules, parse_rules, rules_file
from .screen import Screen, ScreenQuestion, parse_screen
from .text import Words, age_outside
from .trie import TermTrie

MAX_TRIAGE_CHARS = 1000


_RAISED_BY_WORSE = frozenset({"worse_than_before", "getting_worse"})


@dataclass(frozen=True)
class Assessment:
    level: str
    advice: str
    flags: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    # True when the text names a symptom we know (a flag or an ordinary back-pain word), as
    # opposed to the "unsure" answer given to text we could not read.
    recognised: bool = False
    # True when the text says something hurts ("ouch", "that hurts", "sharp"): said during a
    # stretch, the hold stops and the coach asks about it.
    pain: bool = False
    # For self-care only: the routine that fits what was described ("seizing up" -> back_spasm).
    suggested_routine: str | None = None

    @property
    def more_than_worse(self) -> bool:
        """A flag beyond those "that felt worse" raises by itself: said as a rating of a
        stretch, "worse" is about the stretch; "for three weeks" or "third time this month" is
        about the back."""
        return not set(self.flags) <= _RAISED_BY_WORSE

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"level": self.level, "advice": self.advice}
        result["flags"] = list(self.flags)
        if self.suggested_routine:
            result["suggested_routine"] = self.suggested_routine
        return result


@dataclass(frozen=True)
class _Text:
    """One description being assessed: its words, a finder over them, and the raw text."""

    words: Words
    find: Finder
    raw: str
    # Term groups (the rules' "@lists") recur across flags: their positions, found once.
    _groups: dict[int, list[int]] = field(default_factory=dict)

    def live(self, term: Term) -> bool:
        return any(not self.words.negated[p] for p in self.find.starts(term))

    def any_live(self, terms: tuple[Term, ...]) -> bool:
        return any(map(self.live, self.find.candidates(terms)))

    def any_denied(self, terms: tuple[Term, ...]) -> bool:
        negated = self.words.negated
        return any(negated[p] for t in self.find.candidates(terms) for p in self.find.starts(t))

    def covered(self, terms: tuple[Term, ...]) -> frozenset[int]:
        """The positions of every word of every term found."""
        starts = self.find.starts
        return frozenset(
            p + i for t in self.find.candidates(terms) for p in starts(t) for i in range(len(t))
        )

    def positions(self, group: tuple[Term, ...]) -> list[int]:
        found = self._groups.get(id(group))
        if found is None:
            negated, starts = self.words.negated, self.find.starts
            found = sorted(
                {p for t in self.find.candidates(group) for p in starts(t) if not negated[p]}
            )
            self._groups[id(group)] = found
        return found


@dataclass
class Triage:
    rules: Rules
    screen: Screen
    # Where terms are found; by default a trie of these rules' terms (trie.py), which gives
    # the same answers as the plain finders (tests compare them) several times faster.
    finder: FinderFactory | None = None
    max_chars: int | None = MAX_TRIAGE_CHARS
    _labels: dict[str, str] = field(default_factory=dict)
    _find: FinderFactory = field(default=IndexedFinder, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._labels = {flag.id: flag.label for flag in self.rules.flags}
        self._find = self.finder or TermTrie(self.rules.term_lists()).finder()

    @classmethod
    def load(cls, path: Path | None = None) -> Triage:
        """The rules in `path` (the packaged redflags.toml by default); ContentError if bad."""
        name, data = rules_file(path)
        rules = parse_rules(name, data)
        return cls(rules, parse_screen(name, data, rules.flags))

    @classmethod
    def default(cls) -> Triage:
        return _default_triage()

    # ------------------------------------------------------------------ assessment

    def assess(self, description: str) -> Assessment:
        raw = _capped(description, self.max_chars)
        words = Words.of(raw)
        text = _Text(words, self._find(words), raw)
        rules = self.rules
        pain = text.any_live(rules.pain_terms) or _any_combo(
            rules.pain_combos, rules.pain_window, text
        )
        if not pain and not text.any_live(rules.cry_unless):
            cried = text.any_live(rules.cry_terms)
            pain = cried or _any_combo(rules.cry_combos, rules.pain_window, text)
        matched = [flag for flag in rules.flags if _fires(flag, text)]
        if matched:
            level = min((flag.level for flag in matched), key=RANK.__getitem__)
            labels = tuple(flag.label for flag in matched if flag.level == level)
            advice = rules.advice[level].format(labels=_join(labels, "and"))
            return Assessment(level, advice, tuple(f.id for f in matched), labels, True, pain)
        if pain or text.any_live(rules.selfcare_terms):
            return Assessment(
                "selfcare", rules.advice["selfcare"], recognised=True, pain=pain,
                suggested_routine=self._suggestion(text),
            )  # fmt: skip
        return Assessment(rules.unsure_level, rules.unsure_advice)

    def routine_for(self, description: str) -> str | None:
        """The routine whose wording `description` uses, said of a symptom or not ("I've been
        sat at a laptop all day": desk_break). `assess` offers one only for self-care."""
        words = Words.of(_capped(description, self.max_chars))
        return self._suggestion(_Text(words, self._find(words), description))

    def _suggestion(self, text: _Text) -> str | None:
        return next((s.routine for s in self.rules.suggestions if text.any_live(s.terms)), None)

    # ------------------------------------------------------------------ the yes/no screen

    @property
    def flags(self) -> tuple[Flag, ...]:
        return self.rules.flags

    @property
    def advice(self) -> dict[str, str]:
        return self.rules.advice

    @property
    def questions(self) -> tuple[ScreenQuestion, ...]:
        return self.screen.questions

    @property
    def screen_length(self) -> int:
        return len(self.screen.questions)

    @property
    def screen_intro(self) -> str:
        return self.screen.intro

    @property
    def screen_all_clear(self) -> str:
        return self.screen.all_clear

    @property
    def screen_stopped(self) -> str:
        return self.screen.stopped

    def screen_question(self, index: int) -> ScreenQuestion:
        return self.screen.questions[min(index, len(self.screen.questions) - 1)]

    def advice_for(self, level: str, flag_id: str | Sequence[str] | None = None) -> str:
        """Advice naming the warning signs; a screen question's lead flag names all it asked."""
        if isinstance(flag_id, str):
            flag_id = self.screen.flags_asked_with(flag_id)
        labels = [self._labels[f] for f in flag_id or () if f in self._labels]
        return self.rules.advice[level].format(
            labels=_join(labels, "or") if labels else "What you describe"
        )


def _fires(flag: Flag, text: _Text) -> bool:
    if text.any_live(flag.unless):
        return False
    if text.any_live(flag.unless_alone) and not text.any_live(flag.kept_by):
        return False
    fires = (
        text.any_live(flag.phrases)
        or text.any_denied(flag.negated)
        or _any_combo(flag.combos, flag.window, text, text.covered(flag.aside))
    )
    if not fires or flag.age_outside is None:
        return fires
    # Said in digits ("I'm 72") or in dialect words ("i'm seeventy three"): the raw text, then
    # the words as read.
    said = (text.raw, " ".join(text.words.raw))
    return any(age_outside(words, flag.age_outside) for words in said)


def _any_combo(
    combos: Combos, window: int, text: _Text, aside: frozenset[int] = frozenset()
) -> bool:
    """One term of every group of some combo, all within `window` words, none set `aside`."""
    for combo in combos:
        positions = []
        for group in combo:
            found = [p for p in text.positions(group) if p not in aside]
            if not found:
                break
            positions.append(found)
        else:
            if text.find.within(positions, window):
                return True
    return False


def _capped(text: str, limit: int | None) -> str:
    """The first `limit` characters, less a word cut in half ("fellowship" must not be "fell")."""
    if limit is None or len(text) <= limit:
        return text
    head = text[:limit]
    if text[limit].isalnum() and head[-1:].isalnum():
        head = head.rsplit(None, 1)[0] if " " in head.strip() else ""
    return head


def _join(labels: Sequence[str], conjunction: str) -> str:
    if len(labels) == 1:
        return labels[0]
    rest = [label[:1].lower() + label[1:] for label in labels[1:]]
    return ", ".join([labels[0], *rest[:-1]]) + f" {conjunction} {rest[-1]}"


@cache
def _default_triage() -> Triage:
    return Triage.load()
