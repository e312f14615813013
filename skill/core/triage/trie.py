"""Every rule term in one trie, so a description is read once whatever the number of term lists.

The indexed finder answers each question ("does any term of this list occur?") by looking up
the list's terms; an assessment asks about a hundred or more lists, most sharing their first
words with the text ("my", "i", "back"), so it tried about 250 terms per description. Here the
text is walked through the trie once (each word by its exact spelling and its stem) and every
term that occurs is found with its positions; a list's question is then a dictionary lookup. A
list the trie was not built from is answered by the indexed finder, so no answer depends on it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .matching import IndexedFinder, Term
from .text import Words

# A trie node: the next word's key -> node, and under _END the term that ends here (no key is
# empty: a key is a stem or "=word").
_Node = dict[str, Any]
_END = ""


class TermTrie:
    """The terms of `lists`, and which lists hold each of them."""

    def __init__(self, lists: Iterable[tuple[Term, ...]]) -> None:
        self.root: _Node = {}
        lists_of: defaultdict[Term, set[int]] = defaultdict(set)
        self.known: dict[int, tuple[Term, ...]] = {}  # keeps each list alive, so ids stay its
        for terms in lists:
            self.known[id(terms)] = terms
            for term in terms:
                lists_of[term].add(id(terms))
                node = self.root
                for key in term:
                    node = node.setdefault(key, {})
                node[_END] = term
        self.lists_of = dict(lists_of)

    def occurrences(self, words: Words) -> dict[Term, list[int]]:
        """Each term that occurs in `words`, with its start positions in ascending order."""
        found: dict[Term, list[int]] = {}
        keys = [("=" + raw, stemmed) for raw, stemmed in zip(words.raw, words.stems, strict=True)]
        for start in range(len(keys)):
            nodes = [self.root]
            for position in range(start, len(keys)):
                reached = [
                    child
                    for node in nodes
                    for key in keys[position]
                    if (child := node.get(key)) is not None
                ]
                for node in reached:
                    if _END in node:
                        found.setdefault(node[_END], []).append(start)
                if not reached:
                    break
                nodes = reached
        return found

    def finder(self) -> Callable[[Words], TrieFinder]:
        return lambda words: TrieFinder(words, self)


class TrieFinder(IndexedFinder):
    def __init__(self, words: Words, trie: TermTrie) -> None:
        super().__init__(words)
        self.trie = trie
        self.found = trie.occurrences(words)
        self._by_list: dict[int, list[Term]] | None = None

    def candidates(self, terms: tuple[Term, ...]) -> Sequence[Term]:
        found = self._found_by_list().get(id(terms))
        if found is not None:
            return found
        if id(terms) in self.trie.known:  # a list of the trie's none of whose terms occur
            return ()
        return super().candidates(terms)

    def _found_by_list(self) -> dict[int, list[Term]]:
        if self._by_list is None:
            by_list: defaultdict[int, list[Term]] = defaultdict(list)
            for term in self.found:
                for list_id in self.trie.lists_of[term]:
                    by_list[list_id].append(term)
            self._by_list = dict(by_list)
        return self._by_list

    def starts(self, term: Term) -> list[int]:
        if term in self.trie.lists_of:
            return self.found.get(term, [])
        return super().starts(term)
