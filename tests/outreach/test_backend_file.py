import json
import multiprocessing
import os
import stat
from datetime import datetime

import pytest

from sampark.outreach.backends import file as file_backend
from sampark.outreach.backends import get_backend
from sampark.outreach.backends.base import SendResult, SmsToSend

HINDI = "प्रिय सीमा, संपर्क में आपका स्वागत है। आपका लिंक: https://s.example/p/Ab12"


def message(public_id="pub000000001", to="+910000000001", body="Hello from Sampark", **kw):
    fields = dict(
        public_id=public_id,
        to=to,
        body=body,
        template_id="1107160000000000001",
        header="SAMPRK",
        category="service_implicit",
        entity_id="1101600000000000001",
    )
    fields.update(kw)
    return SmsToSend(**fields)


@pytest.fixture
def outbox(settings, tmp_path):
    settings.SMS_OUTBOX_DIR = tmp_path / "missing" / "outbox"  # does not exist yet
    return settings.SMS_OUTBOX_DIR / "sms.jsonl"


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_writes_one_json_line_with_the_documented_keys(outbox):
    result = file_backend.send(message())
    assert result == SendResult(ok=True, provider_message_id="file:pub000000001")
    [record] = lines(outbox)
    assert set(record) == {"id", "at", "to", "body", "template_id", "header", "category", "entity_id"}
    assert record["to"] == "+910000000001"
    assert record["body"] == "Hello from Sampark"
    assert record["template_id"] == "1107160000000000001"
    assert record["header"] == "SAMPRK"
    assert record["category"] == "service_implicit"
    assert record["entity_id"] == "1101600000000000001"
    assert record["id"] == "pub000000001"
    assert datetime.fromisoformat(record["at"]).tzinfo is not None


def test_appends(outbox):
    file_backend.send(message("pub000000001"))
    file_backend.send(message("pub000000002", to="+910000000002"))
    assert [r["id"] for r in lines(outbox)] == ["pub000000001", "pub000000002"]


def test_hindi_is_written_as_utf8_not_escaped(outbox):
    file_backend.send(message(body=HINDI))
    raw = outbox.read_bytes()
    assert HINDI.encode("utf-8") in raw
    assert b"\\u" not in raw
    assert lines(outbox)[0]["body"] == HINDI


def test_newlines_in_the_body_stay_inside_one_line(outbox):
    file_backend.send(message(body="line one\nline two"))
    assert len(outbox.read_bytes().splitlines()) == 1
    assert lines(outbox)[0]["body"] == "line one\nline two"


def test_outbox_is_private(outbox):
    file_backend.send(message())
    assert stat.S_IMODE(os.stat(outbox).st_mode) & 0o077 == 0


def test_unwritable_outbox_is_a_retryable_failure(settings, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    settings.SMS_OUTBOX_DIR = blocker / "outbox"
    result = file_backend.send(message())
    assert result.ok is False
    assert result.retryable is True
    assert "+910000000001" not in result.error


def _append_many(worker, count, body):
    for i in range(count):
        file_backend.send(message(public_id=f"w{worker:02d}n{i:05d}", body=body))


def test_several_processes_appending_at_once_never_interleave(outbox):
    # Lines longer than PIPE_BUF (4 KiB) and many writers: without O_APPEND + one write() per line, lines would
    # tear or overwrite each other.
    body = "क" * 3000  # 9000 bytes of UTF-8
    workers, per_worker = 6, 60
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_append_many, args=(w, per_worker, body)) for w in range(workers)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    records = lines(outbox)
    assert len(records) == workers * per_worker
    assert {r["id"] for r in records} == {f"w{w:02d}n{i:05d}" for w in range(workers) for i in range(per_worker)}
    assert all(r["body"] == body for r in records)


def test_get_backend_defaults_to_the_setting(settings):
    settings.SMS_BACKEND = "file"
    assert get_backend() is file_backend
    settings.SMS_BACKEND = "exotel"
    assert get_backend().__name__ == "sampark.outreach.backends.exotel"
    assert get_backend("msg91").__name__ == "sampark.outreach.backends.msg91"


def test_get_backend_rejects_unknown_names():
    with pytest.raises(ValueError, match="unknown SMS backend 'twilio'"):
        get_backend("twilio")
    with pytest.raises(ValueError):
        get_backend("base")
