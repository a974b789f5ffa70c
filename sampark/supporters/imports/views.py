"""/staff/supporters/import/: upload a file → the import runs as a task → a progress page that refreshes itself
(no JavaScript needed) → the counts and the rejected rows' report. Thin: services and the task do the work."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sampark.accounts import permissions
from sampark.supporters.imports import services
from sampark.supporters.imports.forms import UploadForm, file_problem, too_big_message
from sampark.supporters.imports.models import ImportJob

RECENT = 10  # the user's latest imports listed under the form
MULTIPART_OVERHEAD = 64 * 1024  # the form's other fields and the multipart boundaries around the file


def _require_import(user) -> None:
    if not permissions.can(user, permissions.SUPPORTERS_IMPORT):
        raise PermissionDenied


def _job_for(request, public_id: str) -> ImportJob:
    job = ImportJob.objects.filter(public_id=public_id).first()
    if job is None or not services.may_see(request.user, job):
        raise Http404
    return job


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    _require_import(request.user)
    status, problem = 200, None
    if request.method == "POST":
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > settings.IMPORT_MAX_BYTES + MULTIPART_OVERHEAD:  # refused before the body is read
            form, problem, status = UploadForm(), too_big_message(), 413
        else:
            form = UploadForm(request.POST, request.FILES)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    job = services.start_upload(request.user, data["file"], source=data["source"], tag=data["tag"],
                                                callback=data["callback"])
                except services.ImportError_ as exc:
                    form.add_error("file", file_problem(exc))
                else:
                    return redirect("staff-import-progress", public_id=job.public_id)
            status = 413 if any(e.code == "too_big" for e in form.errors.as_data().get("file", [])) else 400
    else:
        form = UploadForm()
    recent = ImportJob.objects.filter(created_by=request.user).order_by("-id")[:RECENT]
    return render(request, "supporters/staff/imports/upload.html",
                  {"form": form, "problem": problem, "recent": recent, "max_bytes": settings.IMPORT_MAX_BYTES},
                  status=status)


@login_required
def progress(request, public_id: str):
    _require_import(request.user)
    job = _job_for(request, public_id)
    return render(request, "supporters/staff/imports/progress.html",
                  {"job": job, "running": job.status in (ImportJob.Status.PENDING, ImportJob.Status.RUNNING)})


@login_required
def report(request, public_id: str):
    _require_import(request.user)
    job = _job_for(request, public_id)
    if job.status != ImportJob.Status.DONE:
        raise Http404

    def lines():
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in services.report_rows(job):
            writer.writerow(row)
            if buffer.tell() > 16_384:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rejected-{job.public_id}.csv"'
    return response
