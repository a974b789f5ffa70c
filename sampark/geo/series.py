"""First guess of a new supporter's state from their mobile number series (DoT table → telecom circle).

Portability means the series tells where a number was first issued, not where its owner lives: a guess,
marked as one, replaced by what the supporter tells us.
"""

import time

from sampark.core.phones import Phone
from sampark.geo.models import Area, Level, NumberSeries

# Telecom circle → state code in our Area tree (ISO 3166-2:IN). Circles spanning several states map to the
# state the circle is named after; NE (seven states) has no single guess.
CIRCLE_STATE = {
    "AP": "AP", "AS": "AS", "BR": "BR", "CH": "TN", "DL": "DL", "GJ": "GJ", "HP": "HP", "HR": "HR", "JK": "JK",
    "KA": "KA", "KL": "KL", "KO": "WB", "MH": "MH", "MP": "MP", "MU": "MH", "OR": "OD", "PB": "PB", "RJ": "RJ",
    "TN": "TN", "UE": "UP", "UW": "UP", "WB": "WB",
}
CIRCLES = frozenset(CIRCLE_STATE) | {"NE"}
RELOAD_SECONDS = 300.0

_table: dict[str, int | None] = {}
_loaded_at = -RELOAD_SECONDS


def _load() -> None:
    global _table, _loaded_at
    states = dict(Area.objects.filter(level=Level.STATE).values_list("code", "id"))
    _table = {
        prefix: states.get(CIRCLE_STATE.get(circle, ""))
        for prefix, circle in NumberSeries.objects.values_list("prefix", "circle_code")
    }
    _loaded_at = time.monotonic()


def guess_state_area_id(phone: Phone) -> int | None:
    if not phone.is_indian_mobile:
        return None
    if time.monotonic() - _loaded_at > RELOAD_SECONDS:
        _load()
    return _table.get(phone.e164[3:7]) if _table else None


def forget() -> None:
    global _loaded_at
    _loaded_at = -RELOAD_SECONDS
