"""Stage 1: the model's own sentences, looked up exactly, then near misses by edit distance.

Sentences are keyed with their slot values replaced by the slot spotter's placeholders
("start the lower back" and "start the lumbar" are both "start the §RoutineName"), so the
table holds one entry per sample and value type, not one per value: small and quick to build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz, process

from skill.core.events import Event

from .model import SLOT, LanguageModel
from .slots import PLACEHOLDER, SlotSpotter, Span
from .text import normalise

FUZZY_CUTOFF = 86.0
# Slips are only looked for in short commands; longer sentences are the classifier's job.
FUZZY_MAX_WORDS = 4
Collision = tuple[str, str, str]  # (key, intent that kept it, intent refused)


# A placeholder that fills no slot stands for the value its sample said, which must be said
# again: "no that's fine" (Feeling better) is not "no that's worse".
LITERAL = "="


def literal_value(span: Span, kind: str) -> tuple[str, str]:
    return LITERAL + (span.id_for(kind) or ""), kind


@dataclass(frozen=True)
class Entry:
    intent: str
    # (slot name, slot type), one per placeholder in order; a name "=<value id>" fills no slot
    slots: tuple[tuple[str, str], ...]

    def fits(self, spans: list[Span]) -> bool:
        """The values said are the sample's own where it fills no slot with them."""
        return len(spans) == len(self.slots) and all(
            span.id_for(kind) == name[1:]
            for (name, kind), span in zip(self.slots, spans, strict=True)
            if name.startswith(LITERAL)
        )

    def event(self, spans: list[Span]) -> Event:
        slots: dict[str, str] = {}
        heard: dict[str, str] = {}
        for (name, kind), span in zip(self.slots, spans, strict=True):
            value = span.id_for(kind)
            if name and not name.startswith(LITERAL) and value is not None:
                slots[name], heard[name] = value, span.words
        return Event(self.intent, slots, heard)


class ExactTable:
    def __init__(
        self,
        spotter: SlotSpotter,
        table: Mapping[str, Entry],
        collisions: list[Collision] | None = None,
    ) -> None:
        self.spotter = spotter
        self.table = table
        self.collisions = collisions or []

    @cached_property
    def short(self) -> dict[str, str]:
        """Short sentences for slips, keyed with each value's placeholder as one mark:
        "§AMAZON.NUMBER" is longer than most words, and a shared one made "make it twenty
        seconds" near "wait twenty second". Built on the first slip, not at start-up."""
        return {_compact(s): s for s in self.table if len(s.split()) <= FUZZY_MAX_WORDS + 1}

    @classmethod
    def build(cls, model: LanguageModel, spotter: SlotSpotter) -> ExactTable:
        return _Builder(model, spotter).table()

    def lookup(self, utterance: str) -> Event | None:
        spans = self.spotter.spans(utterance)
        entry = self.table.get(" ".join(self.spotter.delexicalise(utterance, spans)))
        return None if entry is None or not entry.fits(spans) else entry.event(spans)

    def near(self, utterance: str) -> Event | None:
        """The model sentence a slip of the tongue or keyboard was aiming at ("nest one")."""
        if len(utterance) < 3 or len(utterance.split()) > FUZZY_MAX_WORDS:
            return None
        spans = self.spotter.spans(utterance)
        key = " ".join(self.spotter.delexicalise(utterance, spans))
        match = process.extractOne(
            _compact(key), self.short.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if match is None:
            return None
        entry = self.table[self.short[match[0]]]
        if len(spans) < len(entry.slots):  # a value left out: "this time" is no "short this time"
            return None
        if len(entry.slots) == len(spans):
            return entry.event(spans) if entry.fits(spans) else None
        # More values said than the sentence holds ("that's grand, that helped"): the spotter
        # chooses among them as it does for the classifier.
        return self.spotter.fill(entry.intent, utterance, spans)


class _Builder:
    """Every sample of the model, keyed as the slot spotter reads it (run once per model: the
    result is cached with the classifier)."""

    def __init__(self, model: LanguageModel, spotter: SlotSpotter) -> None:
        self.spotter = spotter
        self.kinds_of_value = {
            slot_type: self._one_per_placeholder([form for form, _ in forms])
            for slot_type, forms in model.values.items()
        }  # type -> {placeholder token: one spoken form that gives it}
        self.entries: dict[str, Entry] = {}
        self.collisions: list[Collision] = []
        for intent, samples in model.samples.items():
            kinds = model.slot_types[intent]
            for sample in samples:
                if model.is_templated(intent, sample):
                    continue
                for text in self._representatives(model, intent, sample):
                    spans = spotter.spans(text)
                    key = " ".join(spotter.delexicalise(text, spans))
                    used = [(slot, kinds[slot]) for slot in SLOT.findall(sample)]
                    if len(spans) != len(used):  # a literal word is also a slot value
                        used = _match_slots([(s, k) for s, k in kinds.items()], spans)
                    self._add(key, Entry(intent, tuple(used)))
                # The same sample when no literal word joins the value ("start {routine}
                # routine" as "start §RoutineName routine", as said with "back spasm").
                for key, direct in self._direct(sample, kinds):
                    self._add(key, Entry(intent, direct))

    def table(self) -> ExactTable:
        return ExactTable(self.spotter, self.entries, self.collisions)

    def _add(self, key: str, entry: Entry) -> None:
        claimed = self.entries.get(key)
        if claimed is not None and claimed.intent != entry.intent:
            # The first intent keeps it; the model tests list every collision.
            self.collisions.append((key, claimed.intent, entry.intent))
            return
        self.entries.setdefault(key, entry)

    def _representatives(self, model: LanguageModel, intent: str, sample: str) -> list[str]:
        """The sample with one value of each placeholder kind each slot can produce."""
        texts = [sample]
        kinds = model.slot_types[intent]
        for slot in SLOT.findall(sample):
            forms = self.kinds_of_value[kinds[slot]].values()
            texts = [t.replace("{" + slot + "}", f, 1) for t in texts for f in forms]
        return [normalise(t) for t in texts]

    def _direct(
        self, sample: str, kinds: dict[str, str]
    ) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
        pieces = SLOT.split(sample)  # literal, slot, literal, slot, ..., literal
        keys: list[tuple[list[str], list[tuple[str, str]]]] = [([], [])]
        for i, piece in enumerate(pieces):
            if i % 2:
                tokens = self.kinds_of_value[kinds[piece]]
                keys = [([*k, t], [*u, (piece, kinds[piece])]) for k, u in keys for t in tokens]
                continue
            text = normalise(piece)
            spans = self.spotter.spans(text)
            literal = self.spotter.delexicalise(text, spans)
            unnamed = [literal_value(span, span.ids[0][0]) for span in spans]
            keys = [(k + literal, u + unnamed) for k, u in keys]
        return [(" ".join(k), tuple(u)) for k, u in keys]

    def _one_per_placeholder(self, forms: list[str]) -> dict[str, str]:
        by_token: dict[str, str] = {}
        for form in forms:
            token = " ".join(self.spotter.delexicalise(form, self.spotter.spans(form)))
            by_token.setdefault(token, form)
        return by_token


def _match_slots(declared: list[tuple[str, str]], spans: list[Span]) -> list[tuple[str, str]]:
    """Placeholders of a sentence whose literal words also spot as values: each declared slot
    takes the first span that can be its type; the others stand for their literal value."""
    out = [literal_value(span, span.ids[0][0]) for span in spans]
    taken: set[int] = set()
    for slot, kind in declared:
        for i, span in enumerate(spans):
            if i not in taken and span.id_for(kind) is not None:
                out[i] = (slot, kind)
                taken.add(i)
                break
    return out


_MARKS: dict[str, str] = {}  # placeholder -> one character of its own


def _compact(key: str) -> str:
    return " ".join(
        _MARKS.setdefault(w, chr(0xE000 + len(_MARKS))) if w.startswith(PLACEHOLDER) else w
        for w in key.split()
    )
