"""A real crash: `sampark supporters import` killed (SIGKILL) mid-file, then the same command again. The result is
that of an import that never stopped: every row counted once, the report complete, nothing written twice."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SAMPARK = [sys.executable, "-m", "sampark.cli"] if not (ROOT / ".venv/bin/sampark").exists() else [
    str(ROOT / ".venv/bin/sampark")]
AREAS = ROOT / "sampark/geo/data/up_demo_areas.csv"
ROWS = 30_000


def write_file(path: Path) -> tuple[int, int, int]:
    """ROWS rows: every 50th a bad phone, every 20th (otherwise) a number met 50 new numbers earlier."""
    new = merged = rejected = 0
    numbers = []
    with path.open("w", encoding="utf-8") as out:
        out.write("phone,name,area_code\n")
        for n in range(ROWS):
            if n % 50 == 7:
                out.write(f"12{n},Bad,UP-LKO\n")
                rejected += 1
            elif n % 20 == 3 and len(numbers) > 50:
                out.write(f"{numbers[-50]},Again,UP-LKO\n")
                merged += 1
            else:
                numbers.append(9_700_000_000 + n)
                out.write(f"{numbers[-1]},Name {n},UP-LKO\n")
                new += 1
    return new, merged, rejected


@pytest.fixture
def env(tmp_path):
    data = tmp_path / "data"
    environment = {**os.environ, "SAMPARK_DATA_DIR": str(data)}
    environment.pop("DATABASE_URL", None)  # a SQLite file of its own, which this test can read as it goes
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([*SAMPARK, "migrate", "-v0"], env=environment, check=True)
    subprocess.run([*SAMPARK, "geo", "import", str(AREAS)], env=environment, check=True, capture_output=True)
    return environment, data / "sampark.sqlite3"


def query(database: Path, sql: str):
    with sqlite3.connect(database, timeout=30) as db:
        return db.execute(sql).fetchone()


def test_killed_import_resumes_and_counts_each_row_once(env, tmp_path):
    environment, database = env
    path = tmp_path / "list.csv"
    new, merged, rejected = write_file(path)
    command = [*SAMPARK, "supporters", "import", str(path), "--source", "kill test", "--callback"]
    child = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            row = query(database, "SELECT last_line FROM supporters_importjob")
        except sqlite3.OperationalError:  # locked for a moment by the import's own write
            row = None
        if row and row[0] > 0:
            break
        assert child.poll() is None, child.communicate()
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    stopped_at = query(database, "SELECT last_line FROM supporters_importjob")[0]
    assert 0 < stopped_at < ROWS + 1, "the import was not stopped part-way"
    assert query(database, "SELECT status FROM supporters_importjob")[0] == "running"

    again = subprocess.run(command, env=environment, capture_output=True, text=True, check=True)
    assert "continuing the unfinished import of this file" in again.stderr
    assert again.stdout == f"imported {new}, merged {merged}, rejected {rejected}\n"
    assert query(database, "SELECT count(*) FROM supporters_supporter")[0] == new
    assert query(database, "SELECT count(*) FROM supporters_consent WHERE channel = 'import'")[0] == new
    assert query(database, "SELECT count(*) FROM supporters_callback")[0] == new
    assert query(database, "SELECT count(*), count(DISTINCT line) FROM supporters_importrejection") == (
        rejected, rejected)
    assert query(database, "SELECT count(*) FROM core_auditentry WHERE action = 'import'")[0] == 1
    report = (tmp_path / "list.csv.rejected.csv").read_text().splitlines()
    assert len(report) == rejected + 1
