"""Words that are slot values in one sense and not in another: the slot spotter skips them.

"Right" is a side, but not as an adverb ("right now", "i'll be right back") or as an opening
"okay" ("right let's get going"); "left" is a side, but not as the verb ("he's left that one");
"good" is a feeling, but not said of what suits ("whatever's
good for that").
"""

from __future__ import annotations

# "Right" as an adverb is no side: "right now", "right there", "i'll be right back" (but "my
# right back" is, and "the right then the left").
_AFTER_ADVERB_RIGHT = frozenset({"now", "there", "here"})
_BEFORE_RIGHT_BACK = frozenset({"be", "i'll", "we'll", "come", "coming", "get", "go", "went"})
# An opening "right" is "okay": "right let's get these stretches going", "right so".
_AFTER_OPENING_RIGHT = frozenset({"let's", "lets", "so", "okay", "ok", "lad", "well"})


def _right_as_adverb(words: list[str], i: int) -> bool:
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i else ""
    return (
        after in _AFTER_ADVERB_RIGHT
        or (after == "back" and before in _BEFORE_RIGHT_BACK)
        or (i == 0 and after in _AFTER_OPENING_RIGHT)
    )


# A word of feeling said of what suits is no feeling: "start whatever's good for that" (but "a
# good stretch" may answer "how did that feel?").
_PRAISE = frozenset({"good", "great"})
_WHATEVER = frozenset({"what's", "whatever's", "what", "whatever", "something", "anything"})


def _feeling_as_attribute(words: list[str], i: int) -> bool:
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i else ""
    return words[i] in _PRAISE and before in _WHATEVER and after == "for"


# "Left" after a subject or "have" is the verb: "he's left that one", "i've left my towel".
_BEFORE_LEFT_AS_VERB = frozenset(
    {
        "he's",
        "she's",
        "i've",
        "you've",
        "we've",
        "they've",
        "has",
        "he",
        "she",
        "they",
        "we",
        "just",
        "who",
    }
)


def in_another_sense(words: list[str], i: int) -> bool:
    """Whether `words[i]` is said here in a sense that is no slot value."""
    if words[i] == "right":
        return _right_as_adverb(words, i)
    if words[i] == "left":
        return i > 0 and words[i - 1] in _BEFORE_LEFT_AS_VERB
    return _feeling_as_attribute(words, i)
