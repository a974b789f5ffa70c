"""Area tree import: validated row by row, all or nothing, idempotent, paths recomputed when a parent changes."""

from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

import sampark.geo
from sampark.geo.models import Area
from sampark.geo.services import AREA_COLUMNS, CsvError, import_areas, read_csv

DEMO = Path(sampark.geo.__file__).parent / "data" / "up_demo_areas.csv"
HEADER = "code,parent_code,level,name_en,name_hi\n"
TOP = HEADER + "IN,,country,India,भारत\nUP,IN,state,Uttar Pradesh,उत्तर प्रदेश\n"

pytestmark = pytest.mark.django_db


def rows_of(text: str):
    return read_csv(text.encode(), AREA_COLUMNS)


def test_demo_file_imports_the_tree():
    report = import_areas(read_csv(DEMO.read_bytes(), AREA_COLUMNS))
    assert report.ok, report.errors
    assert report.created == 152
    assert Counter(Area.objects.values_list("level", flat=True)) == {
        "country": 1, "state": 1, "division": 18, "district": 75, "assembly": 57,
    }
    varanasi_south = Area.objects.get(code="UP-AC-389")
    assert varanasi_south.path == "IN.UP.UP-DV-VNS.UP-VNS.UP-AC-389"
    assert varanasi_south.parent.code == "UP-VNS"
    assert Area.objects.get(code="IN").path == "IN"
    # Every path is its parent's path plus its own code.
    for area in Area.objects.select_related("parent"):
        expected = f"{area.parent.path}.{area.code}" if area.parent else area.code
        assert area.path == expected


def test_reimport_changes_nothing():
    import_areas(read_csv(DEMO.read_bytes(), AREA_COLUMNS))
    before = list(Area.objects.order_by("id").values())
    report = import_areas(read_csv(DEMO.read_bytes(), AREA_COLUMNS))
    assert report.ok
    assert (report.created, report.updated, report.unchanged, report.paths_changed) == (0, 0, 152, 0)
    assert list(Area.objects.order_by("id").values()) == before


def test_changed_names_are_updated():
    import_areas(rows_of(TOP + "UP-LKO,UP,district,Lucknow,लखनऊ\n"))
    report = import_areas(rows_of(TOP + "UP-LKO,UP,district,Lucknow City,लखनऊ नगर\n"))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    area = Area.objects.get(code="UP-LKO")
    assert (area.name_en, area.name_hi) == ("Lucknow City", "लखनऊ नगर")


def test_parent_change_moves_the_subtree():
    import_areas(read_csv(DEMO.read_bytes(), AREA_COLUMNS))
    # Move the Varanasi district (and its assemblies) from the Varanasi division to the Lucknow division.
    report = import_areas(rows_of(HEADER + "UP-VNS,UP-DV-LKO,district,Varanasi,वाराणसी\n"))
    assert report.ok, report.errors
    assert report.updated == 1
    district = Area.objects.get(code="UP-VNS")
    assert district.parent.code == "UP-DV-LKO"
    assert district.path == "IN.UP.UP-DV-LKO.UP-VNS"
    assembly = Area.objects.get(code="UP-AC-389")
    assert assembly.path == "IN.UP.UP-DV-LKO.UP-VNS.UP-AC-389"
    assert report.paths_changed == 1 + Area.objects.filter(parent=district).count()
    assert not Area.objects.filter(path__startswith="IN.UP.UP-DV-VNS.UP-VNS").exists()


def test_move_and_new_children_in_one_file():
    import_areas(rows_of(TOP + "UP-DV-A,UP,division,A,अ\nUP-DV-B,UP,division,B,ब\nUP-X,UP-DV-A,district,X,क्ष\n"
                         "UP-AC-1,UP-X,assembly,One,एक\n"))
    report = import_areas(rows_of(HEADER + "UP-X,UP-DV-B,district,X,क्ष\nUP-AC-2,UP-X,assembly,Two,दो\n"))
    assert report.ok, report.errors
    assert Area.objects.get(code="UP-AC-1").path == "IN.UP.UP-DV-B.UP-X.UP-AC-1"
    assert Area.objects.get(code="UP-AC-2").path == "IN.UP.UP-DV-B.UP-X.UP-AC-2"


def test_parent_may_be_in_the_database():
    import_areas(rows_of(TOP))
    report = import_areas(rows_of(HEADER + "UP-LKO,UP,district,Lucknow,लखनऊ\n"))
    assert report.ok
    assert Area.objects.get(code="UP-LKO").path == "IN.UP.UP-LKO"


def test_rows_in_any_order():
    report = import_areas(rows_of(HEADER + "UP-LKO,UP,district,Lucknow,लखनऊ\nUP,IN,state,UP,उत्तर प्रदेश\n"
                                           "IN,,country,India,भारत\n"))
    assert report.ok, report.errors
    assert Area.objects.get(code="UP-LKO").path == "IN.UP.UP-LKO"


BAD_ROWS = [
    ("UP-A,UP,district,A,अ,\n", None),  # an extra column is fine: not an error
    ("UP-B,UP,tehsil,B,ब\n", "level: 'tehsil' is not one of"),
    ("UP-C,UP-NOPE,district,C,क\n", "parent_code: UP-NOPE is neither in the file nor in the database"),
    ("UP-D,UP,country,D,द\n", "parent_code: a country has no parent"),
    ("UP-E,UP,state,E,ए\n", "level: a state cannot be inside UP, a state"),
    ("up-f,UP,district,F,फ\n", "code: 'up-f' must be 1-40 characters of A-Z, 0-9 and '-'"),
    ("UP G,UP,district,G,ग\n", "code: 'UP G' must be"),
    ("UP-H,UP,district,,ह\n", "name_en: empty"),
    ("UP-I,UP,district,I,\n", "name_hi: empty"),
    ("UP-J,UP,district,J,Jhansi\n", "name_hi: 'Jhansi' has no Devanagari letters"),
    ("UP-K,UP,district,K\n", "expected 5 columns, got 4"),
    ("UP,IN,state,Again,फिर\n", "code: UP already on line 3"),
    ("UP-L,,district,L,ल\n", "parent_code: required for a district"),
    ("X" * 41 + ",UP,district,L,ल\n", "code:"),
]


@pytest.mark.parametrize("row, problem", [item for item in BAD_ROWS if item[1]])
def test_each_bad_row_is_reported_with_its_line(row, problem):
    report = import_areas(rows_of(TOP + "UP-OK,UP,district,Fine,ठीक\n" + row))
    assert not report.ok
    assert len(report.errors) == 1, report.errors
    assert report.errors[0].startswith("line 5: ")
    assert problem in report.errors[0]
    assert Area.objects.count() == 0  # nothing written, not even the good rows


def test_all_errors_are_listed_and_nothing_written():
    text = TOP + "".join(row for row, problem in BAD_ROWS)
    report = import_areas(rows_of(text))
    lines = {error.split(":")[0] for error in report.errors}
    assert len(lines) == len(BAD_ROWS) - 1  # every bad row but the good first one
    assert Area.objects.count() == 0


def test_tree_errors_against_the_database():
    import_areas(rows_of(TOP + "UP-LKO,UP,district,Lucknow,लखनऊ\n"))
    report = import_areas(rows_of(HEADER + "UP-LKO,UP,division,Lucknow,लखनऊ\n"
                                           "UP-AC-1,UP-LKO,state,One,एक\n"))
    assert any("line 2: level: UP-LKO is a district in the database" in error for error in report.errors)
    assert any("line 3: level: a state cannot be inside UP-LKO" in error for error in report.errors)
    assert Area.objects.count() == 3


def test_bom_and_crlf():
    text = "\ufeff" + (TOP + "UP-LKO,UP,district,Lucknow,लखनऊ\n").replace("\n", "\r\n")
    rows = read_csv(text.encode("utf-8"), AREA_COLUMNS)
    assert rows[0] == (2, {"code": "IN", "parent_code": "", "level": "country", "name_en": "India",
                           "name_hi": "भारत"})
    assert import_areas(rows).created == 3
    assert Area.objects.get(code="UP-LKO").name_hi == "लखनऊ"


def test_non_utf8_file_is_a_clear_error():
    data = (TOP + "UP-LKO,UP,district,Lucknow,लखनऊ\n").encode("utf-8").replace("लखनऊ".encode(), b"\xe9\xe8")
    with pytest.raises(CsvError, match="line 4: the file is not UTF-8"):
        read_csv(data, AREA_COLUMNS)


def test_missing_header_column():
    with pytest.raises(CsvError, match="header is missing column"):
        read_csv(b"code,level,name_en,name_hi\nIN,country,India,\xe0\xa4\xad\n", AREA_COLUMNS)


def test_empty_file():
    with pytest.raises(CsvError, match="empty"):
        read_csv(b"", AREA_COLUMNS)
    assert import_areas(rows_of(HEADER)).errors == ["line 1: the file has no rows"]


# --- the command ---------------------------------------------------------------------------------------------


def test_command_imports_and_reports(tmp_path):
    out = StringIO()
    call_command("geo", "import", str(DEMO), stdout=out)
    assert "152 created" in out.getvalue()
    out = StringIO()
    call_command("geo", "import", str(DEMO), stdout=out)
    assert "0 created, 0 updated, 152 unchanged" in out.getvalue()


def test_command_lists_errors_and_fails(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(TOP + "UP-B,UP,tehsil,B,ब\nUP-J,UP,district,J,Jhansi\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="2 error"):
        call_command("geo", "import", str(path), stderr=err)
    assert "line 4: level:" in err.getvalue()
    assert "line 5: name_hi:" in err.getvalue()
    assert Area.objects.count() == 0


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "missing.csv", "no such file"),
    (lambda tmp: tmp, "is a directory"),
])
def test_command_file_problems(tmp_path, make, message):
    with pytest.raises(CommandError, match=message):
        call_command("geo", "import", str(make(tmp_path)))


def test_command_non_utf8(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "IN,,country,India,Inde\xe9\n").encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("geo", "import", str(path))


def test_too_long_path_rolls_back_everything():
    codes = [f"{level[:3].upper()}-" + "X" * 36 for level in
             ("country", "state", "division", "district", "assembly", "sector", "booth")]
    levels = ["country", "state", "division", "district", "assembly", "sector", "booth"]
    text = HEADER + "".join(
        f"{code},{codes[index - 1] if index else ''},{level},N,न\n"
        for index, (code, level) in enumerate(zip(codes, levels, strict=True))
    )
    report = import_areas(rows_of(text))
    assert not report.ok
    assert report.errors[0].startswith("line 8: path:")
    assert report.created == 0
    assert Area.objects.count() == 0
