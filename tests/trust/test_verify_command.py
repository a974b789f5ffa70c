"""`sampark verify "<anything>"` prints the API's JSON answer, in UTF-8."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args) -> dict:
    out = io.StringIO()
    call_command("verify", *args, stdout=out)
    return json.loads(out.getvalue())


def test_prints_the_same_answer_as_the_api(client, officials):
    for q in ["https://x.com/AshaVermaMLA?s=20", "@A5haVermaMLA", "https://chat.whatsapp.com/AbCdEf123"]:
        api = client.get("/api/v1/verify", {"q": q}).json()
        assert run(q) == api


def test_official_lookalike_and_unknown(officials):
    assert run("+91 11 4000 0000")["verdict"] == "official"
    risk = run("@AshaVermaMLA_ITcell")
    assert risk["verdict"] == "impersonation_risk" and "adds 'IT cell'" in risk["matches"][0]["reasons"]
    assert run("@somebody_else")["verdict"] == "not_official"


def test_platform_option(officials):
    assert run("asha.verma.mla", "--platform", "instagram")["verdict"] == "official"
    with pytest.raises(CommandError):
        call_command("verify", "x", "--platform", "myspace")


def test_hindi_is_printed_as_utf8_not_escaped(officials):
    raw = io.BytesIO()
    latin1 = io.TextIOWrapper(raw, encoding="latin-1")  # a terminal whose locale is not UTF-8
    call_command("verify", "@AshaVermaMLA_Official", "--lang", "hi", stdout=latin1)
    latin1.flush()
    text = raw.getvalue().decode("utf-8")
    assert "आशा देवी वर्मा" in text and "\\u" not in text
    assert "'official' जोड़ा गया है" in json.loads(text)["matches"][0]["reasons"]


@pytest.mark.parametrize(("query", "problem"), [("", "empty"), ("   ", "empty"), ("a" * 301, "longer than 300")])
def test_bad_queries_are_refused(db, query, problem):
    with pytest.raises(CommandError, match=problem):
        call_command("verify", query, stdout=io.StringIO())
