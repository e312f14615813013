"""Where user profiles are kept: SQLite (the default), DynamoDB, or memory, behind `UserStore`.

`factory.store_from_env()` picks one from STRETCH_COACH_STORE. This package file imports nothing
so that `skill.core.store` can re-export `MemoryStore` without loading sqlite3 or boto3.
"""
