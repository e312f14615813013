"""Red-flag triage: free-text symptoms -> level and advice, and the yes/no screen.

One job per module: `text` (normalise, stems, negation), `rules` (parse redflags.toml),
`matching` (where terms occur: the indexed and scan finders), `trie` (every rule term in one
trie, the default finder), `assess` (the Triage service and its Assessment), `screen`
(the yes/no questions).
"""

from .assess import MAX_TRIAGE_CHARS, Assessment, Triage
from .matching import IndexedFinder, ScanFinder
from .rules import LEVELS, RANK, ROUTINE_IDS, SERIOUS
from .screen import ScreenQuestion
from .text import normalise, stem, tokens

__all__ = [
    "LEVELS",
    "MAX_TRIAGE_CHARS",
    "RANK",
    "ROUTINE_IDS",
    "SERIOUS",
    "Assessment",
    "IndexedFinder",
    "ScanFinder",
    "ScreenQuestion",
    "Triage",
    "normalise",
    "stem",
    "tokens",
]
