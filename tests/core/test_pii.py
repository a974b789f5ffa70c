"""The PII vault's keyed hashes: the intake worker's fast HMAC must be HMAC-SHA256 exactly, or every stored
blind index and every personal link would stop matching."""

import base64
import hashlib
import hmac

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sampark.core import pii


@given(message=st.binary(max_size=300))
def test_mac_is_hmac_sha256(message):
    for purpose in ("phone-blind-index", "profile-link"):
        assert pii.mac(purpose, message) == hmac.new(pii.derived_key(purpose), message, hashlib.sha256).digest()


def test_mac_does_not_carry_state_between_messages():
    first = pii.mac("profile-link", b"abc")
    pii.mac("profile-link", b"x" * 1000)
    assert pii.mac("profile-link", b"abc") == first


@pytest.mark.parametrize("e164", ["+919876500001", "+12025550143"])
def test_blind_index_is_a_truncated_hmac(e164):
    expected = hmac.new(pii.derived_key("phone-blind-index"), e164.encode(), hashlib.sha256).digest()[:16].hex()
    assert pii.blind_index(e164) == expected


def test_blind_index_keys_differ_by_purpose():
    assert pii.mac("phone-blind-index", b"+919876500001") != pii.mac("profile-link", b"+919876500001")


def test_sign_is_the_base32_prefix_of_the_hmac():
    digest = hmac.new(pii.derived_key("profile-link"), b"abc:1", hashlib.sha256).digest()
    assert pii.sign("profile-link", "abc:1") == base64.b32encode(digest).decode().lower()[:16]
    assert pii.sign("profile-link", "abc:1", length=10) == base64.b32encode(digest).decode().lower()[:10]
