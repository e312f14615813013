"""The ASK SDK's serializer without two costs it pays on every request for nothing.

Building the request model from the parsed JSON was the largest single step of a skill turn
(~0.09 ms of ~0.6 ms in-process, `benchmarks/bench_skill_turn.py --profile`), and half of it
went on two things:

- every model class is found by name with `__import__` and `getattr`, ~14 times per request, for
  the same few dozen names; found classes are kept here (the names come from the SDK's own
  model tables, so the cache is bounded; a cap guards it anyway);
- the request timestamp was parsed with dateutil's general-purpose parser; Alexa sends ISO 8601,
  which `datetime.fromisoformat` reads in a microsecond. Anything it cannot read still goes to
  the SDK's own parser, so the result is the same model, equal field for field.

The public behaviour (models out, JSON-ready dicts in `serialize`) is the SDK's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer

MAX_CACHED_CLASSES = 1024
_classes: dict[str, Any] = {}


# DefaultSerializer's name-mangled private hooks: its own methods call them through self.
LOAD_CLASS = "_DefaultSerializer__load_class_from_name"
PARSE_DATETIME = "_DefaultSerializer__deserialize_datetime"


class FastSerializer(DefaultSerializer):
    def _DefaultSerializer__load_class_from_name(self, class_name: str) -> Any:
        found = _classes.get(class_name)
        if found is None:
            found = getattr(super(), LOAD_CLASS)(class_name)
            if len(_classes) < MAX_CACHED_CLASSES:
                _classes[class_name] = found
        return found

    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:
        if obj_type is datetime and isinstance(payload, str):
            try:
                return datetime.fromisoformat(payload)
            except ValueError:
                pass  # not strict ISO 8601: the SDK's parser, and its error, as before
        return getattr(super(), PARSE_DATETIME)(payload, obj_type)
