"""Keyset pagination cursors: the last id of a page, signed so that a tampered or made-up cursor is refused (400)
rather than trusted or turned into a 500."""

from django.core import signing

_SIGNER = signing.Signer(salt="sampark.supporters.records.cursor")
MAX_LENGTH = 100


class BadCursor(ValueError):
    pass


def make(last_id: int) -> str:
    return _SIGNER.sign(signing.b62_encode(last_id))


def read(cursor: str | None) -> int | None:
    """The id below which the next page starts, or None for the first page. Raises BadCursor."""
    if not cursor:
        return None
    if len(cursor) > MAX_LENGTH:
        raise BadCursor("cursor: not a cursor this list gave out")
    try:
        value = signing.b62_decode(_SIGNER.unsign(cursor))
    except (signing.BadSignature, ValueError, TypeError):
        raise BadCursor("cursor: not a cursor this list gave out") from None
    if value <= 0:
        raise BadCursor("cursor: not a cursor this list gave out")
    return value
