"""The evidence pack a case is filed with: a ZIP whose summary, report list and screenshots check out."""

import csv
import hashlib
import io
import zipfile
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from sampark.trust.cases import evidence
from sampark.trust.cases import workflow as cases
from sampark.trust.cases.screenshots import clean
from sampark.trust.models import Case
from tests.trust.factories import image_bytes, make_channel

pytestmark = pytest.mark.django_db
IST = ZoneInfo("Asia/Kolkata")


@pytest.fixture
def filed_case(make_staff, areas):
    official = make_channel("+91 11 4000 0000", "phone", owner="Sampark Helpline", owner_hi="सम्पर्क हेल्पलाइन")
    staff = make_staff("desk", area=areas["IN"])
    with time_machine.travel(datetime(2026, 11, 20, 9, 15, tzinfo=IST), tick=False) as clock:
        first = cases.submit_report(target="+91 11 4000 0001", what="asks_money", address="10.1.1.1",
                                    details="=HYPERLINK(\"http://evil\") called asking for UPI PIN",
                                    screenshot=clean(SimpleUploadedFile("a.png", image_bytes("PNG"))))
        case = first.case
        Case.objects.filter(pk=case.pk).update(resembles=official, score=0.91, reasons=["one digit changed"])
        clock.move_to(datetime(2026, 11, 20, 18, 40, tzinfo=IST))
        cases.submit_report(target="011-40000001", what="asks_personal_data", address="10.1.1.2",
                            details="SMS: बैंक विवरण भेजें", language="hi",
                            screenshot=clean(SimpleUploadedFile("b.jpg", image_bytes("JPEG"))))
        cases.submit_report(target="01140000001", what="asks_money", address="10.1.1.1")
        clock.move_to(datetime(2026, 11, 21, 11, 0, tzinfo=IST))
        cases.confirm(case, actor=staff, note="number not ours")
        cases.file_with_platform(case, actor=staff, where="Chakshu", reference="CHK-99")
    case.refresh_from_db()
    return case


def open_pack(case) -> zipfile.ZipFile:
    out = io.BytesIO()
    evidence.build(case, out)
    return zipfile.ZipFile(io.BytesIO(out.getvalue()))


def test_the_pack_holds_summary_reports_screenshots_and_checksums(filed_case):
    pack = open_pack(filed_case)
    assert pack.testzip() is None
    names = set(pack.namelist())
    shots = sorted(n for n in names if n.startswith("screenshots/"))
    assert len(shots) == 2 and shots[0].endswith((".png", ".jpg"))
    assert names == {"summary.txt", "reports.csv", "SHA256SUMS", *shots}
    sums = dict(reversed(line.split("  ", 1)) for line in pack.read("SHA256SUMS").decode().splitlines())
    assert set(sums) == names - {"SHA256SUMS"}
    for name, digest in sums.items():
        assert hashlib.sha256(pack.read(name)).hexdigest() == digest


def test_summary_in_both_languages_names_the_fake_the_official_and_where_to_file(filed_case):
    summary = open_pack(filed_case).read("summary.txt").decode()
    english, hindi = summary.split("=" * 72)
    for text in (english, hindi):
        assert filed_case.public_id in text and "+91 11 4000 0001" in text and "+91 11 4000 0000" in text
        assert "0.91" in text and "one digit changed" in text
        assert "2026-11-20 09:15:00 IST" in text and "2026-11-20 18:40:00 IST" in text  # first and last seen
        assert "new → confirmed" in text and "confirmed → reported" in text and "CHK-99" in text
        assert "https://cybercrime.gov.in" in text and "1930" in text
        assert "https://sancharsaathi.gov.in/sfc/" in text  # a fraud number: Chakshu applies
    assert "Reports: 3" in english and "Distinct reporters: 2" in english and "Sampark Helpline" in english
    assert "सम्पर्क हेल्पलाइन" in hindi and "शिकायत" in hindi


def test_reports_csv_has_when_and_what_but_no_reporter_identity(filed_case):
    pack = open_pack(filed_case)
    text = pack.read("reports.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["reporter"] for r in rows] == ["reporter 1", "reporter 2", "reporter 1"]
    assert [r["what"] for r in rows] == ["asks_money", "asks_personal_data", "asks_money"]
    assert rows[0]["received_at"] == "2026-11-20 09:15:00 IST"
    assert rows[0]["details"].startswith("'=HYPERLINK")  # never runs as a spreadsheet formula
    assert rows[1]["details"] == "SMS: बैंक विवरण भेजें"
    assert "10.1.1." not in text and not any(key for r in rows for key in r if "key" in key)
    assert rows[2]["screenshot"] == "" and rows[0]["screenshot"] in pack.namelist()


def test_a_case_without_screenshots_or_official_channel_still_packs(db):
    case = cases.submit_report(target="https://chat.whatsapp.com/AbCdEf123", what="asks_personal_data").case
    pack = open_pack(case)
    assert set(pack.namelist()) == {"summary.txt", "reports.csv", "SHA256SUMS"}
    summary = pack.read("summary.txt").decode()
    assert "https://www.whatsapp.com/contact" in summary and "sancharsaathi" not in summary


def test_cli_writes_the_pack(filed_case, tmp_path):
    from sampark.trust.cli import evidence as evidence_cli

    target = tmp_path / "pack.zip"
    out = io.StringIO()
    evidence_cli.run({"case": filed_case.public_id, "output": str(target)}, out)
    assert zipfile.ZipFile(target).read("summary.txt") and str(target) in out.getvalue()
    with pytest.raises(evidence_cli.CommandError, match="no case"):
        evidence_cli.run({"case": "ZZZZ-ZZZZ", "output": str(tmp_path / "x.zip")}, out)
    assert not (tmp_path / "x.zip").exists()


def test_cli_takes_the_code_as_a_reporter_reads_it(filed_case, tmp_path):
    from sampark.trust.cases import codes
    from sampark.trust.cli import evidence as evidence_cli

    typed = codes.shown(filed_case.public_id).lower()  # "k7m4-qx9p" as read out over the phone
    out = io.StringIO()
    evidence_cli.run({"case": typed, "output": str(tmp_path / "pack.zip")}, out)
    assert codes.shown(filed_case.public_id) in out.getvalue()
    with pytest.raises(evidence_cli.CommandError, match="is not a case code"):
        evidence_cli.run({"case": "O0O0-1111", "output": str(tmp_path / "x.zip")}, out)
