"""The data folder is 0700 and what Sampark writes in it 0600: the SQLite file and its WAL/SHM, keys, the SMS
outbox, uploaded screenshots. Checked in a fresh process, as an install starts."""

import json
import os
import stat
import subprocess
import sys

SCRIPT = """
import json, os
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from sampark.outreach.backends import file
from sampark.outreach.backends.base import SmsToSend

with connection.cursor() as cursor:  # the connection stays open, so SQLite's -wal and -shm files exist
    cursor.execute("CREATE TABLE scratch (x)")
    saved = default_storage.save("reports/2026/12/shot.png", ContentFile(b"not really a png"))
    file.send(SmsToSend(public_id="p1", to="+919000000001", body="hi", template_id="1", header="H",
                        category="service_implicit", entity_id="1", variables=()))
    modes = {}
    for root, dirs, files in os.walk(settings.DATA_DIR):
        for name in dirs + files:
            path = os.path.join(root, name)
            modes[os.path.relpath(path, settings.DATA_DIR)] = oct(os.stat(path).st_mode & 0o777)
    print(json.dumps({"saved": saved, "modes": modes}))
"""


def run(data_dir, *args):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SAMPARK_DATA_DIR"] = str(data_dir)
    # started with the usual umask, as from a shell: the default that made everything world-readable
    return subprocess.run([sys.executable, "-m", "sampark.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=True, preexec_fn=lambda: os.umask(0o022)).stdout


def test_a_fresh_data_folder_is_private(tmp_path):
    data = tmp_path / "data"
    run(data, "migrate", "--verbosity", "0")
    found = json.loads(run(data, "shell", "-c", SCRIPT).strip().splitlines()[-1])
    modes = found["modes"]
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for name in ("sampark.sqlite3", "sampark.sqlite3-wal", "sampark.sqlite3-shm", "secret_key", "pii_key",
                 "outbox/sms.jsonl", "media/" + found["saved"]):
        assert modes[name] == "0o600", name
    for name in ("outbox", "media", "media/reports", "media/reports/2026/12"):
        assert modes[name] == "0o700", name


def test_an_existing_folder_made_by_an_older_version_is_tightened(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    os.chmod(data, 0o755)  # noqa: S103 - the world-readable folder an older version made
    database = data / "sampark.sqlite3"
    database.touch()
    os.chmod(database, 0o644)
    run(data, "check")
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_a_folder_that_is_not_ours_is_left_alone(tmp_path):
    """SAMPARK_DATA_DIR pointed at a folder holding other things: new files are private, the folder untouched."""
    data = tmp_path / "shared"
    data.mkdir()
    os.chmod(data, 0o755)  # noqa: S103 - the world-readable folder an older version made
    (data / "notes.txt").write_text("someone else's")
    run(data, "check")
    assert stat.S_IMODE(data.stat().st_mode) == 0o755
    assert stat.S_IMODE((data / "secret_key").stat().st_mode) == 0o600
