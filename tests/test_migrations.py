"""The answer migrations in migrations/, on answers files as copier writes them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from migrations.license_spdx import migrate

SCRIPT = Path(__file__).resolve().parents[1] / "migrations" / "license_spdx.py"
ANSWERS_0_1_0 = """\
# Changes here will be overwritten by Copier; NEVER EDIT MANUALLY
_commit: v0.1.0
_src_path: https://example.com/golden-path.git
license: Proprietary
project_name: Billing
"""


def test_the_old_proprietary_answer_becomes_its_spdx_expression() -> None:
    migrated = migrate(ANSWERS_0_1_0)
    assert "license: LicenseRef-Proprietary\n" in migrated
    # Nothing else moves: comments, order and other answers stay.
    assert migrated.replace("LicenseRef-Proprietary", "Proprietary") == ANSWERS_0_1_0


@pytest.mark.parametrize(
    "line",
    [
        "license: MIT",
        "license: Apache-2.0",
        "license: LicenseRef-Proprietary",
        "description: Proprietary",
        "project_name: 'license: Proprietary'",
    ],
)
def test_other_answers_are_left_alone(line: str) -> None:
    answers = f"_commit: v0.1.0\n{line}\n"
    assert migrate(answers) == answers


@pytest.mark.parametrize("quoted", ["'Proprietary'", '"Proprietary"'])
def test_a_quoted_old_answer_is_migrated(quoted: str) -> None:
    assert migrate(f"license: {quoted}\n") == "license: LicenseRef-Proprietary\n"


def test_running_it_twice_changes_nothing_more(tmp_path: Path) -> None:
    answers = tmp_path / ".copier-answers.yml"
    answers.write_text(ANSWERS_0_1_0)
    for _ in range(2):
        subprocess.run([sys.executable, str(SCRIPT), str(answers)], check=True)
    assert answers.read_text() == migrate(ANSWERS_0_1_0)


def test_without_an_answers_file_argument_it_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "usage" in result.stderr
