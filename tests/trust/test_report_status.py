"""/report/status/: whoever holds a case code sees the case's state and dates, never who reported it."""

import re
from datetime import datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from sampark.trust.cases import workflow as cases
from sampark.trust.models import Case

pytestmark = pytest.mark.django_db
URL = "/report/status/"
START = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.get_fixed_timezone(330))


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the rate limit counts in the cache
    yield
    cache.clear()


def report(target="https://x.com/Sampark_0fficial", details="", address="203.0.113.5"):
    return cases.submit_report(target=target, what="impersonates", details=details, address=address).case


def text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S))


def steps(response) -> dict:
    """Each step of the timeline and what it says: its date, or "Not yet"."""
    html = response.content.decode()
    return dict(re.findall(r'data-step="(\w+)">.*?<span class="hint">(.*?)</span>', html, flags=re.S))


def test_the_empty_page_asks_for_the_code_in_hindi(client):
    response = client.get(URL)
    assert response.status_code == 200 and response["Content-Language"] == "hi"
    assert "शिकायत की स्थिति" in text(response) and 'name="code"' in response.content.decode()


def test_a_new_case_shows_received_with_its_date_and_nothing_about_reporters(client):
    with time_machine.travel(START, tick=False):
        case = report(details="my own note, call me back")
    response = client.get(URL, {"code": case.code, "lang": "en"})
    page = text(response)
    assert response.status_code == 200
    assert 'data-status="new"' in response.content.decode()
    assert "We have received the report and will check it." in page
    assert steps(response) == {"received": "2 March 2026", "confirmed": "Not yet", "reported": "Not yet",
                              "taken_down": "Not yet"}
    assert "sampark_0fficial" in page  # what the case is about
    for private in ("my own note", "203.0.113.5", case.reports.get().reporter_key, "https://x.com/Sampark_0fficial"):
        assert private not in response.content.decode()
    assert len(response.content) < 100_000


def test_each_step_of_the_workflow_gets_its_date(client, make_staff, areas):
    staff = make_staff("desk", area=areas["IN"])
    with time_machine.travel(START, tick=False):
        case = report()
    with time_machine.travel(START + timedelta(days=1), tick=False):
        cases.confirm(case, actor=staff)
    with time_machine.travel(START + timedelta(days=2), tick=False):
        cases.file_with_platform(case, actor=staff, where="X impersonation form", reference="INTERNAL-77")
    with time_machine.travel(START + timedelta(days=9), tick=False):
        cases.mark_taken_down(case, actor=staff, note="suspended by X")
    response = client.get(URL, {"code": case.code, "lang": "en"})
    assert steps(response) == {"received": "2 March 2026", "confirmed": "3 March 2026", "reported": "4 March 2026",
                               "taken_down": "11 March 2026"}
    assert "It has been taken down." in text(response)
    assert "INTERNAL-77" not in text(response) and "suspended by X" not in text(response)  # staff's notes
    hindi = text(client.get(URL, {"code": case.code}))
    assert "हटा दिया गया" in hindi and "मार्च" in hindi


def test_a_dismissed_case_says_it_was_closed_without_giving_the_staff_reason(client, make_staff, areas):
    case = report()
    cases.dismiss(case, actor=make_staff("desk", area=areas["IN"]), note="parody account, clearly labelled")
    response = client.get(URL, {"code": case.code, "lang": "en"})
    assert set(steps(response)) == {"received", "dismissed"}
    assert "closed the case without action" in text(response)
    assert "parody account" not in text(response)


@pytest.mark.parametrize("typed", ["{lower}", "{bare}", " {spaced} "])
def test_the_code_is_accepted_in_any_case_with_or_without_the_dash(client, typed):
    case = report()
    code = case.code
    typed = typed.format(lower=code.lower(), bare=code.replace("-", ""), spaced=code.replace("-", " "))
    response = client.get(URL, {"code": typed})
    assert response.status_code == 200 and 'data-status="new"' in response.content.decode()


def test_a_code_given_out_before_the_new_codes_still_works(client):
    case = report()
    Case.objects.filter(pk=case.pk).update(public_id="abcdefghijk2")
    assert client.get(URL, {"code": "ABCDEFGHIJK2"}).status_code == 200


def test_an_unknown_code_is_a_404_with_a_plain_message(client):
    response = client.get(URL, {"code": "k7m4qx9p", "lang": "en"})
    assert response.status_code == 404
    assert "There is no case with the code K7M4-QX9P" in text(response)
    assert 'value="k7m4qx9p"' in response.content.decode()  # kept, to correct


@pytest.mark.parametrize(("typed", "message"), [
    ("K7M4-QX0P", "never contains 0, O, 1, I or L, and you typed “0”"),
    ("K7M4-QX9", "has 8 letters and digits"),
    ("K7M4-QX#P", "only the digits 2 to 9 and the letters A to Z, and you typed “#”"),
])
def test_a_malformed_code_is_a_400_that_says_what_is_wrong(client, typed, message):
    response = client.get(URL, {"code": typed, "lang": "en"})
    assert response.status_code == 400
    assert message in text(response)


def test_a_private_group_invite_is_not_shown(client):
    case = report(target="https://chat.whatsapp.com/FakeItCell42")
    page = client.get(URL, {"code": case.code}).content.decode()
    assert "FakeItCell42" not in page and "chat.whatsapp.com" not in page


def test_looking_up_too_often_gets_a_429(client, settings):
    settings.PUBLIC_RATE_LIMIT = "3/m"
    for _n in range(3):
        assert client.get(URL, {"code": "K7M4-QX9P"}).status_code == 404
    response = client.get(URL, {"code": "K7M4-QX9P", "lang": "en"})
    assert response.status_code == 429 and "Too many look-ups" in text(response)
    assert client.get(URL).status_code == 200  # the empty form is not counted


def test_the_thanks_page_links_to_the_status_page(client):
    response = client.post("/report/", {"target": "@Sampark_0fficial", "platform": "x", "what": "impersonates"})
    case = Case.objects.get()
    thanks = client.get(response["Location"]).content.decode()
    assert case.code in thanks
    link = re.search(r'id="status-link" href="([^"]+)"', thanks).group(1)
    assert client.get(link.replace("&amp;", "&")).status_code == 200
