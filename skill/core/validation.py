"""Typed, validated access to TOML content tables, shared by every content loader.

Every problem is a `ContentError` worded the same way — "file: entry 'x': field 'y': problem" —
so a typo in any content file (routines, exercises, red-flag rules) names where to look.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, cast


class ContentError(ValueError):
    """A content file is malformed; the message names the file, entry and field."""


_REQUIRED: Any = object()


def read_toml(path: Path | resources.abc.Traversable) -> dict[str, Any]:
    """The parsed file, or a ContentError naming it."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path.name}: not valid TOML: {error}") from error
    except OSError as error:
        raise ContentError(f"{path.name}: cannot be read: {error}") from error


class Fields:
    """Typed access to one TOML table, raising ContentError with file/entry/field context."""

    def __init__(self, file: str, entry: str, table: Any) -> None:
        if not isinstance(table, dict):
            raise ContentError(f"{file}: entry '{entry}': expected a table")
        self.file, self.entry, self.table = file, entry, table

    def fail(self, field: str, problem: str) -> ContentError:
        if not self.entry:  # the file's top level: the field is the entry
            return ContentError(f"{self.file}: entry '{field}': {problem}")
        return ContentError(f"{self.file}: entry '{self.entry}': field '{field}': {problem}")

    def value(self, field: str, default: Any = _REQUIRED) -> Any:
        """The raw value; missing is an error unless a default is given."""
        if field in self.table:
            return self.table[field]
        if default is _REQUIRED:
            raise self.fail(field, "is missing")
        return default

    def text(self, field: str, default: str | None = None) -> str:
        value = self.value(field, _REQUIRED if default is None else default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "must be a non-empty string")
        return value.strip()

    def texts(self, field: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.value(field, _REQUIRED if required else [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(field, "must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def boolean(self, field: str) -> bool:
        value = self.value(field)
        if not isinstance(value, bool):
            raise self.fail(field, "must be true or false")
        return value

    def integer(self, field: str, low: int, high: int, default: int | None = None) -> int:
        value = self.value(field, _REQUIRED if default is None else default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(field, f"must be a whole number from {low} to {high}")
        return value

    def choice(self, field: str, options: tuple[str, ...], default: str | None = None) -> str:
        value = self.value(field, _REQUIRED if default is None else default)
        if value not in options:
            raise self.fail(field, f"must be one of {', '.join(options)} (got {value!r})")
        return cast(str, value)

    def table_of(self, field: str, *, required: bool = True) -> Fields:
        """A sub-table, itself validated as entry "<entry>.<field>"."""
        value = self.value(field, _REQUIRED if required else {})
        if not isinstance(value, dict):
            raise self.fail(field, "must be a table")
        return Fields(self.file, f"{self.entry}.{field}" if self.entry else field, value)

    def tables(self, field: str, *, id_key: str | None = None) -> list[Fields]:
        """A non-empty array of tables; each is named by its `id_key` value or its index."""
        value = self.value(field)
        if not isinstance(value, list) or not value:
            raise self.fail(field, "must be a non-empty list of tables")
        prefix = f"{self.entry}.{field}" if self.entry else field
        result = []
        for index, item in enumerate(value):
            name = f"{prefix}[{index}]"
            if id_key and isinstance(item, dict) and isinstance(item.get(id_key), str):
                name = item[id_key]
            result.append(Fields(self.file, name, item))
        return result
