"""Runs the project's Alembic migrations against a test database."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import URL

ALEMBIC_INI = Path(__file__).resolve().parents[1] / "alembic.ini"


def alembic_config(url: URL) -> Config:
    config = Config(ALEMBIC_INI)
    config.attributes["database_url"] = url.render_as_string(hide_password=False)
    config.attributes["configure_logger"] = False
    return config


def migrate_to_head(url: URL) -> None:
    """Every branch to its head: the template's revisions and the project's own."""
    command.upgrade(alembic_config(url), "heads")
