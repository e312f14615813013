"""Small wording helpers: numbers as words (both ways), natural lists, plain letters."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
TENS = ("_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES_VALUE = {word: value for value, word in enumerate(ONES)}
_TENS_VALUE = {word: 10 * value for value, word in enumerate(TENS) if word != "_"}
NUMBER_WORDS = frozenset({*ONES, *TENS[2:], "hundred", "and", "a"})


def number_words(n: int) -> str:
    """0..999 as English words ("forty five", "one hundred and twenty")."""
    if not 0 <= n <= 999:
        return str(n)
    if n < 20:
        return ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens] + (f" {ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    head = f"{ONES[hundreds]} hundred"
    return head + (f" and {number_words(rest)}" if rest else "")


def parse_number(text: str) -> int | None:
    """Digits or English number words ("45", "forty five", "a hundred and twenty") -> int."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    value, seen, last = 0, False, ""
    for word in text.replace("-", " ").split():
        if word == last and (word in _ONES_VALUE or word in _TENS_VALUE):
            continue  # said twice ("eight eight", "twenty twenty"), not added
        last = word
        if word in _ONES_VALUE:
            value += _ONES_VALUE[word]
        elif word in _TENS_VALUE:
            value += _TENS_VALUE[word]
        elif word == "hundred":
            value = max(value, 1) * 100
        elif word == "a" and not seen:
            value = 1
        elif word != "and":
            return None
        seen = seen or word != "and"
    return value if seen else None


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def plain_letters(text: str) -> str:
    """`text` with the accents taken off its letters ("simón", "ándale"), so a word written with
    them reads as the word without."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
