import pytest

from sampark.core.phones import normalise
from sampark.geo import series
from sampark.geo.models import Area, Level
from sampark.outreach import services as outreach_services
from sampark.telephony import calllog, numbers


@pytest.fixture(autouse=True)
def isolated_caches(settings, tmp_path):
    """Per-test outbox folder; in-process caches must not carry rows from another test's database."""
    settings.SMS_OUTBOX_DIR = tmp_path / "outbox"
    numbers.forget()
    series.forget()
    outreach_services._resume.clear()  # the SMS sender's read mark belongs to another test's database
    yield
    numbers.forget()
    series.forget()
    normalise.cache_clear()
    calllog.writer.close()  # its connection would keep the test database from being flushed or dropped


@pytest.fixture(autouse=True)
def fresh_rate_limits(request, django_db_blocker):
    """Rate limits count in a database cache table (core/ratecache.py). A test in a transaction leaves nothing
    behind; a transactional one (live server, browser) would, as Django's flush empties only model tables."""
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction"))
    if transactional and "django_db_setup" in request.fixturenames:
        from django.core.cache import caches

        with django_db_blocker.unblock():
            caches["ratelimit"].clear()


@pytest.fixture(autouse=True, scope="session")
def audit_flushable():
    """Audit rows are append-only (on SQLite a trigger refuses DELETE: sampark/core/audit/guard.py); Django's
    flush, which empties the tables after each test that commits (live server, browser), may empty them."""
    from django.core.management.commands import flush

    from sampark.core.audit import guard

    original = flush.Command.handle

    def handle(self, *args, **options):
        with guard.maintenance():
            return original(self, *args, **options)

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


@pytest.fixture
def generic_number(db):
    from sampark.telephony.services import add_number

    return add_number(provider="generic", slug="main", number="+911140000000", secret="generic-test-secret")


@pytest.fixture
def confirmation_templates(db):
    from sampark.outreach.models import Category, SmsTemplate

    # update_or_create: migration outreach 0007 ships default templates (without DLT ids) for these keys
    return [
        SmsTemplate.objects.update_or_create(key="confirmation", language=language, defaults=dict(
            dlt_entity_id="1001000000000000000", header="SAMPRK",
            dlt_template_id=f"100700000000000000{n}", category=Category.SERVICE_IMPLICIT, body=body,
        ))[0]
        for n, (language, body) in enumerate([
            ("hi", "सम्पर्क से जुड़ने के लिए धन्यवाद! अपना परिचय यहाँ पूरा करें: {#var#} -SAMPRK"),
            ("en", "Thank you for joining Sampark! Complete your profile: {#var#} -SAMPRK"),
        ])
    ]


@pytest.fixture
def log_call(generic_number):
    """Log a missed call as the webhook would; returns whether it was new."""
    from sampark.telephony import numbers, services
    from sampark.telephony.providers.base import InboundCall

    config = numbers.lookup("generic", "main")

    def _log(call_id: str, caller: str, at=None) -> bool:
        return services.log_call(config, InboundCall(call_id, caller, "+911140000000", at))

    return _log


@pytest.fixture
def areas(db):
    """India > Uttar Pradesh > two districts: enough to tell "inside my area" from "outside" (the API, trust)."""
    country = Area.objects.create(code="IN", level=Level.COUNTRY, name_en="India", name_hi="भारत", path="IN")
    up = Area.objects.create(code="UP", parent=country, level=Level.STATE, name_en="Uttar Pradesh",
                             name_hi="उत्तर प्रदेश", path="IN.UP")
    lko = Area.objects.create(code="UP-LKO", parent=up, level=Level.DISTRICT, name_en="Lucknow", name_hi="लखनऊ",
                              path="IN.UP.UP-LKO")
    agr = Area.objects.create(code="UP-AGR", parent=up, level=Level.DISTRICT, name_en="Agra", name_hi="आगरा",
                              path="IN.UP.UP-AGR")
    return {"IN": country, "UP": up, "UP-LKO": lko, "UP-AGR": agr}


def login_verified(client, user):
    """Sign ``user`` in as if with password and authenticator code: their confirmed device in the session, as
    django-otp records it. Admins, DPOs and superusers reach no staff page otherwise (docs/roles.md, Sign-in)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="authenticator app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, signed in with a second factor as a superuser must be."""
    return login_verified(client, admin_user)
