"""Typo domains: the whole host compared without its dots and hyphens, any one edit of the site's name, the name
with "-login", "-donate", "-verify", "-membership", other endings, and look-alike characters (issue 12)."""

import pytest
from django.utils import translation

from tests.trust.lookalike_registry import answer, is_risk


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(("query", "official"), [
    ("sevasetu-org.in", "sevasetu.org.in"),  # a dot turned into a hyphen
    ("sevasetuorg.in", "sevasetu.org.in"),  # a dot dropped
    ("https://www.sevasetuorg.in/donate", "sevasetu.org.in"),
    ("seva-setu.org.in", "sevasetu.org.in"),  # a hyphen inserted
    ("naya-savera.in", "nayasavera.in"),
    ("sevasetu-login.org", "sevasetu.org.in"), ("sevasetu-donate.in", "sevasetu.org.in"),
    ("nayasavera-verify.in", "nayasavera.in"), ("nayasavera-membership.org", "nayasavera.in"),
    ("sevasetu.org.im", "sevasetu.org.in"), ("sevasetu.co.in", "sevasetu.org.in"), ("sevasetu.com", "sevasetu.org.in"),
    ("sevasetv.org.in", "sevasetu.org.in"), ("sevaseto.org.in", "sevasetu.org.in"),  # replacement, vowel swap
    ("sevvasetu.org.in", "sevasetu.org.in"), ("sevastu.org.in", "sevasetu.org.in"),
    ("sveasetu.org.in", "sevasetu.org.in"), ("wwwsevasetu.org.in", "sevasetu.org.in"),
    ("s\u0435vasetu.org.in", "sevasetu.org.in"), ("nayasaverа.in", "nayasavera.in"),
    ("sevasetu.org.in.example.com", "sevasetu.org.in"),
])
def test_typo_domains_are_a_risk(query, official):
    assert "look-alike domain" in is_risk(query, official) or "used inside" in " ".join(is_risk(query, official))


def test_the_reason_says_a_dot_or_hyphen_moved():
    assert "the official address with a dot or hyphen moved (sevasetu.org.in)" in is_risk("sevasetu-org.in",
                                                                                           "sevasetu.org.in")


@pytest.mark.parametrize("query", ["seva.org", "setu.in", "sevabharati.org", "nayadin.in", "savera-times.com",
                                   "example.com", "morchanews.in"])
def test_other_sites_are_not_lookalikes(query):
    assert answer(query)[0] == "not_official"


@pytest.mark.parametrize(("query", "official"), [
    ("info@sevasetu-org.in", "sevasetu.org.in"),  # any address on a look-alike domain
    ("sevasetu.helpdesk@gmail.com", "@SevaSetu_UP"),  # named after an official account
    ("nayasavera.official@gmail.com", "nayasavera.in"),  # named after an official site
])
def test_email_addresses_named_or_hosted_like_an_official(query, official):
    assert is_risk(query, official)


def test_an_address_at_an_official_site_is_the_sites_owners():
    assert answer("press@sevasetu.org.in")[0] == "official"
    assert answer("someone@gmail.com")[0] == answer("ravi.kumar@gmail.com")[0] == "not_official"
