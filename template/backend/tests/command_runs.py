"""Maintenance commands run as an operator runs them: exit status and output.

`run_as_process` starts `python -m <module>`, the real entry point. `run_in_process`
runs the same `main()` in this process, on a worker thread with an event loop of
its own (as `asyncio.run` gives a command), with only the given APP_* variables
and its output captured. It costs a few milliseconds instead of a Python start
and every import, so a suite can afford a test per rule of a command while one
test per command proves its entry point.
"""

import asyncio
import contextlib
import io
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

COMMAND_TIMEOUT_SECONDS = 60
ENV_PREFIX = "APP_"


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: str
    stderr: str


def command_environment(env: Mapping[str, str]) -> dict[str, str]:
    """This process's environment without its APP_* variables, then `env`."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(ENV_PREFIX)
    }
    return {**inherited, f"{ENV_PREFIX}ENVIRONMENT": "test", **env}


async def run_as_process(module: str, env: Mapping[str, str]) -> Outcome:
    """`python -m module` with `env` as its only APP_* variables."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        module,
        env=command_environment(env),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(
        process.communicate(), COMMAND_TIMEOUT_SECONDS
    )
    assert process.returncode is not None
    return Outcome(process.returncode, stdout.decode(), stderr.decode())


async def run_in_process(main: Callable[[], None], env: Mapping[str, str]) -> Outcome:
    """`main()` with `env` as its only APP_* variables, as its process would run it."""
    environment = command_environment(env)
    return await asyncio.wait_for(
        asyncio.to_thread(_run_main, main, environment), COMMAND_TIMEOUT_SECONDS
    )


# The environment and the standard streams belong to the whole process.
_ONE_COMMAND_AT_A_TIME = threading.Lock()


def _run_main(main: Callable[[], None], environment: dict[str, str]) -> Outcome:
    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        _ONE_COMMAND_AT_A_TIME,
        _environment_replaced_by(environment),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        try:
            main()
            status: object = 0
        except SystemExit as exit_:
            status = exit_.code
    return Outcome(_exit_status(status, stderr), stdout.getvalue(), stderr.getvalue())


def _exit_status(code: object, stderr: io.StringIO) -> int:
    """What the interpreter would exit with for `SystemExit(code)`."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=stderr)
    return 1


@contextlib.contextmanager
def _environment_replaced_by(environment: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(environment)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
