"""The profile page also asks gender, age band (under-18s only with a guardian's consent), village or ward, PIN
code and "I want to volunteer": all optional, validated, nothing saved when one is wrong."""

import re

import pytest

from sampark.supporters.models import Supporter, Touch
from sampark.supporters.services import profile_token
from tests.supporters.factories import make_supporter

BASE = {"name": "Sita Devi", "district": "UP-LKO", "assembly": "UP-AC-173", "language": "hi",
        "contact_consent": "on"}


@pytest.fixture
def supporter(areas):
    return make_supporter(area=areas["UP"])


def post(client, supporter, lang="en", **fields):
    return client.post(f"/p/{profile_token(supporter)}?lang={lang}", {**BASE, **fields})


def errors_of(page: str, field: str) -> str:
    block = re.search(rf'<(?:div|fieldset) class="field has-error"[^>]*>(?:(?!</(?:div|fieldset)>).)*'
                      rf'name="{field}".*?</ul>', page, re.S)
    return block.group(0) if block else ""


def test_everything_saved_and_shown_again(client, supporter):
    response = post(client, supporter, gender="female", age_band="26-35", village="  Chinhat \t ward 4 ",
                    pin_code="226 028", wants_to_volunteer="on")
    assert response.status_code == 200
    supporter.refresh_from_db()
    assert (supporter.gender, supporter.age_band, supporter.village, supporter.pin_code) == (
        "female", "26-35", "Chinhat ward 4", "226028")
    assert supporter.wants_to_volunteer is True and supporter.guardian_consent is None

    page = client.get(f"/p/{profile_token(supporter)}?lang=en").content.decode()
    assert re.search(r'name="gender" value="female"[^>]* checked', page)
    assert re.search(r'<option value="26-35" selected', page)
    assert 'value="Chinhat ward 4"' in page and 'value="226028"' in page
    assert re.search(r'name="wants_to_volunteer"[^>]* checked', page)


def test_all_optional(client, supporter):
    assert post(client, supporter).status_code == 200
    supporter.refresh_from_db()
    assert (supporter.gender, supporter.age_band, supporter.village, supporter.pin_code) == ("", "", "", "")
    assert supporter.wants_to_volunteer is False


def test_devanagari_digits_in_the_pin(client, supporter):
    assert post(client, supporter, pin_code="२२६००१").status_code == 200
    supporter.refresh_from_db()
    assert supporter.pin_code == "226001"


def test_under_18_without_a_guardian_is_refused_and_nothing_saved(client, supporter):
    response = post(client, supporter, age_band="u18", wants_to_volunteer="on")
    assert response.status_code == 400
    page = response.content.decode()
    assert "we can enrol you only if your parent or guardian agrees" in page
    assert 'href="#id_guardian_consent"' in page  # the error summary names the field
    fresh = Supporter.objects.get(pk=supporter.pk)
    assert fresh.name == "" and fresh.age_band == "" and fresh.wants_to_volunteer is False
    assert not Touch.objects.filter(supporter=supporter).exists()


def test_under_18_in_hindi(client, supporter):
    page = post(client, supporter, lang="hi", age_band="u18").content.decode()
    assert "माता-पिता या अभिभावक सहमत हों" in page


def test_under_18_with_a_guardian_is_enrolled(client, supporter):
    assert post(client, supporter, age_band="u18", guardian_consent="on").status_code == 200
    supporter.refresh_from_db()
    assert supporter.age_band == "u18" and supporter.guardian_consent is True


@pytest.mark.parametrize("field,value,message", [
    ("pin_code", "22600", "A PIN code has 6 digits"),
    ("pin_code", "2260011", "A PIN code has 6 digits"),
    ("pin_code", "22600a", "A PIN code has 6 digits"),
    ("pin_code", "²²⁶⁰⁰¹", "A PIN code has 6 digits"),
    ("pin_code", "026001", "does not start with 0"),
    ("pin_code", "1" * 5000, "A PIN code has 6 digits"),
    ("village", "v" * 101, "at most 100 letters"),
    ("village", "ward\x07 4", "not allowed"),
    ("gender", "robot", "Please choose your gender"),
    ("age_band", "200", "Please choose your age"),
])
def test_bad_answers_name_the_field_and_save_nothing(client, supporter, field, value, message):
    response = post(client, supporter, **{field: value})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'href="#id_{field}' in page
    assert Supporter.objects.get(pk=supporter.pk).name == ""


def test_page_stays_light(client, supporter):
    response = client.get(f"/p/{profile_token(supporter)}")
    assert len(response.content) < 100 * 1024
    assert '<script nonce="' in response.content.decode()
