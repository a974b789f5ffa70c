"""`sampark trust scan FILE`: a list of handles or links in, the lookalikes of official channels out, ranked."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from sampark.trust.matching.scan import bulk_skeletons, parse_key


def scan(path, *options) -> list[dict]:
    out = io.StringIO()
    call_command("trust", "scan", str(path), *options, stdout=out, stderr=io.StringIO())
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@pytest.fixture
def handles_file(tmp_path):
    def write(text: str, name="handles.txt", encoding="utf-8"):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


def test_a_plain_list_gives_the_suspects_ranked_with_channel_and_reasons(officials, handles_file):
    path = handles_file("\n".join([
        "@AshaVermaMLA",  # the official account itself: not a suspect
        "@cricket_lover_99",
        "@A5haVermaMLA",
        "https://x.com/AshaVermaMLA_Official?s=20",
        "@AshaVermMLA",
        "",
        "@ravikumar0ld",
        "https://chat.whatsapp.com/AbCdEf123",
        "jansampark.org.verify-now.in",
        "+91 11 4000 0001",
    ]) + "\n")
    rows = scan(path)
    queries = [row["query"] for row in rows]
    assert set(queries) == {"@A5haVermaMLA", "https://x.com/AshaVermaMLA_Official?s=20", "@AshaVermMLA",
                            "@ravikumar0ld", "jansampark.org.verify-now.in", "+91 11 4000 0001"}
    scores = [float(row["score"]) for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert [row["rank"] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    swap = next(row for row in rows if row["query"] == "@A5haVermaMLA")
    assert swap["resembles_handle"] in ("@AshaVermaMLA", "@asha.verma.mla")
    assert swap["resembles_owner"] == "Asha Devi Verma"
    assert "digit 5 in place of letter s" in swap["reasons"]
    retired = next(row for row in rows if row["query"] == "@ravikumar0ld")
    assert retired["resembles_status"] == "retired"
    site = next(row for row in rows if row["query"] == "jansampark.org.verify-now.in")
    assert site["resembles_platform"] == "website" and "used inside another site's address" in site["reasons"]


def test_a_csv_with_a_handle_column_and_a_header(officials, handles_file):
    path = handles_file("name,handle,followers\nAsha fan,@AshaVerma_Fan,120\nSomeone,@someone,5\n"
                        "\"Comma, name\",@A5haVermaMLA,9\n", name="export.csv")
    assert {row["query"] for row in scan(path)} == {"@AshaVerma_Fan", "@A5haVermaMLA"}


def test_the_column_can_be_named(officials, handles_file):
    path = handles_file("Name\tTwitter ID\nA\t@A5haVermaMLA\nB\t@nobody\n", name="export.tsv")
    assert [row["query"] for row in scan(path, "--column", "Twitter ID")] == ["@A5haVermaMLA"]
    with pytest.raises(CommandError, match="--column: no column named 'Insta'"):
        scan(path, "--column", "Insta")


def test_several_columns_without_a_known_header_ask_for_the_column(officials, handles_file):
    path = handles_file("a,b\n@x,@y\n", name="two.csv")
    with pytest.raises(CommandError, match="name the column with --column"):
        scan(path)


def test_platform_option_reads_dotted_names_as_handles(officials, handles_file):
    path = handles_file("asha.verma.mla\nasha.verma.mIa\nasha_verma_mla\n")
    rows = scan(path, "--platform", "instagram")
    assert {row["query"] for row in rows} == {"asha.verma.mIa", "asha_verma_mla"}
    assert {row["platform"] for row in rows} == {"instagram"}


def test_repeated_lines_are_one_suspect_with_a_count(officials, handles_file):
    path = handles_file("@A5haVermaMLA\n@a5havermamla\nhttps://x.com/A5haVermaMLA\n")
    rows = scan(path)
    by_query = {(row["platform"], row["normalised"]): row for row in rows}
    assert by_query[("", "a5havermamla")]["lines"] == "2"  # the bare name twice
    assert by_query[("x", "a5havermamla")]["lines"] == "1"  # the x.com link: a handle on X


def test_output_file_and_spreadsheet_formulas_are_defused(officials, handles_file, tmp_path):
    path = handles_file("=HYPERLINK(\"http://evil\",\"@AshaVermaMLA_Official\")\n@AshaVermaMLA_Official\n")
    target = tmp_path / "out.csv"
    call_command("trust", "scan", str(path), "--output", str(target), stdout=io.StringIO(), stderr=io.StringIO())
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert all(not row["query"].startswith("=") for row in rows)
    assert "@AshaVermaMLA_Official" in {row["query"] for row in rows}


@pytest.mark.parametrize(("content", "problem"), [
    (None, "no such file"),
    (b"", "empty"),
    (b"\n  \n\n", "empty"),
    (b"@caf\xe9\n", "not UTF-8"),
])
def test_bad_files_are_clear_errors(officials, tmp_path, content, problem):
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=problem):
        scan(path)


def test_a_folder_and_an_unwritable_output_are_errors(officials, tmp_path, handles_file):
    with pytest.raises(CommandError, match="a folder"):
        scan(tmp_path)
    path = handles_file("@A5haVermaMLA\n")
    with pytest.raises(CommandError, match="--output: cannot write"):
        scan(path, "--output", str(tmp_path / "missing" / "out.csv"))


def test_an_empty_registry_is_an_error(db, handles_file):
    with pytest.raises(CommandError, match="no official channels"):
        scan(handles_file("@x\n"))


def test_the_bulk_path_gives_what_the_single_path_gives():
    from sampark.trust.matching.handles import parse
    from sampark.trust.matching.skeleton import skeleton

    texts = ["@AshaVermaMLA", "Asha_Verma", "1234567", "@1234567", "asha.verma", "@A5ha", "x.com/Asha",
             "@\u0410sha", "ab\u200bc", "@_under_", "+91 98100 00042"]
    for text in texts:
        assert parse_key(text, None) == (lambda h: (h.platform, h.value, h.had_invisible, h.written, h.maybe_handle))(
            parse(text)) \
            or parse_key(text, None)[3] == ""  # the fast path leaves an ASCII name's case out: it changes no skeleton
    values = ["ashavermamla2024", "officialasha", "s0me_leader", "\u0455omeleader", "jansamparkrnanch", "fan", "12ab",
              "JᴀnNeta_UP"]
    assert bulk_skeletons(values) == [skeleton(v) for v in values]
