"""Writes for geography: the Area tree import and the DoT number-series import.

Both read CSV through :func:`read_csv`, which knows the ways real files arrive (a UTF-8 BOM from Excel, CRLF line
ends, short rows, a file saved in a legacy encoding) and keeps each row's line number for error messages.
"""

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max, Value
from django.db.models.functions import Concat, Length, Substr

from sampark.geo import series
from sampark.geo.models import LEVEL_ORDER, Area, Level, NumberSeries

AREA_COLUMNS = ("code", "parent_code", "level", "name_en", "name_hi")
SERIES_COLUMNS = ("prefix", "operator", "circle_code", "circle")

CODE_RE = re.compile(r"[A-Z0-9-]{1,40}")
DEVANAGARI_RE = re.compile(r"[\u0900-\u097F\uA8E0-\uA8FF]")
PATH_MAX = Area._meta.get_field("path").max_length
NAME_MAX = Area._meta.get_field("name_en").max_length
CHUNK = 500  # rows per IN (...) / bulk statement: far below SQLite's bound-variable limit


class CsvError(ValueError):
    """The file as a whole cannot be read (encoding, header); the message says what to do."""


Row = tuple[int, dict[str, str | None]]  # (line number in the file, column -> value; None when the row is short)


def read_csv(data: bytes, columns: Sequence[str]) -> list[Row]:
    """Rows of a CSV file as (line number, values). The header must name every column in ``columns``
    (any order, any case; extra columns are ignored). Blank lines are skipped."""
    try:
        text = data.decode("utf-8-sig")  # -sig: drops the BOM Excel writes at the start of "CSV UTF-8"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvError(
            f"line {line}: the file is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as 'CSV UTF-8' and try again"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise CsvError("the file is empty; expected a header line: " + ",".join(columns))
        names = [name.strip().lower() for name in header]
        missing = [column for column in columns if column not in names]
        if missing:
            raise CsvError(
                f"line 1: header is missing column(s) {', '.join(missing)}; expected {','.join(columns)}"
            )
        positions = {column: names.index(column) for column in columns}
        rows: list[Row] = []
        start = reader.line_num + 1
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(value.strip() for value in record):
                continue
            values = {
                column: (record[index] if index < len(record) else None) for column, index in positions.items()
            }
            rows.append((line, values))
    except csv.Error as exc:
        raise CsvError(f"line {reader.line_num}: not valid CSV ({exc})") from None
    return rows


def short_row_problem(values: Mapping[str, str | None]) -> str | None:
    present = sum(value is not None for value in values.values())
    if present < len(values):
        return f"expected {len(values)} columns, got {present}"
    return None


# --- Areas ---------------------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0  # names or parent changed
    unchanged: int = 0
    paths_changed: int = 0  # areas whose path changed because they or an ancestor moved
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Node:
    """An area as the import sees it: from the file, from the database, or both."""

    code: str
    level: str
    parent_code: str | None
    path: str | None = None
    id: int | None = None
    name_en: str = ""
    name_hi: str = ""
    parent_id: int | None = None


@dataclass
class _AreaRow:
    line: int
    code: str
    parent_code: str | None
    level: str
    name_en: str
    name_hi: str


class _Rollback(Exception):
    pass


def import_areas(rows: Iterable[Row]) -> ImportReport:
    """Create or update areas from (line, {code, parent_code, level, name_en, name_hi}) rows.

    All or nothing: every row is checked first, and any problem means nothing is written; the report lists
    each problem as "line N: field: problem". Re-importing the same file changes nothing; changed names are
    updated; a changed parent moves the area and recomputes the path of everything below it.
    """
    report = ImportReport()
    parsed, codes_with_errors = _parse_area_rows(rows, report)
    known = _load_areas({row.code for row in parsed} | {row.parent_code for row in parsed if row.parent_code})
    _check_tree(parsed, known, codes_with_errors, report)
    if report.errors:
        report.errors.sort(key=_line_of)
        return report
    try:
        with transaction.atomic():
            _write_areas(parsed, known, report)
            if report.errors:
                raise _Rollback
    except _Rollback:
        report.created = report.updated = report.unchanged = report.paths_changed = 0
        return report
    transaction.on_commit(series.forget)  # the series → state table maps to state area ids
    return report


def _line_of(error: str) -> int:
    head = error.split(":", 1)[0].removeprefix("line ")
    return int(head) if head.isdigit() else 0


def _parse_area_rows(rows: Iterable[Row], report: ImportReport) -> tuple[list[_AreaRow], set[str]]:
    """The rows without problems, and the codes of those with problems (already reported)."""
    parsed: list[_AreaRow] = []
    with_errors: set[str] = set()
    first_line: dict[str, int] = {}
    for line, values in rows:
        problem = short_row_problem(values)
        if problem:
            report.errors.append(f"line {line}: {problem}")
            continue
        code = values["code"].strip()
        parent_code = values["parent_code"].strip() or None
        level = values["level"].strip().lower()
        name_en = values["name_en"].strip()
        name_hi = values["name_hi"].strip()
        errors = []
        if not CODE_RE.fullmatch(code):
            errors.append(f"code: {code[:50]!r} must be 1-40 characters of A-Z, 0-9 and '-'")
        elif code in first_line:
            errors.append(f"code: {code} already on line {first_line[code]}")
        else:
            first_line[code] = line
        if parent_code is not None and not CODE_RE.fullmatch(parent_code):
            errors.append(f"parent_code: {parent_code[:50]!r} must be 1-40 characters of A-Z, 0-9 and '-'")
        if level not in LEVEL_ORDER:
            errors.append(f"level: {level[:30]!r} is not one of {', '.join(LEVEL_ORDER)}")
        elif level == Level.COUNTRY and parent_code:
            errors.append("parent_code: a country has no parent; leave it empty")
        elif level != Level.COUNTRY and not parent_code:
            errors.append(f"parent_code: required for a {level}")
        if parent_code and parent_code == code:
            errors.append("parent_code: an area cannot be its own parent")
        if not name_en:
            errors.append("name_en: empty")
        elif len(name_en) > NAME_MAX:
            errors.append(f"name_en: longer than {NAME_MAX} characters")
        if not name_hi:
            errors.append("name_hi: empty")
        elif len(name_hi) > NAME_MAX:
            errors.append(f"name_hi: longer than {NAME_MAX} characters")
        elif not DEVANAGARI_RE.search(name_hi):
            errors.append(f"name_hi: {name_hi[:40]!r} has no Devanagari letters")
        if errors:
            report.errors.extend(f"line {line}: {error}" for error in errors)
            with_errors.add(code)
        else:
            parsed.append(_AreaRow(line, code, parent_code, level, name_en, name_hi))
    if not parsed and not report.errors:
        report.errors.append("line 1: the file has no rows")
    return parsed, with_errors


def _load_areas(codes: set[str]) -> dict[str, _Node]:
    """The database's areas among ``codes``, with their parents' codes."""
    known: dict[str, _Node] = {}
    ordered = sorted(codes)
    for start in range(0, len(ordered), CHUNK):
        for area in Area.objects.filter(code__in=ordered[start:start + CHUNK]).values(
            "id", "code", "level", "path", "name_en", "name_hi", "parent_id", "parent__code"
        ):
            known[area["code"]] = _Node(
                code=area["code"], level=area["level"], parent_code=area["parent__code"], path=area["path"],
                id=area["id"], name_en=area["name_en"], name_hi=area["name_hi"], parent_id=area["parent_id"],
            )
    return known


def _check_tree(parsed: list[_AreaRow], known: dict[str, _Node], codes_with_errors: set[str],
                report: ImportReport) -> None:
    """Parents exist and sit above their children; existing areas keep their level. A parent whose own row has
    a problem is not reported again on every child."""
    in_file = {row.code: row for row in parsed}
    for row in parsed:
        existing = known.get(row.code)
        if existing is not None and existing.level != row.level:
            report.errors.append(
                f"line {row.line}: level: {row.code} is a {existing.level} in the database, not a {row.level};"
                " changing an area's level is not supported"
            )
        if row.parent_code is None:
            continue
        parent = in_file.get(row.parent_code) or known.get(row.parent_code)
        if parent is None and row.parent_code in codes_with_errors:
            continue
        if parent is None:
            report.errors.append(f"line {row.line}: parent_code: {row.parent_code} is neither in the file nor in the"
                                 " database")
            continue
        if LEVEL_ORDER.index(parent.level) >= LEVEL_ORDER.index(row.level):
            report.errors.append(
                f"line {row.line}: level: a {row.level} cannot be inside {row.parent_code}, a {parent.level}"
            )


def _write_areas(parsed: list[_AreaRow], known: dict[str, _Node], report: ImportReport) -> None:
    # Level by level from the top, so every parent has its id and final path before its children are written.
    for level in LEVEL_ORDER:
        rows = [row for row in parsed if row.level == level]
        to_create: list[Area] = []
        to_update: list[Area] = []
        moves: list[tuple[int, str, str]] = []
        for row in rows:
            parent = known.get(row.parent_code) if row.parent_code else None
            path = f"{parent.path}.{row.code}" if parent else row.code
            if len(path) > PATH_MAX:
                report.errors.append(f"line {row.line}: path: {path[:60]}... is longer than {PATH_MAX} characters")
                continue
            parent_id = parent.id if parent else None
            node = known.get(row.code)
            if node is None:
                to_create.append(Area(code=row.code, parent_id=parent_id, level=row.level, name_en=row.name_en,
                                      name_hi=row.name_hi, path=path))
                known[row.code] = _Node(row.code, row.level, row.parent_code, path, None, row.name_en, row.name_hi,
                                        parent_id)
                continue
            if (node.name_en, node.name_hi, node.parent_id, node.path) == (row.name_en, row.name_hi, parent_id, path):
                report.unchanged += 1
                continue
            if node.path != path:
                moves.append((row.line, node.path, path))
            node.name_en, node.name_hi, node.parent_id, node.parent_code = row.name_en, row.name_hi, parent_id, \
                row.parent_code
            to_update.append(Area(id=node.id, code=row.code, parent_id=parent_id, level=row.level,
                                  name_en=row.name_en, name_hi=row.name_hi, path=path))
        if report.errors:
            return
        # Moves first: the descendants' paths are rewritten before this level's new paths are written, so the
        # unique index on path never sees two areas with one path.
        for line, old, new in moves:
            _move_descendants(line, old, new, known, report)
        if report.errors:
            return
        Area.objects.bulk_create(to_create, batch_size=CHUNK)
        for area in to_create:
            known[area.code].id = area.pk
        Area.objects.bulk_update(to_update, ["parent", "name_en", "name_hi", "path"], batch_size=CHUNK)
        for area in to_update:
            known[area.code].path = area.path
        report.created += len(to_create)
        report.updated += len(to_update)
        report.paths_changed += len(moves)


def _move_descendants(line: int, old: str, new: str, known: dict[str, _Node], report: ImportReport) -> None:
    """Rewrite the path prefix of everything below ``old`` to ``new``: one UPDATE, whatever the subtree's size."""
    below = Area.objects.filter(path__startswith=old + ".")
    longest = below.aggregate(longest=Max(Length("path")))["longest"]
    if longest is None:
        return
    if longest - len(old) + len(new) > PATH_MAX:
        report.errors.append(
            f"line {line}: path: moving {old} to {new} makes paths below it longer than {PATH_MAX} characters"
        )
        return
    report.paths_changed += below.update(path=Concat(Value(new), Substr("path", len(old) + 1)))
    for node in known.values():  # areas the rest of this import will read (as parents or to compare)
        if node.path and node.path.startswith(old + "."):
            node.path = new + node.path[len(old):]


# --- Number series -------------------------------------------------------------------------------------------

# Circle codes seen in the wild that mean a known circle.
CIRCLE_ALIASES = {"OD": "OR"}  # Odisha's new code for the circle the table (and series.CIRCLES) calls OR
AMBIGUOUS_CIRCLES = {"UP": "UP is two circles, UE (East) and UW (West)"}
OPERATOR_MAX = NumberSeries._meta.get_field("operator").max_length
CIRCLE_NAME_MAX = NumberSeries._meta.get_field("circle").max_length


@dataclass
class SeriesReport:
    imported: int = 0
    created: int = 0
    updated: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)


def import_series(rows: Iterable[Row]) -> SeriesReport:
    """Upsert the DoT series table from (line, {prefix, operator, circle_code, circle}) rows.

    The published table is messy; rows that cannot be trusted are skipped with their line and reason, the rest
    are imported (a prefix is the key, so re-importing changes nothing). Circle codes are case-normalised and
    aliases mapped (OD → OR); only codes in series.CIRCLES are accepted.
    """
    report = SeriesReport()
    rows = list(rows)
    # A blank circle name is filled from another row of the same circle.
    names: dict[str, str] = {}
    for _line, values in rows:
        code, name = _circle_code(values.get("circle_code")), (values.get("circle") or "").strip()
        if code and name and len(name) <= CIRCLE_NAME_MAX:
            names.setdefault(code, name)
    accepted: dict[str, NumberSeries] = {}
    first_line: dict[str, int] = {}
    for line, values in rows:
        reason = _series_problem(values, first_line, accepted)
        if reason:
            report.skipped.append((line, reason))
            continue
        prefix = values["prefix"].strip()
        code = _circle_code(values["circle_code"])
        first_line[prefix] = line
        accepted[prefix] = NumberSeries(
            prefix=prefix, operator=values["operator"].strip(), circle_code=code,
            circle=values["circle"].strip() or names.get(code, code),
        )
    existing = dict(_existing_series(list(accepted)))
    with transaction.atomic():
        NumberSeries.objects.bulk_create(
            list(accepted.values()), batch_size=CHUNK, update_conflicts=True, unique_fields=["prefix"],
            update_fields=["operator", "circle_code", "circle"],
        )
    report.imported = len(accepted)
    report.created = sum(prefix not in existing for prefix in accepted)
    report.updated = sum(
        prefix in existing and existing[prefix] != (item.operator, item.circle_code, item.circle)
        for prefix, item in accepted.items()
    )
    transaction.on_commit(series.forget)
    return report


def _circle_code(raw: str | None) -> str:
    code = (raw or "").strip().upper()
    return CIRCLE_ALIASES.get(code, code)


def _series_problem(values, first_line: dict[str, int], accepted: dict[str, NumberSeries]) -> str | None:
    problem = short_row_problem(values)
    if problem:
        return problem
    prefix = values["prefix"].strip()
    if not (len(prefix) == 4 and prefix.isascii() and prefix.isdigit()):
        return f"prefix: {prefix[:20]!r} is not 4 digits"
    if prefix in first_line:
        earlier = accepted[prefix]
        return f"prefix: {prefix} already on line {first_line[prefix]} (circle {earlier.circle_code}); kept that one"
    raw_code = values["circle_code"].strip()
    code = _circle_code(raw_code)
    if code in AMBIGUOUS_CIRCLES:
        return f"circle_code: {raw_code!r} is ambiguous: {AMBIGUOUS_CIRCLES[code]}"
    if code not in series.CIRCLES:
        return f"circle_code: {raw_code[:20]!r} is not a telecom circle"
    if len(values["operator"].strip()) > OPERATOR_MAX:
        return f"operator: longer than {OPERATOR_MAX} characters"
    if len(values["circle"].strip()) > CIRCLE_NAME_MAX:
        return f"circle: longer than {CIRCLE_NAME_MAX} characters"
    return None


def _existing_series(prefixes: list[str]):
    for start in range(0, len(prefixes), CHUNK):
        for prefix, operator, code, circle in NumberSeries.objects.filter(
            prefix__in=prefixes[start:start + CHUNK]
        ).values_list("prefix", "operator", "circle_code", "circle"):
            yield prefix, (operator, code, circle)
