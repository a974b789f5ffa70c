"""An import of supporters from a CSV file, and the rows it rejected.

The job is the import's memory across a crash: the file's checksum says which file it is, ``last_line`` is the
last line whose chunk committed (with the counts and the rejected rows of every chunk up to it, in the same
transaction), so running the same import again starts after it and counts nothing twice.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sampark.core.ids import public_id


class ImportJob(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Stopped with an error")

    public_id = models.CharField(max_length=12, default=public_id, unique=True)  # the progress page's URL
    checksum = models.CharField(max_length=64)  # SHA-256 of the file: the same file resumes its import
    file_path = models.CharField(max_length=500)  # where the file is read from (uploads: the data folder)
    file_name = models.CharField(max_length=200)  # as the importer named it
    source = models.CharField(max_length=100)  # "imported from <source>"
    tag = models.CharField(max_length=40, blank=True)
    callback = models.BooleanField(default=False)  # put the imported people in their area's call-back queue
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    total_lines = models.BigIntegerField(null=True, blank=True)  # lines in the file, counted when it starts
    last_line = models.BigIntegerField(default=0)  # last line of the last committed chunk
    imported = models.BigIntegerField(default=0)
    merged = models.BigIntegerField(default=0)
    rejected = models.BigIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)  # why it stopped (status failed)
    worker = models.CharField(max_length=100, blank=True)  # "host:pid" of the process running it
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")  # None: the command line
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # a heartbeat: written with every chunk
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            # "is there an unfinished import of this file?" (the command line's resume)
            models.Index(fields=["checksum", "status"], name="import_job_checksum"),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def processed(self) -> int:
        return self.imported + self.merged + self.rejected

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.total_lines:
            return 0
        return min(99, self.last_line * 100 // self.total_lines)


class ImportRejection(models.Model):
    """A row the import left out, and why: the rejected-rows report is written from these."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rejections", db_index=False)
    line = models.BigIntegerField()
    reason = models.CharField(max_length=32)  # a code: phone_invalid, area_unknown, formula, ... (services.REASONS)
    detail = models.CharField(max_length=200)  # the field and the problem, in English

    class Meta:
        indexes = [models.Index(fields=["job", "line"], name="import_rejection_line")]  # the report, in line order
