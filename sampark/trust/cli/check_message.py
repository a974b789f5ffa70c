"""`sampark trust check-message "<text>"`: the API's check-message answer, printed as JSON.

A subcommand module of ``sampark trust`` (management/commands/trust.py dispatches to it), so each trust
subcommand keeps its own file.
"""

import json

from django.core.management.base import CommandError
from django.utils import translation

from sampark.trust.messages.fishing import MAX_TEXT_LENGTH, check_message

NAME = "check-message"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        NAME, help="check a message for data fishing, official claims and misquoted statements; prints JSON"
    )
    parser.add_argument("text", help='the message, e.g. "apna aadhar number bhejo"; "-" reads it from stdin')


def run(options, stdout, stdin=None) -> None:
    text = options["text"]
    if text == "-":
        import sys

        text = (stdin or sys.stdin).read()
    if not text.strip():
        raise CommandError("text: empty; give the message to check")
    if len(text) > MAX_TEXT_LENGTH:
        raise CommandError(f"text: longer than {MAX_TEXT_LENGTH} characters")
    with translation.override("en"):
        answer = check_message(text)
    stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))
