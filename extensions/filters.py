"""Jinja filters for naming: deriving and validating slugs, package names and e-mails.

copier.yml's defaults and validators call these, so a rule is written once and its
message can say exactly what is allowed.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
import unicodedata

from jinja2 import Environment
from jinja2.ext import Extension

_SLUG = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_PACKAGE = re.compile(r"^[a-z][a-z0-9_]*$")
# Deliberately simple: one @, a non-empty local part, a dotted domain, no spaces.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")
# Both name containers, databases and imports; 40 keeps every rendered line short.
NAME_MAX = 40


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "My Service!" -> "my-service"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = "-".join(words)
    # A slug must start with a letter: "2fa gateway" becomes "svc-2fa-gateway".
    if not slug[:1].isalpha():
        slug = f"svc-{slug}"
    return slug[:NAME_MAX].strip("-")


def is_slug(text: str) -> bool:
    return 2 <= len(text) <= NAME_MAX and bool(_SLUG.match(text))


def is_package_name(text: str) -> bool:
    return (
        len(text) <= NAME_MAX
        and bool(_PACKAGE.match(text))
        and not keyword.iskeyword(text)
        and not keyword.issoftkeyword(text)
        and text not in sys.stdlib_module_names
    )


def json_string(text: str) -> str:
    """A JSON string literal as the rendered JSON exports write it (raw UTF-8)."""
    return json.dumps(text, ensure_ascii=False)


def python_string(text: str) -> str:
    """A Python string literal quoted as black quotes it, so rendered code is clean.

    black keeps double quotes unless they need more escapes than single quotes do.
    """
    doubles, singles = text.count('"'), text.count("'")
    escaped = json.dumps(text, ensure_ascii=False)[1:-1]
    if doubles > singles:
        return "'" + escaped.replace('\\"', '"').replace("'", "\\'") + "'"
    return '"' + escaped + '"'


def is_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


class NamingFilters(Extension):
    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["slugify"] = slugify
        environment.filters["is_slug"] = is_slug
        environment.filters["is_package_name"] = is_package_name
        environment.filters["is_email"] = is_email
        environment.filters["json_string"] = json_string
        environment.filters["python_string"] = python_string
