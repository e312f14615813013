"""The trained classifier, kept in the user cache directory between runs.

Keyed by a hash of en-US.json and of this package's own files (the features, the training
set, slot spotting, the out-of-domain corpus), so a changed model or trainer gets a fresh file
without anyone remembering to bump a version. A missing, unreadable or corrupt file means
"train again", never a crash; a cache directory that cannot be written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np
from platformdirs import user_cache_dir

from .classifier import LinearModel

CACHE_ENV = "STRETCH_COACH_CACHE_DIR"
KEEP = 3  # classifiers kept in the cache (a few models in use side by side, e.g. tests)


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or user_cache_dir("back-stretch-coach"))


def trainer_fingerprint(package: Traversable | None = None) -> str:
    """A hash of every source and data file of this package (or of `package`)."""
    digest = hashlib.sha256()
    package = package or resources.files(__package__)
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith((".py", ".txt")):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()


def cache_path(*parts: str) -> Path:
    key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]
    return cache_dir() / f"classifier-{key}.npz"


def load(path: Path) -> LinearModel | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            labels = [str(x) for x in data["labels"]]
            names = [str(x) for x in data["vocabulary"]]
            weights = np.ascontiguousarray(data["weights"], dtype=np.float32)
            bias = np.asarray(data["bias"], dtype=np.float32)
    except Exception:
        return None
    if weights.shape != (len(names), len(labels)) or bias.shape != (len(labels),):
        return None
    return LinearModel(labels, {name: i for i, name in enumerate(names)}, weights, bias)


def save(path: Path, model: LinearModel) -> None:
    names = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
            np.savez(
                out,
                labels=np.array(model.labels),
                vocabulary=np.array(names),
                weights=model.weights,
                bias=model.bias,
            )
        os.replace(out.name, path)  # readers never see half a file
        _prune(path.parent, keep=path)
    except OSError:
        return


def _prune(folder: Path, keep: Path) -> None:
    """Drops all but the newest KEEP classifiers: every edit of the model leaves one behind."""
    others = sorted(
        (p for p in folder.glob("classifier-*.npz") if p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in others[KEEP - 1 :]:
        stale.unlink(missing_ok=True)


def load_or_train(path: Path, train: Callable[[], LinearModel]) -> tuple[LinearModel, bool]:
    """(model, True if it came from the cache)."""
    model = load(path)
    if model is not None:
        return model, True
    model = train()
    save(path, model)
    return model, False
