"""A favicon from our own static files: linked from every page, and /favicon.ico answers without a 404 page."""

import pytest

pytestmark = pytest.mark.django_db


def test_pages_link_a_local_favicon(client):
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/web/favicon.svg" type="image/svg+xml">' in page
    assert '<link rel="icon" href="/static/web/favicon.ico" sizes="48x48">' in page
    assert "//" not in page.split('rel="icon"')[1].split(">")[0].replace("https://", "")  # no CDN


def test_the_icons_are_served_and_small(client):
    for name, start in (("favicon.svg", b"<svg"), ("favicon.ico", b"\x00\x00\x01\x00")):
        response = client.get(f"/static/web/{name}")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200 and body.startswith(start) and len(body) < 8_000, name


def test_favicon_ico_at_the_root_redirects_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/web/favicon.ico"
