"""The red-flag rules file (content/redflags.toml) parsed into validated, frozen rules.

Terms are stored as stems. A list item "@name" stands for every term of `[terms].name`
("@minor fall" appends "fall" to each). Every error names file, entry and field, through the
same validator the other content files use.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..validation import ContentError, Fields, read_toml
from .matching import Term
from .text import term_stems

LEVELS: tuple[str, ...] = ("emergency", "urgent", "doctor", "selfcare")
RANK = {level: index for index, level in enumerate(LEVELS)}  # lower is more serious
FLAG_LEVELS = LEVELS[:-1]
SERIOUS = LEVELS[:2]  # these end the session at once
ROUTINE_IDS = ("lower_back", "sciatica", "back_spasm", "hamstrings", "desk_break", "breathing")
DEFAULT_WINDOW = 8
_MAX_REFERENCE_DEPTH = 3


Combos = tuple[tuple[tuple[Term, ...], ...], ...]  # combo -> group -> terms


@dataclass(frozen=True)
class Flag:
    id: str
    level: str
    label: str
    phrases: tuple[Term, ...]
    combos: Combos
    unless: tuple[Term, ...]
    # Terms that cancel the match only when no `kept_by` term is said too: "i've done it every
    # day since last monday" tells of a streak, "i've done them for a week and it's no better"
    # of a complaint.
    unless_alone: tuple[Term, ...]
    kept_by: tuple[Term, ...]
    # Terms that are the symptom when negated: "I haven't peed since yesterday" is retention.
    negated: tuple[Term, ...]
    # Phrases whose words count for none of the combos: "the towel keeps slipping" is no fall,
    # while "the towel slipped and i fell" still has one.
    aside: tuple[Term, ...]
    window: int
    age_outside: tuple[int, int] | None


@dataclass(frozen=True)
class Suggestion:
    """Self-care wording that points to a routine ("seizing up" -> back_spasm)."""

    routine: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Rules:
    flags: tuple[Flag, ...]
    advice: dict[str, str]
    unsure_level: str
    unsure_advice: str
    selfcare_terms: tuple[Term, ...]
    pain_terms: tuple[Term, ...]
    pain_combos: Combos  # a body part with a word of discomfort ("my back's on fire")
    pain_window: int
    # A cry beside a body part ("ahh my back"), pain unless `cry_unless` says it is fine
    cry_terms: tuple[Term, ...]
    cry_combos: Combos
    cry_unless: tuple[Term, ...]
    suggestions: tuple[Suggestion, ...]

    def term_lists(self) -> Iterator[tuple[Term, ...]]:
        """Every list of terms an assessment looks for (combos give one list per group)."""
        yield from (self.selfcare_terms, self.pain_terms, self.cry_terms, self.cry_unless)
        yield from (s.terms for s in self.suggestions)
        for flag in self.flags:
            yield from (flag.phrases, flag.unless, flag.unless_alone, flag.kept_by, flag.negated)
            yield flag.aside
        for combos in (self.pain_combos, self.cry_combos, *(f.combos for f in self.flags)):
            yield from (group for combo in combos for group in combo)


def rules_file(path: Path | None = None) -> tuple[str, dict[str, Any]]:
    """The file's name and parsed TOML (the packaged redflags.toml by default)."""
    source = path if path is not None else resources.files("skill.content") / "redflags.toml"
    return source.name, read_toml(source)


class _Expander:
    """Turns term lists (with "@name" references) into stems, failing with entry and field."""

    def __init__(self, terms: Fields) -> None:
        self.terms = terms

    def __call__(self, f: Fields, field: str, *, required: bool = False) -> tuple[Term, ...]:
        return self.items(f, field, f.texts(field, required=required))

    def items(self, f: Fields, field: str, items: tuple[str, ...]) -> tuple[Term, ...]:
        return tuple(self._expand(f, field, items, 0))

    def _expand(self, f: Fields, field: str, items: tuple[str, ...], depth: int) -> list[Term]:
        """Each item as stems; an "@name" anywhere in it ("for @count weeks") stands for every
        term of that list in its place."""
        result: list[Term] = []
        for item in items:
            options: list[Term] = [()]
            for part in _parts(item):
                if part.startswith("@"):
                    ref = part[1:]
                    if ref not in self.terms.table or depth >= _MAX_REFERENCE_DEPTH:
                        raise f.fail(field, f"unknown term list '@{ref}'")
                    listed = self.terms.texts(ref)
                    choices = self._expand(self.terms, ref, listed, depth + 1)
                else:
                    stems = term_stems(part)
                    if not stems:
                        raise f.fail(field, f"term {item!r} has no words")
                    choices = [stems]
                options = [done + choice for done in options for choice in choices]
            result.extend(options)
        return result


def _parts(item: str) -> list[str]:
    """ "for @count weeks" -> ["for", "@count", "weeks"]: references apart, other words in runs."""
    parts: list[str] = []
    run: list[str] = []
    for word in item.split():
        if word.startswith("@"):
            parts += [" ".join(run)] if run else []
            parts.append(word)
            run = []
        else:
            run.append(word)
    return parts + ([" ".join(run)] if run else [])


def parse_rules(file: str, data: dict[str, Any]) -> Rules:
    top = Fields(file, "", data)
    expand = _Expander(top.table_of("terms", required=False))
    levels = top.table_of("levels")
    advice = {level: levels.table_of(level).text("advice") for level in LEVELS}
    unsure = levels.table_of("unsure", required=False)
    flags = tuple(_parse_flag(f, expand) for f in top.tables("flag", id_key="id"))
    ids = [flag.id for flag in flags]
    for flag in flags:
        if ids.count(flag.id) > 1:
            raise ContentError(f"{file}: entry '{flag.id}': field 'id': appears twice")
    suggestions = tuple(
        Suggestion(f.choice("routine", ROUTINE_IDS), expand(f, "terms", required=True))
        for f in top.tables("suggest")
    )
    pain = top.table_of("pain")
    pain_terms = expand(pain, "terms", required=True)
    if not pain_terms:
        raise pain.fail("terms", "needs at least one term")
    return Rules(
        flags=flags,
        advice=advice,
        unsure_level=unsure.choice("level", FLAG_LEVELS, default="doctor"),
        unsure_advice=unsure.text("advice", default=advice["doctor"]),
        selfcare_terms=expand(top.table_of("selfcare"), "terms", required=True),
        pain_terms=pain_terms,
        pain_combos=_combos(pain, expand),
        pain_window=pain.integer("window", 1, 50, default=DEFAULT_WINDOW),
        cry_terms=expand(pain, "cries"),
        cry_combos=_combos(pain, expand, "cry_combos"),
        cry_unless=expand(pain, "cry_unless"),
        suggestions=suggestions,
    )


def _combos(f: Fields, expand: _Expander, field: str = "combos") -> Combos:
    raw_combos = f.value(field, [])
    if not isinstance(raw_combos, list) or not all(
        isinstance(combo, list) and combo and all(isinstance(g, str) and g.strip() for g in combo)
        for combo in raw_combos
    ):
        raise f.fail(field, "must be a list of non-empty lists of terms")
    return tuple(
        tuple(expand.items(f, field, (group,)) for group in combo) for combo in raw_combos
    )


def _parse_flag(f: Fields, expand: _Expander) -> Flag:
    if not isinstance(f.table.get("id"), str):
        raise f.fail("id", "must be a non-empty string")
    combos = _combos(f, expand)
    phrases = expand(f, "phrases")
    if not phrases and not any(combos) and "negated" not in f.table:
        raise f.fail("phrases", "a flag needs phrases or combos")
    kept_by = expand(f, "kept_by")
    if "unless_alone" in f.table and not kept_by:
        raise f.fail("kept_by", "unless_alone needs the terms that keep the match")
    age = f.value("age_outside", None)
    if age is not None and not (
        isinstance(age, list) and len(age) == 2 and all(isinstance(a, int) for a in age)
    ):
        raise f.fail("age_outside", "must be [low, high]")
    return Flag(
        id=f.entry,
        level=f.choice("level", FLAG_LEVELS),
        label=f.text("label"),
        phrases=phrases,
        combos=combos,
        unless=expand(f, "unless"),
        unless_alone=expand(f, "unless_alone"),
        kept_by=kept_by,
        negated=expand(f, "negated"),
        aside=expand(f, "aside"),
        window=f.integer("window", 1, 50, default=DEFAULT_WINDOW),
        age_outside=(age[0], age[1]) if age else None,
    )
