"""Errors are the site's own page: the base layout, Hindi then English, a way home; never Django's bare English."""

import pytest
from django.test import RequestFactory

from sampark import urls
from sampark.web import views

pytestmark = pytest.mark.django_db


def test_an_unknown_address_is_a_styled_bilingual_404_with_a_way_home(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 404 and response["Content-Language"] == "hi"
    assert '<html lang="hi">' in page and "/static/web/sampark.css" in page
    assert "पेज नहीं मिला" in page and "Page not found" in page
    assert page.index("पेज नहीं मिला") < page.index("Page not found")  # Hindi first
    assert 'class="brand" href="/"' in page
    assert 'href="/">मुख्य पेज पर जाएँ' in page and 'href="/?lang=en">Go to the home page' in page
    assert len(response.content) < 100_000


@pytest.mark.parametrize(("handler", "status", "hindi", "english"), [
    ("handler400", 400, "हम यह अनुरोध पढ़ नहीं पाए", "We could not read this request"),
    ("handler403", 403, "आप यह पेज नहीं खोल सकते", "You cannot open this page"),
    ("handler404", 404, "पेज नहीं मिला", "Page not found"),
    ("handler500", 500, "कुछ गड़बड़ हो गई", "Something went wrong"),
])
def test_every_error_page_is_styled_and_bilingual(handler, status, hindi, english):
    request = RequestFactory().get("/somewhere/")
    view = getattr(urls, handler)
    response = view(request) if status == 500 else view(request, Exception("x"))
    page = response.content.decode()
    assert response.status_code == status
    assert hindi in page and english in page and f"Error {status}" in page
    assert "/static/web/sampark.css" in page and 'rel="icon"' in page and 'href="/?lang=en"' in page


def test_the_500_page_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert views.server_error(RequestFactory().get("/")).status_code == 500
