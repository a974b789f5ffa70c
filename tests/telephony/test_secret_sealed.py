"""Webhook secrets are encrypted at rest like phone numbers; providers see no change."""

import os
import sqlite3
import subprocess
import sys

import pytest
from django.db import connection

from sampark.core import pii
from sampark.telephony import numbers
from sampark.telephony.models import PublishedNumber
from sampark.telephony.services import add_number

SECRET = "twilio-auth-token-0123456789abcdef"


def raw_secret(number_id: int) -> bytes:
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM telephony_publishednumber WHERE id = %s", [number_id])
        return bytes(cursor.fetchone()[0])


@pytest.mark.django_db
def test_stored_encrypted_read_in_clear():
    number = add_number(provider="twilio", slug="main", number="+911140000000", secret=SECRET)
    stored = raw_secret(number.id)
    assert SECRET.encode() not in stored and stored[0] == pii.KEY_ID
    assert pii.unseal(stored) == SECRET
    assert PublishedNumber.objects.get().secret == SECRET
    assert numbers.lookup("twilio", "main").secret == SECRET
    # every write seals again with a new nonce: two equal secrets do not show as equal in the table
    other = add_number(provider="twilio", slug="other", number="+911140000001", secret=SECRET)
    assert raw_secret(other.id) != stored


@pytest.mark.django_db
def test_a_phone_number_ciphertext_does_not_open_as_a_secret():
    with pytest.raises(Exception):  # noqa: B017 - cryptography's InvalidTag: another key and another label
        pii.unseal(pii.encrypt(SECRET))


def test_the_migration_encrypts_existing_secrets_and_reverses(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SAMPARK_DATA_DIR"] = str(tmp_path)

    def sampark(*args):
        return subprocess.run([sys.executable, "-m", "sampark.cli", *args], env=env, capture_output=True,
                              text=True, timeout=120, check=True).stdout

    def stored():
        with sqlite3.connect(tmp_path / "sampark.sqlite3") as db:
            return db.execute("SELECT secret FROM telephony_publishednumber").fetchone()[0]

    sampark("migrate", "telephony", "0005", "--verbosity", "0")
    with sqlite3.connect(tmp_path / "sampark.sqlite3") as db:
        db.execute("INSERT INTO telephony_publishednumber (provider, slug, number, secret, ip_allowlist, active,"
                   " created_at) VALUES ('plivo', 'main', '+911140000000', ?, '', 1, '2026-12-01 00:00:00')",
                   [SECRET])
    sampark("migrate", "telephony", "--verbosity", "0")
    assert isinstance(stored(), bytes) and SECRET.encode() not in stored()
    shown = sampark("shell", "-c", "from sampark.telephony.models import PublishedNumber as P;"
                    " print(P.objects.get().secret)")
    assert shown.strip().splitlines()[-1] == SECRET

    sampark("migrate", "telephony", "0005", "--verbosity", "0")
    assert stored() == SECRET
