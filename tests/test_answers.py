"""copier.yml as a public interface: defaults, derived values and refused answers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.combinations import choice_values, is_asked, load_questions
from tests.conftest import Render

QUESTIONS = {
    name: question
    for name, question in load_questions().items()
    if not name.startswith("_")
}


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_every_question_has_help_and_a_default(name: str) -> None:
    assert QUESTIONS[name].get("help"), f"{name} needs a help text"
    assert "default" in QUESTIONS[name], f"{name} needs a default"


def test_defaults_derive_slug_and_package_from_the_project_name(render: Render) -> None:
    project = render(project_name="Billing API (EU)")
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["project_slug"] == "billing-api-eu"
    assert answers["package_name"] == "billing_api_eu"
    assert (project / "backend" / "src" / "billing_api_eu" / "main.py").is_file()


def test_answers_file_records_every_answer_and_the_template_commit(
    default_project: Path,
) -> None:
    answers = yaml.safe_load((default_project / ".copier-answers.yml").read_text())
    defaults = {name: question["default"] for name, question in QUESTIONS.items()}
    asked = {
        name for name, question in QUESTIONS.items() if is_asked(question, defaults)
    }
    assert asked <= set(answers)
    # A question that is not asked leaves no answer to carry into updates.
    assert not (set(QUESTIONS) - asked) & set(answers)
    assert answers["_commit"]
    assert answers["_src_path"]


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"project_name": "   "}, "must not be empty"),
        ({"project_slug": "My Service"}, "is not a valid slug"),
        ({"project_slug": "my_service"}, "is not a valid slug"),
        ({"project_slug": "../escape"}, "is not a valid slug"),
        ({"project_slug": "double--hyphen"}, "is not a valid slug"),
        ({"project_slug": "trailing-"}, "is not a valid slug"),
        ({"project_slug": "9lives"}, "is not a valid slug"),
        ({"project_slug": "a" * 41}, "is not a valid slug"),
        ({"package_name": "a" * 41}, "is not a valid package name"),
        ({"package_name": "class"}, "is not a valid package name"),
        ({"package_name": "match"}, "is not a valid package name"),
        ({"package_name": "json"}, "is not a valid package name"),
        ({"package_name": "my-service"}, "is not a valid package name"),
        ({"package_name": "MyService"}, "is not a valid package name"),
        ({"package_name": "_private"}, "is not a valid package name"),
        ({"author_email": "platform.example.com"}, "is not an e-mail address"),
        ({"author_email": "a@b"}, "is not an e-mail address"),
        ({"author_email": "a b@example.com"}, "is not an e-mail address"),
        ({"description": "two\nlines"}, "must be one line"),
        ({"api_style": "soap"}, "Invalid choice"),
        ({"database": "mongodb"}, "Invalid choice"),
        ({"python_version": "2.7"}, "Invalid choice"),
        ({"license": "WTFPL"}, "Invalid choice"),
    ],
)
def test_invalid_answers_are_refused_saying_what_is_allowed(
    render: Render, answers: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        render(**answers)


# The answers that make a conditional question asked (its `when`).
ASKED_ONLY_WITH = {"e2ee": {"object_storage": "s3"}}


def test_every_conditional_question_says_what_asks_it() -> None:
    conditional = {name for name, question in QUESTIONS.items() if "when" in question}
    assert conditional == set(ASKED_ONLY_WITH)
    for name, needed in ASKED_ONLY_WITH.items():
        assert is_asked(QUESTIONS[name], needed)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (name, value)
        for name, question in QUESTIONS.items()
        for value in choice_values(question)
    ],
)
def test_every_choice_renders(render: Render, name: str, value: str) -> None:
    project = render(**ASKED_ONLY_WITH.get(name, {}), **{name: value})
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers[name] == value
