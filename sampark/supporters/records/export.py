"""CSV export of the supporters list (the staff page's button and GET /api/v1/supporters/export.csv).

Streamed: a StreamingHttpResponse over keyset chunks of CHUNK rows (newest first), so memory stays flat however
many rows there are. Numbers are masked unless the user holds supporters.export_full (admin, DPO) *and* asks for
``full=1`` with a ``purpose``; the clear numbers are decrypted row by row in memory and written to the response,
never stored. Every export writes its AuditEntry (action "export": filters, row count, masked or full, purpose)
before the first byte leaves; the rows are those up to the newest id at that moment, so the count is exact.
Cells starting with = + - @ (or a tab or carriage return) get a leading apostrophe, so a spreadsheet shows them as
text instead of running them as formulas; the file starts with a UTF-8 BOM so Excel reads Hindi.
"""

import csv
from dataclasses import dataclass

from django.db import connection
from django.db.models import CharField, F, Func, Max, Value
from django.http import StreamingHttpResponse
from django.utils import timezone

from sampark.accounts import permissions
from sampark.core import pii
from sampark.core.models import AuditEntry
from sampark.supporters.models import SupporterTag
from sampark.supporters.records.filters import SupporterFilter, first_error, subtree_ids

CHUNK = 2000
PURPOSE_MAX = 200
HEADER = ["id", "phone", "name", "stage", "area_code", "language", "calls", "first_call_at", "last_call_at",
          "joined_at", "tags"]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Refused:
    status: int
    message: str
    field: str | None = None


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(DANGEROUS) else text


class _Echo:
    def write(self, value):
        return value


def start(user, params) -> "StreamingHttpResponse | Refused":
    if not permissions.can(user, permissions.SUPPORTERS_EXPORT):
        return Refused(403, "you may not export supporters")
    form = SupporterFilter(params, user=user, perm=permissions.SUPPORTERS_EXPORT)
    if not form.is_valid():
        field, message = first_error(form)
        return Refused(400, message, field)
    full = str(params.get("full", "")).lower() in ("1", "true", "yes", "on")
    purpose = str(params.get("purpose", "")).strip()
    if full:
        if not permissions.can(user, permissions.SUPPORTERS_EXPORT_FULL):
            return Refused(403, "full: full numbers are for administrators and the data-protection officer",
                           "full")
        if not purpose:
            return Refused(400, "purpose: say why full numbers are needed", "purpose")
    if "\x00" in purpose:
        return Refused(400, "purpose: contains a character that is not allowed", "purpose")
    if len(purpose) > PURPOSE_MAX:
        return Refused(400, f"purpose: at most {PURPOSE_MAX} characters", "purpose")
    queryset = form.queryset()
    top = queryset.aggregate(top=Max("pk"))["top"] or 0
    rows = queryset.filter(pk__lte=top).order_by().count() if top else 0
    AuditEntry.objects.create(actor=user, action=AuditEntry.Action.EXPORT, subject="supporters", detail={
        "filters": form.active(), "rows": rows, "numbers": "full" if full else "masked",
        **({"purpose": purpose} if purpose else {})})
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    # An area filter is read area by area through the supporter_area index (area, -id): scanning the whole table
    # newest first for the 1% of rows in one district read ~100 rows for each one kept.
    areas = list(subtree_ids(form.cleaned_data["area"]).order_by("path").values_list("id", flat=True)) \
        if form.cleaned_data.get("area") else None
    response = StreamingHttpResponse(_lines(queryset, top, full, areas), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="supporters-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response


TIMES = ("first_call_at", "last_call_at", "created_at")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S"  # local time of settings.TIME_ZONE (Asia/Kolkata), as the pages show it


class LocalTimeText(Func):
    """PostgreSQL: ``to_char(column AT TIME ZONE zone, 'YYYY-MM-DD"T"HH24:MI:SS')``."""

    template = "to_char(%(expressions)s, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
    arg_joiner = " AT TIME ZONE "
    output_field = CharField()


def _rows(queryset, top: int, full: bool, areas: list[int] | None = None):
    """Rows newest first; with ``areas``, area by area (in the tree's order), newest first within each."""
    if areas is None:
        yield from _chunks(queryset, top, full)
        return
    for area_id in areas:
        yield from _chunks(queryset.filter(area_id=area_id), top, full)


def _chunks(queryset, top: int, full: bool):
    fields = ["id", "public_id", "phone_hint", "name", "stage", "area__code", "language", "call_count"]
    tz = timezone.get_current_timezone()
    if connection.vendor == "postgresql":
        # PostgreSQL writes the times as text: parsing three aware datetimes per row in Python and formatting
        # them again was a third of the export's time
        zone = timezone.get_current_timezone_name()
        queryset = queryset.annotate(**{f"{name}_text": LocalTimeText(F(name), Value(zone)) for name in TIMES})
        fields += [f"{name}_text" for name in TIMES]
    else:
        fields += list(TIMES)
    if full:
        fields.append("phone_cipher")
    below = top + 1
    while True:
        chunk = list(queryset.filter(pk__lt=below).order_by("-pk").values_list(*fields)[:CHUNK])
        if not chunk:
            return
        tags: dict[int, list[str]] = {}
        for supporter_id, name in (SupporterTag.objects.filter(supporter_id__in=[r[0] for r in chunk])
                                   .order_by("tag__name").values_list("supporter_id", "tag__name")):
            tags.setdefault(supporter_id, []).append(name)
        for row in chunk:
            phone = pii.decrypt(bytes(row[11])) if full else row[2]
            yield [row[1], phone, row[3], row[4], row[5], row[6], row[7], _time(row[8], tz), _time(row[9], tz),
                   _time(row[10], tz), " ".join(tags.get(row[0], []))]
        below = chunk[-1][0]


def _time(moment, tz) -> str:
    if moment is None:
        return ""
    return moment if isinstance(moment, str) else moment.astimezone(tz).strftime(TIME_FORMAT)


def _lines(queryset, top: int, full: bool, areas: list[int] | None = None):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADER)
    if not top:
        return
    batch = []
    for row in _rows(queryset, top, full, areas):
        batch.append(writer.writerow([neutralise(cell) for cell in row]))
        if len(batch) >= 500:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)
