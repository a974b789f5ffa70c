"""Every rejected row is reported with its line and reason; the command prints exactly the three counts."""

import csv

import pytest
from django.core.management import CommandError

from sampark.supporters.imports.reader import MAX_LINE_CHARS
from sampark.supporters.models import Supporter

FILE = "\n".join([
    "phone,name,area_code,language,tags",
    "9876500001,Ram,UP-LKO,hi,farmer",               # 2 imported
    "9876500002,,UP-NOWHERE,,",                      # 3 unknown area
    "12345,Short,,,",                                # 4 bad phone
    "anonymous,Hidden,,,",                           # 5 withheld
    ",No phone,UP-LKO,,",                            # 6 missing phone
    "=HYPERLINK(\"http://x\"),Formula,,,",           # 7 formula in the phone
    "9876500003,=cmd|' /C calc'!A0,,,",              # 8 formula in the name
    "9876500004,@SUM(A1),,,",                        # 9 formula (@)
    "9876500005,-2+3,,,",                            # 10 formula (-)
    "+cmd|x,Plus,,,",                                # 11 formula (+ then not a number)
    f"9876500006,{'x' * 101},,,",                    # 12 too long a name
    "9876500007,Lang,,fr,",                          # 13 unknown language
    f"9876500008,{'y' * (MAX_LINE_CHARS + 10)},,,",  # 14 too long a line
    "+91 98765 00009,Plus is fine,UP-AGR,en,",       # 15 imported: a leading + before digits is a number
    "",
])


def report(path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_each_rejection_reason_is_reported_with_its_line(areas, run_import, tmp_path):
    out = tmp_path / "rejected.csv"
    summary = run_import(FILE, "--source", "t", "--report", str(out))
    assert summary == "imported 2, merged 0, rejected 12\n"
    rows = report(out)
    assert rows[0] == ["line", "reason", "detail"]
    assert [(line, reason) for line, reason, _detail in rows[1:]] == [
        ("3", "area_unknown"), ("4", "phone_invalid"), ("5", "phone_withheld"), ("6", "phone_missing"),
        ("7", "formula"), ("8", "formula"), ("9", "formula"), ("10", "formula"), ("11", "formula"),
        ("12", "too_long"), ("13", "language_unknown"), ("14", "too_long"),
    ]
    assert rows[1][2] == "area_code: no area 'UP-NOWHERE'"
    assert Supporter.objects.count() == 2
    assert not any("987650000" in cell for row in rows for cell in row)  # the report holds no phone numbers


def test_summary_line_exactly(areas, run_import):
    assert run_import("phone\n9876500001\n9876500001\n", "--source", "t") == "imported 1, merged 1, rejected 0\n"


def test_report_written_by_default_next_to_the_file_when_rows_were_rejected(areas, run_import, tmp_path):
    run_import("phone\n123\n", "--source", "t")
    assert report(tmp_path / "list.csv.rejected.csv") == [
        ["line", "reason", "detail"], ["2", "phone_invalid", "phone: not a valid phone number (invalid)"]]


@pytest.mark.parametrize("content, message", [
    ("", "the file is empty"),
    ("name,area_code\nRam,UP-LKO\n", "no phone column: the header line has name, area_code"),
])
def test_a_file_without_a_usable_header_imports_nothing(areas, run_import, content, message):
    with pytest.raises(CommandError, match=message):
        run_import(content, "--source", "t")
    assert not Supporter.objects.exists()


def test_a_missing_file_is_named(areas):
    from django.core.management import call_command

    with pytest.raises(CommandError, match="no such file"):
        call_command("supporters", "import", "/nonexistent/list.csv")


def test_header_only_file_imports_nothing(areas, run_import):
    assert run_import("phone,name\n", "--source", "t") == "imported 0, merged 0, rejected 0\n"
