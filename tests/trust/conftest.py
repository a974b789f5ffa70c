"""Areas, trust-desk staff and supporters for the case tests; official channels for the verify and scan tests."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache

from sampark.accounts.models import Role, RoleAssignment
from sampark.core import pii
from sampark.core.phones import normalise
from sampark.trust.matching import handles
from sampark.trust.models import ChannelStatus, OfficialChannel, Owner


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_staff(db):
    """make_staff("name", area=...) -> a staff user with the trust desk's permissions and a role at ``area``."""

    def make(username, area=None, role=Role.COORDINATOR):
        user = get_user_model().objects.create_user(username=username, password="pw-" + username, is_staff=True)
        user.user_permissions.set(Permission.objects.filter(content_type__app_label="trust", codename__in=[
            "view_case", "change_case", "view_report", "view_caseevent"]))
        if area is not None:
            RoleAssignment.objects.create(user=user, role=role, area=area)
        return user

    return make


@pytest.fixture
def make_supporter(db):
    from sampark.supporters.models import Supporter

    def make(e164, area=None, **fields):
        return Supporter.objects.create(
            phone_cipher=pii.encrypt(e164), phone_index=pii.blind_index(e164), phone_hint=normalise(e164).masked,
            phone_region="IN", area=area, notice_version="test", **fields,
        )

    return make


@pytest.fixture
def warning_templates(db):
    from sampark.web.demo import load_trust_templates

    load_trust_templates()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the (per-process) cache: one test's requests must not count against another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_official(db):
    """make_official("x", "@SomeLeader", owner="Some Leader", status="retired", until=date) -> OfficialChannel."""

    def make(platform, display, owner="Asha Devi Verma", status=ChannelStatus.ACTIVE, until=None, owner_hi=""):
        person, _ = Owner.objects.get_or_create(name_en=owner, area=None, defaults={"name_hi": owner_hi})
        return OfficialChannel.objects.create(
            platform=platform, handle=handles.parse(display, platform).value, display=display, owner=person,
            status=status, until=until, since=datetime.date(2024, 1, 1),
        )

    return make


@pytest.fixture
def officials(make_official):
    """A small registry of fictional leaders and units on every kind of platform."""
    return {
        "x": make_official("x", "@AshaVermaMLA", owner_hi="आशा देवी वर्मा"),
        "x_unit": make_official("x", "@Jan_Sampark_Manch", owner="Jan Sampark Manch"),
        "instagram": make_official("instagram", "@asha.verma.mla"),
        "facebook": make_official("facebook", "https://facebook.com/AshaVermaOfficial"),
        "youtube": make_official("youtube", "https://youtube.com/@JanSamparkTV", owner="Jan Sampark Manch"),
        "telegram": make_official("telegram", "https://t.me/jansamparkmanch", owner="Jan Sampark Manch"),
        "whatsapp_channel": make_official("whatsapp_channel", "https://whatsapp.com/channel/0029VaJanSampark01",
                                         owner="Jan Sampark Manch"),
        "phone": make_official("phone", "+91 11 4000 0000", owner="Jan Sampark Manch"),
        "whatsapp_number": make_official("whatsapp_number", "+91 98100 00042", owner="Jan Sampark Manch"),
        "website": make_official("website", "https://www.jansampark.org/", owner="Jan Sampark Manch"),
        "email": make_official("email", "office@jansampark.org", owner="Jan Sampark Manch"),
        "retired": make_official("x", "@RaviKumarOld", owner="Ravi Kumar Saxena", status=ChannelStatus.RETIRED,
                                until=datetime.date(2025, 6, 30)),
    }
