"""Text normalisation shared by every stage: lower case, plain apostrophes, filler words, and
what a speaker took back ("the sciatica one wait no the lower back one")."""

from __future__ import annotations

import re

from skill.core.dialect import in_standard_words
from skill.core.words import plain_letters

# Discourse particles ("next one lah", "carry on innit", "yes po", "oya let's go", Cajun "mais
# yeah cher", Newfoundland "yes b'y", South African "ag sommer skip it", Kenyan "aki cancel",
# "eeh sawa yes", "pause kidogo", Ghanaian "chale it's paining me paa", Brummie "ta bab", Norfolk
# "pack it up bor", Trinidadian "oui", London "fam", "bruv", "blud", Philadelphia "yo"): they
# mean nothing to the coach, and to the classifier they would only be words it never saw, so
# every stage reads the utterance without them.
PARTICLES = frozenset({"lah", "la", "leh", "lor", "innit", "yaar", "abeg", "po", "sha", "sef",
                       "oya", "mais", "cher", "b'y", "ag", "sommer", "aki", "eeh", "sawa",
                       "kidogo", "chale", "paa", "bab", "bor", "oui", "fam", "bruv", "blud",
                       "brah", "bruddah", "hon", "hun", "lang", "naman", "medyo",
                       "mga", "yo"})  # fmt: skip
# Sounds made while thinking, not words. Drawn out, as a transcript may spell them ("uhhh",
# "ummm", "errr", "ehh"), they are read as the short form.
HESITATIONS = frozenset({"um", "uh", "uhm", "er", "erm", "hmm", "mm"})
_DRAWN_OUT = re.compile(r"\b(?<!')(?:u+h+m*|u+m+|e+r+m*|e+h{2,}|h+m+|m{3,})(?![a-z'])")
_SHORT_FORM = {"hm": "hmm", "m": "mm"}
# Words left out of the candidates the exact and template stages try ("um okay next please").
FILLERS = HESITATIONS | {"ah", "oh", "alexa", "hey", "so", "well", "like", "please", "okay",
                         "ok", "right", "now", "just", "then", "actually", "coach"}  # fmt: skip


def normalise(text: str) -> str:
    text = plain_letters(text.lower()).replace("\u2019", "'").replace("-", " ")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    text = _DRAWN_OUT.sub(_short_form, text)
    return " ".join(in_standard_words(text).split())


def _short_form(drawn_out: re.Match[str]) -> str:
    said = re.sub(r"(.)\1+", r"\1", drawn_out.group(0))
    return _SHORT_FORM.get(said, said)


# Nigerian English closes a sentence with "o" ("yes o", "no o"); only after an answer is it
# dropped ("my back o" is a complaint, not the routine's name).
_BEFORE_CLOSING_O = frozenset(
    {"yes", "no", "okay", "ok", "thanks", "sorry", "next", "stop", "wait"}
)


# South Asian English closes a request with "no" as others say "won't you" ("start the one for
# that no"): only after a request and its object is it dropped ("not that one no", "don't do
# that no" stay).
_TAGGED_REQUEST = re.compile(
    r"\b(?:start|do|put on|play|begin|give me|let's|show me)(?: [a-z']+){0,4} (?:that|it|this|them)"
    r" no$"
)
_NOT = re.compile(r"\b(?:not|never|don't|dont|do not|won't|can't|cannot|no more)\b|n't\b")


def without_particles(utterance: str) -> str:
    words = [w for w in utterance.split() if w not in PARTICLES]
    closing_o = len(words) == 2 and words[-1] == "o" and words[0] in _BEFORE_CLOSING_O
    tag_no = words[-1:] == ["no"] and bool(_TAGGED_REQUEST.search(utterance))
    tag_no = tag_no and not _NOT.search(utterance)
    if closing_o or tag_no:
        words.pop()
    return " ".join(words)


# "Right" is a filler ("right, next one") except as a side ("mostly the right side").
_SIDE_BEFORE = frozenset({"the", "my", "your", "his", "her", "on", "to"})
_SIDE_AFTER = frozenset({"side", "one", "leg", "hand", "hip", "foot", "knee", "arm", "shoulder"})


# "Right" opening a sentence before a name for the listener or "let's" is discourse, not a side:
# "right pal get us going on the back one", "right hen let's get going on my lower back". Both go.
_CALLED = frozenset({"pal", "hen", "lad", "lads", "mate", "love", "guys", "folks", "chief", "boss",
                     "buddy", "dude", "man"})  # fmt: skip
_DISCOURSE_AFTER_RIGHT = _CALLED | {"let's", "lets", "then", "so", "okay", "ok", "well", "now"}


def without_opening_right(utterance: str) -> str:
    words = utterance.split()
    if len(words) < 3 or words[0] != "right" or words[1] not in _DISCOURSE_AFTER_RIGHT:
        return utterance
    rest = words[2:] if words[1] in _CALLED else words[1:]
    return " ".join(rest)


# Said before a request to acknowledge the last one ("yeah carry on to the next bit", "okay i'm
# calling it"). Read whole, they can pull a request below the action bar (towards Yes); a
# sentence not understood whole is read again without them.
_ACKNOWLEDGEMENTS = tuple(
    sorted(
        ("yeah", "yep", "yup", "ya", "yah", "aye", "righto", "right oh", "alrighty", "sweet as",
         "sweet", "cool", "great", "lovely", "nice", "cheers", "thanks", "thank you", "ta",
         "brilliant", "perfect", "grand", "good", "fine", "done", "okay", "ok", "alright",
         "right", "so", "well", "um", "erm", "uh", "oh", "like", "and", "now", "then", "sorry",
         "coach"),
        key=len,
        reverse=True,
    )
)  # fmt: skip


# A polite frame around a request to the coach ("i wonder if we might begin with ...", "would
# it be possible to skip this one"): what follows it is the request itself. Not suggestions
# ("perhaps we could stop for lunch") or bare "kindly" ("kindly stop that"): said to others too.
_POLITE_OPENINGS = tuple(
    sorted(
        (*(f"{asking} {who} {can}" for asking in ("i wonder if", "i was wondering if",
           "i'd be grateful if", "i would be grateful if") for who in ("we", "you")
           for can in ("could", "might")),
         "would it be possible to", "is it possible to", "could you possibly",
         "would you be so kind as to"),
        key=len,
        reverse=True,
    )
)  # fmt: skip


def without_acknowledgement(utterance: str) -> str:
    """The utterance less the acknowledgements it opens with (at least one word is left)."""
    return _without_openings(utterance.split(), _ACKNOWLEDGEMENTS)


def _without_openings(words: list[str], openings: tuple[str, ...]) -> str:
    while True:
        said = next((o.split() for o in openings if words[: len(o.split())] == o.split()), None)
        if said is None or len(words) <= len(said):
            return " ".join(words)
        words = words[len(said) :]


# Said after a request to thank or address the coach ("i'll call it a day there thank you so
# much for your help dear"), and the tag that repeats a sentence's subject ("aye that was canny
# that", "that's a bit grim that is"). Longest first.
_CLOSINGS = tuple(
    sorted(
        ("thank you so much for your help", "thank you for your help", "thanks for your help",
         "thank god", "thank goodness", "thank heavens", "my friend",
         "thank you so much", "thank you very much", "thanks very much", "thanks a lot",
         "thank you", "thanks", "cheers", "ta", "dear", "love", "mate", "pal", "like", "please",
         "now", "then", "coach", "darling", "bestie", "hun", "babe", "bro", "buddy", "sweetheart",
         # A request made politely conditional ("i'd rather not do this one if that's alright").
         "if that's alright", "if that's all right", "if that's okay", "if that's ok",
         "if that's alright with you", "if that's okay with you", "if that's ok with you",
         "if it's all the same to you", "if it's all the same", "if you don't mind",
         "if that's cool", "if you please"),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_TAGGED = ("that's ", "that is ", "that was ", "it's ", "it is ", "it was ")
_BEFORE_AN_OBJECT = frozenset({"not", "like", "than", "about", "of", "on", "at", "in", "with",
                               "for", "to", "all", "just", "only", "is", "was"})  # fmt: skip


def without_padding(utterance: str) -> str:
    """The utterance less what pads a request: opening acknowledgements and a polite frame,
    closing thanks and names, a tag repeating its subject, and a word or phrase said again
    ("quit quit i said quit"). At least one word is left."""
    framed = _without_openings(without_acknowledgement(utterance).split(), _POLITE_OPENINGS)
    words = without_acknowledgement(framed).split()
    while True:
        said = next((c.split() for c in _CLOSINGS if words[-len(c.split()) :] == c.split()), None)
        if said is None or len(words) <= len(said):
            break
        words = words[: -len(said)]
    text = " ".join(words)
    for tag in ("that is", "that was", "that"):
        rest = text[: -len(tag) - 1].split()
        if text.endswith(f" {tag}") and text.startswith(_TAGGED) and len(rest) > 2:
            if rest[-1] not in _BEFORE_AN_OBJECT:  # "it is not that", "it was like that"
                text = " ".join(rest)
            break
    return _said_once(text)


def _said_once(text: str) -> str:
    """ "stop stop" -> "stop"; "quit i said quit" -> "quit"."""
    words: list[str] = []
    for word in text.split():
        if not words or words[-1] != word:
            words.append(word)
    text = " ".join(words)
    before, said, again = text.partition(" i said ")
    return again if said and before == again else text


# "Sorry" told of, not said: "the minister said sorry and moved on to the next item".
_TELLING = frozenset({"say", "said", "says", "saying", "to", "so", "feel", "felt", "was", "is",
                      "be", "been", "am", "are", "i'm", "very", "really", "not",
                      "never"})  # fmt: skip


def after_apology(utterance: str) -> str:
    """What follows the last "sorry" when the speaker turns back to the coach ("no no put that
    down sorry um start the lower back one please"); the utterance when nothing does."""
    before, said, after = f" {utterance} ".rpartition(" sorry ")
    said_before = before.split()
    if not said or not said_before or said_before[-1] in _TELLING or len(after.split()) < 2:
        return utterance
    return after.strip()


def without_fillers(utterance: str) -> list[str]:
    """The utterance, then without its hesitations ("okay uh what's next" -> "okay what's
    next"), then without any filler word ("um okay next please" -> "next")."""
    words = utterance.split()
    hesitant = " ".join(w for w in words if w not in HESITATIONS)
    kept = [w for i, w in enumerate(words) if w not in FILLERS or _a_side(words, i)]
    readings = [utterance, hesitant, " ".join(kept)]
    return list(dict.fromkeys(reading for reading in readings if reading))


def _a_side(words: list[str], i: int) -> bool:
    before = words[i - 1] if i else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    return words[i] == "right" and (before in _SIDE_BEFORE or after in _SIDE_AFTER)


# Said between two attempts at the same request; what follows is what the speaker meant.
SELF_REPAIRS = ("wait no", "no wait", "sorry i mean", "i mean", "i meant", "or rather",
                "actually no", "no sorry", "sorry no", "scratch that", "hang on no")  # fmt: skip


def self_repaired(utterance: str) -> tuple[str, str]:
    """(what was taken back, what was meant) split at the last self-repair with words after it,
    or ("", utterance) when there is none. A repair that opens the sentence ("no wait") is a
    request of its own, not a correction."""
    padded = f" {utterance} "
    best = -1
    end = 0
    for repair in SELF_REPAIRS:
        at = padded.rfind(f" {repair} ")
        if at > 0 and at > best:
            best, end = at, at + len(repair) + 2
    if best <= 0 or not padded[end:].strip():
        return "", utterance
    return padded[:best].strip(), padded[end:].strip()


def taken_back(words: list[str], start: int, end: int) -> bool:
    """Whether the amount in words[start:end] is the one a sentence corrects: "from thirty to
    twenty", "not thirty", "thirty seconds is too long" (the other amount is the one meant)."""
    before = words[start - 1] if start else ""
    return before in ("from", "not") or "too" in words[end : end + 3]
