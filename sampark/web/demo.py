"""Demo data: UP geography, SMS templates, two published numbers, an admin, a few synthetic missed calls, and a
registry of official channels.

Numbers are synthetic (a fixed fictitious series) and the demo's SMS backend is the file outbox, so nothing
reaches a real person. The official channels' owners are fictional and marked "(demo)", their sites are
example.org (reserved for examples), the number is the demo's own published number.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from sampark.accounts import services as accounts
from sampark.accounts.models import Role
from sampark.geo.models import Area
from sampark.outreach.models import Category, SmsTemplate
from sampark.telephony import intake, services
from sampark.telephony.models import PublishedNumber
from sampark.telephony.providers.base import InboundCall
from sampark.trust import registry
from sampark.trust.models import OfficialChannel

AREAS_CSV = Path(__file__).resolve().parent.parent / "geo" / "data" / "up_demo_areas.csv"
DEMO_CALLERS = [f"+9190000000{n:02d}" for n in range(1, 25)]  # synthetic series, not anyone's number

# owner (English, Hindi), unit?, area code, [(platform, handle as written, official since)]
OFFICIAL_CHANNELS = [
    (("Sampark Andolan", "सम्पर्क आंदोलन"), True, "IN", [
        ("x", "@SamparkAndolan", "2024-01-15"), ("youtube", "https://www.youtube.com/@SamparkAndolan", "2024-01-15"),
        ("phone", "+91 11 4000 0000", "2024-01-15"), ("whatsapp_number", "+91 11 4000 0000", "2024-03-01"),
        ("whatsapp_group", "https://chat.whatsapp.com/DemoInviteCode0000000", "2024-06-01"),
        ("website", "https://example.org", "2024-01-15"), ("email", "office@example.org", "2024-01-15"),
    ]),
    (("Sampark Andolan, Lucknow", "सम्पर्क आंदोलन, लखनऊ"), True, "UP-LKO", [
        ("x", "@SamparkLucknow", "2024-05-01"), ("telegram", "https://t.me/SamparkLucknow", "2024-05-01"),
    ]),
    (("State President (demo)", "प्रदेश अध्यक्ष (डेमो)"), False, "UP", [
        ("x", "@SamparkUPAdhyaksh", "2025-02-01"), ("instagram", "https://www.instagram.com/sampark.up.adhyaksh/",
                                                    "2025-02-01"),
    ]),
]
RETIRED_CHANNELS = [("x", "@SamparkUPOld", "State President (demo)", "UP", "2023-04-01", "2025-01-31")]

CONFIRMATION = {
    "hi": "सम्पर्क से जुड़ने के लिए धन्यवाद! अपना परिचय यहाँ पूरा करें: {#var#} -SAMPRK",
    "en": "Thank you for joining Sampark! Complete your profile here: {#var#} -SAMPRK",
}

# The supporters' warning when a fake is confirmed (trust.case_warning): the fake, then the official channel.
TRUST_WARNING = {  # 1 SMS in English, 2-3 in Hindi (UCS-2) with 30-character variables
    "hi": "सावधान! {#var#} नकली है। सम्पर्क का आधिकारिक: {#var#} . OTP, आधार, बैंक जानकारी या पैसे न दें -SAMPRK",
    "en": "FAKE: {#var#} is not Sampark. Official: {#var#} . Never share OTP, Aadhaar, bank details or money. -SAMPRK",
}


def write_secret(name: str) -> str:
    path = settings.DATA_DIR / name
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(18))
    return path.read_text().strip()


def load_confirmation_templates() -> None:
    """The join confirmation in Hindi and English, with placeholder DLT ids (a deployment registers its own)."""
    for n, (language, body) in enumerate(CONFIRMATION.items(), start=1):
        SmsTemplate.objects.update_or_create(key="confirmation", language=language, defaults={
            "dlt_entity_id": "1001000000000000000", "header": "SAMPRK", "dlt_template_id": f"1007000000000000{n:03d}",
            "category": Category.SERVICE_IMPLICIT, "body": body,
        })


def load_trust_templates() -> None:
    """The fake-warning SMS, service-implicit like the confirmation (docs/trust.md says why); placeholder DLT ids."""
    for n, (language, body) in enumerate(TRUST_WARNING.items(), start=1):
        SmsTemplate.objects.update_or_create(key="trust_warning", language=language, defaults={
            "dlt_entity_id": "1001000000000000000", "header": "SAMPRK", "dlt_template_id": f"1007000000000001{n:03d}",
            "category": Category.SERVICE_IMPLICIT, "body": body,
        })


def load_official_channels() -> None:
    """A small registry so /official/ and /verify/ show something; skipped once any channel exists."""
    from datetime import date

    from sampark.geo.models import Area

    if OfficialChannel.objects.exists():
        return
    for (name, name_hi), unit, area_code, channels in OFFICIAL_CHANNELS:
        owner = registry.find_or_create_owner(name, name_hi=name_hi, unit=unit,
                                              area=Area.objects.get(code=area_code))
        for platform, handle, since in channels:
            registry.add_channel(platform=platform, handle=handle, owner=owner, since=date.fromisoformat(since))
    for platform, handle, name, area_code, since, until in RETIRED_CHANNELS:
        owner = registry.find_or_create_owner(name, area=Area.objects.get(code=area_code))
        channel = registry.add_channel(platform=platform, handle=handle, owner=owner, since=date.fromisoformat(since))
        registry.retire_channel(channel, until=date.fromisoformat(until))


DEMO_STAFF = (("coordinator", Role.COORDINATOR, "IN"), ("volunteer", Role.VOLUNTEER, "UP-LKO"))


def load_demo_staff() -> None:
    """Staff to explore the workspace with: roles that need no second factor (docs/roles.md)."""
    for username, role, area_code in DEMO_STAFF:
        password = write_secret(f"demo_{username}_password")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            user, _ = accounts.add_user(username, role=role, area=Area.objects.get(code=area_code))
        user.set_password(password)
        user.save()
        accounts.password_chosen(user)  # the demo's passwords live in the data folder, not in anyone's head


def load(stdout) -> None:
    call_command("migrate", verbosity=0)
    call_command("geo", "import", str(AREAS_CSV), verbosity=0, stdout=open(os.devnull, "w"))
    load_confirmation_templates()
    load_trust_templates()
    load_official_channels()
    numbers = []
    for provider, slug in (("generic", "demo"), ("exotel", "demo-exotel")):
        secret = write_secret(f"demo_{provider}_secret")
        number = PublishedNumber.objects.filter(provider=provider, slug=slug).first()
        if number is None:
            number = services.add_number(provider=provider, slug=slug, number="+911140000000", secret=secret)
        numbers.append(number)
    password = write_secret("demo_admin_password")
    User = get_user_model()
    admin = User.objects.filter(username="admin").first() or User.objects.create_superuser("admin", None, password)
    admin.set_password(password)
    admin.save()
    load_demo_staff()
    if not numbers[0].calls.exists():
        from sampark.telephony.numbers import lookup

        config = lookup("generic", "demo")
        start = timezone.now() - timedelta(hours=2)
        for n, caller in enumerate(DEMO_CALLERS + DEMO_CALLERS[:5] + ["anonymous"]):
            services.log_call(config, InboundCall(f"demo-{n}", caller, "+911140000000", start + timedelta(minutes=n)))
        intake.run(once=True)
    stdout.write(
        f"Staff sign-in: {settings.PUBLIC_URL}/staff/login/  users 'admin' (sets up an authenticator app at first "
        f"sign-in), 'coordinator' (national) and 'volunteer' (Lucknow); passwords in "
        f"{settings.DATA_DIR}/demo_<user>_password"
    )
    stdout.write(
        f"Try a missed call (exotel shape):\n  curl '{settings.PUBLIC_URL}/hooks/exotel/demo-exotel/"
        f"?key={write_secret('demo_exotel_secret')}&CallSid=try-1&CallFrom=09000000099&CallTo=01140000000'"
    )
    stdout.write(f"SMS outbox: {settings.SMS_OUTBOX_DIR}/sms.jsonl")
    stdout.write(f"Official channels: {settings.PUBLIC_URL}/official/  Is this official? {settings.PUBLIC_URL}/verify/")
