"""Published numbers are shown in one format on every page, +91 90000 00012, and every one is a tel: link."""

from datetime import date

import pytest
from django.core.cache import cache

from sampark.telephony.services import add_number
from tests.trust.registry_factories import add

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_missed_call_number_on_the_home_page(client):
    add_number(provider="exotel", slug="main", number="011 4000 0000", secret="k" * 16)
    page = client.get("/").content.decode()
    assert 'href="tel:+911140000000">+91 11 4000 0000</a>' in page


def test_official_numbers_on_the_registry_and_verify_pages(client):
    hq = dict(owner="Sampark Andolan", name_hi="सम्पर्क आंदोलन", unit=True, since=date(2024, 1, 15))
    add("phone", "09000000012", **hq)
    add("whatsapp_number", "https://wa.me/919000000013", **hq)
    official = client.get("/official/").content.decode()
    assert ">+91 90000 00012</a>" in official and ">+91 90000 00013</a>" in official
    verify = client.get("/verify/", {"q": "9000000012"}).content.decode()
    assert 'data-verdict="official"' in verify and ">+91 90000 00012</a>" in verify
