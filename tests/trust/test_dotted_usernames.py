"""Dotted usernames are ordinary on Facebook and Instagram: registered with --platform, found in every form."""

from io import StringIO

import pytest
from django.core.management import call_command

from sampark.trust.matching.verify import verify
from sampark.trust.models import OfficialChannel

pytestmark = pytest.mark.django_db


def add(platform: str, handle: str) -> str:
    out = StringIO()
    call_command("official", "add", "--platform", platform, "--handle", handle, "--owner", "Jan Andolan", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("platform", ["facebook", "instagram"])
def test_a_dotted_username_is_that_platforms_handle(platform):
    assert "stored as jan.andolan" in add(platform, "jan.andolan")
    assert OfficialChannel.objects.get().platform == platform
    assert verify(f"https://www.{platform}.com/jan.andolan/")["verdict"] == "official"
    assert verify("jan.andolan")["verdict"] == "official"  # pasted bare, without the platform


def test_a_dotted_name_given_as_a_website_is_still_a_website():
    add("website", "andolan.org.in")
    assert OfficialChannel.objects.get().handle == "andolan.org.in"


def test_a_lookalike_of_a_dotted_username_pasted_bare_is_a_risk():
    add("facebook", "jan.andolan")
    assert verify("jan.andolam")["verdict"] == "impersonation_risk"
