"""The supporter's profile page behind the personal SMS link: /p/<token>."""

import re

import pytest
from django.conf import settings
from django.test import Client

from sampark.supporters.models import Callback, Consent, Supporter, Touch
from sampark.supporters.services import profile_token
from sampark.telephony.models import PublishedNumber
from tests.supporters.factories import make_supporter

CLEAR_NUMBER_FORMS = ("+919876500001", "919876500001", "9876500001", "98765 00001", "98765-00001")


def url(supporter, lang=None):
    return f"/p/{profile_token(supporter)}" + (f"?lang={lang}" if lang else "")


def post(client, supporter, lang=None, **fields):
    data = {"name": "Sita Devi", "district": "UP-LKO", "assembly": "UP-AC-173", "language": "hi",
            "contact_consent": "on"}
    data.update(fields)
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(url(supporter, lang), data)


def html(response) -> str:
    return response.content.decode()


def option_values(page: str, select_name: str) -> list[str]:
    select = re.search(rf'<select name="{select_name}".*?</select>', page, re.S).group(0)
    return [v for v in re.findall(r'<option value="([^"]*)"', select) if v]


def option_labels(page: str, select_name: str) -> list[str]:
    select = re.search(rf'<select name="{select_name}".*?</select>', page, re.S).group(0)
    return re.findall(r'<option value="[^"]+"[^>]*>([^<]*)</option>', select)


# --- the link ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("token", [
    "x", "a" * 28, "a" * 5000, "नमस्ते" * 5, "%00%ff", "abcdefghijkm" + "0" * 16,
])
def test_unknown_token_gets_a_friendly_404_in_both_languages(client, supporter, token):
    response = client.get(f"/p/{token}")
    assert response.status_code == 404
    page = html(response)
    assert "यह लिंक मान्य नहीं है" in page and "This link is not valid" in page
    assert "फिर से मिस्ड कॉल दें" in page and "Give a missed call again" in page
    assert 'name="robots" content="noindex"' in page


def test_forged_signature_and_revoked_link_are_404(client, supporter):
    token = profile_token(supporter)
    forged = token[:12] + ("a" if token[12] != "a" else "b") + token[13:]
    assert client.get(f"/p/{forged}").status_code == 404
    assert client.post(f"/p/{forged}", {"name": "x"}).status_code == 404

    Supporter.objects.filter(pk=supporter.pk).update(link_version=2)  # link revoked
    assert client.get(f"/p/{token}").status_code == 404
    assert client.post(f"/p/{token}", {"name": "Sita"}).status_code == 404
    assert not Touch.objects.exists()


def test_404_page_shows_the_missed_call_number_and_puts_the_asked_language_first(client, supporter):
    PublishedNumber.objects.create(provider="exotel", slug="join", number="+918069000000")
    page = html(client.get("/p/nope?lang=en"))
    assert 'href="tel:+918069000000"' in page
    assert page.index("This link is not valid") < page.index("यह लिंक मान्य नहीं है")


def test_other_methods_are_refused(client, supporter):
    assert client.put(url(supporter)).status_code == 405


# --- the form ----------------------------------------------------------------------------------------------

def test_form_is_hindi_by_default_even_for_an_english_browser(client, supporter):
    response = client.get(url(supporter), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    page = html(response)
    assert '<html lang="hi">' in page
    for text in ("आपकी जानकारी", "आपका नाम", "ज़िला", "विधानसभा क्षेत्र", "हमारे संदेशों की भाषा",
                 "आपसे संपर्क करने की अनुमति", "मेरी जानकारी सहेजें"):
        assert text in page
    assert "Your name" not in page
    assert response["Content-Language"] == "hi"
    assert 'href="?lang=en"' in page and ">English</a>" in page  # the switch names each language in itself
    assert "no-store" in response["Cache-Control"]


def test_form_in_english_with_the_switch_and_for_a_supporter_who_chose_english(client, areas):
    supporter = make_supporter(area=areas["UP"])
    page = html(client.get(url(supporter, "en")))
    assert '<html lang="en">' in page
    assert "Your name" in page and "Assembly constituency" in page and "आपका नाम" not in page
    assert 'href="?lang=hi"' in page and ">हिन्दी</a>" in page
    assert 'action="/p/' + profile_token(supporter) + '?lang=en"' in page  # errors come back in English too

    english = make_supporter("+919876500002", area=areas["UP"], language="en")
    assert "Your name" in html(client.get(url(english)))
    assert "आपका नाम" in html(client.get(url(english, "hi")))
    assert "Your name" in html(client.get(url(english, "fr")))  # an unknown ?lang= falls back to the saved one


def test_notice_text_and_version_are_shown(client, supporter, settings):
    settings.NOTICE_VERSION = "2027-01"
    page = html(client.get(url(supporter)))
    assert "हम आपका नंबर एन्क्रिप्ट करके सुरक्षित रखते हैं" in page
    assert "सूचना संस्करण 2027-01" in page
    assert 'name="contact_consent"' in page


def test_masked_phone_is_shown_and_the_clear_number_never(client, supporter):
    for lang in ("hi", "en"):
        page = html(client.get(url(supporter, lang)))
        assert "+91 98XXXXXX01" in page
        for form in CLEAR_NUMBER_FORMS:
            assert form not in page
    bad = post(client, supporter, name="")
    done = post(client, supporter)
    for page in (html(bad), html(done)):
        for form in CLEAR_NUMBER_FORMS:
            assert form not in page


def test_districts_are_those_of_the_guessed_state_sorted_by_name_in_the_page_language(client, supporter):
    hindi = html(client.get(url(supporter)))
    assert option_values(hindi, "district") == ["UP-AGR", "UP-UNN", "UP-LKO"]  # आगरा, उन्नाव, लखनऊ
    assert option_labels(hindi, "district") == ["आगरा", "उन्नाव", "लखनऊ"]
    english = html(client.get(url(supporter, "en")))
    assert option_values(english, "district") == ["UP-AGR", "UP-LKO", "UP-UNN"]  # Agra, Lucknow, Unnao
    assert "BR-PAT" not in english


def test_without_a_guessed_state_every_district_is_offered(client, areas):
    supporter = make_supporter(area=None)
    page = html(client.get(url(supporter, "en")))
    assert option_values(page, "district") == ["UP-AGR", "UP-LKO", "BR-PAT", "UP-UNN"]


def test_assemblies_are_grouped_by_district_and_tagged_for_the_script(client, supporter):
    page = html(client.get(url(supporter, "en")))
    assert '<optgroup label="Lucknow">' in page and '<optgroup label="Agra">' in page
    assert 'value="UP-AC-173" data-district="UP-LKO"' in page
    assert "<script nonce=" in page and "data-district" in page
    assert 'id="id_assembly"' in page and "required" not in re.search(
        r'<select name="assembly"[^>]*>', page).group(0)


def test_a_saved_place_is_prefilled(client, areas):
    supporter = make_supporter(area=areas["UP-AC-173"], name="Sita Devi", contact_consent=True)
    page = html(client.get(url(supporter, "en")))
    assert 'value="Sita Devi"' in page
    assert '<option value="UP-LKO" selected>' in page
    assert 'value="UP-AC-173" selected data-district="UP-LKO"' in page
    assert re.search(r'<input type="checkbox" name="contact_consent"[^>]* checked', page)


def test_page_is_light_and_needs_few_queries(client, supporter, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(url(supporter))
    assert len(response.content) < 100 * 1024


# --- saving ------------------------------------------------------------------------------------------------

def test_valid_post_saves_everything_and_thanks_in_the_chosen_language(client, supporter, areas):
    response = post(client, supporter, name="  Sita   Devi ", language="en")
    assert response.status_code == 200
    page = html(response)
    assert '<html lang="en">' in page and "Thank you, Sita Devi!" in page and "Lucknow East" in page

    supporter.refresh_from_db()
    assert supporter.name == "Sita Devi"
    assert supporter.area == areas["UP-AC-173"] and supporter.area_is_guess is False
    assert supporter.language == "en"
    assert supporter.contact_consent is True
    consent = Consent.objects.get(supporter=supporter, purpose="contact")
    assert consent.granted is True and consent.channel == "web"
    assert consent.notice_version == settings.NOTICE_VERSION
    touch = Touch.objects.get(supporter=supporter)
    assert touch.kind == Touch.Kind.PROFILE and touch.detail == {"area": "UP-AC-173"}
    assert Callback.objects.get(supporter=supporter).area == areas["UP-AC-173"]

    # saved language is now the page's default
    assert '<html lang="en">' in html(client.get(url(supporter)))


def test_thank_you_in_hindi(client, supporter):
    page = html(post(client, supporter, name="सीता देवी", language="hi", lang="en"))
    assert '<html lang="hi">' in page and "धन्यवाद, सीता देवी जी!" in page and "लखनऊ पूर्व" in page


def test_district_without_assembly_is_the_area(client, supporter, areas):
    assert post(client, supporter, district="UP-UNN", assembly="").status_code == 200
    supporter.refresh_from_db()
    assert supporter.area == areas["UP-UNN"]


def test_a_consent_row_only_when_consent_changes(client, supporter):
    post(client, supporter)                                 # None → yes
    post(client, supporter, name="Sita")                    # yes → yes
    post(client, supporter, contact_consent=None)           # yes → no (unticked box is absent)
    rows = list(Consent.objects.filter(supporter=supporter, purpose="contact").order_by("id")
                .values_list("granted", flat=True))
    assert rows == [True, False]
    assert Touch.objects.filter(supporter=supporter, kind=Touch.Kind.PROFILE).count() == 3
    supporter.refresh_from_db()
    assert supporter.contact_consent is False


def assert_nothing_saved(supporter):
    fresh = Supporter.objects.get(pk=supporter.pk)
    assert fresh.name == "" and fresh.area_id == supporter.area_id and fresh.contact_consent is None
    assert not Touch.objects.filter(supporter=supporter).exists()
    assert not Consent.objects.filter(supporter=supporter).exists()


def field_errors(page: str, field: str) -> str:
    """The error list rendered inside the field's own block of the form."""
    form = page[page.index("<form"):page.index("</form>")]
    block = next(chunk for chunk in form.split('class="field')[1:] if f'name="{field}"' in chunk)
    assert block.startswith(" has-error"), f"{field} is not marked as wrong"
    errors = re.search(r'<ul class="errorlist"[^>]*>(.*?)</ul>', block, re.S)
    assert errors, f"no error next to {field}"
    return errors.group(1)


def test_assembly_outside_the_district_is_rejected_naming_the_field(client, supporter):
    response = post(client, supporter, district="UP-AGR", assembly="UP-AC-173")
    assert response.status_code == 400
    errors = field_errors(html(response), "assembly")
    assert "विधानसभा क्षेत्र लखनऊ पूर्व, आगरा ज़िले में नहीं है" in errors
    assert_nothing_saved(supporter)

    english = post(client, supporter, lang="en", district="UP-AGR", assembly="UP-AC-173")
    assert "The assembly constituency Lucknow East is not in Agra district" in field_errors(html(english), "assembly")
    assert_nothing_saved(supporter)


@pytest.mark.parametrize("field, value", [
    ("district", "BR-PAT"),            # a real district, but not of the supporter's state
    ("district", "UP-AC-173"),         # an assembly code where a district belongs
    ("district", "UP"),
    ("district", "<script>alert(1)</script>"),
    ("district", "x" * 5000),
    ("assembly", "BR-AC-182"),
    ("assembly", "UP-LKO"),
    ("assembly", "NOPE"),
    ("language", "fr"),
])
def test_tampered_codes_are_form_errors(client, supporter, field, value):
    response = post(client, supporter, lang="en", **{field: value})
    assert response.status_code == 400
    errors = field_errors(html(response), field)
    assert "from the list" in errors or "हिन्दी or English" in errors
    assert "<script>alert(1)</script>" not in html(response)
    assert_nothing_saved(supporter)


def test_missing_fields_are_named(client, supporter):
    response = post(client, supporter, name="   \t ", district=None, language=None)
    assert response.status_code == 400
    page = html(response)
    assert "कृपया अपना नाम लिखें।" in field_errors(page, "name")
    assert "कृपया अपना ज़िला चुनें।" in field_errors(page, "district")
    assert "कृपया एक भाषा चुनें।" in field_errors(page, "language")
    assert "कृपया चिह्नित जानकारी ठीक करें।" in page and 'href="#id_name"' in page
    assert_nothing_saved(supporter)


@pytest.mark.parametrize("length", [101, 20_000])
def test_oversize_name_is_a_field_error(client, supporter, length):
    response = post(client, supporter, lang="en", name="क" * length)
    assert response.status_code == 400
    assert f"at most 100 letters long (you wrote {length})" in field_errors(html(response), "name")
    assert_nothing_saved(supporter)


@pytest.mark.parametrize("name", ["Sita\x00Devi", "Sita\x07", "\x1b[31mSita"])
def test_control_characters_in_the_name_are_a_field_error(client, supporter, name):
    response = post(client, supporter, name=name)
    assert response.status_code == 400
    assert "आपके नाम में एक ऐसा चिह्न है जिसकी अनुमति नहीं है।" in field_errors(html(response), "name")
    assert_nothing_saved(supporter)


def test_exactly_100_letters_is_fine(client, supporter):
    assert post(client, supporter, name="क" * 100).status_code == 200


def test_a_body_over_the_server_limit_is_a_400_not_a_500(client, supporter):
    response = post(client, supporter, lang="en", name="x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10))
    assert response.status_code == 400
    assert "far too long" in html(response)
    assert_nothing_saved(supporter)

    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)  # as in production: CSRF reads first
    strict.get(url(supporter))  # the CSRF cookie
    response = strict.post(url(supporter), {"name": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)})
    assert response.status_code == 400


def test_post_needs_the_csrf_token(supporter):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url(supporter), {"name": "Sita", "district": "UP-LKO", "language": "hi"}).status_code == 403
    page = html(strict.get(url(supporter)))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = strict.post(url(supporter), {"csrfmiddlewaretoken": token, "name": "Sita", "district": "UP-LKO",
                                            "language": "hi"})
    assert response.status_code == 200
    assert_saved = Supporter.objects.get(pk=supporter.pk)
    assert assert_saved.name == "Sita" and assert_saved.contact_consent is False


def test_names_are_escaped(client, supporter):
    page = html(post(client, supporter, name="<b>Sita</b>"))
    assert "<b>Sita</b>" not in page and "&lt;b&gt;Sita&lt;/b&gt;" in page


def test_refusing_contact_takes_them_off_the_call_back_queue(client, supporter):
    from django.utils import timezone

    Callback.objects.get_or_create(supporter=supporter, defaults={"created_at": timezone.now()})
    post(client, supporter, contact_consent=None)
    assert Callback.objects.get(supporter=supporter).status == Callback.Status.CANCELLED
