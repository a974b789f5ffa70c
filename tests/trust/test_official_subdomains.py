"""An address under an official website (join., m., donate.) is the owner's: "official", naming the site."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from sampark.trust.matching.verify import verify

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def registry():
    call_command("official", "add", "--platform", "website", "--handle", "andolan.org.in", "--owner", "Jan Andolan",
                 stdout=StringIO())


@pytest.mark.parametrize("query", ["join.andolan.org.in", "https://donate.andolan.org.in/upi", "m.andolan.org.in",
                                   "https://members.andolan.org.in/register?ref=wa"])
def test_a_subdomain_of_an_official_site_is_official_and_says_whose(query):
    with translation.override("en"):
        answer = verify(query)
    assert answer["verdict"] == "official"
    assert answer["matches"][0]["reasons"] == ["an address of the official site andolan.org.in"]


@pytest.mark.parametrize("query", ["andolan.org.in.example.com", "joinandolan.org.in", "andolan.org.im"])
def test_lookalikes_of_the_site_are_not_taken_for_its_subdomains(query):
    assert verify(query)["verdict"] == "impersonation_risk"
