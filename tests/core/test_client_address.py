"""Which address a rate limit counts: X-Forwarded-For is believed only from SAMPARK_TRUSTED_PROXIES."""

import ipaddress

import pytest
from django.test import RequestFactory

from sampark.core.proxies import client_ip

rf = RequestFactory()


def request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **extra)


@pytest.fixture
def proxies(settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("127.0.0.1/32")]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_a_client_cannot_name_itself(proxies):
    # straight to the server, not through our proxy: its own header means nothing
    assert client_ip(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_through_our_proxy_the_client_is_what_it_saw(proxies):
    assert client_ip(request("127.0.0.1", "198.51.100.7")) == "198.51.100.7"


def test_a_forged_hop_before_ours_is_skipped(proxies):
    # the client sent "X-Forwarded-For: 192.0.2.1"; our proxy appended the address it really came from
    assert client_ip(request("127.0.0.1", "192.0.2.1, 198.51.100.7")) == "198.51.100.7"


def test_a_chain_of_our_proxies(proxies):
    assert client_ip(request("127.0.0.1", "198.51.100.7, 10.1.2.3")) == "198.51.100.7"


def test_junk_in_the_header_counts_as_the_proxy(proxies):
    assert client_ip(request("127.0.0.1", "not-an-address")) == "127.0.0.1"
    assert client_ip(request("127.0.0.1", "")) == "127.0.0.1"


def test_ipv6(settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("::1/128")]
    assert client_ip(request("::1", "2001:db8::5")) == "2001:db8::5"
