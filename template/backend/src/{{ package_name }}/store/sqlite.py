"""SQLite as an embedded production database: the settings every connection needs.

WAL lets readers work while one writer writes; foreign keys are off by default in
SQLite and must be turned on per connection; the busy timeout makes a writer wait
for the lock instead of failing at once.
"""

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine

BUSY_TIMEOUT_MILLISECONDS = 5000
CONNECTION_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MILLISECONDS}",
    "PRAGMA synchronous=NORMAL",
)


def database_file(url: URL | str) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    database = make_url(url).database
    if not database or database == ":memory:":
        return None
    return Path(database)


def _apply_pragmas(dbapi_connection: Any, _connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in CONNECTION_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def create_database_folder(url: URL | str) -> None:
    """Creates the folder of a SQLite URL's file (`data/` on a fresh checkout)."""
    path = database_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


def prepare_sqlite_engine(engine: AsyncEngine) -> None:
    """Creates the database's folder and sets the pragmas on every new connection."""
    create_database_folder(engine.url)
    event.listen(engine.sync_engine, "connect", _apply_pragmas)


def ensure_database_file_exists(engine: AsyncEngine) -> None:
    """Raises when the database file is gone (open connections would hide it)."""
    path = database_file(engine.url)
    if path is not None and not path.is_file():
        raise FileNotFoundError(f"SQLite database file {path} is missing")
