"""The trained classifier and the table of the model's sentences, kept in the user cache
directory between runs (building the table reads ~14,000 sentences: most of a start-up).

Keyed by a hash of en-US.json and of this package's own files (the features, the training
set, slot spotting, the out-of-domain corpus), so a changed model or trainer gets a fresh file
without anyone remembering to bump a version. A missing, unreadable or corrupt file means
"train again", never a crash; a cache directory that cannot be written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np
from platformdirs import user_cache_dir

from .classifier import LinearModel
from .exact import Collision, Entry

CACHE_ENV = "STRETCH_COACH_CACHE_DIR"
KEEP = 3  # classifiers kept in the cache (a few models in use side by side, e.g. tests)


@dataclass(frozen=True)
class Trained:
    classifier: LinearModel
    exact: Mapping[str, Entry]
    collisions: list[Collision]


class StoredTable(Mapping[str, Entry]):
    """The exact table as read from the cache: an entry is made when it is looked up, not for
    all ~25,000 sentences at start-up (that took a fifth of it)."""

    def __init__(self, stored: dict[str, Any]) -> None:
        self._stored = stored  # key -> [intent, [[slot name, slot type], ...]], as saved

    def __getitem__(self, key: str) -> Entry:
        try:
            intent, slots = self._stored[key]
            return Entry(str(intent), tuple((str(name), str(kind)) for name, kind in slots))
        except (TypeError, ValueError) as malformed:  # a damaged file: as if never stored
            raise KeyError(key) from malformed

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or user_cache_dir("back-stretch-coach"))


# Modules outside this package that the training text passes through (normalise reads dialect
# spellings; slot spotting reads number words): a change to them changes what is learnt.
OUTSIDE_SOURCES = (
    "dialect.py", "dialect_rules.py", "dialect_rules_more.py", "dialect_words.py", "words.py"
)


def trainer_fingerprint(
    package: Traversable | None = None, core: Traversable | None = None
) -> str:
    """A hash of every source and data file of this package (or of `package`), and of the core
    modules its training reads."""
    digest = hashlib.sha256()
    package = package or resources.files(__package__)
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith((".py", ".txt")):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    core = core or resources.files("skill.core")
    for name in OUTSIDE_SOURCES:
        digest.update(name.encode() + b"\0" + core.joinpath(name).read_bytes())
    return digest.hexdigest()


def cache_path(*parts: str) -> Path:
    key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]
    return cache_dir() / f"classifier-{key}.npz"


def load(path: Path) -> Trained | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            labels = [str(x) for x in data["labels"]]
            names = _lines(data["vocabulary"])
            weights = np.ascontiguousarray(data["weights"], dtype=np.float32)
            bias = np.asarray(data["bias"], dtype=np.float32)
            keys = _lines(data["exact_keys"])
            values = json.loads(data["exact_values"].tobytes())
            index = data["exact_index"].tolist()
            collisions = [tuple(c) for c in json.loads(data["collisions"].tobytes())]
        table = StoredTable(dict(zip(keys, map(values.__getitem__, index), strict=True)))
    except Exception:
        return None
    if weights.shape != (len(names), len(labels)) or bias.shape != (len(labels),):
        return None
    vocabulary = dict(zip(names, range(len(names)), strict=True))
    classifier = LinearModel(labels, vocabulary, weights, bias)
    return Trained(classifier, table, collisions)


def save(path: Path, trained: Trained) -> None:
    model = trained.classifier
    names = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    # The table's ~27,000 entries share a few dozen values: stored as their keys, one a line,
    # and an index into the distinct values, it reads back in a few ms (parsing it as one JSON
    # object took ~45 ms, most of the ~110 ms the whole file took to load).
    values: dict[str, int] = {}
    index = [
        values.setdefault(json.dumps([e.intent, [list(s) for s in e.slots]]), len(values))
        for e in trained.exact.values()
    ]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
            np.savez(
                out,
                labels=np.array(model.labels),
                vocabulary=_bytes("\n".join(names)),
                weights=model.weights,
                bias=model.bias,
                exact_keys=_bytes("\n".join(trained.exact)),
                exact_values=_bytes(f"[{','.join(values)}]"),
                exact_index=np.array(index, dtype=np.uint32),
                collisions=_bytes(json.dumps([list(c) for c in trained.collisions])),
            )
        os.replace(out.name, path)  # readers never see half a file
        _prune(path.parent, keep=path)
    except OSError:
        return


# UTF-8 bytes: a numpy string array is 4 bytes a character and slow to read back.
def _bytes(text: str) -> np.ndarray[Any, np.dtype[np.uint8]]:
    return np.frombuffer(text.encode(), dtype=np.uint8)


def _lines(stored: np.ndarray[Any, Any]) -> list[str]:
    text = stored.tobytes().decode()
    return text.split("\n") if text else []


def _prune(folder: Path, keep: Path) -> None:
    """Drops all but the newest KEEP classifiers: every edit of the model leaves one behind."""
    others = sorted(
        (p for p in folder.glob("classifier-*.npz") if p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in others[KEEP - 1 :]:
        stale.unlink(missing_ok=True)


def load_or_train(path: Path, train: Callable[[], Trained]) -> tuple[Trained, bool]:
    """(what was trained, True if it came from the cache)."""
    trained = load(path)
    if trained is not None:
        return trained, True
    trained = train()
    save(path, trained)
    return trained, False
