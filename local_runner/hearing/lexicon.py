"""Pocketsphinx's domain artefacts: a pronunciation dictionary and a bigram LM, built and cached.

Built from the interaction model's expanded sentences (`vocabulary.py`) into the user cache
directory under a hash of the model, so a changed model is rebuilt on the next start and an
unchanged one loads instantly. A bigram LM of these sentences measured faster (RTF ~0.14) and
as accurate as a sentence grammar (RTF ~0.37); JSGF decodes at RTF ~2 (issue 11).
Every word must be pronounceable: the CMU dictionary, else `EXTRA_PRONUNCIATIONS`; the build
fails naming the words it cannot pronounce, so a new model word is never silently unheard.
"""

from __future__ import annotations

import itertools
import math
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .vocabulary import Vocabulary

# Words of the model the CMU dictionary lacks (ARPAbet, as the dictionary writes them).
EXTRA_PRONUNCIATIONS = {
    "slacking": "S L AE K IH NG",
    "slumpy": "S L AH M P IY",
    "osteo": "AA S T IY OW",
    "sciatica": "S AY AE T IH K AH",
    "oof": "UW F",
    "orale": "AO R AA L EY",
    "tuckered": "T AH K ER D",
    "opo": "OW P OW",
    "sige": "S IY G EH",
    "muchness": "M AH CH N AH S",
    "nahi": "N AH HH IY",
    "nahin": "N AH HH IY N",
    "hammies": "HH AE M IY Z",
    "hammy": "HH AE M IY",
    "hunching": "HH AH N CH IH NG",
    "doorbell's": "D AO R B EH L Z",
    "pain's": "P EY N Z",
    "sciatic": "S AY AE T IH K",
    "situps": "S IH T AH P S",
    "unpause": "AH N P AO Z",
    "unfreeze": "AH N F R IY Z",
    "kettle's": "K EH T AH L Z",
    "lift's": "L IH F T S",
    "ride's": "R AY D Z",
    "tea's": "T IY Z",
    "footstool": "F UH T S T UW L",
    "settee": "S EH T IY",
    "flossing": "F L AO S IH NG",
    "agonising": "AE G AH N AY Z IH NG",
    "cauda": "K AW D AH",
    "equina": "IH K W AY N AH",
    "erectile": "IH R EH K T AH L",
    "pooed": "P UW D",
    "soiling": "S OY L IH NG",
    "secs": "S EH K S",
    "chahiye": "CH AA HH IY EY",
    "diaphragmatic": "D AY AH F R AH G M AE T IH K",
    "glute": "G L UW T",
    "piriformis": "P IH R IH F AO R M IH S",
    "pouffe": "P UW F",
    "sliders": "S L AY D ER Z",
    "spikey": "S P AY K IY",
    "theraband": "TH EH R AH B AE N D",
    "windscreen": "W IH N D S K R IY N",
    "buggered": "B AH G ER D",
    "bushed": "B UH SH T",
    "knackered": "N AE K ER D",
    "niggle": "N IH G AH L",
    "niggly": "N IH G L IY",
    "aah": "AA",
    "aikona": "AY K OW N AH",
    "bhai": "B AY",
    "bru": "B R UW",
    "dankie": "D AA N K IY",
    "fam": "F AE M",
    "lekker": "L EH K ER",
    "nae": "N EY",
    "nuh": "N AH",
    "sciatica's": "S AY AE T IH K AH Z",
    "siree": "S ER IY",
    "summat": "S AH M AH T",
    "wetin": "W EH T IH N",
    "wha": "W AA",
    "yaar": "Y AA R",
    "oya": "OW Y AA",
    "paining": "P EY N IH NG",
    "sorer": "S AO R ER",
    "spasming": "S P AE Z M IH NG",
    # Routine and feeling names that reach the LM since every value is spread over the samples.
    "breathwork": "B R EH TH W ER K",
    "decompress": "D IY K AH M P R EH S",
    "destress": "D IY S T R EH S",
    "eina": "EY N AH",
    "meh": "M EH",
    "nowt": "N AW T",
    "owie": "AW IY",
    "spasmed": "S P AE Z AH M D",
    "tensed": "T EH N S T",
    "programmes": "P R OW G R AE M Z",
    "abeg": "AH B EH G",
    "aboot": "AH B UW T",
    "achha": "AH CH AH",
    "boet": "B UH T",
    "braw": "B R AO",
    "chalo": "CH AH L OW",
    "hai": "HH AY",
    "innit": "IH N IH T",
    "probs": "P R AA B Z",
    "sah": "S AA",
    "settees": "S EH T IY Z",
    "shebang": "SH AH B AE NG",
    "sirree": "S ER IY",
    "smidge": "S M IH JH",
    "theek": "T IY K",
    "wahala": "W AH HH AA L AH",
    "yessir": "Y EH S ER",
}
DISCOUNT = 0.7  # absolute discounting of bigram counts; the mass goes to the unigram backoff


class UnpronounceableWords(ValueError):
    def __init__(self, words: list[str]) -> None:
        super().__init__(
            "no pronunciation for " + ", ".join(sorted(words))
            + ": add them to EXTRA_PRONUNCIATIONS in local_runner/hearing/lexicon.py"
        )  # fmt: skip
        self.words = sorted(words)


@dataclass(frozen=True)
class Artefacts:
    dictionary: Path
    language_model: Path


def cache_root() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("back-stretch-coach")) / "hearing"


def build(vocabulary: Vocabulary, cmudict: Path, root: Path | None = None) -> Artefacts:
    """The cached artefacts for this vocabulary, building them when the model changed."""
    folder = (root or cache_root()) / f"sphinx-{vocabulary.digest}"
    artefacts = Artefacts(folder / "domain.dict", folder / "domain.lm")
    if artefacts.dictionary.exists() and artefacts.language_model.exists():
        return artefacts
    pronunciations = _pronunciations(vocabulary.words, cmudict)
    folder.mkdir(parents=True, exist_ok=True)
    _write_atomically(artefacts.dictionary, "".join(
        f"{word} {phones}\n" for word, phones in sorted(pronunciations)
    ))  # fmt: skip
    _write_atomically(artefacts.language_model, bigram_arpa(vocabulary.weighted()))
    return artefacts


def cmudict_path() -> Path | None:
    """The CMU dictionary pocketsphinx ships (None without pocketsphinx)."""
    try:
        import pocketsphinx
    except ImportError:
        return None
    path = Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict"
    return path if path.is_file() else None


def _pronunciations(words: frozenset[str], cmudict: Path) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    known: set[str] = set()
    with cmudict.open(encoding="utf-8") as lines:
        for line in lines:
            entry, _, phones = line.partition(" ")
            base = entry.split("(")[0]
            if base in words:
                found.append((entry, phones.strip()))
                known.add(base)
    for word in words - known:
        if word in EXTRA_PRONUNCIATIONS:
            found.append((word, EXTRA_PRONUNCIATIONS[word]))
            known.add(word)
    missing = sorted(words - known)
    if missing:
        raise UnpronounceableWords(missing)
    return found


def bigram_arpa(sentences: Iterable[tuple[str, int]]) -> str:
    """An ARPA bigram LM with absolute discounting and backoff to unigrams, of `sentences`
    each counted the given number of times."""
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    for sentence, times in sentences:
        words = ["<s>", *sentence.split(), "</s>"]
        for word in words:
            unigrams[word] += times
        for pair in itertools.pairwise(words):
            bigrams[pair] += times
    total = sum(count for word, count in unigrams.items() if word != "<s>")
    p_uni = {w: c / total for w, c in unigrams.items() if w != "<s>"}
    followers: dict[str, list[tuple[str, int]]] = {}
    for (first, second), count in bigrams.items():
        followers.setdefault(first, []).append((second, count))
    lines = ["\\data\\", f"ngram 1={len(unigrams)}", f"ngram 2={len(bigrams)}", "", "\\1-grams:"]
    backoff: dict[str, float] = {}
    for first, seen in followers.items():
        history = sum(c for _, c in seen)
        left = DISCOUNT * len(seen) / history
        rest = max(1e-9, 1.0 - sum(p_uni[w] for w, _ in seen))
        backoff[first] = left / rest
    for word in sorted(unigrams):
        prob = -99.0 if word == "<s>" else math.log10(p_uni[word])
        weight = f" {math.log10(backoff[word]):.4f}" if word in backoff else ""
        lines.append(f"{prob:.4f} {word}{weight}")
    lines += ["", "\\2-grams:"]
    for first in sorted(followers):
        history = sum(c for _, c in followers[first])
        for second, count in sorted(followers[first]):
            lines.append(f"{math.log10((count - DISCOUNT) / history):.4f} {first} {second}")
    lines += ["", "\\end\\", ""]
    return "\n".join(lines)


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
