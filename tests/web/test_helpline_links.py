"""Wherever a page mentions the cyber crime helpline 1930 or cybercrime.gov.in, a tap calls or opens it."""

import re

import pytest

from sampark.trust.cases import workflow as cases

pytestmark = pytest.mark.django_db


def pages(client):
    case = cases.submit_report(target="@Sampark_0fficial", platform="x", what="impersonates").case
    yield client.get("/report/thanks/", {"ref": case.public_id})
    yield client.get("/report/status/", {"code": case.code})


def test_every_mention_is_a_link(client):
    for response in pages(client):
        html = response.content.decode()
        assert response.status_code == 200
        assert '<a class="button" href="tel:1930">' in html
        assert '<a class="button secondary" href="https://cybercrime.gov.in" rel="noopener">' in html
        text = re.sub(r"<a [^>]*>.*?</a>", "", html, flags=re.S)  # what is left outside links
        assert "1930" not in re.sub(r"<[^>]+>", "", text) and "cybercrime.gov.in" not in re.sub(r"<[^>]+>", "", text)
