"""/official/: every active channel grouped by person and unit, tappable, in Hindi first; cheap to serve."""

import re
from datetime import date

import pytest
from django.core.cache import cache

from sampark.trust import registry
from tests.supporters.factories import make_areas
from tests.trust.registry_factories import add

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the page is cached per language across requests: each test starts from its own registry
    yield
    cache.clear()


@pytest.fixture
def registry_rows():
    areas = make_areas()
    unit = dict(owner="Sampark Andolan, Lucknow", name_hi="सम्पर्क आंदोलन, लखनऊ", unit=True, area=areas["UP-LKO"])
    leader = dict(owner="State President (demo)", name_hi="प्रदेश अध्यक्ष (डेमो)", area=areas["UP"])
    rows = {
        "x": add("x", "https://twitter.com/SamparkLucknow?s=20", since=date(2024, 5, 1), **unit),
        "phone": add("phone", "+91 11 4000 0000", **unit),
        "wa": add("whatsapp_number", "+91 11 4000 0000", **unit),
        "site": add("website", "https://www.example.org/about", **unit),
        "mail": add("email", "office@example.org", **unit),
        "group": add("whatsapp_group", "https://chat.whatsapp.com/DemoInviteCode0000000", **unit),
        "tg_private": add("telegram", "https://t.me/+DemoPrivateInvite", **unit),
        "yt": add("youtube", "https://www.youtube.com/@SamparkUP", **leader),
        "fb": add("facebook", "https://www.facebook.com/profile.php?id=100000000000001", **leader),
        "insta": add("instagram", "instagram.com/sampark.up/", **leader),
        "old": add("x", "@SamparkUPOld", since=date(2023, 4, 1), **leader),
    }
    registry.retire_channel(rows["old"], until=date(2025, 1, 31))
    return rows


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S))


def test_channels_are_grouped_by_person_and_by_unit_with_its_area_in_hindi(client, registry_rows):
    page = client.get("/official/").content.decode()
    assert 'lang="hi"' in page
    leaders, units = page.index('id="people"'), page.index('id="units"')
    assert leaders < page.index("प्रदेश अध्यक्ष (डेमो)") < units < page.index("सम्पर्क आंदोलन, लखनऊ")
    assert "क्षेत्र: लखनऊ" in text(page)
    assert "1 मई 2024 से आधिकारिक" in text(page)


def test_the_english_page(client, registry_rows):
    page = text(client.get("/official/?lang=en").content.decode())
    assert "Official channels" in page and "Offices and units" in page and "Area: Lucknow" in page
    assert "Official since May 1, 2024" in page


def test_every_channel_is_a_tappable_link_to_the_platform_itself(client, registry_rows):
    page = client.get("/official/?lang=en").content.decode()
    for href in ("https://x.com/samparklucknow", "tel:+911140000000", "https://wa.me/911140000000",
                 "https://example.org/", "mailto:office@example.org", "https://www.youtube.com/@samparkup",
                 "https://www.facebook.com/profile.php?id=100000000000001", "https://www.instagram.com/sampark.up/"):
        assert f'href="{href}"' in page, href
    assert "?s=20" not in page  # links are built from the normal form; the shown form loses tracking parameters


def test_group_invites_are_neither_linked_nor_shown(client, registry_rows):
    page = client.get("/official/?lang=en").content.decode()
    assert "DemoInviteCode" not in page and "DemoPrivateInvite" not in page
    assert text(page).count("Invite link not published here") == 2


def test_retired_channels_say_until_when_and_are_not_linked(client, registry_rows):
    page = client.get("/official/?lang=en").content.decode()
    retired = page[page.index('id="retired"'):]
    assert "@SamparkUPOld" in retired and "Official until Jan. 31, 2025" in text(retired)
    assert "samparkupold" not in page.lower().replace("@samparkupold", "")  # no link to it anywhere
    assert "@SamparkUPOld" not in page[:page.index('id="retired"')]


def test_one_query_to_build_and_none_while_cached(client, registry_rows, django_assert_num_queries):
    with django_assert_num_queries(1):
        first = client.get("/official/")
    with django_assert_num_queries(0):
        second = client.get("/official/")
    assert first.content == second.content
    assert "max-age=60" in second["Cache-Control"] and "public" in second["Cache-Control"]


def test_a_registry_change_shows_at_once_in_this_process(client, registry_rows, django_capture_on_commit_callbacks):
    client.get("/official/?lang=en")
    with django_capture_on_commit_callbacks(execute=True):
        add("x", "@SamparkNewHandle")
    assert "@SamparkNewHandle" in client.get("/official/?lang=en").content.decode()


def test_what_staff_typed_is_escaped(client):
    add("website", "example.org", owner="<script>alert(1)</script>")
    page = client.get("/official/").content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_an_empty_registry_says_so(client):
    page = text(client.get("/official/?lang=en").content.decode())
    assert "The official channels will be published here soon." in page


def test_a_large_registry_stays_a_light_page(client):
    for n in range(150):
        add("x", f"@SamparkDistrict{n:03d}", owner=f"District unit {n:03d}", unit=True)
    response = client.get("/official/")
    assert len(response.content) < 100_000
    assert response.content.decode().count("https://x.com/samparkdistrict") == 150


def test_only_get_and_head(client):
    assert client.post("/official/").status_code == 405
