"""Chooses the store from STRETCH_COACH_STORE: `sqlite:///PATH` (default) or `dynamodb://TABLE`.

`sqlite:///relative/path.db` and `sqlite:////absolute/path.db` follow the SQLAlchemy spelling.
Unset, the store is `stretch-coach.sqlite3` in the data directory (STRETCH_COACH_DATA_DIR, else
the front end's own default). Old JSON profile files found in the data directory are moved into
the chosen store the first time it is opened (see `migration`).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.store import DATA_DIR_ENV, UserStore
from .codec import StoreError
from .migration import legacy_dirs, migrate_json_profiles

if TYPE_CHECKING:  # both are imported only when chosen (boto3 is slow to import)
    from .dynamodb import DynamoDbStore
    from .sqlite import SqliteStore

STORE_ENV = "STRETCH_COACH_STORE"
DEFAULT_DB_NAME = "stretch-coach.sqlite3"
TABLE_NAME = re.compile(r"^[A-Za-z0-9_.-]{3,255}$")  # DynamoDB's rule for table names


@dataclass(frozen=True)
class StoreUrl:
    kind: str  # "sqlite" or "dynamodb"
    target: str  # database path or table name


def data_dir(default_dir: Path | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    chosen = environ.get(DATA_DIR_ENV) or default_dir
    return Path(chosen) if chosen else Path(tempfile.gettempdir()) / "stretch-coach"


def parse_store_url(value: str | None, directory: Path) -> StoreUrl:
    value = (value or "").strip()
    if not value:
        return StoreUrl("sqlite", str(directory / DEFAULT_DB_NAME))
    if value.startswith("sqlite:///") and len(value) > len("sqlite:///"):
        return StoreUrl("sqlite", os.path.expanduser(value[len("sqlite:///") :]))
    if value.startswith("dynamodb://"):
        table = value[len("dynamodb://") :]
        if not TABLE_NAME.match(table):
            raise StoreError(f"{STORE_ENV}: {table!r} is not a valid DynamoDB table name")
        return StoreUrl("dynamodb", table)
    raise StoreError(f"{STORE_ENV} must be sqlite:///PATH or dynamodb://TABLE, not {value!r}")


def configured_url(
    default_dir: Path | None = None, environ: Mapping[str, str] = os.environ
) -> StoreUrl:
    return parse_store_url(environ.get(STORE_ENV), data_dir(default_dir, environ))


def store_from_env(
    default_dir: Path | None = None, environ: Mapping[str, str] = os.environ
) -> UserStore:
    """The store STRETCH_COACH_STORE names, with old JSON profiles migrated into it."""
    directory = data_dir(default_dir, environ)
    url = parse_store_url(environ.get(STORE_ENV), directory)
    old = legacy_dirs(directory)
    store: SqliteStore | DynamoDbStore
    if url.kind == "sqlite":
        from .sqlite import SqliteStore

        store = SqliteStore(Path(url.target), legacy_dirs=old)
    else:
        from .dynamodb import DynamoDbStore

        store = DynamoDbStore(url.target, legacy_dirs=old)
    if any(path.is_dir() for path in old):
        migrate_json_profiles(store, old)
    return store
