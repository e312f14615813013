"""Where rule terms occur in a description: an indexed finder and the plain-scan reference.

A term is a tuple of stems (or "=word" exact words) that must appear in order. The indexed
finder looks up the positions of a term's first word in a dictionary built once per text, so
the cost grows with the text plus the matches, not with text length times the number of terms.
The scan finder is the original algorithm, kept as the reference the indexed one must agree
with (tests compare them, the benchmark times them).
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Protocol

from .text import Words

Term = tuple[str, ...]


class Finder(Protocol):
    def starts(self, term: Term) -> list[int]:
        """Ascending positions where `term` starts, negated or not."""
        ...

    def candidates(self, terms: tuple[Term, ...]) -> Sequence[Term]:
        """The terms of `terms` that could occur in the text (a superset of those that do)."""
        ...

    def within(self, groups: Sequence[Sequence[int]], window: int) -> bool:
        """Can one position be taken from each (non-empty) group, all within `window` words?"""
        ...


FinderFactory = Callable[[Words], Finder]


class IndexedFinder:
    def __init__(self, words: Words) -> None:
        self.words = words
        index: defaultdict[str, list[int]] = defaultdict(list)
        for position, (raw, stemmed) in enumerate(zip(words.raw, words.stems, strict=True)):
            index["=" + raw].append(position)
            index[stemmed].append(position)
        self.index = index
        self.cache: dict[Term, list[int]] = {}

    def candidates(self, terms: tuple[Term, ...]) -> Sequence[Term]:
        # A rule list holds hundreds of terms and a sentence a dozen words: look the terms up
        # by their first word instead of trying each.
        by_first, index = _by_first_word(terms), self.index
        if len(index) > len(by_first):  # a long text: walk the terms' first words instead
            return [term for first, group in by_first.items() if first in index for term in group]
        return [term for key in index for term in by_first.get(key, ())]

    def starts(self, term: Term) -> list[int]:
        found = self.cache.get(term)
        if found is None:
            found = self._starts(term)
            self.cache[term] = found
        return found

    def _starts(self, term: Term) -> list[int]:
        # Anchor on the term's rarest word, then check the others around each occurrence.
        index, words = self.index, self.words
        if len(term) == 1:
            return index.get(term[0], [])
        counts = [len(index.get(t, ())) for t in term]
        if 0 in counts:  # most terms: a word of it is not in the text at all
            return []
        anchor = counts.index(min(counts))
        last = len(words) - len(term)
        return [
            p - anchor
            for p in index.get(term[anchor], ())
            if 0 <= p - anchor <= last
            and all(words.matches(t, p - anchor + k) for k, t in enumerate(term) if k != anchor)
        ]

    @staticmethod
    def within(groups: Sequence[Sequence[int]], window: int) -> bool:
        # Smallest range holding one position of every group: sweep the merged positions,
        # keeping the latest position seen of each group (O(n log n) in the positions).
        if len(groups) == 1:
            return bool(groups[0])
        latest: dict[int, int] = {}
        merged = heapq.merge(*[[(p, g) for p in group] for g, group in enumerate(groups)])
        for position, group in merged:
            latest[group] = position
            if len(latest) == len(groups) and position - min(latest.values()) <= window:
                return True
        return False


class ScanFinder:
    """The reference: every term tried at every position; every combination of positions."""

    def __init__(self, words: Words) -> None:
        self.words = words

    @staticmethod
    def candidates(terms: tuple[Term, ...]) -> Sequence[Term]:
        return terms

    def starts(self, term: Term) -> list[int]:
        words, n = self.words, len(term)
        return [
            i
            for i in range(len(words) - n + 1)
            if all(words.matches(t, i + k) for k, t in enumerate(term))
        ]

    @staticmethod
    def within(groups: Sequence[Sequence[int]], window: int) -> bool:
        if len(groups) == 1:
            return bool(groups[0])
        return any(max(c) - min(c) <= window for c in itertools.product(*groups))


# Rule term lists live as long as the rules; each is indexed once (kept with its index so its
# id is never reused).
_FIRST_WORDS: dict[int, tuple[tuple[Term, ...], dict[str, list[Term]]]] = {}


def _by_first_word(terms: tuple[Term, ...]) -> dict[str, list[Term]]:
    cached = _FIRST_WORDS.get(id(terms))
    if cached is not None and cached[0] is terms:
        return cached[1]
    index: defaultdict[str, list[Term]] = defaultdict(list)
    for term in terms:
        index[term[0]].append(term)
    _FIRST_WORDS[id(terms)] = (terms, dict(index))
    return dict(index)
