"""The Alexa interaction models and skill manifest, shipped as package data.

`load("en-US")` reads a generated model (interaction_model/en-US.json, made from
language.toml by scripts/build_interaction_model.py) from wherever the package is installed,
so an installed wheel understands speech the same way as a checkout.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def text(locale: str = "en-US") -> str:
    return (resources.files(__name__) / f"{locale}.json").read_text(encoding="utf-8")


def load(locale: str = "en-US") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text(locale))
    return data
