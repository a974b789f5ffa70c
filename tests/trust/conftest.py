"""Official channels for the trust tests, created straight through the ORM as the registry stores them."""

import datetime

import pytest
from django.core.cache import cache

from sampark.trust import handles
from sampark.trust.models import ChannelStatus, OfficialChannel, Owner


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the (per-process) cache: one test's requests must not count against another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_channel(db):
    """make_channel("x", "@SomeLeader", owner="Some Leader", status="retired", until=date) -> OfficialChannel."""

    def make(platform, display, owner="Asha Devi Verma", status=ChannelStatus.ACTIVE, until=None, owner_hi=""):
        person, _ = Owner.objects.get_or_create(name_en=owner, area=None, defaults={"name_hi": owner_hi})
        return OfficialChannel.objects.create(
            platform=platform, handle=handles.parse(display, platform).value, display=display, owner=person,
            status=status, until=until, since=datetime.date(2024, 1, 1),
        )

    return make


@pytest.fixture
def registry(make_channel):
    """A small registry of fictional leaders and units on every kind of platform."""
    return {
        "x": make_channel("x", "@AshaVermaMLA", owner_hi="आशा देवी वर्मा"),
        "x_unit": make_channel("x", "@Jan_Sampark_Manch", owner="Jan Sampark Manch"),
        "instagram": make_channel("instagram", "@asha.verma.mla"),
        "facebook": make_channel("facebook", "https://facebook.com/AshaVermaOfficial"),
        "youtube": make_channel("youtube", "https://youtube.com/@JanSamparkTV", owner="Jan Sampark Manch"),
        "telegram": make_channel("telegram", "https://t.me/jansamparkmanch", owner="Jan Sampark Manch"),
        "whatsapp_channel": make_channel("whatsapp_channel", "https://whatsapp.com/channel/0029VaJanSampark01",
                                         owner="Jan Sampark Manch"),
        "phone": make_channel("phone", "+91 11 4000 0000", owner="Jan Sampark Manch"),
        "whatsapp_number": make_channel("whatsapp_number", "+91 98100 00042", owner="Jan Sampark Manch"),
        "website": make_channel("website", "https://www.jansampark.org/", owner="Jan Sampark Manch"),
        "email": make_channel("email", "office@jansampark.org", owner="Jan Sampark Manch"),
        "retired": make_channel("x", "@RaviKumarOld", owner="Ravi Kumar Saxena", status=ChannelStatus.RETIRED,
                                until=datetime.date(2025, 6, 30)),
    }
