"""Text normalisation for triage: lower-case words, crude stems, negation and stated ages.

Matching works on word stems, so "numbness", "numb" and "gone numb" meet. A negating word
directly before a term ("no numbness", "I don't have any numbness") cancels that term; anything
vaguer ("not sure if it's numb") counts as a yes: when unsure, escalate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..dialect import in_standard_words
from ..words import ONES, TENS, plain_letters

# Applied word by word (they never span a space), so each distinct word is expanded once.
_CONTRACTIONS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bcan'?t\b", "cannot"),
        (r"\bwon'?t\b", "will not"),
        (r"\bshan'?t\b", "shall not"),
        (r"\bain'?t\b", "is not"),  # not "ai not": "ai" is a cry ("ai my back")
        (r"\b(\w+)n't\b", r"\1 not"),
        (r"\bi'?m\b", "i am"),
        (r"\b(\w+)'ve\b", r"\1 have"),
        (r"\b(\w+)'ll\b", r"\1 will"),
        (r"\b(\w+)'re\b", r"\1 are"),
        (r"\b(\w+)'d\b", r"\1 would"),
        (r"\b(it|that|there|what|he|she)'s\b", r"\1 is"),
        (r"'s\b", ""),
    )
)
# "Can not" is "cannot"; so is "could not" before feeling or moving ("i couldn't feel my legs"
# this morning says what "i can't feel my legs" says, not a denial of a feeling).
_CAN_NOT = re.compile(r"\bcan not\b|\bcould not(?= (?:feel|move|walk|stand|lift|hold)\b)")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SUFFIXES = (
    "nesses", "ness", "ings", "ing", "edly", "ed", "ers", "er", "est", "ies", "es", "s", "ly", "e",
)  # fmt: skip
# A double negative says the thing once: "i can't feel nothing down below" is "can't feel
# anything", which "nothing" right before "down below" would otherwise have negated.
_DOUBLE_NEGATIVE = re.compile(
    r"\b((?:cannot|not|never) (?:feel|felt|feeling|notice|noticed|sense|get|got|have|had|do|does"
    r"|did|doing))"
    r" nothing\b"
)
# Feeling, strength or control denied is the loss of it: "i haven't got any feeling in my legs",
# "i ain't got no control of my bladder", "i ain't got none of the feeling in my foot" are "no
# feeling", "no control" (which the negation below would otherwise read as a denial of the
# symptom).
_SENSATION_DENIED = re.compile(
    r"\b(?:not|never) (?:(?:have|had|got|get) )+(?:any |no |much |(?:any|none) of the )?"
    r"(feeling|sensation|strength|power|control)\b"
)
# Feeling denied of a part of the body is the loss of it: "i haven't been able to feel my legs",
# "i don't feel my feet at all" are "cannot feel" ("i don't feel my legs are any looser", "i
# don't feel my legs burning any more", "i don't feel my bum in this one" are not).
_FEELING_DENIED = re.compile(
    r"\b(?:(?:not|never) (?:been )?able to|not) feel(?:ing)?(?= (?:(?:my|me|the|both|either|of"
    r"|his|her) )+(?:legs?|feet|foot|toes?|thighs?|knees?|bum|bottom|backside|groin|privates"
    r"|bits|buttocks?|lower half)\b(?! (?:is|are|was|were|be|been|get|gets|going|any|so|too|as"
    r"|like|more|better|worse|much|cold|hurt\w*|need\w*|loosen\w*|stretch\w*|mov\w*|work\w*"
    r"|improv\w*|[a-z]+ing|in (?:this|that|the|these|those)|during|when|while)\b))"
)
# A time said of what was done, not of the pain: "stiff after hauling grain all week", "tight
# from sitting gaming all night" (not pain for a week, nor at night). Lying awake, tossing, hurting
# all night are the pain's own time, and so is any span said to persist ("it's been aching after
# gardening all week and no better") or followed by the pain ("from getting up all night with
# the pain").
_ACTIVITY_SPAN = re.compile(
    r"\b(after|from) ((?!(?:hurt|ach|pa|throbb|burn|kill|sting|ly|lay|toss|turn|wak|suffer|cry"
    r"|struggl|try|any|no|some|every)in[g']?\b)(?!(?:any|no|some|every)thing\b)"
    r"(?!bein[g']? (?:in|awake|up|kept|unable|sore|stiff|bad|ill)\b)(?!doin[g']? (?:any|no)thing\b)"
    r"(?!(?:[a-z']+ ){0,6}?(?:pain|hurt|hurting|ache|aching|agony|woken|awake|sore|throbbing)\b)"
    r"[a-z]+in[g']?(?: [a-z']+){0,6}?) all (?:week|night|day|weekend)\b"
    r"(?!.*\b(?:pain|hurt|hurts|hurting|ache|aching|agony|sore|throbbing)\b)"
)
_PERSISTS = re.compile(
    r"\b(?:been|still|better|worse|since|now|yet|ages|anymore|any more|eas(?:e|es|ed|ing)"
    r"|go(?:ing)? away|shift)\b"
)
# "Not at all reducing": "not reducing".
_NOT_AT_ALL = re.compile(r"\bnot at all (?=[a-z]+ing\b)")
# "My back ain't no better": the double negative says "no better" once.
_NOT_NO = re.compile(r"\bnot no\b")
_NEGATORS = frozenset({"no", "not", "without", "never", "nor", "none", "neither", "nothing"})
# Words that may stand between a negator and what it negates ("I don't have any numbness").
_NEGATION_FILLERS = frozenset(
    {"have", "had", "any", "a", "an", "my", "the", "got", "feel", "felt", "been", "notice",
     "noticed", "experience", "experienced", "do", "did", "get", "getting", "much", "sign", "of",
     "in"}
)  # fmt: skip


def normalise(text: str) -> str:
    text = plain_letters(text.lower()).replace("\u2019", "'").replace("\u2018", "'")
    text = in_standard_words(text)
    text = _CAN_NOT.sub("cannot", " ".join(map(_expand, text.split())))
    text = _DOUBLE_NEGATIVE.sub(r"\1 anything", _NON_WORD.sub(" ", text).strip())
    if ("after" in text or "from" in text) and not _PERSISTS.search(text):
        text = _ACTIVITY_SPAN.sub(r"\1 \2", text)
    text = _NOT_AT_ALL.sub("not ", text)
    text = _FEELING_DENIED.sub("cannot feel", text)
    return _NOT_NO.sub("no", _SENSATION_DENIED.sub(r"no \1", text))


@lru_cache(maxsize=8192)
def _expand(word: str) -> str:
    for pattern, replacement in _CONTRACTIONS:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    return [stem(word) for word in normalise(text).split()]


@lru_cache(maxsize=4096)  # a rules file names ~1,600 distinct parts ~6,500 times
def term_stems(item: str) -> tuple[str, ...]:
    """A rules-file term as stems; a leading "=" keeps the exact word ("=legs" is not "leg")."""
    if item.startswith("="):
        return tuple("=" + w for w in normalise(item[1:]).split())
    return tuple(tokens(item))


@dataclass(frozen=True)
class Words:
    """A description as its raw words, their stems, and which positions are negated."""

    raw: tuple[str, ...]
    stems: tuple[str, ...]
    negated: tuple[bool, ...]

    @classmethod
    def of(cls, text: str) -> Words:
        raw = tuple(normalise(text).split())
        return cls(raw, tuple(stem(w) for w in raw), _negation(raw))

    def __len__(self) -> int:
        return len(self.raw)

    def matches(self, term: str, index: int) -> bool:
        if term.startswith("="):
            return self.raw[index] == term[1:]
        return self.stems[index] == term


# "Oh no my knee feels funny": "no" cried out after "oh" or "ah" and before what is said of
# something ("my ...", "it ...", "that ...") negates nothing. Before a symptom ("oh no numbness",
# "uh no, no weakness") it is the denial it sounds like. (Not the rules file's exclamations:
# these are only the sounds a "no" is cried out after.)
_CRIED_AFTER = frozenset({"oh", "ohh", "ooh", "ah", "ahh", "aw", "aww", "uh", "och"})
_CRIED_BEFORE = frozenset({"my", "me", "it", "that", "this", "i", "something", "the"})


def _negation(raw: tuple[str, ...]) -> tuple[bool, ...]:
    """Per position: is the nearest earlier word that is not a filler a negator? (one pass)"""
    result = []
    last = ""  # the latest non-filler word so far
    for i, word in enumerate(raw):
        result.append(last in _NEGATORS)
        if word not in _NEGATION_FILLERS:
            last = "" if _cried_no(raw, i) else word
    return tuple(result)


def _cried_no(raw: tuple[str, ...], i: int) -> bool:
    previous, following = raw[i - 1] if i else "", raw[i + 1] if i + 1 < len(raw) else ""
    return raw[i] == "no" and previous in _CRIED_AFTER and following in _CRIED_BEFORE


_AGE_PATTERNS = (
    # "ah'm": Northern; "eh'm": Dundee; "uh is": Bajan, opening what is said (after a pain
    # word, "the score uh is 7" hesitates).
    re.compile(r"(?:^uh is|\b(?:i am|i'm|im|ah'm|a'm|eh'm|aged?|age of))\s+(\d{1,3})\b(?! out of)"),
    re.compile(r"\b(\d{1,3})\s*(?:years? old|yrs? old|year-old|yo)\b"),
    # "I'm past sixty" (not "half past ten"): said of oneself.
    re.compile(r"\b(?:over|above|older than|(?:i'm|i am|im) (?:well )?past)\s+(\d{2})\b"),
    re.compile(r"\b(?:under|younger than)\s+(\d{2})\b"),
)
_TEENS = re.compile(r"\bteen(?:ager)?s?\b|\bin my teens\b")
# An age said in words ("i'm seventy two", "in my sixties"): as digits ("i'm 72", "aged 60").
_SPOKEN_AGE = re.compile(
    rf"\b(?:({'|'.join(TENS[2:])})(?:[ -]({'|'.join(ONES[1:10])}))?|({'|'.join(ONES[13:20])}))\b"
)
# A number said with a unit is no age ("i'm fifteen minutes in", "i'm sixteen stone").
_UNIT = re.compile(
    r"\s*(?:minutes?|mins?|seconds?|secs?|hours?|days?|weeks?|months?|stone|kilos?|kg|pounds?"
    r"|lbs?|percent|per cent|%|times|reps|squats|metres|meters|miles|km)\b"
)
# "In my sixties" is read as the decade's start ("in my fifties" is not over fifty); "early",
# "mid" and "late" move it into the decade ("in my late forties": 48, "early fifties": 52).
_DECADE = re.compile(
    rf"\bin (?:my|his|her|their) (?:(early|mid|late)[ -])?"
    rf"(?:({'|'.join(t[:-1] for t in TENS[2:])})ies|([2-9])0'?s)\b"
)
_IN_DECADE = {"early": 2, "mid": 5, "late": 8, None: 0}


def _age_in_digits(text: str) -> str:
    def spoken(match: re.Match[str]) -> str:
        tens, ones, teen = match.groups()
        if teen:
            return str(ONES.index(teen))
        return str(10 * TENS.index(tens) + (ONES.index(ones) if ones else 0))

    def decade(match: re.Match[str]) -> str:
        part, word, digit = match.groups()
        tens = TENS.index(word + "y") if word else int(digit)
        return f"aged {10 * tens + _IN_DECADE[part]}"

    decades = _DECADE.sub(decade, text)
    return _SPOKEN_AGE.sub(spoken, decades)


def age_outside(raw: str, bounds: tuple[int, int]) -> bool:
    """True when the text states an age below or above `bounds` ("I'm 72", "in my teens")."""
    text = _age_in_digits(raw.lower())
    low, high = bounds
    if _TEENS.search(text):
        return True
    over, under = _AGE_PATTERNS[2], _AGE_PATTERNS[3]
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(text):
            if _UNIT.match(text, match.end()):
                continue
            age = int(match.group(1))
            if age < low or age > high or (pattern is over and age >= high):
                return True
            if pattern is under and age <= low:
                return True
    return False
