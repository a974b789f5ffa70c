"""The public "report a fake" form: reports of one target merge into one case, bad input is refused whole."""

import html
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sampark.trust.models import Case, CaseEvent, Report
from tests.trust.factories import gps_exif, image_bytes, make_channel

pytestmark = pytest.mark.django_db
URL = "/report/"


def post(client, address="203.0.113.7", **fields):
    data = {"target": "https://x.com/SampakOfficial?s=20", "what": "impersonates", "details": ""}
    data.update(fields)
    return client.post(URL, data, REMOTE_ADDR=address)


def test_page_is_hindi_first_and_prefilled_from_verify(client):
    response = client.get(URL, {"q": "@SampakOfficial"})
    assert response.status_code == 200
    assert response["Content-Language"] == "hi"
    assert "नकली" in response.content.decode()
    assert 'value="@SampakOfficial"' in response.content.decode()
    assert len(response.content) < 100_000
    english = client.get(URL, {"lang": "en"})
    assert "Report a fake" in english.content.decode()


def test_a_report_opens_a_case_and_the_thank_you_page_gives_its_reference(client):
    response = post(client)
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.platform, case.target, case.status) == ("x", "sampakofficial", "new")
    assert case.target_display == "https://x.com/SampakOfficial?s=20"
    assert (case.report_count, case.reporter_count) == (1, 1)
    assert case.first_reported_at == case.last_reported_at
    assert CaseEvent.objects.filter(case=case, to_status="new").count() == 1
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    page = thanks.content.decode()
    assert case.code in page and 'href="tel:1930"' in page and 'href="https://cybercrime.gov.in"' in page


def test_reports_of_one_target_in_different_forms_merge_into_one_case(client):
    post(client, target="https://x.com/SampakOfficial?s=20", address="203.0.113.1")
    post(client, target="@sampakofficial", platform="x", address="203.0.113.2")
    post(client, target="https://mobile.twitter.com/SAMPAKOFFICIAL", address="203.0.113.3")
    case = Case.objects.get()
    assert (case.report_count, case.reporter_count) == (3, 3)
    assert Report.objects.filter(case=case).count() == 3


def test_the_same_reporter_twice_counts_as_two_reports_but_one_reporter(client):
    post(client, address="198.51.100.9")
    post(client, address="198.51.100.9", what="asks_money")
    case = Case.objects.get()
    assert (case.report_count, case.reporter_count) == (2, 1)
    keys = set(Report.objects.values_list("reporter_key", flat=True))
    assert len(keys) == 1 and "198.51.100.9" not in next(iter(keys))


def test_a_new_case_says_which_official_channel_it_resembles(client):
    official = make_channel("@SamparkOfficial", "x")
    post(client, target="@SamparkOfficial_", platform="x")
    case = Case.objects.get()
    assert case.resembles == official and case.score > 0
    assert case.reasons == ["different separators (_ . -)"]


def test_a_retired_official_channel_reported_opens_a_case_naming_it(client):
    retired = make_channel("@SamparkOld", "x", status="retired")
    post(client, target="https://x.com/SamparkOld")
    case = Case.objects.get()
    assert case.resembles == retired and case.score == 1.0
    assert case.reasons == ["retired official channel: no longer official"]


def test_reporting_an_official_channel_says_it_is_official_and_opens_nothing(client):
    make_channel("@SamparkOfficial", "x", owner="Sampark Office", owner_hi="सम्पर्क कार्यालय")
    response = post(client, target="https://twitter.com/SamparkOfficial")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="official"' in page and "सम्पर्क कार्यालय" in page
    assert not Case.objects.exists() and not Report.objects.exists()


def test_screenshot_is_kept_without_its_gps_position(client, settings):
    photo = image_bytes("JPEG", size=(40, 30), exif=gps_exif())
    assert Image.open(io.BytesIO(photo)).getexif().get(0x8825)  # the upload does carry a position
    upload = SimpleUploadedFile("IMG_2041.jpg", photo, content_type="image/jpeg")
    assert post(client, screenshot=upload).status_code == 302
    report = Report.objects.get()
    assert report.screenshot.name.endswith(f"{report.public_id}.jpg")
    assert str(settings.MEDIA_ROOT) in report.screenshot.path
    stored = Image.open(report.screenshot.path)
    assert stored.format == "JPEG" and stored.size == (40, 30)
    assert not stored.getexif() and b"Phone Model X" not in open(report.screenshot.path, "rb").read()


@pytest.mark.parametrize("kind,extension", [("PNG", "png"), ("WEBP", "webp")])
def test_png_and_webp_screenshots_are_accepted_whatever_their_name(client, kind, extension):
    upload = SimpleUploadedFile("screenshot.jpg", image_bytes(kind), content_type="image/jpeg")
    assert post(client, screenshot=upload).status_code == 302
    assert Report.objects.get().screenshot.name.endswith("." + extension)


def test_the_screenshot_is_not_served_publicly(client):
    post(client, screenshot=SimpleUploadedFile("s.png", image_bytes("PNG")))
    name = Report.objects.get().screenshot.name
    assert client.get("/media/" + name).status_code == 404
    assert client.get("/" + name).status_code == 404


def no_writes():
    return not Case.objects.exists() and not Report.objects.exists()


@pytest.mark.parametrize("fields,field,message", [
    ({"target": ""}, "target", "लिंक"),
    ({"target": "   "}, "target", "लिंक"),
    ({"target": "\u200b\u200d"}, "target", "पढ़"),
    ({"target": "x" * 301}, "target", "300"),
    ({"what": "hacked"}, "what", "सूची"),
    ({"what": ""}, "what", "चुनें"),
    ({"platform": "myspace"}, "platform", "सूची"),
    ({"details": "ब" * 2001}, "details", "2000"),
    ({"details": "a\x00b"}, "details", "अनुमति"),
    ({"target": "@fake\x07name"}, "target", "अनुमति"),
])
def test_bad_input_redisplays_the_form_with_the_field_error_and_writes_nothing(client, fields, field, message):
    response = post(client, **fields)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert message in " ".join(response.context["form"].errors[field])
    assert no_writes()


@pytest.mark.parametrize("name,content", [
    ("fake.png", b"%PDF-1.4 not a picture at all"),
    ("evil.jpg", b"<?php system($_GET['c']); ?>"),
    ("cut.png", image_bytes("PNG")[:60]),
    ("pic.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
])
def test_files_that_are_not_png_jpeg_or_webp_are_refused(client, name, content):
    response = post(client, screenshot=SimpleUploadedFile(name, content, content_type="image/png"))
    assert response.status_code == 400
    assert response.context["form"].errors["screenshot"]
    assert no_writes()


def test_a_screenshot_over_5_mb_is_refused(client, settings):
    big = image_bytes("PNG") + b"\0" * (5 * 1024 * 1024)
    response = post(client, screenshot=SimpleUploadedFile("big.png", big, content_type="image/png"))
    assert response.status_code == 400
    assert "5 MB" in response.content.decode()
    assert no_writes()
    assert not (settings.MEDIA_ROOT / "trust").exists() or not any((settings.MEDIA_ROOT / "trust").rglob("*.*"))


def test_a_huge_body_is_a_form_error_not_a_500(client):
    response = post(client, details="x" * 200_000)
    assert response.status_code == 400
    assert no_writes()


def test_a_decompression_bomb_is_refused(client):
    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, "PNG")  # 400 megapixels in a few kilobytes
    response = post(client, screenshot=SimpleUploadedFile("bomb.png", out.getvalue(), content_type="image/png"))
    assert response.status_code == 400 and no_writes()


def test_form_needs_a_csrf_token():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, {"target": "@fake", "what": "other"})
    assert response.status_code == 403 and no_writes()


def test_too_many_reports_from_one_address_get_a_429_page(client, settings):
    settings.PUBLIC_RATE_LIMIT = "3/m"
    for n in range(3):
        assert post(client, address="192.0.2.44", target=f"@fake{n}", platform="x").status_code == 302
    response = post(client, address="192.0.2.44", target="@fake9", platform="x")
    assert response.status_code == 429
    assert "प्रतीक्षा" in response.content.decode()
    assert Case.objects.count() == 3
    assert post(client, address="192.0.2.45", target="@fake9", platform="x").status_code == 302  # others are fine


def test_unknown_case_reference_is_a_friendly_404(client):
    assert client.get("/report/thanks/", {"ref": "nosuchcase"}).status_code == 404


def test_a_body_far_over_the_cap_is_refused_before_it_is_read(client):
    huge = SimpleUploadedFile("huge.png", b"\x89PNG" + b"\0" * (6 * 1024 * 1024), content_type="image/png")
    response = post(client, screenshot=huge)
    assert response.status_code == 400
    assert "5 MB" in response.content.decode()
    assert no_writes()


def test_a_bare_name_without_a_platform_still_opens_a_case(client):
    assert post(client, target="@Sampark_IT_Cell").status_code == 302
    case = Case.objects.get()
    assert (case.platform, case.target) == ("", "sampark_it_cell")
    assert post(client, target="sampark_it_cell", address="203.0.113.99").status_code == 302
    assert Case.objects.get().report_count == 2


def test_report_this_on_the_check_page_carries_the_message_over_and_sends_nothing(client):
    message = "पार्टी की ओर से: सदस्यता के लिए अपना आधार नंबर और OTP भेजें\nजल्दी करें!"
    checked = client.post("/check/?lang=en", {"text": message}).content.decode()
    form = checked[checked.index('action="/report/'):]
    form = form[:form.index("</form>")]
    fields = {name: html.unescape(value) for name, value in re.findall(r'name="(\w+)" value="([^"]*)"', form)}
    fields["details"] = html.unescape(re.search(r'<textarea name="details" hidden>(.*?)</textarea>', form, re.S)[1])
    assert fields["prefill"] == "check" and fields["what"] == "asks_personal_data"

    response = client.post("/report/?lang=en", fields)
    page = response.content.decode()
    assert response.status_code == 200 and 'id="from-check"' in page
    assert html.escape(message, quote=False) in page  # in the details box, line break kept
    assert re.search(r'<input type="radio" name="what" value="asks_personal_data"[^>]* checked', page)
    assert not Case.objects.exists()


def test_a_message_carried_over_is_cut_to_the_details_limit(client):
    response = client.post(URL, {"prefill": "check", "details": "x" * 6000, "what": "no-such-choice"})
    page = response.content.decode()
    assert response.status_code == 200 and "x" * 2000 in page and "x" * 2001 not in page
    assert not re.search(r'<input type="radio" name="what"[^>]* checked', page)
    assert not Case.objects.exists()
