"""A number's IP allowlist behind our reverse proxy: the provider's address as the proxy vouches for it, and
never an address the caller wrote into X-Forwarded-For itself."""

import ipaddress

import pytest

from sampark.telephony.models import Call
from sampark.telephony.services import add_number

PROVIDER = "10.9.0.7"  # inside the allowlist below


@pytest.fixture
def number(db, settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("127.0.0.1/32")]
    add_number(provider="exotel", slug="ip", number="+911140000002", secret="k" * 16, ip_allowlist="10.9.0.0/16")


def call(client, remote: str, forwarded: str | None, call_id: str):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.get("/hooks/exotel/ip/", {"key": "k" * 16, "CallSid": call_id, "CallFrom": "09876500001"}, **extra)


def test_the_provider_through_our_proxy_is_allowed(client, number):
    assert call(client, "127.0.0.1", PROVIDER, "c1").status_code == 200
    assert Call.objects.count() == 1


def test_others_through_our_proxy_are_refused(client, number):
    assert call(client, "127.0.0.1", "203.0.113.5", "c2").status_code == 403
    # a forged hop before the one our proxy added changes nothing
    assert call(client, "127.0.0.1", f"{PROVIDER}, 203.0.113.5", "c3").status_code == 403


def test_a_direct_caller_cannot_claim_the_providers_address(client, number):
    assert call(client, "203.0.113.5", PROVIDER, "c4").status_code == 403
    assert not Call.objects.exists()
