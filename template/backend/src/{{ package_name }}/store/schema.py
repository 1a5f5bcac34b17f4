"""Whether the database's schema is the one this code needs: every migration in.

The code's heads come from the project's Alembic scripts (`alembic.ini` in the
folder the process runs in: `backend/` locally, `/app` in the image); the
database says what it has in `alembic_version`. A database ahead of the code (a
newer release migrated it during a rollout) is fine: migrations keep the version
still running working. One behind is not: readiness fails, naming what is missing.
"""

from collections.abc import Iterable
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from ..health import ExplainedHealthError

# Where Alembic records the revisions a database is at (one row per head).
VERSION_TABLE = "alembic_version"


class SchemaBehindError(ExplainedHealthError):
    """The database lacks migrations the code needs (their ids are safe to show)."""

    def __init__(self, pending: Iterable[str]) -> None:
        self.pending = sorted(pending)
        super().__init__(
            "the database schema is behind the code: run `alembic upgrade heads` "
            f"(missing {', '.join(self.pending)})"
        )


class MigrationScripts:
    """The project's revisions, read once: its heads and what each one follows."""

    def __init__(self, alembic_ini: Path) -> None:
        if not alembic_ini.is_file():
            raise FileNotFoundError(
                f"{alembic_ini.resolve()} is not there: the service reads its "
                "migrations from the project's alembic.ini (APP_MIGRATIONS_CONFIG)"
            )
        self._script = ScriptDirectory.from_config(Config(str(alembic_ini)))
        self.heads = frozenset(self._script.get_heads())
        self._known = frozenset(
            revision.revision for revision in self._script.walk_revisions()
        )
        # A database's applied heads -> every revision below them (few distinct).
        self._reached: dict[frozenset[str], frozenset[str]] = {}

    def pending(self, applied: frozenset[str]) -> frozenset[str]:
        """The heads a database at `applied` lacks; none when it is ahead (it
        holds a revision unknown here, a newer release's)."""
        if not applied:
            return self.heads
        if not applied <= self._known:
            return frozenset()
        if applied not in self._reached:
            below = self._script.iterate_revisions(tuple(applied), "base")
            self._reached[applied] = frozenset(r.revision for r in below)
        return self.heads - self._reached[applied]


def _applied(connection: Connection) -> frozenset[str]:
    if not inspect(connection).has_table(VERSION_TABLE):
        return frozenset()
    rows = connection.execute(text("SELECT version_num FROM alembic_version"))
    return frozenset(str(row[0]) for row in rows)


async def check_schema(engine: AsyncEngine, scripts: MigrationScripts) -> None:
    """Raises SchemaBehindError when a migration the code needs is not applied."""
    async with engine.connect() as connection:
        applied = await connection.run_sync(_applied)
    if pending := scripts.pending(applied):
        raise SchemaBehindError(pending)
