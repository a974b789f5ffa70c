"""/official/: every active channel grouped by person and unit, tappable, in Hindi first; cheap to serve."""

import re
from datetime import date

import pytest
from django.core.cache import cache

from sampark.geo.models import Area, Level
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
    hq = dict(owner="Sampark Andolan", name_hi="सम्पर्क आंदोलन", unit=True, area=areas["IN"])
    leader = dict(owner="State President (demo)", name_hi="प्रदेश अध्यक्ष (डेमो)", area=areas["UP"])
    lucknow = dict(owner="Sampark Andolan, Lucknow", name_hi="सम्पर्क आंदोलन, लखनऊ", unit=True, area=areas["UP-LKO"])
    rows = {
        "x": add("x", "https://twitter.com/SamparkAndolan?s=20", since=date(2024, 5, 1), **hq),
        "phone": add("phone", "+91 11 4000 0000", **hq),
        "wa": add("whatsapp_number", "+91 11 4000 0000", **hq),
        "site": add("website", "https://www.example.org/about", **hq),
        "mail": add("email", "office@example.org", **hq),
        "group": add("whatsapp_group", "https://chat.whatsapp.com/DemoInviteCode0000000", **hq),
        "tg_private": add("telegram", "https://t.me/+DemoPrivateInvite", **hq),
        "yt": add("youtube", "https://www.youtube.com/@SamparkUP", **leader),
        "fb": add("facebook", "https://www.facebook.com/profile.php?id=100000000000001", **leader),
        "insta": add("instagram", "instagram.com/sampark.up/", **leader),
        "old": add("x", "@SamparkUPOld", since=date(2023, 4, 1), **leader),
        "lko_x": add("x", "@SamparkLucknow", **lucknow),
        "lko_tg": add("telegram", "t.me/SamparkLucknow", **lucknow),
        "lko_old": add("x", "@SamparkLucknowOld", **lucknow),
    }
    registry.retire_channel(rows["old"], until=date(2025, 1, 31))
    registry.retire_channel(rows["lko_old"], until=date(2025, 3, 31))
    return rows


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S))


def test_channels_are_grouped_by_person_and_by_unit_with_its_area_in_hindi(client, registry_rows):
    page = client.get("/official/").content.decode()
    assert 'lang="hi"' in page
    leaders, units = page.index('id="people"'), page.index('id="units"')
    assert leaders < page.index("प्रदेश अध्यक्ष (डेमो)") < units < page.index("सम्पर्क आंदोलन")
    assert "क्षेत्र: भारत" in text(page)
    assert "1 मई 2024 से आधिकारिक" in text(page)


def test_the_english_page(client, registry_rows):
    page = text(client.get("/official/?lang=en").content.decode())
    assert "Official channels" in page and "Leaders" in page and "Offices and units" in page
    assert "Area: India" in page and "Official since May 1, 2024" in page


def test_owners_further_down_the_area_tree_are_one_link_per_area_away(client, registry_rows):
    national = client.get("/official/?lang=en").content.decode()
    assert "@SamparkLucknow" not in national
    assert '<a class="handle" href="/official/UP/?lang=en">Uttar Pradesh</a>' in national
    assert "2 channels" in text(national)  # the active ones; the retired Lucknow handle is listed with its area
    state = client.get("/official/UP/?lang=en").content.decode()
    assert "Official channels in Uttar Pradesh" in text(state)
    assert "State President (demo)" in state  # the state's own owners ...
    assert 'href="https://x.com/samparkandolan"' not in state  # ... not the nation's
    assert '<a class="handle" href="/official/UP-DV-LKO/?lang=en">Lucknow</a>' in state
    division = client.get("/official/UP-DV-LKO/?lang=en").content.decode()
    assert 'href="https://x.com/samparklucknow"' in division and "Area: Lucknow" in text(division)
    assert "@SamparkLucknowOld" in division[division.index('id="retired"'):]
    assert 'href="/official/UP/?lang=en">Uttar Pradesh</a>' in division  # one step back up
    hindi = text(client.get("/official/UP-DV-LKO/").content.decode())
    assert "लखनऊ के आधिकारिक चैनल" in hindi and "क्षेत्र: लखनऊ" in hindi


def test_the_root_areas_page_is_the_national_page(client, registry_rows):
    assert 'href="https://x.com/samparkandolan"' in client.get("/official/IN/").content.decode()


@pytest.mark.parametrize("code", ["XX", "up", "<b>", "a" * 300])
def test_an_unknown_state_is_a_404_page_in_the_language_asked(client, registry_rows, code):
    response = client.get(f"/official/{code}/?lang=en")
    assert response.status_code == 404
    assert "No such area" in response.content.decode() and "<b>" not in response.content.decode()


def test_every_channel_is_a_tappable_link_to_the_platform_itself(client, registry_rows):
    page = client.get("/official/?lang=en").content.decode()
    for href in ("https://x.com/samparkandolan", "tel:+911140000000", "https://wa.me/911140000000",
                 "https://example.org/", "mailto:office@example.org", "https://www.youtube.com/@samparkup",
                 "https://www.facebook.com/profile.php?id=100000000000001", "https://www.instagram.com/sampark.up/"):
        assert f'href="{href}"' in page, href
    assert "?s=20" not in page  # links are built from the normal form; the shown form loses tracking parameters
    assert 'href="https://t.me/samparklucknow"' in client.get("/official/UP-DV-LKO/").content.decode()


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


def test_a_few_queries_to_build_and_none_while_cached(client, registry_rows, django_assert_num_queries):
    for url, queries in (("/official/", 3), ("/official/UP/", 4)):
        with django_assert_num_queries(queries):
            first = client.get(url)
        with django_assert_num_queries(0):
            second = client.get(url)
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


def test_a_thousand_channels_stay_light_pages(client):
    """1,000 channels as a national movement would have them: the national page, 10 states with 5 districts each."""
    country = make_areas()["IN"]
    districts = []
    for s_n in range(10):
        state = Area.objects.create(code=f"S{s_n}", parent=country, level=Level.STATE, name_en=f"State {s_n}",
                                    name_hi=f"राज्य {s_n}", path=f"IN.S{s_n}")
        districts += [Area.objects.create(code=f"S{s_n}-D{d}", parent=state, level=Level.DISTRICT,
                                          name_en=f"District {s_n}-{d}", name_hi=f"ज़िला {s_n}-{d}",
                                          path=f"IN.S{s_n}.S{s_n}-D{d}") for d in range(5)]
    for n in range(100):
        add("x", f"@SamparkNational{n:03d}", owner=f"National cell {n:03d}", unit=True, area=country)
    for n in range(900):
        add("x", f"@SamparkDistrict{n:03d}", owner=f"District unit {n:03d}", unit=True, area=districts[n % 50])
    pages = [client.get(url).content for url in ["/official/"] + [f"/official/S{n}/" for n in range(10)]]
    assert b'href="/official/S3/' in pages[0]
    assert all(len(page) < 100_000 for page in pages), [len(page) for page in pages]
    assert sum(page.decode().count('href="https://x.com/samparkdistrict') for page in pages) == 900


def test_only_get_and_head(client):
    assert client.post("/official/").status_code == 405
