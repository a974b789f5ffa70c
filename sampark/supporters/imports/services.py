"""Importing supporters from a CSV file: validate, deduplicate by blind index, merge, in resumable chunks.

A chunk of rows (``CHUNK``) is one transaction: the new supporters with their join consent ("imported from
<source>", channel ``import``), an ``import`` touch on each record the file names, tags, call-backs when asked, the
rejected rows, and the job's counts and ``last_line``. A crash rolls back the chunk it was in and nothing else,
so running the import again starts after the last committed line and never counts a row twice; the report of
rejected rows is written from the database at the end, so it always covers exactly what was imported.

Merging: a number already a supporter, or met earlier in the file, is merged into that record: an empty name is
filled, an area set when none is known or only guessed from the number series, tags added. Nothing a supporter
told us themselves is overwritten (their name, their area, their language). No SMS is sent to imported people.
"""

import os
import queue
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from sampark.accounts import permissions
from sampark.core import counters, pii
from sampark.core.bulk import execute, insert_rows, json_value
from sampark.core.ids import public_id
from sampark.core.models import AuditEntry
from sampark.core.phones import Phone, UnusableNumber, normalise
from sampark.geo.models import Area
from sampark.supporters.imports import reader
from sampark.supporters.imports.models import ImportJob, ImportRejection
from sampark.supporters.models import Callback, Consent, Stage, Supporter, SupporterTag, Tag, Touch

CHUNK = 5_000  # rows per transaction
CHUNK_RETRIES = 3  # a chunk that loses a deadlock with the intake worker is tried again
STALE_SECONDS = 300  # a running job on another machine that has not written for this long is taken over
MAX_TAGS_PER_ROW = 10
LIMITS = {"phone": 40, "name": 100, "area_code": 40, "language": 20, "tags": 400}
TAG_MAX = 40
SOURCE_MAX = 100
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARACTERS = frozenset("".join(FORMULA_START))
_PHONE_CHARACTERS = re.compile(r"[+\-\d\s().]*")
_SEPARATORS = str.maketrans("", "", " -().\u00a0")
LANGUAGES = {
    "hi": "hi", "hin": "hi", "hindi": "hi", "हिंदी": "hi", "हिन्दी": "hi",
    "en": "en", "eng": "en", "english": "en", "अंग्रेज़ी": "en", "अंग्रेजी": "en",
}
# The reasons a row is rejected, as the report names them (code → what to fix).
REASONS = {
    "phone_missing": "no phone number",
    "phone_invalid": "not a valid phone number",
    "phone_withheld": "a withheld-caller marker, not a number",
    "formula": "a cell starts with = + - or @ (a spreadsheet formula)",
    "too_long": "a cell or the line is too long",
    "area_unknown": "no area has this area_code",
    "area_out_of_scope": "the area is outside the areas you may import into",
    "language_unknown": "language must be hi or en",
    "encoding": "not UTF-8 or UTF-16 text",
    "unreadable": "the line cannot be read as CSV",
}


class ImportError_(ValueError):
    """An import that cannot start: bad options or a file without a usable header (names the problem)."""

    def __init__(self, message: str, code: str = "", **params):
        super().__init__(message)
        self.code, self.params = code, params


@dataclass(slots=True)
class Entry:
    """A valid row, and every later row of the chunk with the same number merged into it."""

    line: int
    phone: Phone
    name: str
    area_id: int | None
    language: str | None
    tags: set[str] = field(default_factory=set)
    cipher: bytes = b""


@dataclass(slots=True)
class Parsed:
    """A row as the reading thread leaves it: a problem, or the number normalised, indexed and encrypted."""

    line: int
    problem: tuple[str, str] | None
    phone: Phone | None = None
    index: str = ""
    cipher: bytes = b""
    name: str = ""
    language: str | None = None
    tags: set[str] = field(default_factory=set)
    area_code: str = ""


@dataclass
class Counts:
    imported: int = 0
    merged: int = 0
    rejected: int = 0


class Context:
    """What a job's chunks share: the importer's scope, caches of areas and tags (bounded)."""

    AREA_CACHE = 20_000
    TAG_CACHE = 10_000

    def __init__(self, job: ImportJob):
        self.job = job
        self.scope = permissions.scope(job.created_by, permissions.SUPPORTERS_IMPORT) if job.created_by else None
        self.national = self.scope is None or any("." not in path for path in self.scope)
        self.areas: dict[str, tuple[int, str] | None] = {}  # code (as written, upper-cased) → (id, path)
        self.tags: dict[str, int] = {}
        self.job_tags = {job.tag} if job.tag else set()

    def covers(self, path: str | None) -> bool:
        if self.scope is None:
            return True
        if path is None:
            return self.national
        return any(path == p or path.startswith(p + ".") for p in self.scope)

    def load_areas(self, codes: Iterable[str]) -> None:
        wanted = {code for code in codes if code and code not in self.areas}
        if not wanted:
            return
        if len(self.areas) + len(wanted) > self.AREA_CACHE:
            self.areas.clear()
        found = {code.upper(): (pk, path) for pk, code, path in Area.objects
                 .filter(code__in=wanted | {code.upper() for code in wanted}).values_list("id", "code", "path")}
        for code in wanted:
            self.areas[code] = found.get(code.upper())

    def tag_ids(self, names: set[str]) -> dict[str, int]:
        missing = [name for name in names if name not in self.tags]
        if missing:
            if len(self.tags) + len(missing) > self.TAG_CACHE:
                self.tags.clear()
            insert_rows(Tag, ("name",), [(name,) for name in sorted(missing)], suffix="ON CONFLICT (name) DO NOTHING")
            self.tags.update(Tag.objects.filter(name__in=missing).values_list("name", "id"))
        return {name: self.tags[name] for name in names}


# --- starting an import ------------------------------------------------------------------------------------


def clean_options(source: str, tag: str) -> tuple[str, str]:
    source, tag = (source or "").strip(), (tag or "").strip().lower()
    if not source:
        raise ImportError_("--source: say where the list comes from")
    if len(source) > SOURCE_MAX:
        raise ImportError_(f"--source: at most {SOURCE_MAX} characters")
    if len(tag) > TAG_MAX:
        raise ImportError_(f"--tag: at most {TAG_MAX} characters")
    if tag.startswith(FORMULA_START) or source.startswith(FORMULA_START):
        raise ImportError_("--source/--tag: may not start with = + - or @")
    return source, tag


def check_header(path) -> None:
    """Raise ImportError_ naming the problem when the file has no usable header."""
    try:
        with open(path, "rb") as handle:
            next(reader.read_rows(handle), None)
    except reader.FileError as exc:
        raise ImportError_(str(exc), exc.code, **exc.params) from None


def _this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _is_alive(worker: str) -> bool:
    """Whether the process named ``host:pid`` runs (on this machine: ask the OS)."""
    host, _sep, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return False  # this process: an earlier run in it stopped (tests interrupt between chunks)
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def start_file_import(path: str | Path, *, source: str | None, tag: str = "", callback: bool = False,
                      user=None) -> tuple[ImportJob, bool]:
    """The job for importing ``path``: the unfinished one for the same file (same checksum), resumed, or a new
    one. Returns (job, resumed)."""
    path = Path(path)
    source, tag = clean_options(source or path.name, tag)
    check_header(path)
    digest = reader.checksum(path)
    with transaction.atomic():
        unfinished = (ImportJob.objects.select_for_update()
                      .filter(checksum=digest, status__in=[ImportJob.Status.PENDING, ImportJob.Status.RUNNING,
                                                           ImportJob.Status.FAILED])
                      .order_by("-id").first())
        if unfinished is not None:
            stale = (timezone.now() - unfinished.updated_at).total_seconds() > STALE_SECONDS
            if unfinished.status == ImportJob.Status.RUNNING and _is_alive(unfinished.worker) and not stale:
                raise ImportError_(f"this file is being imported now (process {unfinished.worker}); "
                                   "wait for it, or stop it and run the command again to continue")
            unfinished.file_path = str(path.resolve())
            unfinished.save(update_fields=["file_path", "updated_at"])
            return unfinished, True
        job = ImportJob.objects.create(checksum=digest, file_path=str(path.resolve()), file_name=path.name[:200],
                                       source=source, tag=tag, callback=callback, created_by=user)
    return job, False


# --- running it --------------------------------------------------------------------------------------------


def run(job: ImportJob, *, chunk_size: int | None = None, after_chunk: Callable[[ImportJob], None] | None = None,
        budget_seconds: float | None = None) -> ImportJob:
    """Import the job's file from after its last committed line to the end; returns the job, finished (status
    done) unless ``budget_seconds`` ran out first: then it stops after a chunk, still running, and the caller
    runs it again later to go on.

    ``after_chunk`` is called after each committed chunk (progress; tests stop the import there)."""
    chunk_size = chunk_size or CHUNK
    started = time.monotonic()
    context = Context(job)
    job.status, job.worker, job.error = ImportJob.Status.RUNNING, _this_worker(), ""
    try:
        if job.total_lines is None:
            with open(job.file_path, "rb") as handle:
                job.total_lines = max(0, reader.count_lines(handle) - 1)  # the header is not a row
        job.save(update_fields=["status", "worker", "error", "total_lines", "updated_at"])
        with open(job.file_path, "rb") as handle, closing(
                _prefetched(_parsed_chunks(handle, job.last_line, chunk_size))) as chunks:
            for parsed, last_line in chunks:
                _commit_chunk(context, parsed, last_line)
                if after_chunk:
                    after_chunk(job)
                if budget_seconds is not None and time.monotonic() - started > budget_seconds:
                    return job  # the rest in another run (the task enqueues itself again)
    except (reader.FileError, OSError) as exc:
        _fail(job, str(exc))
        raise ImportError_(str(exc)) from None
    _finish(job)
    return job


def _fail(job: ImportJob, error: str) -> None:
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.FAILED, error=error[:500],
                                               updated_at=timezone.now())
    job.status, job.error = ImportJob.Status.FAILED, error[:500]


@transaction.atomic
def _finish(job: ImportJob) -> None:
    job.refresh_from_db()
    job.status, job.finished_at = ImportJob.Status.DONE, timezone.now()
    job.save(update_fields=["status", "finished_at", "updated_at"])
    AuditEntry.objects.create(
        actor=job.created_by, action=AuditEntry.Action.IMPORT, subject=f"import:{job.public_id}",
        detail={"source": job.source, "file": job.file_name, "imported": job.imported, "merged": job.merged,
                "rejected": job.rejected, "tag": job.tag, "callback": job.callback},
    )


def _check(row: reader.Row) -> tuple[str, str] | None:
    """The first problem of a row that needs no database: (reason, detail). One pass over the cells: a cell too
    long is reported before a formula, a formula before anything else."""
    if row.problem:
        return row.problem
    formula = None
    for name, value in row.cells.items():
        if not value:
            continue
        if len(value) > LIMITS[name]:
            return "too_long", f"{name}: longer than {LIMITS[name]} characters"
        if formula is None and value[0] in _FORMULA_CHARACTERS:
            if name != "phone":
                formula = "formula", f"{name}: starts with {value[0]!r} (a spreadsheet formula)"
            # "+91 98765 43210" is a number; "=1+2", "@SUM(…)", "+cmd|…" are formulas
            elif value[0] in "=@\t\r" or not _PHONE_CHARACTERS.fullmatch(value):
                formula = "formula", "phone: starts like a spreadsheet formula"
    if formula is not None:
        return formula
    if not row.cells.get("phone"):
        return "phone_missing", "phone: empty"
    language = row.cells.get("language")
    if language and language.lower() not in LANGUAGES:
        return "language_unknown", "language: must be hi or en"
    return None


def _split_tags(cell: str) -> set[str]:
    return {tag.strip().lower() for tag in re.split(r"[;|,]", cell) if tag.strip()} if cell else set()


def _commit_chunk(context: Context, parsed: list[Parsed], last_line: int) -> None:
    for attempt in range(CHUNK_RETRIES):
        try:
            with transaction.atomic():
                _chunk(context, parsed, last_line)
            return
        except OperationalError:
            # PostgreSQL: a deadlock with the intake worker (both add to the same supporters) rolls this chunk
            # back whole; try it again. Anything else, or the last attempt, stops the import (resumable).
            if attempt == CHUNK_RETRIES - 1 or connection.vendor != "postgresql":
                raise


def _parsed_chunks(handle, after_line: int, size: int):
    """(parsed rows, last line) of each chunk of the file after ``after_line``. Needs no database: it runs in the
    reading thread (_prefetched) while the previous chunk is written."""
    batch: list[reader.Row] = []
    for row in reader.read_rows(handle):
        if row.line <= after_line:
            continue  # committed by an earlier run
        batch.append(row)
        if len(batch) >= size:
            yield _parse(batch), batch[-1].line
            batch = []
    if batch:
        yield _parse(batch), batch[-1].line


def _parse(rows: list[reader.Row]) -> list[Parsed]:
    parsed = []
    for row in rows:
        problem = _check(row)
        if problem is None:
            try:
                # separators out first: "+91 98765 43210" then takes normalise's fast path for Indian mobiles
                phone = normalise(row.cells["phone"].translate(_SEPARATORS))
            except UnusableNumber as exc:
                reason = exc.reason if exc.reason in ("missing", "withheld") else "invalid"
                problem = f"phone_{reason}", f"phone: {REASONS['phone_' + reason]} ({exc.reason})"
        if problem is None:
            tags = _split_tags(row.cells.get("tags", ""))
            if len(tags) > MAX_TAGS_PER_ROW or any(len(tag) > TAG_MAX for tag in tags):
                problem = "too_long", f"tags: at most {MAX_TAGS_PER_ROW} tags of {TAG_MAX} characters"
        if problem is not None:
            parsed.append(Parsed(row.line, problem))
            continue
        language = row.cells.get("language")
        parsed.append(Parsed(
            row.line, None, phone, pii.blind_index(phone.e164), pii.encrypt(phone.e164),
            " ".join(row.cells.get("name", "").split()),  # a quoted name may hold line breaks or tabs
            LANGUAGES[language.lower()] if language else None, tags, row.cells.get("area_code", ""),
        ))
    return parsed


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


def _prefetched(items, depth: int = 2):
    """``items`` produced by a thread of their own, at most ``depth`` ahead: the file is read, parsed and
    encrypted while the database writes the chunk before (psycopg lets go of the GIL while it waits)."""
    ready: queue.Queue = queue.Queue(depth)
    stop = threading.Event()
    end = object()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(end)
        except BaseException as exc:  # noqa: BLE001  handed to the consumer, which raises it
            put(_Failed(exc))

    worker = threading.Thread(target=produce, name="import-reader", daemon=True)
    worker.start()
    try:
        while (item := ready.get()) is not end:
            if isinstance(item, _Failed):
                raise item.error
            yield item
    finally:
        stop.set()
        worker.join()


def _chunk(context: Context, parsed: list[Parsed], last_line: int) -> None:
    job, counts = context.job, Counts()
    rejections: list[tuple[int, str, str]] = []
    context.load_areas(item.area_code for item in parsed if item.problem is None)
    entries: dict[str, Entry] = {}
    for item in parsed:
        problem, area = item.problem, None
        if problem is None:
            code = item.area_code
            if code:
                area = context.areas.get(code)
                if area is None:
                    problem = "area_unknown", f"area_code: no area {code[:40]!r}"
                elif not context.covers(area[1]):
                    problem = "area_out_of_scope", f"area_code: {code[:40]} is outside your areas"
            elif not context.national:
                problem = "area_out_of_scope", "area_code: empty, and you may import only into your areas"
        if problem is not None:
            rejections.append((item.line, *problem))
            continue
        tags = item.tags | context.job_tags if context.job_tags else item.tags
        entry = entries.get(item.index)
        if entry is None:
            entries[item.index] = Entry(item.line, item.phone, item.name, area[0] if area else None, item.language,
                                        tags, item.cipher)
            continue
        counts.merged += 1  # the same number earlier in this chunk: fill what it left empty
        entry.name = entry.name or item.name
        entry.area_id = entry.area_id or (area[0] if area else None)
        entry.language = entry.language or item.language
        entry.tags |= tags
    _settle_durability()
    _write(context, entries, counts)
    counts.rejected += len(rejections)
    insert_rows(ImportRejection, ("line", "reason", "detail"), rejections, constants={"job_id": job.pk})
    job.last_line = last_line
    job.imported += counts.imported
    job.merged += counts.merged
    job.rejected += counts.rejected
    job.save(update_fields=["last_line", "imported", "merged", "rejected", "updated_at"])


def _settle_durability() -> None:
    """PostgreSQL: a chunk's commit need not wait for the WAL flush. A crash of the database loses at most the
    last chunks committed, whole: with the job's last_line, which is in the same transaction, so the next run
    imports them again and nothing is counted twice."""
    if connection.vendor == "postgresql":
        execute("SET LOCAL synchronous_commit = off", [])


def _existing(indexes: list[str]) -> list[tuple]:
    """(id, phone index, merged into, area path, open) of the supporters with these numbers; ``open``: the
    record has no name, or no area but a guess (what a merge may fill)."""
    table, areas = Supporter._meta.db_table, Area._meta.db_table
    if not indexes:
        return []
    columns = ("s.id, s.phone_index, s.merged_into_id, a.path, "
               "(s.name = '' OR s.area_id IS NULL OR s.area_is_guess)")
    if connection.vendor == "postgresql":
        return execute(f"SELECT {columns} FROM {table} s "
                       f"LEFT JOIN {areas} a ON a.id = s.area_id WHERE s.phone_index = ANY(%b::varchar[])",
                       [indexes], fetch=True)
    found = []
    for start in range(0, len(indexes), 900):
        part = indexes[start:start + 900]
        found += execute(f"SELECT {columns} FROM {table} s "
                         f"LEFT JOIN {areas} a ON a.id = s.area_id "
                         f"WHERE s.phone_index IN ({', '.join(['%s'] * len(part))})", part, fetch=True)
    return found


_NEW_COLUMNS = ("public_id", "phone_cipher", "phone_index", "phone_hint", "phone_region", "phone_is_mobile",
                "area_id", "name", "language")


def _write(context: Context, entries: dict[str, Entry], counts: Counts) -> None:
    job = context.job
    now = timezone.now()
    at = connection.ops.adapt_datetimefield_value(now)
    keys = sorted(entries)  # blind-index order, as the intake worker: two writers never wait in a circle
    # Insert first and look up only the numbers that were there already (most of a list is new): one index
    # probe a row instead of two. An existing number is left as it is by ON CONFLICT DO NOTHING.
    inserted = dict((index, sid) for sid, index in insert_rows(
        Supporter, _NEW_COLUMNS,
        [(public_id(), entries[i].cipher, i, entries[i].phone.masked, entries[i].phone.region or "",
          entries[i].phone.is_mobile, entries[i].area_id, entries[i].name, entries[i].language or "hi")
         for i in keys],
        constants={"area_is_guess": False, "stage": str(Stage.NEW), "notice_version": settings.NOTICE_VERSION,
                   "link_version": 1, "call_count": 0, "created_at": at, "updated_at": at},
        suffix="ON CONFLICT (phone_index) DO NOTHING RETURNING id, phone_index", returning=True,
    ))
    found = {index: (sid, merged_into, path, fillable) for sid, index, merged_into, path, fillable
             in _existing([index for index in keys if index not in inserted])}
    counts.imported += len(inserted)
    counts.merged += len(found)
    # records the import may change: new ones, and existing ones inside the importer's areas
    targets: dict[str, int] = dict(inserted)
    fill = []
    for index, (sid, merged_into, path, fillable) in found.items():
        if context.covers(path):
            targets[index] = merged_into or sid
            # a merged record's own fields are not read here: the one it went into may have room
            if (fillable or merged_into) and (entries[index].name or entries[index].area_id):
                fill.append((targets[index], entries[index].name, entries[index].area_id))
    _fill_empty(sorted(fill), at)
    new_ids = [inserted[i] for i in keys if i in inserted]
    insert_rows(Consent, ("supporter_id",), [(sid,) for sid in new_ids],
                constants={"purpose": "join", "granted": True, "notice_version": settings.NOTICE_VERSION,
                           "channel": "import", "note": f"imported from {job.source}"[:120], "at": at})
    insert_rows(Touch, ("supporter_id",), [(targets[i],) for i in keys if i in targets],
                constants={"kind": "import", "at": at,
                           "detail": json_value({"source": job.source, "import": job.public_id})})
    names = set().union(*(entries[i].tags for i in targets)) if targets else set()
    if names:
        tag_ids = context.tag_ids(names)
        insert_rows(SupporterTag, ("supporter_id", "tag_id"),
                    sorted({(targets[i], tag_ids[name]) for i in targets for name in entries[i].tags}),
                    suffix="ON CONFLICT DO NOTHING")
    if job.callback and targets:
        _queue_callbacks(targets, entries, inserted, at)
    counters.increment("supporters", len(inserted))


def _fill_empty(rows: list[tuple[int, str, int | None]], at) -> None:
    """An existing record gets the file's name when it has none, and the file's area when its own is unknown or
    only guessed from the number series (its pending call-back moves with it); nothing else changes."""
    if not rows:
        return
    table, callbacks = Supporter._meta.db_table, Callback._meta.db_table
    takes_area = "v.area_id IS NOT NULL AND (s.area_id IS NULL OR s.area_is_guess)"
    if connection.vendor == "postgresql":
        ids, names, areas = (list(column) for column in zip(*rows, strict=True))
        execute(f"UPDATE {table} s SET name = CASE WHEN s.name = '' THEN v.name ELSE s.name END, "
                f"area_id = CASE WHEN {takes_area} THEN v.area_id ELSE s.area_id END, "
                f"area_is_guess = CASE WHEN {takes_area} THEN FALSE ELSE s.area_is_guess END, updated_at = %b "
                "FROM unnest(%b::bigint[], %b::varchar[], %b::bigint[]) AS v(id, name, area_id) WHERE s.id = v.id",
                [at, ids, names, areas])
        execute(f"UPDATE {callbacks} c SET area_id = s.area_id FROM {table} s WHERE c.supporter_id = s.id "
                "AND s.id = ANY(%b::bigint[]) AND c.status = 'pending' AND c.area_id IS DISTINCT FROM s.area_id",
                [[row[0] for row in rows if row[2]]])
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET name = CASE WHEN name = '' THEN %s ELSE name END, "
            "area_id = CASE WHEN %s IS NOT NULL AND (area_id IS NULL OR area_is_guess) THEN %s ELSE area_id END, "
            "area_is_guess = CASE WHEN %s IS NOT NULL AND (area_id IS NULL OR area_is_guess) THEN 0 "
            "ELSE area_is_guess END, updated_at = %s WHERE id = %s",
            [(name, area, area, area, at, sid) for sid, name, area in rows])
        cursor.executemany(
            f"UPDATE {callbacks} SET area_id = (SELECT area_id FROM {table} WHERE id = %s) "
            "WHERE supporter_id = %s AND status = 'pending'",
            [(sid, sid) for sid, _name, area in rows if area])


def _queue_callbacks(targets: dict[str, int], entries: dict[str, Entry], inserted: dict[str, int], at) -> None:
    """A pending call-back in the area of each record the file names, unless it has a call-back already (any
    state: done, waiting or cancelled stays as it is) or the number asked never to be called."""
    from sampark.supporters.desk.models import DoNotCall

    indexes = sorted(targets)
    blocked = set()
    for start in range(0, len(indexes), 900):
        blocked |= set(DoNotCall.objects.filter(phone_index__in=indexes[start:start + 900])
                       .values_list("phone_index", flat=True))
    table = Supporter._meta.db_table
    wanted = [targets[i] for i in indexes if i not in blocked]
    if not wanted:
        return
    if connection.vendor == "postgresql":
        execute(f"INSERT INTO {Callback._meta.db_table} (supporter_id, area_id, status, created_at, due_at) "
                f"SELECT s.id, s.area_id, 'pending', %b, %b FROM {table} s WHERE s.id = ANY(%b::bigint[]) "
                "ON CONFLICT (supporter_id) DO NOTHING", [at, at, wanted])
        return
    for start in range(0, len(wanted), 900):
        part = wanted[start:start + 900]
        execute(f"INSERT INTO {Callback._meta.db_table} (supporter_id, area_id, status, created_at, due_at) "
                f"SELECT s.id, s.area_id, 'pending', %s, %s FROM {table} s "
                f"WHERE s.id IN ({', '.join(['%s'] * len(part))}) ON CONFLICT (supporter_id) DO NOTHING",
                [at, at, *part])


# --- the report ----------------------------------------------------------------------------------------------

REPORT_HEADER = ("line", "reason", "detail")


def report_rows(job: ImportJob):
    """(line, reason, detail) of every rejected row, in line order, streamed."""
    yield REPORT_HEADER
    rows = ImportRejection.objects.filter(job=job).order_by("line").values_list("line", "reason", "detail")
    yield from rows.iterator(chunk_size=5000)


def write_report(job: ImportJob, path: str | Path) -> None:
    import csv

    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row in report_rows(job):
            writer.writerow(row)


# --- uploads (the staff page) --------------------------------------------------------------------------------


def start_upload(user, uploaded, *, source: str, tag: str = "", callback: bool = False) -> ImportJob:
    """Store an uploaded file in the data folder (readable by Sampark alone; deleted when its import is done),
    check its header, and queue its import as a task once the job is committed. Raises ImportError_."""
    import hashlib

    from sampark.supporters.imports import tasks

    source, tag = clean_options(source, tag)
    folder = Path(settings.IMPORT_DIR)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = public_id()
    path = folder / f"{name}.csv"
    digest = hashlib.sha256()
    with open(path, "wb") as out:
        for chunk in uploaded.chunks():
            digest.update(chunk)
            out.write(chunk)
    try:
        check_header(path)
    except ImportError_:
        path.unlink(missing_ok=True)
        raise
    with transaction.atomic():
        # the same file again after its import stopped: continue that import, counting nothing twice
        # (failed, or running but silent for STALE_SECONDS: the task worker died with it)
        silent = timezone.now() - timedelta(seconds=STALE_SECONDS)
        job = (ImportJob.objects.select_for_update()
               .filter(Q(status=ImportJob.Status.FAILED) | Q(status=ImportJob.Status.RUNNING, updated_at__lt=silent),
                       checksum=digest.hexdigest(), created_by=user).first())
        if job is not None:
            Path(job.file_path).unlink(missing_ok=True)
            job.file_path, job.status = str(path), ImportJob.Status.PENDING
            job.save(update_fields=["file_path", "status", "updated_at"])
            transaction.on_commit(lambda: tasks.run_import.enqueue(job.pk))
            return job
        job = ImportJob.objects.create(public_id=name, checksum=digest.hexdigest(), file_path=str(path),
                                       file_name=Path(uploaded.name or "upload.csv").name[:200], source=source,
                                       tag=tag, callback=callback, created_by=user)
        transaction.on_commit(lambda: tasks.run_import.enqueue(job.pk))
    return job


def is_upload(job: ImportJob) -> bool:
    return Path(job.file_path).parent == Path(settings.IMPORT_DIR)


def may_see(user, job: ImportJob) -> bool:
    """The progress page and the report: the user who started the import, or a national administrator."""
    from sampark.accounts.models import Role

    if not permissions.can(user, permissions.SUPPORTERS_IMPORT):
        return False
    if job.created_by_id is not None and job.created_by_id == user.pk:
        return True
    return bool(user.is_superuser) or any(g.role == Role.ADMIN and g.at_root for g in permissions.grants(user))
