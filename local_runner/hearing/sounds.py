"""Sentences by sound: a phonetic key for any text, and the model sentences that sound nearest.

Whisper's near misses are near in sound, not always in spelling: "Tell me your teens." for
"tell me the routines", "the sun flight" for "the slump glide". A spelling match (rapidfuzz
over the letters) does not reach those; a match over their phones does. Each word becomes
its ARPAbet phones (the CMU dictionary that pocketsphinx ships, the lexicon's own additions,
digits read as number words, and letter by letter for anything else), each phone one
character, the words run together so that word boundaries do not matter ("sun flight" and
"slump glide" are S AH N F L AY T / S L AH M P G L AY D). The model's sentences are indexed
once by that key; `nearest` gives those whose key is closest to a transcript's.
"""

from __future__ import annotations

from functools import cache

from skill.core.words import number_words

from .lexicon import EXTRA_PRONUNCIATIONS, cmudict_path
from .vocabulary import default_vocabulary, normalise

PHONES = (
    "AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G", "HH",
    "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH", "UH",
    "UW", "V", "W", "Y", "Z", "ZH",
)  # fmt: skip
SYMBOL = {phone: chr(ord("A") + index) for index, phone in enumerate(PHONES)}
# Spelling read aloud, for a word no dictionary has: a crude guess, one phone a letter.
LETTERS = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    "AE", "B", "K", "D", "EH", "F", "G", "HH", "IH", "JH", "K", "L", "M", "N", "AA", "P", "K",
    "R", "S", "T", "AH", "V", "W", "K", "Y", "Z",
), strict=True))  # fmt: skip


@cache
def dictionary() -> dict[str, str]:
    """Word -> its first pronunciation as phone symbols (empty when no dictionary ships)."""
    words: dict[str, str] = {}
    path = cmudict_path()
    if path is not None:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                entry, _, phones = line.partition(" ")
                if "(" not in entry:
                    words[entry] = _symbols(phones.split())
    for word, phones in EXTRA_PRONUNCIATIONS.items():
        words.setdefault(word, _symbols(phones.split()))
    return words


def _symbols(phones: list[str]) -> str:
    return "".join(SYMBOL.get(phone.rstrip("012"), "") for phone in phones)


@cache
def word_key(word: str) -> str:
    if word.isdigit():
        return key(number_words(int(word)))
    found = dictionary().get(word)
    if found is not None:
        return found
    if word.endswith("'s") and word[:-2] in dictionary():  # "pain's": the word and a Z
        return dictionary()[word[:-2]] + SYMBOL["Z"]
    return _symbols([LETTERS[letter] for letter in word if letter in LETTERS])


def key(text: str) -> str:
    """The phones of `text`, one character each, words run together."""
    return "".join(word_key(word) for word in normalise(text).split())


@cache
def index() -> tuple[list[str], list[str]]:
    """The model sentences' distinct keys, and for each the first sentence with it (built once,
    about a second and a half for the 370 000 sentences: the engine builds it as it loads)."""
    first: dict[str, str] = {}
    for sentence in default_vocabulary().sentences:  # normalised already
        first.setdefault("".join(map(word_key, sentence.split())), sentence)
    return list(first), list(first.values())


def nearest(text: str, limit: int, cutoff: float) -> list[tuple[str, float]]:
    """Up to `limit` model sentences whose sound is nearest `text`'s (rapidfuzz ratio of the
    keys, at least `cutoff`), nearest first."""
    from rapidfuzz import fuzz, process

    sound = key(text)
    if not sound:
        return []
    keys, sentences = index()
    found = process.extract(sound, keys, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
    return [(sentences[index], float(score)) for _, score, index in found]
