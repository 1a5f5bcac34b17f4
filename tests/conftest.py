"""Rendering fixtures: every test renders the template as a user would, with copier."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import copier
import pytest

TEMPLATE_ROOT = Path(__file__).resolve().parents[1]

Render = Callable[..., Path]


def render_template(destination: Path, **answers: Any) -> Path:
    copier.run_copy(
        str(TEMPLATE_ROOT),
        str(destination),
        data=answers,
        defaults=True,
        unsafe=True,  # the template's Jinja extensions need trust
        vcs_ref="HEAD",  # the working tree, not the latest release tag
        quiet=True,
    )
    return destination


@pytest.fixture
def render(tmp_path: Path) -> Render:
    """Renders into a fresh folder per call: `render(api_style="rest")`."""
    counter = iter(range(1_000))

    def render_with(**answers: Any) -> Path:
        return render_template(tmp_path / f"project-{next(counter)}", **answers)

    return render_with


@pytest.fixture(scope="session")
def default_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project rendered with every default, shared by read-only tests."""
    return render_template(tmp_path_factory.mktemp("default") / "my-service")
