"""Development and demo backend: each bridge request becomes one JSON line in ``<data dir>/outbox/bridge.jsonl``.

Nobody's phone rings. The file holds both numbers in clear, like the SMS outbox, so it is created readable by its
owner only (and the data folder is 0700); lines are written whole with one O_APPEND write.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .base import BridgeRequest, BridgeResult, failure

FILENAME = "bridge.jsonl"


def outbox_path() -> Path:
    return Path(settings.BRIDGE_OUTBOX_DIR) / FILENAME


def connect(request: BridgeRequest) -> BridgeResult:
    record = {"id": request.reference, "at": timezone.now().isoformat(), "first": request.volunteer,
              "then": request.supporter, "caller_id": request.caller_id}
    line = (json.dumps(record, separators=(",", ":")) + "\n").encode("utf-8")
    path = outbox_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
    except OSError as exc:
        return failure(f"outbox: {exc.strerror or exc}", request)
    return BridgeResult(ok=True, provider_call_id=f"file:{request.reference}")
