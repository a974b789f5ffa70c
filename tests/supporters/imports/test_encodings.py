"""Files as Excel saves them: CSV UTF-8 (with a BOM), plain CSV, and Unicode text (UTF-16 with a BOM, tabs)."""

import codecs

import pytest

from sampark.core import pii
from sampark.supporters.models import Supporter

ROWS = [("phone", "name", "area_code", "language"), ("+91 98765 00001", "सीता देवी", "UP-LKO", "hi"),
        ("09876500002", "Ram Kumar", "UP-AGR", "en")]


def excel(rows, separator: str) -> str:
    return "".join(separator.join(row) + "\r\n" for row in rows)  # Excel ends lines with CR LF


def assert_imported(summary: str) -> None:
    assert summary.strip() == "imported 2, merged 0, rejected 0"
    sita = Supporter.objects.select_related("area").get(phone_index=pii.blind_index("+919876500001"))
    assert (sita.name, sita.area.code, sita.language) == ("सीता देवी", "UP-LKO", "hi")
    assert Supporter.objects.get(phone_index=pii.blind_index("+919876500002")).name == "Ram Kumar"


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8)])
def test_csv_utf8_with_and_without_bom(areas, run_import, encoding, bom):
    assert_imported(run_import(bom + excel(ROWS, ",").encode(encoding), "--source", "t"))


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_excel_unicode_text_utf16_tab_separated(areas, run_import, bom, encoding):
    data = bom + excel(ROWS, "\t").encode(encoding)
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert_imported(run_import(data, "--source", "t", name="list.txt"))


def test_utf16_comma_separated(areas, run_import):
    assert_imported(run_import(codecs.BOM_UTF16_LE + excel(ROWS, ",").encode("utf-16-le"), "--source", "t"))


def test_header_names_in_any_case_and_order(areas, run_import):
    text = "Name,PHONE\nRam,9876500001\n"
    assert run_import(text, "--source", "t").strip() == "imported 1, merged 0, rejected 0"


def test_bytes_that_are_not_utf8_reject_their_row_only(areas, run_import, tmp_path):
    data = b"phone,name\n9876500001,Ram\n9876500002,\xff\xfe\xfa bad\n9876500003,Sita\n"
    assert run_import(data, "--source", "t").strip() == "imported 2, merged 0, rejected 1"
    assert (tmp_path / "list.csv.rejected.csv").read_text().splitlines()[1].startswith("3,encoding,")


def test_area_codes_in_any_case_and_names_on_one_line(areas, run_import):
    assert run_import('phone,name,area_code\n9876500001,"Ram\n  Kumar",up-lko\n', "--source", "t").startswith(
        "imported 1, merged 0, rejected 0")
    ram = Supporter.objects.select_related("area").get()
    assert (ram.name, ram.area.code) == ("Ram Kumar", "UP-LKO")
