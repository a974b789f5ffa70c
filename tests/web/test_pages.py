"""Public pages: the home page tells people the missed-call number, in Hindi first."""

from sampark.telephony.services import add_number


def test_home_shows_the_missed_call_number_in_hindi(client, db):
    add_number(provider="exotel", slug="main", number="+91 11 4000 0000", secret="k")
    page = client.get("/").content.decode()
    assert 'href="tel:+911140000000"' in page
    assert 'lang="hi"' in page and "मिस्ड कॉल" in page


def test_home_in_english(client, db):
    page = client.get("/?lang=en").content.decode()
    assert "Join with one missed call" in page
    assert len(page.encode()) < 100_000


def test_healthz(client, db):
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_csrf_failure_page_speaks_both_languages(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/p/" + "a" * 28, {"name": "x"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "Please try again" in page and 'lang="hi"' in page
