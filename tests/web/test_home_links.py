"""The home page leads to every public trust page, in the language it is read in."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_links_to_check_report_verify_official_and_status_in_hindi(client):
    page = client.get("/").content.decode()
    for url in ("/verify/", "/check/", "/report/", "/official/", "/report/status/"):
        assert f'href="{url}"' in page, url
    assert "संदेश जाँचें" in page and "नकली की शिकायत करें" in page


def test_home_links_keep_english(client):
    page = client.get("/?lang=en").content.decode()
    for url in ("/verify/", "/check/", "/report/", "/official/", "/report/status/"):
        assert f'href="{url}?lang=en"' in page, url
    assert "Check a message" in page and "Report a fake" in page


@pytest.mark.parametrize("url", ["/verify/", "/check/", "/report/", "/official/", "/report/status/",
                                 "/p/" + "a" * 28])
def test_every_public_page_has_its_brand_as_a_link_home(client, url):
    assert '<a class="brand" href="/">सम्पर्क</a>' in client.get(url).content.decode()
    assert '<a class="brand" href="/?lang=en">Sampark</a>' in client.get(url, {"lang": "en"}).content.decode()
