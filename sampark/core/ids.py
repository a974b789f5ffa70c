"""Public random ids: what leaves the system (URLs, API, SMS) instead of the database's integer keys."""

import secrets

_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l: ids get read out over the phone


def public_id(length: int = 12) -> str:
    """60 random bits at the default length."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))
