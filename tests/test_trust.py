"""Rendering needs --trust, and says why when it is missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import TEMPLATE_ROOT


def test_rendering_without_trust_fails_naming_the_extensions(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "copier"),
            "copy",
            "--defaults",
            "--vcs-ref=HEAD",
            str(TEMPLATE_ROOT),
            str(tmp_path / "project"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "jinja_extensions" in result.stderr
    assert "--trust" in result.stderr
    assert not (tmp_path / "project" / "backend").exists()
