"""/staff/supporters/import/: upload → task → progress → counts and the report; permission, scope, size."""

import codecs

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from sampark.accounts.models import Role
from sampark.supporters.imports import tasks
from sampark.supporters.imports.models import ImportJob
from sampark.supporters.models import Callback, Supporter
from tests.conftest import login_verified

URL = "/staff/supporters/import/"
TEXT = ("phone,name,area_code\n9876500001,Ram,UP-LKO\n9876500002,Sita,UP-AC-170\n9876500003,Agra,UP-AGR\n"
        "9876500004,Nowhere,\n9876500001,Ram again,UP-LKO\n")


@pytest.fixture
def lko(areas, make_staff):
    return make_staff("lko-coord", Role.COORDINATOR, areas["UP-LKO"])


def upload(client, content: bytes | str = TEXT, name="list.csv", **fields):
    data = {"source": "Lucknow rally", "tag": "", "callback": "no", **fields,
            "file": SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)}
    return client.post(URL + "?lang=en", data)


def run_task(job: ImportJob) -> ImportJob:
    tasks.run_import.func(job.pk)  # what the task worker does with the enqueued task
    job.refresh_from_db()
    return job


def test_upload_runs_the_import_and_shows_counts(client, lko, settings):
    client.force_login(lko)
    response = upload(client, callback="yes")
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{URL}{job.public_id}/"
    page = client.get(response["Location"] + "?lang=en").content.decode()
    assert 'http-equiv="refresh"' in page and "Waiting to start" in page
    job = run_task(job)
    page = client.get(f"{URL}{job.public_id}/?lang=en").content.decode()
    assert 'http-equiv="refresh"' not in page
    # Agra and a row without an area are outside a Lucknow coordinator's areas: rejected with that reason
    assert (job.imported, job.merged, job.rejected) == (2, 1, 2)
    assert '<dd id="imported">2</dd>' in page and '<dd id="rejected">2</dd>' in page
    report = b"".join(client.get(f"{URL}{job.public_id}/rejected.csv").streaming_content).decode()
    assert report.splitlines() == [
        "line,reason,detail", "4,area_out_of_scope,area_code: UP-AGR is outside your areas",
        '5,area_out_of_scope,"area_code: empty, and you may import only into your areas"']
    assert Callback.objects.filter(status="pending").count() == 2
    assert not list(settings.IMPORT_DIR.iterdir())  # the uploaded file (clear numbers) is gone once imported


def test_utf16_upload(client, lko):
    client.force_login(lko)
    upload(client, codecs.BOM_UTF16_LE + TEXT.replace(",", "\t").encode("utf-16-le"), name="list.txt")
    job = run_task(ImportJob.objects.get())
    assert (job.imported, job.merged, job.rejected) == (2, 1, 2)


def test_without_the_permission_403(client, areas, make_staff):
    volunteer = make_staff("vol", Role.VOLUNTEER, areas["UP-LKO"])
    client.force_login(volunteer)
    assert client.get(URL).status_code == 403
    assert upload(client).status_code == 403
    assert not ImportJob.objects.exists()


def test_another_users_import_is_404_but_a_national_admin_sees_it(client, lko, areas, make_staff):
    client.force_login(lko)
    upload(client)
    job = run_task(ImportJob.objects.get())
    other = make_staff("lko-coord-2", Role.COORDINATOR, areas["UP-LKO"])
    client.force_login(other)
    assert client.get(f"{URL}{job.public_id}/").status_code == 404
    assert client.get(f"{URL}{job.public_id}/rejected.csv").status_code == 404
    admin = make_staff("nat-admin", Role.ADMIN, areas["IN"])
    login_verified(client, admin)
    assert client.get(f"{URL}{job.public_id}/").status_code == 200
    assert client.get(f"{URL}{job.public_id}/rejected.csv").status_code == 200


@override_settings(IMPORT_MAX_BYTES=2048)
def test_a_file_over_the_limit_is_refused_clearly(client, lko):
    client.force_login(lko)
    response = upload(client, "phone\n" + "9876500001\n" * 300)
    assert response.status_code == 413
    assert "The file is larger than 2.0\xa0KB" in response.content.decode()
    assert not ImportJob.objects.exists()
    big = "phone\n" + "9876500001\n" * 20_000  # over the limit by more than the form's own overhead
    assert upload(client, big).status_code == 413


@pytest.mark.parametrize("content, fields, message", [
    ("name\nRam\n", {}, "There is no phone column. The first line has: name."),
    ("", {}, "The submitted file is empty."),
    (TEXT, {"source": ""}, "This field is required."),
    (TEXT, {"source": "=cmd"}, "May not start with = + - or @."),
    (TEXT, {"tag": "@x"}, "May not start with = + - or @."),
])
def test_bad_uploads_name_the_problem(client, lko, content, fields, message):
    client.force_login(lko)
    response = upload(client, content, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportJob.objects.exists() and not Supporter.objects.exists()


def test_hindi_by_default(client, lko):
    client.force_login(lko)
    assert "समर्थक" in client.get(URL).content.decode()


def test_the_same_file_uploaded_after_a_failure_continues_that_import(client, lko, monkeypatch):
    from sampark.supporters.imports import services

    client.force_login(lko)
    upload(client)
    job = ImportJob.objects.get()
    monkeypatch.setattr(services, "CHUNK", 2)

    def crash(_job):
        raise RuntimeError("worker died")

    real_run = services.run
    monkeypatch.setattr(services, "run", lambda j, **kw: real_run(j, after_chunk=crash))
    with pytest.raises(RuntimeError):
        tasks.run_import.func(job.pk)
    job.refresh_from_db()
    assert (job.status, job.last_line) == (ImportJob.Status.FAILED, 3)
    assert "stopped by an error" in client.get(f"{URL}{job.public_id}/?lang=en").content.decode()
    monkeypatch.setattr(services, "run", real_run)
    response = upload(client)
    assert response["Location"] == f"{URL}{job.public_id}/"  # the same import, continued
    job = run_task(ImportJob.objects.get())
    assert (job.imported, job.merged, job.rejected) == (2, 1, 2)
    assert Supporter.objects.count() == 2


def test_a_long_import_hands_the_rest_to_a_new_task(client, lko, monkeypatch):
    """The task worker also sends SMS: one task imports for a bounded time, then enqueues the rest."""
    from django_tasks_db.models import DBTaskResult

    from sampark.supporters.imports import services

    client.force_login(lko)
    upload(client)
    job = ImportJob.objects.get()
    monkeypatch.setattr(services, "CHUNK", 2)
    monkeypatch.setattr(tasks, "TASK_SECONDS", 0.0)  # out of time after every chunk
    queued = DBTaskResult.objects.count()
    assert tasks.run_import.func(job.pk) == "continues after line 3"
    assert DBTaskResult.objects.count() == queued + 1  # the rest, as a new task
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING and job.processed == 2
    while tasks.run_import.func(job.pk).startswith("continues"):
        pass
    job.refresh_from_db()
    assert (job.status, job.imported, job.merged, job.rejected) == (ImportJob.Status.DONE, 2, 1, 2)
