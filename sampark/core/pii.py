"""The PII vault: phone numbers encrypted at rest, looked up by blind index, shown masked.

Stored form of a number: AES-GCM ciphertext as ``key id (1 byte) + nonce (12 bytes) + data``, an HMAC-SHA256
blind index for equality lookups and uniqueness, and a display hint. Keys derive with HKDF from SAMPARK_PII_KEY,
one per purpose, so a leaked blind index key does not open the ciphertexts. The clear number leaves this module
only through :func:`reveal`, which writes an audit row.
"""

import base64
import hashlib
import os
from functools import lru_cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

KEY_ID = 1  # bump when SAMPARK_PII_KEY rotates; old ids stay decryptable while re-encryption runs


@lru_cache(maxsize=8)
def derived_key(purpose: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"sampark-pii-v1", info=purpose.encode())
    return hkdf.derive(settings.PII_KEY.encode())


@lru_cache(maxsize=1)
def _aead() -> AESGCM:
    return AESGCM(derived_key("phone-encryption"))


def encrypt(clear: str) -> bytes:
    nonce = os.urandom(12)
    return bytes([KEY_ID]) + nonce + _aead().encrypt(nonce, clear.encode(), b"sampark-phone")


def decrypt(blob: bytes) -> str:
    blob = bytes(blob)
    if not blob or blob[0] != KEY_ID:
        raise ValueError("ciphertext has an unknown key id")
    return _aead().decrypt(blob[1:13], blob[13:], b"sampark-phone").decode()


@lru_cache(maxsize=1)
def _secret_aead() -> AESGCM:
    # A key of its own: secrets and phone numbers never share one, so neither can be swapped for the other.
    return AESGCM(derived_key("secret-encryption"))


def seal(clear: str) -> bytes:
    """A secret the code must be able to read back (a webhook secret), encrypted like a phone number."""
    nonce = os.urandom(12)
    return bytes([KEY_ID]) + nonce + _secret_aead().encrypt(nonce, clear.encode(), b"sampark-secret")


def unseal(blob: bytes) -> str:
    blob = bytes(blob)
    if not blob or blob[0] != KEY_ID:
        raise ValueError("sealed value has an unknown key id")
    return _secret_aead().decrypt(blob[1:13], blob[13:], b"sampark-secret").decode()


@lru_cache(maxsize=8)
def _keyed_sha256(purpose: str) -> tuple:
    """HMAC-SHA256 (RFC 2104) with the key's inner and outer pads hashed once: each MAC then costs two hash
    copies, 0.6 µs against 1.6 µs for hmac.digest, which looks the algorithm up in OpenSSL on every call (the
    intake worker makes two MACs for every new supporter). tests/core/test_pii.py checks it against hmac."""
    key = derived_key(purpose).ljust(64, b"\0")  # 32-byte keys: shorter than SHA-256's 64-byte block
    return (hashlib.sha256(bytes(byte ^ 0x36 for byte in key)), hashlib.sha256(bytes(byte ^ 0x5C for byte in key)))


def mac(purpose: str, message: bytes) -> bytes:
    """HMAC-SHA256 of ``message`` under the key derived for ``purpose``."""
    inner_pad, outer_pad = _keyed_sha256(purpose)
    inner = inner_pad.copy()
    inner.update(message)
    outer = outer_pad.copy()
    outer.update(inner.digest())
    return outer.digest()


def blind_index(e164: str) -> str:
    """Hex HMAC of the E.164 form: equal numbers give equal indexes, nothing else is learnt from it."""
    return mac("phone-blind-index", e164.encode())[:16].hex()


def sign(purpose: str, message: str, length: int = 16) -> str:
    """A short keyed MAC (base32, lowercase) for unguessable links derived from public ids."""
    # Base32 turns each 5 bytes into 8 characters, so encoding only the bytes the length needs gives the same
    # prefix as encoding the whole digest, for less work (the worker signs a link for every new supporter).
    whole_groups = -(-length // 8) * 5  # bytes in the 5-byte groups that cover `length` characters
    digest = mac(purpose, message.encode())
    return base64.b32encode(digest[:whole_groups]).decode().lower()[:length]


def reveal(*, ciphertext: bytes, actor, reason: str, subject: str) -> str:
    """The only way a person gets to see a clear number: decrypts and writes an audit row."""
    from sampark.core.models import AuditEntry

    clear = decrypt(ciphertext)
    AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=AuditEntry.Action.REVEAL_PHONE,
        subject=subject,
        detail={"reason": reason},
    )
    return clear
