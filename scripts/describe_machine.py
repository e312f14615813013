#!/usr/bin/env python3
"""Prints the coach's (mode, event) table, or writes it into README.md (`--write`).

The README's copy sits between two marker comments; `--check` exits 1 when it is stale (the
test suite runs the same check), so the documented machine is always the one that runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- machine:start -->", "<!-- machine:end -->"


def table() -> str:
    sys.path.insert(0, str(ROOT))
    from skill.core.coach import MACHINE

    return MACHINE.describe()


def with_table(readme: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{table()}\n{END}{tail}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help="update README.md in place")
    group.add_argument("--check", action="store_true", help="fail if README.md is stale")
    args = parser.parse_args()
    if not (args.write or args.check):
        print(table())
        return 0
    current = README.read_text(encoding="utf-8")
    if START not in current or END not in current:
        print(f"{README} has no {START} ... {END} section", file=sys.stderr)
        return 1
    wanted = with_table(current)
    if args.check:
        if wanted != current:
            print("README.md's machine table is stale: run scripts/describe_machine.py --write")
            return 1
        return 0
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
