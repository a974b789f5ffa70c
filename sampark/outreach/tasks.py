from django_tasks import task

from sampark.outreach import services


@task()
def deliver_sms() -> int:
    """Drain due SMS in chunks; enqueued after every intake batch that queued messages."""
    total = 0
    while sent := services.deliver_due():
        total += sent
    return total
