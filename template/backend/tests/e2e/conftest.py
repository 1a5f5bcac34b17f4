"""One real server process for the E2E suite, on its own migrated database."""

from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import URL

from tests.e2e.running_server import E2E_MAX_BODY_BYTES, RunningServer, start_server


@pytest.fixture(scope="session")
def server(
    migrated_database_url: URL, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    env = {
        "APP_DATABASE_URL": migrated_database_url.render_as_string(hide_password=False),
        "APP_MAX_REQUEST_BODY_BYTES": str(E2E_MAX_BODY_BYTES),
    }
    running = start_server(env, tmp_path_factory.mktemp("server") / "server.log")
    yield running
    running.stop()


@pytest.fixture
def http(server: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        yield client
