"""Types and helpers shared by test modules (fixtures live in conftest.py)."""

from collections.abc import Callable
from typing import Any

# The `read_logs` fixture: the JSON log lines written to stdout so far.
LogReader = Callable[[], list[dict[str, Any]]]
