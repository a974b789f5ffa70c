"""Development and demo backend: every SMS becomes one JSON line in ``<SMS_OUTBOX_DIR>/sms.jsonl``.

Several workers may send at once, so each line is written with a single ``os.write`` on a descriptor opened with
O_APPEND: the kernel then places every line whole at the end of the file, never interleaved with another.
The file holds recipients' numbers in clear, so it is created readable by its owner only.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .base import SendResult, SmsToSend, failure

FILENAME = "sms.jsonl"


def outbox_path() -> Path:
    return Path(settings.SMS_OUTBOX_DIR) / FILENAME


def send(msg: SmsToSend) -> SendResult:
    record = {
        "id": msg.public_id,
        "at": timezone.now().isoformat(),
        "to": msg.to,
        "header": msg.header,
        "category": msg.category,
        "entity_id": msg.entity_id,
        "template_id": msg.template_id,
        "body": msg.body,
    }
    line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    path = outbox_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            written = os.write(fd, line)
        finally:
            os.close(fd)
    except OSError as exc:
        return failure(f"outbox: {exc.strerror or exc}", retryable=True)
    if written != len(line):  # only when the disk fills mid-line
        return failure(f"outbox: short write ({written} of {len(line)} bytes)", retryable=True)
    return SendResult(ok=True, provider_message_id=f"file:{msg.public_id}")
