from django_tasks import task

from sampark.outreach import services


@task()
def deliver_sms() -> int:
    """Drain due SMS; enqueued after every intake batch that queued messages."""
    return services.deliver_all()
