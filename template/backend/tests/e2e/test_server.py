"""The running service over real HTTP: what a load balancer and a client see."""

import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import URL

from tests.e2e.running_server import (
    E2E_MAX_BODY_BYTES,
    RunningServer,
    server_command,
    start_server,
)


def test_healthz_reports_the_database_up(http: httpx.Client) -> None:
    response = http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_request_id_is_echoed_and_logged_with_the_outcome(
    http: httpx.Client, server: RunningServer
) -> None:
    response = http.get("/livez", headers={"X-Request-ID": "e2e-request-0001"})
    assert response.headers["x-request-id"] == "e2e-request-0001"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = [
            line
            for line in server.log_lines()
            if line.get("request_id") == "e2e-request-0001"
            and line["event"] == "request"
        ]
        if lines:
            break
        time.sleep(0.05)
    [access] = lines
    assert access["status"] == 200
    assert access["method"] == "GET"
    assert access["path"] == "/livez"
    assert "timestamp" in access


def test_errors_arrive_in_the_envelope_with_security_headers(
    http: httpx.Client,
) -> None:
    response = http.get("/no/such/path")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert "server" not in response.headers


def test_an_oversized_body_is_refused_with_413(http: httpx.Client) -> None:
    response = http.post("/livez", content=b"x" * (E2E_MAX_BODY_BYTES + 1))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "REQUEST_TOO_LARGE"


def test_sigterm_stops_the_server_gracefully(
    migrated_database_url: URL, tmp_path: Path
) -> None:
    env = {
        "APP_DATABASE_URL": migrated_database_url.render_as_string(hide_password=False)
    }
    running = start_server(env, tmp_path / "server.log")
    # uvicorn finishes shutting down, then re-raises the signal it caught.
    assert running.stop() in {0, -signal.SIGTERM}
    assert "service_stopped" in [line["event"] for line in running.log_lines()]


def test_production_refuses_to_start_with_unsafe_settings() -> None:
    result = subprocess.run(
        server_command(),
        env={"APP_ENVIRONMENT": "production", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "APP_DATABASE_URL is not set" in result.stderr


def test_an_unreachable_database_stops_start_up_with_a_clear_error(
    tmp_path: Path,
) -> None:
    env = {
        "APP_DATABASE_URL": "postgresql+asyncpg://svc:pw@127.0.0.1:1/svc",
        "APP_DATABASE_CONNECT_ATTEMPTS": "2",
        "APP_DATABASE_CONNECT_MAX_BACKOFF_SECONDS": "0.1",
    }
    with pytest.raises(RuntimeError, match="exit 3") as failed:
        start_server(env, tmp_path / "server.log")
    assert "database_unavailable" in str(failed.value)
