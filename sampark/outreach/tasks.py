from django_tasks import task

from sampark.outreach import services

# One task sends for at most this long, then hands the rest to a new task: a worker that is asked to stop
# finishes its current task first, and draining a backlog of 150,000 messages had held `sampark serve`'s
# shutdown until it killed the worker.
TASK_SECONDS = 5.0


@task()
def deliver_sms() -> int:
    """Send due SMS; enqueued after every intake batch that queued messages."""
    sent, drained = services.deliver_all(budget_seconds=TASK_SECONDS)
    if not drained:
        deliver_sms.enqueue()
    return sent
