"""Moving profiles out of the old JSON-file layout, once, and erasing what it left behind.

The old store wrote `<user_key>.json` into the data directory (Alexa web service) or into
`<data dir>/profiles` (local runner). Each file is handed to the new store as it is (a damaged one
is set aside by the store on first read, like any damaged row) and then moved into
`json-backup/` beside it, so a second run finds nothing to do. Orphaned `.tmp-*.json` files from
writers killed mid-save were never committed and are removed. "Delete my data" must also reach
the backups and the old `.corrupt-*` copies, hence `forget_legacy_files`.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

BACKUP_DIR = "json-backup"
LEGACY_NAME = re.compile(r"^[0-9a-f]{32}\.json$")


class Adopter(Protocol):
    def adopt(self, key: str, raw: bytes) -> bool:
        """Store `raw` (an old profile file) for `key` unless the key already has data."""


def legacy_dirs(data_dir: Path) -> tuple[Path, Path]:
    return (data_dir, data_dir / "profiles")


def migrate_json_profiles(store: Adopter, directories: Iterable[Path]) -> int:
    """Adopt every old profile file into `store`, keep it in `json-backup/`; returns the count."""
    adopted = 0
    for directory in directories:
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        for name in names:
            path = directory / name
            if name.startswith(".tmp-") and name.endswith(".json"):
                path.unlink(missing_ok=True)
            elif LEGACY_NAME.match(name):
                adopted += _adopt_file(store, path)
        if adopted:
            log.info(
                "moved %d old profile files into the store; originals in %s",
                adopted,
                directory / BACKUP_DIR,
            )
    return adopted


def _adopt_file(store: Adopter, path: Path) -> int:
    try:
        raw = path.read_bytes()
        taken = store.adopt(path.name[:32], raw)
    except FileNotFoundError:  # another process migrated it first
        return 0
    except Exception as error:  # leave the file where it is; the front end must still start
        log.warning(
            "could not move an old profile file into the store (%s); left in place",
            type(error).__name__,
        )
        return 0
    backup_dir = path.parent / BACKUP_DIR
    backup_dir.mkdir(mode=0o700, exist_ok=True)
    try:
        os.replace(path, backup_dir / path.name)
    except FileNotFoundError:
        return 0
    return int(taken)


def forget_legacy_files(key: str, directories: Iterable[Path]) -> None:
    """Remove every old-layout file of one user: profile, backup and set-aside copies."""
    for directory in directories:
        (directory / f"{key}.json").unlink(missing_ok=True)
        (directory / BACKUP_DIR / f"{key}.json").unlink(missing_ok=True)
        for old in directory.glob(f"{key}.corrupt-*") if directory.is_dir() else ():
            old.unlink(missing_ok=True)
