"""Which of several values of one slot a sentence means: not a number taken back ("thirty's
too long, make it twenty") nor what will not happen ("cramping and won't relax"); then the one
named as such ("stiff from the desk, do the lower back routine"), the one asked for ("... something
for the backs of my legs"); the worse of two feelings, a routine before the back itself ("seized
up, do the spasm ones")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .model import NUMBER_TYPE
from .text import taken_back

if TYPE_CHECKING:
    from .slots import Span

# The routine named after the body part itself: any other routine named in the sentence, or
# suggested by what the user says is wrong with their back, is the more specific.
GENERAL_ROUTINE = "lower_back"
_NAMED_AS_SUCH = frozenset({"routine", "stretches", "exercises", "one", "session", "stretch"})
# Which of two values of one slot in a sentence wins (lower first; ties keep sentence order).
_FIRST_OF_TWO = {"worse": 0, "same": 1, "better": 2, GENERAL_ROUTINE: 2}
_DENIED_BY = frozenset({"won't", "not", "never", "refusing", "refuses", "refused", "wouldn't",
                        "doesn't", "didn't", "ain't", "isn't"})  # fmt: skip
# Better or worse said only after "not" ("it isn't better", "it ain't better it ain't worse") is
# no change; so are both after "no" ("it's no better and no worse", where "no better" is itself
# the same), but not one alone ("better? no, worse": no punctuation reaches the recogniser), nor
# "never better".
_NEITHER = frozenset({"better", "worse"})
_NO_CHANGE_BY = frozenset({"not", "ain't", "isn't", "wasn't"})


def preferred(
    found: list[tuple[str, str]], words: list[str], spans: Sequence[Span]
) -> tuple[str, str]:
    """Of `found` (value id, the words that said it), the one the sentence means."""
    corrected = {
        span.words
        for span in spans
        if span.ids[0][0] == NUMBER_TYPE and taken_back(words, span.start, span.end)
    }
    asked_for = {s.words for s in spans if "for" in words[max(0, s.start - 2) : s.start]}
    named = {s.words for s in spans if _named_as_such(words, s)}
    denied = {s.words for s in spans if _denied(words, s.start)}
    said_of = {value: [s for s in spans if s.words == said] for value, said in found}
    either = [v for v in _NEITHER if v in said_of]
    if (len(either) == 2 or "same" in said_of) and all(
        _only_after(words, said_of[v], _NO_CHANGE_BY | {"no"}) for v in either
    ):
        return "same", " ".join(said for value, said in found if value in _NEITHER)
    value, said = min(
        found, key=lambda f: (f[1] in corrected, f[1] in denied, f[1] not in named,
                              f[1] not in asked_for, _FIRST_OF_TWO.get(f[0], 1))
    )  # fmt: skip
    if value in _NEITHER and _only_after(words, said_of[value], _NO_CHANGE_BY):
        return "same", said
    return value, said


def _only_after(words: list[str], spans: Sequence[Span], deniers: frozenset[str]) -> bool:
    """Whether `spans` were said, each one, right after one of `deniers` (not "if not")."""
    return bool(spans) and all(_denied(words, s.start, deniers) for s in spans)


def _denied(words: list[str], start: int, deniers: frozenset[str] = _DENIED_BY) -> bool:
    """After "won't", "not"...; not "if not" ("the same if not worse")."""
    return start > 0 and words[start - 1] in deniers and words[max(0, start - 2)] != "if"


def _named_as_such(words: list[str], span: Span) -> bool:
    """ "the lower back routine" (the value's own last word), "the low back one" (the next word,
    after "the": "my desk one too many hours" names nothing)."""
    if span.words.split()[-1] in _NAMED_AS_SUCH:
        return True
    after = words[span.end] if span.end < len(words) else ""
    return after in ("one", "ones") and span.start > 0 and words[span.start - 1] in ("the", "that")
