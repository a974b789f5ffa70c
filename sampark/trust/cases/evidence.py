"""The evidence pack: one ZIP per case for filing with a platform or with the authorities.

Contents: ``summary.txt`` (English, then Hindi: the fake, the official channel it imitates with score and reasons,
report counts, first/last seen, the status history, where to file), ``reports.csv`` (when, what, details, the
screenshot's file — no reporter identity, only "reporter 1, 2, …" within the case), ``screenshots/…`` and
``SHA256SUMS`` over every other file, in the format ``sha256sum -c`` checks.
"""

import csv
import hashlib
import io
import zipfile
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils import timezone, translation

from sampark.trust.models import Case, Report

IST = ZoneInfo("Asia/Kolkata")

# Where a fake on each platform is reported (besides the in-app "Report"); the platforms move these pages now and
# then, so staff check the address before filing. Authorities (1930, cybercrime.gov.in) apply to every case.
PLATFORM_FORMS = {
    "x": "https://help.x.com/forms/impersonation",
    "facebook": "https://www.facebook.com/help/174210519303259",
    "instagram": "https://help.instagram.com/contact/636276399721841",
    "youtube": "https://support.google.com/youtube/answer/2801947",
    "telegram": "abuse@telegram.org",
    "whatsapp_channel": "https://www.whatsapp.com/contact",
    "whatsapp_group": "https://www.whatsapp.com/contact",
    "whatsapp_number": "https://www.whatsapp.com/contact",
}
CYBERCRIME = "https://cybercrime.gov.in"
HELPLINE = "1930"
CHAKSHU = "https://sancharsaathi.gov.in/sfc/"
# Fraud calls and SMS go to Chakshu; a WhatsApp number is a phone number too.
CHAKSHU_PLATFORMS = {"phone", "whatsapp_number"}


def filename(case: Case) -> str:
    return f"sampark-case-{case.public_id}.zip"


def local(at) -> str:
    return timezone.localtime(at, IST).strftime("%Y-%m-%d %H:%M:%S IST") if at else "-"


def build(case: Case, out) -> None:
    """Write the pack for ``case`` into the binary file object ``out``."""
    case = Case.objects.select_related("resembles__owner").get(pk=case.pk)
    reports = list(Report.objects.filter(case=case).order_by("received_at", "id"))
    sums: list[tuple[str, str]] = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        def add(name: str, data: bytes, compress: bool = True) -> None:
            pack.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED)
            sums.append((hashlib.sha256(data).hexdigest(), name))

        shots = {}
        for report in reports:
            if report.screenshot:
                name = f"screenshots/{report.screenshot.name.rsplit('/', 1)[-1]}"
                with report.screenshot.open("rb") as handle:
                    add(name, handle.read(), compress=False)  # already compressed images
                shots[report.pk] = name
        add("reports.csv", _reports_csv(reports, shots))
        add("summary.txt", _summary(case, len(shots)).encode("utf-8"))
        pack.writestr("SHA256SUMS", "".join(f"{digest}  {name}\n" for digest, name in sums))


def _summary(case: Case, screenshot_count: int) -> str:
    history = list(case.events.order_by("at", "id"))
    context = {
        "case": case, "history": history, "screenshot_count": screenshot_count, "local": local,
        "first": local(case.first_reported_at), "last": local(case.last_reported_at), "made": local(timezone.now()),
        "events": [(local(e.at), e) for e in history],
        "platform_form": PLATFORM_FORMS.get(case.platform, ""), "cybercrime": CYBERCRIME, "helpline": HELPLINE,
        "chakshu": CHAKSHU if case.platform in CHAKSHU_PLATFORMS else "",
        "reasons": ", ".join(case.reasons or []),
    }
    parts = []
    for language in ("en", "hi"):
        with translation.override(language):
            parts.append(render_to_string("trust/evidence_summary.txt", context).strip() + "\n")
    return ("\n" + "=" * 72 + "\n\n").join(parts)


def _cell(value: str) -> str:
    """Text that a spreadsheet would run as a formula (=, +, -, @ first) is quoted with an apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _reports_csv(reports: list[Report], shots: dict[int, str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["received_at", "reporter", "what", "what_en", "target_as_given", "details", "language",
                     "screenshot"])
    ordinal: dict[str, int] = {}
    for report in reports:
        number = ordinal.setdefault(report.reporter_key or f"r{report.pk}", len(ordinal) + 1)
        with translation.override("en"):
            what_en = str(Report.What(report.what).label) if report.what in Report.What.values else report.what
        writer.writerow([local(report.received_at), f"reporter {number}", report.what, what_en,
                         _cell(report.target_as_given), _cell(report.details), report.language,
                         shots.get(report.pk, "")])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheet programs then read Hindi right
