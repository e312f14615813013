"""`stretch-coach store init` (create the schema or table) and `stretch-coach forget`.

Both act on the store the local coach uses (STRETCH_COACH_STORE, default SQLite in the data
directory), so `forget` removes exactly what the local coach kept, set-aside copies included.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import EXIT_USAGE, fail


def register(commands: Any) -> None:
    store = commands.add_parser("store", help="manage where profiles are kept")
    actions = store.add_subparsers(dest="store_action")
    init = actions.add_parser(
        "init", help="create the schema (SQLite) or table (DynamoDB) of STRETCH_COACH_STORE"
    )
    init.set_defaults(run=run_init)
    store.set_defaults(run=lambda args: fail("say what to do: store init", EXIT_USAGE))
    forget = commands.add_parser("forget", help="delete everything stored about the local user")
    forget.set_defaults(run=run_forget)


def _local_store() -> Any:
    from local_runner.session import default_store

    return default_store()


def run_init(args: argparse.Namespace) -> int:
    from skill.stores.codec import StoreError

    try:
        print(_local_store().init_schema())
    except (StoreError, OSError) as error:
        return fail(f"could not set up the store: {error}")
    return 0


def run_forget(args: argparse.Namespace) -> int:
    from local_runner.session import LOCAL_USER
    from skill.stores.codec import StoreError

    try:
        _local_store().delete(LOCAL_USER)
    except (StoreError, OSError) as error:
        return fail(f"could not delete your data: {error}")
    print("Deleted everything stored about you: profile, history and any set-aside copies.")
    return 0
