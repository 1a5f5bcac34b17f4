"""`python -m tests.e2e.stack`: the throwaway backend the browser tests start."""

import json
import signal
import subprocess
import sys

import httpx

from tests.e2e.running_server import free_port

ORIGIN = "http://127.0.0.1:4173"


def test_the_stack_serves_the_given_origin_and_stops_cleanly_on_sigterm() -> None:
    port = free_port()
    command = [sys.executable, "-m", "tests.e2e.stack", "--port", str(port)]
    with subprocess.Popen(
        [*command, "--cors-origin", ORIGIN], stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            where = json.loads(process.stdout.readline())
            assert where["api"] == f"http://127.0.0.1:{port}"
            assert httpx.get(f"{where['api']}/healthz", timeout=10).status_code == 200
            preflight = httpx.options(
                f"{where['api']}/livez",
                headers={
                    "Origin": ORIGIN,
                    "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": "x-csrf-token",
                },
                timeout=10,
            )
            assert preflight.headers["access-control-allow-origin"] == ORIGIN
            assert preflight.headers["access-control-allow-credentials"] == "true"
        finally:
            process.send_signal(signal.SIGTERM)
            returncode = process.wait(timeout=60)
    assert returncode == 0
