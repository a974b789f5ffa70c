"""sampark trust check-message "<text>": the API's answer as JSON on stdout, Devanagari left readable."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from sampark.trust.messages import statements
from sampark.trust.messages.fishing import MAX_TEXT_LENGTH
from tests.trust.statement_data import FARMERS_HI, make_statements

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index():
    statements.forget()
    yield
    statements.forget()


def run(*args, stdin: str | None = None) -> tuple[dict, str]:
    out = io.StringIO()
    if stdin is not None:
        import sys

        previous, sys.stdin = sys.stdin, io.StringIO(stdin)
        try:
            call_command("trust", "check-message", *args, stdout=out)
        finally:
            sys.stdin = previous
    else:
        call_command("trust", "check-message", *args, stdout=out)
    return json.loads(out.getvalue()), out.getvalue()


def test_prints_the_same_answer_as_the_api(client):
    text = "पार्टी की ओर से: अपना वोटर आईडी और आधार कार्ड की फोटो भेजें"
    answer, printed = run(text)
    api = client.post("/api/v1/trust/check-message", data=json.dumps({"text": text}),
                      content_type="application/json").json()
    assert answer == api
    assert answer["asks_for"] == ["aadhaar", "voter_id", "photo"]
    assert "पार्टी की ओर से" in printed  # ensure_ascii=False: readable, not \u escapes


def test_names_the_statement_a_forward_quotes():
    recorded = make_statements()
    answer, _printed = run(f"Fwd: {FARMERS_HI}")
    assert answer["official_statement"]["id"] == recorded["farmers"].public_id
    assert answer["official_statement"]["exact"] is True


def test_reads_the_message_from_stdin_with_a_dash():
    answer, _printed = run("-", stdin="Never share your OTP.\nThe party never asks for it.\n")
    assert answer["solicits_personal_data"] is False


@pytest.mark.parametrize(("text", "problem"), [
    ("", "text: empty"),
    ("   ", "text: empty"),
    ("x" * (MAX_TEXT_LENGTH + 1), f"text: longer than {MAX_TEXT_LENGTH} characters"),
])
def test_bad_text_is_a_command_error(text, problem):
    with pytest.raises(CommandError, match=problem):
        run(text)


def test_the_subcommand_is_required():
    with pytest.raises(CommandError):
        call_command("trust")
