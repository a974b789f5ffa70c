"""The sender's task sends for a few seconds at most and hands the rest to a new task, so a worker asked to stop
is not held until a whole backlog is sent."""

from django_tasks_db.models import DBTaskResult

from sampark.core import pii
from sampark.outreach import services, tasks
from sampark.outreach.models import OutboundSms


def queue(templates, count: int) -> None:
    now = services.timezone.now()
    OutboundSms.objects.bulk_create([OutboundSms(
        public_id=f"task{i:08d}", to_cipher=pii.encrypt(f"+91987652{i:04d}"), template=templates[0],
        body=f"message {i}", variables=[], not_before=now, created_at=now) for i in range(count)])


def test_a_long_backlog_is_handed_on_to_a_new_task(confirmation_templates, monkeypatch):
    queue(confirmation_templates, 250)
    monkeypatch.setattr(tasks, "TASK_SECONDS", 0)  # every chunk is past the budget
    monkeypatch.setattr(services, "SEND_CHUNK", 100)
    assert tasks.deliver_sms.call() == 100
    assert OutboundSms.objects.filter(status="queued").count() == 150
    assert DBTaskResult.objects.filter(status="READY", task_path="sampark.outreach.tasks.deliver_sms").count() == 1


def test_a_drained_queue_ends_the_chain(confirmation_templates):
    queue(confirmation_templates, 30)
    assert tasks.deliver_sms.call() == 30
    assert not OutboundSms.objects.filter(status="queued").exists()
    assert not DBTaskResult.objects.exists()
