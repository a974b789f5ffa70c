"""Public random ids: what leaves the system (URLs, API, SMS) instead of the database's integer keys."""

import os

_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # 32 symbols, no 0/o, 1/l: ids get read out over the phone
assert len(_ALPHABET) == 32  # so `byte & 31` picks each symbol with equal chance


def public_id(length: int = 12) -> str:
    """60 random bits at the default length, from the OS's CSPRNG (one call, not one per character: the intake
    worker makes thousands a second)."""
    return "".join([_ALPHABET[byte & 31] for byte in os.urandom(length)])
