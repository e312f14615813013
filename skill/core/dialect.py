"""Dialect spellings of everyday words, read as the standard word they spell.

Scots and Northern English speakers say "I cannae feel a thing doon there" or "my back's awfy
sair", Jamaican speakers "mi cyaan feel mi foot": triage has to hear "can't", "down", "sore" and
"my" in them, and so does the local recogniser. Spellings whose meaning is rarely in doubt where
they are said are read word for word (dialect_words; "ken" is a name, "bun" is a bun). Others
are read by the words beside them (dialect_rules): "tae" is "to" before what it goes to ("my
big tae" is a toe), "ma" is "my" and "yer" is "your" only before a body part, "yer" is "you"
after what asks what you do. Jamaican "nuh" is left as it is: it stacks ("nuh have nuh
feeling" is no feeling), so read as "not" it would deny the symptom it states.
"""

from __future__ import annotations

import re

from .dialect_rules import BODY, IN_CONTEXT, LETS
from .dialect_rules_more import MORE_IN_CONTEXT
from .dialect_words import STANDARD, WITH_APOSTROPHE

_WORD = re.compile(r"[a-z]+(?:'(?![a-z]))?")
_LETTERS = re.compile(r"[a-z]+")
_SPELLINGS = frozenset(STANDARD) | {word.rstrip("'") for word in WITH_APOSTROPHE}
# "Me" (Scots "ma", Trinidadian "meh") for "my" before a body part ("the backs of me legs",
# "me hip's playing up", "touchin ma toes", "meh back gone in spasm"); said to the listener
# ("pull yer knee up to yer chest"), "your".
_ME_AS_MY = re.compile(rf"\b(?:me|ma|meh|yer) (?={BODY})")
# "Ach" before other words is the Scots and Irish "och" ("ach go on then"), not "ache"; said
# alone it may be a cry of pain and stays as it is.
_ACH = re.compile(r"\bach\b(?=[^a-z']+[a-z])")


def in_standard_words(text: str) -> str:
    """`text` (lower case) with each dialect spelling replaced by the word it spells."""
    text = LETS.sub("let's", _ACH.sub("och", text))
    for mark, pattern, standard in IN_CONTEXT + MORE_IN_CONTEXT:
        if mark in text:
            text = pattern.sub(standard, text)
    if not _SPELLINGS.intersection(_LETTERS.findall(text)):  # most text: none to replace
        return _ME_AS_MY.sub(_possessive, text)
    return _ME_AS_MY.sub(_possessive, _WORD.sub(lambda m: _standard(m.group(0)), text))


def _possessive(match: re.Match[str]) -> str:
    return "your " if match.group(0).startswith("yer") else "my "


def _standard(word: str) -> str:
    if word in WITH_APOSTROPHE:
        return WITH_APOSTROPHE[word]
    return STANDARD.get(word.rstrip("'"), word)
