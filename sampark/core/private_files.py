"""Everything Sampark writes under its data folder is readable by its own user only.

The folder holds the SQLite file (every supporter's encrypted number, and its blind index), the generated keys,
the SMS outbox (numbers in clear) and uploaded report screenshots. They had been created world-readable (0644)
by the default umask. A umask of 077, set when settings load (so in every process: serve, granian's workers,
the workers, management commands), covers every file at once, including the ones other code creates: SQLite's
-wal and -shm files, Django's uploads, the outbox, the keys.
"""

import os
from pathlib import Path

PRIVATE_UMASK = 0o077
# What marks a folder as Sampark's own, so an existing one is tightened (a folder made by an older version):
# never chmod a folder the operator pointed us at for other reasons (a home directory, /tmp).
OURS = ("secret_key", "pii_key", "sampark.sqlite3")


def make_private(data_dir: Path) -> None:
    os.umask(PRIVATE_UMASK)
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if data_dir.stat().st_uid != os.getuid() or not any((data_dir / name).exists() for name in OURS):
        return
    for path in (data_dir, data_dir / "media", data_dir / "outbox"):
        _tighten(path, 0o700)
    for path in data_dir.glob("sampark.sqlite3*"):
        _tighten(path, 0o600)
    for name in OURS[:2]:
        _tighten(data_dir / name, 0o600)


def _tighten(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(mode)
    except (FileNotFoundError, PermissionError):
        pass
