"""Importing supporters on a 360 px phone, without JavaScript: upload a file → the progress page refreshes itself
→ done, with the three counts and the rejected rows' report."""

import os

import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import Role, RoleAssignment
from sampark.supporters.imports import tasks
from sampark.supporters.imports.models import ImportJob
from tests.supporters.factories import make_supporter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("SAMPARK_SCREENSHOTS")  # a folder: save each page's screenshot there (for review)


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"import-{name}.png"), full_page=True)


def test_upload_progress_done_with_counts(live_server, phone_without_js, areas, tmp_path):
    page = phone_without_js
    user = get_user_model().objects.create_user("lko", password="a long pass phrase 42")
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR, area=areas["UP-LKO"])
    make_supporter("+919876500009", area=areas["UP-LKO"])
    csv = tmp_path / "रैली सूची.csv"
    csv.write_text("phone,name,area_code,tags\n9876500001,आशा देवी,UP-AC-170,किसान\n9876500002,बेला,UP-LKO,\n"
                   "9876500009,पहले से,UP-LKO,\n9876500001,दोबारा,UP-LKO,\n12345,ग़लत,UP-LKO,\n9876500003,आगरा,UP-AGR,\n",
                   encoding="utf-8-sig")
    page.goto(live_server.url + "/staff/login/")
    page.fill("input[name=username]", "lko")
    page.fill("input[name=password]", "a long pass phrase 42")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/staff/")

    page.goto(live_server.url + "/staff/supporters/import/")
    assert "समर्थक आयात करें" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "form")
    page.set_input_files("input[name=file]", str(csv))
    page.fill("input[name=source]", "लखनऊ रैली")
    page.fill("input[name=tag]", "rally")
    page.check("input[name=callback][value=yes]")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/staff/supporters/import/*/")
    job = ImportJob.objects.get()
    assert "शुरू होने की प्रतीक्षा में" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "progress")

    tasks.run_import.func(job.pk)  # the task worker's turn
    page.wait_for_selector("#imported", timeout=15_000)  # the page refreshed itself
    assert page.text_content("#imported") == "2"
    assert page.text_content("#merged") == "2"
    assert page.text_content("#rejected") == "2"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "done")
    with page.expect_download() as download:
        page.click("text=अस्वीकृत पंक्तियाँ डाउनलोड करें")
    lines = open(download.value.path(), encoding="utf-8").read().splitlines()
    assert lines[0] == "line,reason,detail" and [line.split(",")[:2] for line in lines[1:]] == [
        ["6", "phone_invalid"], ["7", "area_out_of_scope"]]
