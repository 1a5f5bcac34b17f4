"""The first hour with a new project: its README's "Run it" steps, verbatim, give a
service that registers, signs in and lists an item; and the first mistakes a new
team makes (conflict markers or .rej files left by an update) are caught. (A
shell full of APP_* settings is the matrix's: every combination's whole suite
runs in one, tests/matrix_run.py's DEVELOPER_SHELL.)

Each README block runs as written, in order, in a fresh render. Only two things
come from outside it, both ordinary shell environment: APP_PORT (a free port, so
that this test never meets a developer's server on 8000) and, for PostgreSQL, a
throwaway database in place of the block's example URL. `nox` itself (the Quick
start) is the matrix's: every combination's suite runs there.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.combinations import load_questions
from tests.commands import run
from tests.conftest import Render, render_template

# The server the rendered suites use: TEST_DATABASE_URL, else their default.
POSTGRES_SERVER = re.sub(
    r"^postgres(?:ql)?(?:\+\w+)?://",
    "postgresql+asyncpg://",
    os.environ.get(
        "TEST_DATABASE_URL", "postgresql://postgres:postgres@127.0.0.1:5432/postgres"
    ),
).rsplit("/", 1)[0]
STARTUP_SECONDS = 180
FULLEST = {
    "api_style": "graphql",
    "database": "postgresql",
    "object_storage": "s3",
    "e2ee": True,
    "frontend": "react",
}


def run_it_blocks(readme: Path) -> list[str]:
    """The shell blocks of the README's "Run it" section, in order."""
    text = readme.read_text(encoding="utf-8")
    section = text.split("\n## Run it\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)```", section, flags=re.DOTALL)


def block_with(blocks: list[str], command: str) -> str:
    [block] = [block for block in blocks if command in block]
    return block


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def user_environment(**settings: str) -> dict[str, str]:
    """A developer's shell: outside nox's session, the machine's Python for uv."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT"}
        and not name.startswith("APP_")
    }
    return env | {"UV_PYTHON_DOWNLOADS": "never"} | settings


@contextmanager
def shell_block(
    block: str, project: Path, env: dict[str, str], log: Path
) -> Iterator[str]:
    """Runs `block` as a bash script in `project` until /healthz answers 200; yields
    the service's URL, then stops the whole process group (the server is the
    block's last command, running in the foreground)."""
    url = f"http://127.0.0.1:{env['APP_PORT']}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["bash", "-euo", "pipefail", "-c", block],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_healthy(url, process, log)
        yield url
    finally:
        stop(process)


def wait_until_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    status = "no answer"
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2):  # noqa: S310
                return
        except urllib.error.HTTPError as error:
            status = f"{error.code} {error.read().decode()}"
        except OSError:
            pass
        time.sleep(0.5)
    output = log.read_text(encoding="utf-8", errors="replace")
    pytest.fail(
        f"/healthz never answered 200 (last: {status}); the block said:\n{output}"
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    """Ctrl-C to the block's whole process group, as a developer would; then kill."""
    try:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def call(url: str, body: dict[str, Any] | None = None, token: str | None = None) -> Any:
    # Only http://127.0.0.1 URLs this test builds, hence the noqa.
    request = urllib.request.Request(  # noqa: S310
        url,
        data=None if body is None else json.dumps(body).encode(),
        method="GET" if body is None else "POST",
        headers={"Content-Type": "application/json"}
        | ({"Authorization": f"Bearer {token}"} if token else {}),
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        pytest.fail(f"{request.method} {url}: {error.code} {error.read().decode()}")


def rest_first_item(service: str) -> list[str]:
    """Registers, signs in, creates an item and lists the items: their titles."""
    api = f"{service}/api/v1"
    credentials = {"email": "first@example.com", "password": uuid.uuid4().hex}
    call(f"{api}/auth/register", credentials)
    token = call(f"{api}/auth/login", credentials)["access_token"]
    call(f"{api}/items", {"title": "The first item"}, token)
    return [item["title"] for item in call(f"{api}/items", token=token)["items"]]


def graphql(
    service: str, query: str, token: str | None = None, **variables: Any
) -> Any:
    answer = call(f"{service}/graphql", {"query": query, "variables": variables}, token)
    assert "errors" not in answer, answer
    return answer["data"]


def graphql_first_item(service: str) -> list[str]:
    credentials = {"email": "first@example.com", "password": uuid.uuid4().hex}
    graphql(
        service,
        "mutation ($input: CredentialsInput!) { register(input: $input) { id } }",
        input=credentials,
    )
    token = graphql(
        service,
        "mutation ($input: CredentialsInput!) { login(input: $input) { accessToken } }",
        input=credentials,
    )["login"]["accessToken"]
    graphql(
        service,
        "mutation ($input: ItemCreateInput!) { createItem(input: $input) { id } }",
        token,
        input={"title": "The first item"},
    )
    page = graphql(service, "{ items { items { title } } }", token)
    return [item["title"] for item in page["items"]["items"]]


@pytest.fixture(scope="module")
def fresh_default_render(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default render as copier leaves it: no backend/.venv, no backend/data/."""
    return render_template(tmp_path_factory.mktemp("first-hour") / "my-service")


def test_the_default_project_runs_as_its_readme_says(
    fresh_default_render: Path, tmp_path: Path
) -> None:
    project = fresh_default_render
    assert not (project / "backend" / "data").exists()
    blocks = run_it_blocks(project / "README.md")

    # "As production runs it", on a fresh checkout: no backend/data/ yet.
    by_hand = block_with(blocks, "uv run alembic upgrade heads")
    env = user_environment(APP_PORT=str(free_port()))
    with shell_block(by_hand, project, env, tmp_path / "by-hand.log") as service:
        assert rest_first_item(service) == ["The first item"]

    # "For development", from scratch again: nox -s dev migrates, then serves.
    for database_file in (project / "backend" / "data").glob("*.db"):
        database_file.unlink()
    development = block_with(blocks, "nox -s dev")
    env = user_environment(APP_PORT=str(free_port()))
    with shell_block(development, project, env, tmp_path / "dev.log") as service:
        assert rest_first_item(service) == ["The first item"]


def test_the_fullest_project_runs_as_its_readme_says(
    render: Render, tmp_path: Path
) -> None:
    project = render(**FULLEST)
    development = block_with(run_it_blocks(project / "README.md"), "nox -s dev")
    # The block exports the compose database's URL: the same server as the
    # rendered suites' (TEST_DATABASE_URL), a database of this test's own.
    database_url = f"{POSTGRES_SERVER}/first_hour_{uuid.uuid4().hex[:12]}"
    development, replaced = re.subn(
        r"export APP_DATABASE_URL=\S+",
        f"export APP_DATABASE_URL={database_url}",
        development,
    )
    assert replaced == 1, development
    env = user_environment(APP_PORT=str(free_port()))
    try:
        with shell_block(development, project, env, tmp_path / "dev.log") as service:
            assert graphql_first_item(service) == ["The first item"]
    finally:
        # nox -s dev created it; the project's own suite helper drops it.
        drop = (
            "from sqlalchemy import make_url; "
            "from tests.throwaway_database import drop_database; "
            f"drop_database(make_url({database_url!r}))"
        )
        run(["uv", "run", "--no-sync", "python", "-c", drop], project / "backend")


@pytest.fixture
def committed_project(render: Render) -> Path:
    project = render()
    git = ["git", "-c", "user.name=Team", "-c", "user.email=team@example.com"]
    run([*git, "init", "--quiet", "--initial-branch=main"], project)
    run([*git, "add", "--all"], project)
    run([*git, "commit", "--quiet", "--message=Rendered"], project)
    return project


def pre_commit(project: Path, hook: str, path: str) -> subprocess.CompletedProcess[str]:
    run(["git", "add", "--intent-to-add", path], project)
    return subprocess.run(
        ["pre-commit", "run", hook, "--files", path],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def test_pre_commit_refuses_the_conflict_markers_an_update_leaves(
    committed_project: Path,
) -> None:
    readme = committed_project / "README.md"
    original = readme.read_text(encoding="utf-8")
    clean = pre_commit(committed_project, "check-merge-conflict", "README.md")
    assert clean.returncode == 0, clean.stdout
    readme.write_text(
        "<<<<<<< before updating\nours\n=======\ntheirs\n>>>>>>> after updating\n"
        + original,
        encoding="utf-8",
    )
    refused = pre_commit(committed_project, "check-merge-conflict", "README.md")
    assert refused.returncode != 0, refused.stdout
    assert "Merge conflict string" in refused.stdout, refused.stdout


def test_pre_commit_refuses_rejected_hunks(committed_project: Path) -> None:
    (committed_project / "noxfile.py.rej").write_text("@@ -1 +1 @@\n-a\n+b\n")
    refused = pre_commit(committed_project, "no-rejected-hunks", "noxfile.py.rej")
    assert refused.returncode != 0, refused.stdout
    assert "noxfile.py.rej" in refused.stdout, refused.stdout
    accepted = pre_commit(committed_project, "no-rejected-hunks", "README.md")
    assert accepted.returncode == 0, accepted.stdout


def test_the_after_copy_message_runs_nox_before_the_first_commit() -> None:
    """The first `nox` writes the lock files; committing before it misses them."""
    message = load_questions()["_message_after_copy"]
    assert message.index("nox") < message.index("git init"), message
    assert "uv.lock" in message
    assert "package-lock.json" in message
