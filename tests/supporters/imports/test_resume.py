"""A crashed import continues where it stopped: the same command again, same totals, nothing counted twice."""

import io

import pytest
from django.core.management import call_command

from sampark.core.models import AuditEntry
from sampark.supporters.imports import services
from sampark.supporters.imports.models import ImportJob
from sampark.supporters.models import Consent, Supporter

ROWS = 23  # 20 numbers, 3 of them twice; every 7th row a bad phone


def make_file(path) -> None:
    lines = ["phone,name"]
    for n in range(ROWS):
        lines.append("123" if n % 7 == 3 else f"98765{n % 20:05d},Name {n}")
    path.write_text("\n".join(lines) + "\n")


def run(path) -> str:
    out = io.StringIO()
    call_command("supporters", "import", str(path), "--source", "t", stdout=out, stderr=io.StringIO())
    return out.getvalue()


class Crash(Exception):
    pass


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(services, "CHUNK", 5)


def crash_after(chunks: int, monkeypatch):
    """The process dies after ``chunks`` committed chunks (as a kill between two transactions would leave it)."""
    real_run, seen = services.run, []

    def after_chunk(job):
        seen.append(job.last_line)
        if len(seen) == chunks:
            raise Crash

    monkeypatch.setattr(services, "run", lambda job, **kw: real_run(job, after_chunk=after_chunk, chunk_size=5))
    return real_run


def test_interrupted_import_resumes_with_the_same_totals(areas, tmp_path, small_chunks, monkeypatch):
    path = tmp_path / "list.csv"
    make_file(path)
    real_run = crash_after(2, monkeypatch)
    with pytest.raises(Crash):
        run(path)
    job = ImportJob.objects.get()
    assert (job.status, job.last_line, job.processed) == (ImportJob.Status.RUNNING, 11, 10)
    assert not AuditEntry.objects.filter(action="import").exists()
    monkeypatch.setattr(services, "run", real_run)
    assert run(path) == "imported 17, merged 3, rejected 3\n"  # as if it had never stopped
    assert Supporter.objects.count() == 17 and Consent.objects.count() == 17
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    assert AuditEntry.objects.filter(action="import").count() == 1


def test_uninterrupted_import_gives_the_same_totals(areas, tmp_path, small_chunks):
    path = tmp_path / "list.csv"
    make_file(path)
    assert run(path) == "imported 17, merged 3, rejected 3\n"


def test_a_crash_inside_a_chunk_rolls_that_chunk_back_whole(areas, tmp_path, small_chunks, monkeypatch):
    path = tmp_path / "list.csv"
    make_file(path)
    real_write, calls = services._write, []

    def failing_write(*args):
        calls.append(1)
        real_write(*args)  # its supporters are written ... then the process dies before the commit
        if len(calls) == 3:
            raise Crash

    monkeypatch.setattr(services, "_write", failing_write)
    with pytest.raises(Crash):
        run(path)
    job = ImportJob.objects.get()
    assert job.last_line == 11 and Supporter.objects.count() == job.imported
    monkeypatch.setattr(services, "_write", real_write)
    assert run(path) == "imported 17, merged 3, rejected 3\n"
    assert Supporter.objects.count() == 17


def test_a_finished_file_imported_again_merges_everyone(areas, tmp_path):
    path = tmp_path / "list.csv"
    make_file(path)
    run(path)
    assert run(path) == "imported 0, merged 20, rejected 3\n"
    assert ImportJob.objects.count() == 2
