"""Strict checks shared by everything that reads stored state: a failed one raises StateError."""

from __future__ import annotations

from typing import Any


class StateError(ValueError):
    """Stored or session state could not be understood."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise StateError(message)


def str_list(value: Any, name: str) -> list[str]:
    check(
        isinstance(value, list) and all(isinstance(v, str) for v in value),
        f"{name}: not a list of strings",
    )
    return list(value)


def small_int(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
