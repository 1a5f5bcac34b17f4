"""The rendered noxfile installs node_modules once per package.json and lock.

`npm ci` deletes node_modules before it installs, so the sessions that each call
it (frontend, browser_e2e) would reinstall everything one after the other.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.conftest import Render


class NpmStandIn:
    """A nox session whose `npm install`/`npm ci` only writes what npm writes."""

    def __init__(self, frontend: Path) -> None:
        self.frontend = frontend
        self.commands: list[str] = []
        self.logged: list[str] = []

    def run(self, *args: str, **_options: Any) -> None:
        self.commands.append(" ".join(args[:2]))
        (self.frontend / "node_modules").mkdir(exist_ok=True)
        if args[1] == "install":  # `npm ci` never writes the lock
            (self.frontend / "package-lock.json").write_text("{}", encoding="utf-8")

    def log(self, message: str) -> None:
        self.logged.append(message)


def load_noxfile(project: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "rendered_noxfile", project / "noxfile.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_node_modules_is_installed_again_only_when_its_inputs_change(
    render: Render,
) -> None:
    project = render(frontend="react")
    frontend = project / "frontend"
    noxfile = load_noxfile(project)
    session = NpmStandIn(frontend)

    noxfile.install_frontend(session)  # no lock yet: npm resolves and writes it
    noxfile.install_frontend(session)  # the same inputs: nothing to do
    assert session.commands == ["npm install"]
    assert session.logged == ["node_modules is installed from this package-lock.json"]

    manifest = json.loads((frontend / "package.json").read_text(encoding="utf-8"))
    manifest["dependencies"]["left-pad"] = "1.3.0"
    (frontend / "package.json").write_text(json.dumps(manifest), encoding="utf-8")
    noxfile.install_frontend(session)
    noxfile.install_frontend(session)
    assert session.commands == ["npm install", "npm ci"]

    (frontend / "package-lock.json").write_text('{"changed": 1}', encoding="utf-8")
    noxfile.install_frontend(session)
    assert session.commands == ["npm install", "npm ci", "npm ci"]

    # A node_modules deleted (or never installed by the session) is installed.
    (frontend / "node_modules" / ".installed-from.sha256").unlink()
    noxfile.install_frontend(session)
    assert session.commands[-1] == "npm ci"
