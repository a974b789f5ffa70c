"""The import started from the staff page, run by the task worker (`sampark db_worker`, or `sampark serve`)."""

import logging
from pathlib import Path

from django_tasks import task

from sampark.supporters.imports import services
from sampark.supporters.imports.models import ImportJob

log = logging.getLogger(__name__)
# One task imports for at most this long, then hands the rest of the file to a new task (the job resumes after its
# last committed line): the task worker also delivers SMS, which must not wait for a long import, and a worker
# asked to stop finishes its current task first. Each new task reads the file again up to where the job stopped.
TASK_SECONDS = 60.0


@task()
def run_import(job_id: int) -> str:
    """Import an uploaded file; run again after a crash, it continues after the last committed chunk. The
    uploaded file (clear phone numbers) is deleted once the import is done."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or job.status == ImportJob.Status.DONE:
        return "nothing to do"
    try:
        services.run(job, budget_seconds=TASK_SECONDS)
    except services.ImportError_ as exc:
        log.warning("import %s stopped: %s", job.public_id, exc)
        return f"failed: {exc}"
    except Exception as exc:  # noqa: BLE001  the page must say it stopped; the task backend logs the trace
        services._fail(job, f"stopped by an error ({type(exc).__name__}); it can be resumed")
        raise
    if job.status != ImportJob.Status.DONE:
        run_import.enqueue(job.pk)
        return f"continues after line {job.last_line}"
    if services.is_upload(job):
        Path(job.file_path).unlink(missing_ok=True)
    return f"imported {job.imported}, merged {job.merged}, rejected {job.rejected}"
