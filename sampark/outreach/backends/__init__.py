"""SMS backends: one module per provider, each with ``send(msg: SmsToSend) -> SendResult`` (see base.py).

Adding a provider is its module plus its name in BACKENDS (and in settings' SAMPARK_SMS_BACKEND choices).
"""

import importlib
from types import ModuleType

from django.conf import settings

BACKENDS = ("file", "exotel", "msg91")


def get_backend(name: str | None = None) -> ModuleType:
    """The backend module for ``name``, or for settings.SMS_BACKEND when not given."""
    name = name or settings.SMS_BACKEND
    if name not in BACKENDS:
        raise ValueError(f"unknown SMS backend {name!r}; expected one of {', '.join(BACKENDS)}")
    return importlib.import_module(f"{__name__}.{name}")
