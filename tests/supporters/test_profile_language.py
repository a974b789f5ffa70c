"""The profile page's "language for our messages" shows the language the supporter saved, not the page's, and a
save that does not touch it keeps it."""

import re

import pytest

from sampark.supporters.services import profile_token
from tests.supporters.factories import make_supporter


def checked_language(page: str) -> str:
    [value] = re.findall(r'<input type="radio" name="language" value="(\w+)"[^>]* checked', page)
    return value


def form_as_shown(page: str) -> dict:
    """What a browser would send on "Save" without the user changing anything but the name and district."""
    return {"name": "Sita Devi", "district": "UP-LKO", "language": checked_language(page),
            "contact_consent": "on"}


@pytest.mark.parametrize("saved,page_language", [("en", "hi"), ("hi", "en")])
def test_the_saved_language_is_checked_whatever_the_page_speaks(client, areas, saved, page_language):
    supporter = make_supporter(area=areas["UP"], language=saved)
    page = client.get(f"/p/{profile_token(supporter)}?lang={page_language}").content.decode()
    assert f'<html lang="{page_language}">' in page
    assert checked_language(page) == saved


@pytest.mark.parametrize("saved,page_language", [("en", "hi"), ("hi", "en")])
def test_saving_without_touching_it_keeps_it(client, areas, saved, page_language):
    supporter = make_supporter(area=areas["UP"], language=saved)
    url = f"/p/{profile_token(supporter)}?lang={page_language}"
    response = client.post(url, form_as_shown(client.get(url).content.decode()))
    assert response.status_code == 200
    supporter.refresh_from_db()
    assert supporter.language == saved
