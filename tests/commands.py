"""Running a rendered project's own commands, as its user would."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def run(
    command: list[str],
    cwd: Path | None = None,
    *,
    extra_env: dict[str, str] | None = None,
) -> str:
    """Runs `command`, failing the test with its output unless it exits 0.

    Outside nox's session environment: a rendered project uses its own .venv.
    """
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT"}
    } | (extra_env or {})
    env["UV_PYTHON_DOWNLOADS"] = "never"
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    output = f"{' '.join(command)}:\n{result.stdout}{result.stderr}"
    assert result.returncode == 0, output
    return result.stdout
