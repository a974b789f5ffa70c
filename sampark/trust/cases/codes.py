"""Case codes: what a person who reported a fake keeps, reads out over the phone and types into /report/status/.

Eight symbols in two groups, ``K7M4-QX9P``, from 30 that cannot be mistaken for one another when read aloud or
written by hand: digits 2-9 and the capital letters without I, L, O and U (Crockford's base 32 without 0 and 1).
30⁸ ≈ 6.6 × 10¹¹ codes, so a guessed code almost never names a case, and the status page is rate-limited.

Stored without the dash (``K7M4QX9P``) in ``Case.public_id``. Codes given out before these existed are 12
lowercase symbols (``sampark.core.ids``); they keep working.
"""

import secrets
import unicodedata

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
GROUP = 4
NEVER = "01ILO"  # never in a code, so a code with one of them was mistyped
LEGACY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
LEGACY_LENGTH = 12

# What a phone keyboard may put in place of a code's symbol: Devanagari digits, and Cyrillic or Greek capitals that
# look like Latin ones (full-width forms are folded by NFKC first). Lower case is folded to upper after this.
_LOOKALIKES = str.maketrans(
    "०१२३४५६७८९"
    "АВСЕНКМРТХУ"  # Cyrillic
    "ΑΒΕΖΗΚΜΝΡΤΥΧ",  # Greek
    "0123456789"
    "ABCEHKMPTXY"
    "ABEZHKMNPTYX",
)
_SEPARATORS = {"-", "‐", "‑", "–", "—", ".", "/", "_"}


class BadCode(ValueError):
    """What is wrong with a typed code: ``problem`` is "empty", "length" or "symbol" (``symbol`` says which)."""

    def __init__(self, problem: str, symbol: str = ""):
        super().__init__(f"code: {problem}{f' {symbol!r}' if symbol else ''}")
        self.problem = problem
        self.symbol = symbol


def new_code() -> str:
    """A fresh code as stored (no dash), from the OS's CSPRNG."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    """``K7M4QX9P`` → ``K7M4-QX9P``; an older code is shown as it was given."""
    if len(code) == LENGTH:
        return f"{code[:GROUP]}-{code[GROUP:]}"
    return code


def parse(text: str) -> str:
    """A code as someone typed it → the stored form, or BadCode. Any case, with or without the dash or spaces."""
    typed = unicodedata.normalize("NFKC", text or "").translate(_LOOKALIKES)
    compact = "".join(ch for ch in typed if not ch.isspace() and ch not in _SEPARATORS)
    if not compact:
        raise BadCode("empty")
    if len(compact) == LEGACY_LENGTH and all(ch in LEGACY_ALPHABET for ch in compact.lower()):
        return compact.lower()
    code = compact.upper()
    for ch in code:
        if ch not in ALPHABET:
            raise BadCode("symbol", ch)
    if len(code) != LENGTH:
        raise BadCode("length")
    return code
