"""Click-to-call bridges for the call-back desk's bridge mode: the provider rings the volunteer's own phone first,
then dials the supporter and connects the two; the volunteer never sees the supporter's number.

One module per provider, each with ``connect(request: BridgeRequest) -> BridgeResult`` (base.py); adding one is
its module plus its name in BACKENDS (and in settings' SAMPARK_BRIDGE_BACKEND choices), as for SMS backends.
"""

import importlib
from types import ModuleType

from django.conf import settings

from .base import BridgeRequest, BridgeResult  # noqa: F401

BACKENDS = ("file", "exotel", "twilio", "plivo")


def get_backend(name: str | None = None) -> ModuleType:
    """The backend module for ``name``, or for settings.BRIDGE_BACKEND when not given."""
    name = name or settings.BRIDGE_BACKEND
    if name not in BACKENDS:
        raise ValueError(f"unknown bridge backend {name!r}; expected one of {', '.join(BACKENDS)}")
    return importlib.import_module(f"{__name__}.{name}")
