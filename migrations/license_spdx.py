"""Answer migration for 0.2.0: the `license` answer is an SPDX expression.

Before 0.2.0 a proprietary project answered `license: Proprietary`, which the
template translated to `LicenseRef-Proprietary` wherever an SPDX expression was
needed. From 0.2.0 the answer is that expression itself. copier runs this before
an update from an older release (copier.yml `_migrations`), in the project's
root, so the new template finds an answer it knows; the rendered files do not
change. Only the one line is rewritten: the file keeps its comments and order.

Usage: python license_spdx.py ANSWERS_FILE
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OLD_ANSWER = re.compile(r"^license: ['\"]?Proprietary['\"]?[ \t]*$", re.MULTILINE)
NEW_ANSWER = "license: LicenseRef-Proprietary"


def migrate(answers: str) -> str:
    """The answers with the old licence value replaced; others are unchanged."""
    return OLD_ANSWER.sub(NEW_ANSWER, answers)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: license_spdx.py ANSWERS_FILE", file=sys.stderr)
        return 2
    answers_file = Path(argv[0])
    text = answers_file.read_text(encoding="utf-8")
    migrated = migrate(text)
    if migrated != text:
        answers_file.write_text(migrated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
