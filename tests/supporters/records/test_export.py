"""CSV export: streamed, masked by default, full numbers only for export_full with a purpose, always audited,
formula cells neutralised, UTF-8 with BOM."""

import csv
import io
import secrets

import pytest
from django.contrib.auth import get_user_model
from django.http import StreamingHttpResponse
from django.utils import timezone

from sampark.accounts.models import ApiToken, Role
from sampark.core.models import AuditEntry
from sampark.supporters.models import Supporter
from sampark.supporters.records import export
from tests.conftest import login_verified
from tests.supporters.factories import make_supporter


def read(response):
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_masked_export_of_the_filtered_list_is_audited(client, areas, lko_coordinator):
    make_supporter("+919876500001", area=areas["UP-AC-170"], name="आशा")
    make_supporter("+919876500002", area=areas["UP-AC-171"])
    make_supporter("+919876500003", area=areas["UP-AGR"])
    client.force_login(lko_coordinator)
    rows = read(client.get("/staff/supporters/export.csv", {"area": "UP-AC-170"}))
    assert rows[0] == export.HEADER
    assert len(rows) == 2
    assert rows[1][1] == "'+91 98XXXXXX01" and rows[1][2] == "आशा"
    joined = Supporter.objects.get(name="आशा").created_at
    assert rows[1][9] == timezone.localtime(joined).strftime("%Y-%m-%dT%H:%M:%S")  # India's time, as on the pages
    entry = AuditEntry.objects.get(action="export")
    assert entry.actor == lko_coordinator
    assert entry.detail == {"filters": {"area": "UP-AC-170"}, "rows": 1, "numbers": "masked"}


def test_export_never_leaves_scope(client, areas, lko_coordinator):
    make_supporter("+919876500003", area=areas["UP-AGR"])
    mine = make_supporter("+919876500001", area=areas["UP-LKO"])
    client.force_login(lko_coordinator)
    rows = read(client.get("/staff/supporters/export.csv"))
    assert [r[0] for r in rows[1:]] == [mine.public_id]


def test_formula_cells_are_neutralised(client, areas, lko_coordinator):
    for n, name in enumerate(["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rcr", "safe"]):
        make_supporter(f"+9198765000{n:02d}", area=areas["UP-LKO"], name=name)
    client.force_login(lko_coordinator)
    names = [r[2] for r in read(client.get("/staff/supporters/export.csv"))[1:]]
    assert all(name.startswith("'") for name in names if name != "safe")
    assert "safe" in names


def test_full_numbers_need_the_permission_and_a_purpose(client, areas, lko_coordinator, make_staff):
    make_supporter("+919876500001", area=areas["UP-LKO"])
    client.force_login(lko_coordinator)
    assert client.get("/staff/supporters/export.csv", {"full": "1", "purpose": "x"}).status_code == 403
    dpo = make_staff("dpo", Role.DPO, areas["IN"])
    login_verified(client, dpo)
    assert client.get("/staff/supporters/export.csv", {"full": "1"}).status_code == 400
    assert not AuditEntry.objects.filter(action="export").exists()
    rows = read(client.get("/staff/supporters/export.csv", {"full": "1", "purpose": "rights request 17"}))
    assert rows[1][1] == "'+919876500001"
    entry = AuditEntry.objects.get(action="export")
    assert entry.detail["numbers"] == "full" and entry.detail["purpose"] == "rights request 17"
    assert entry.detail["rows"] == 1


def test_export_streams_in_chunks(client, areas, lko_coordinator, monkeypatch):
    monkeypatch.setattr(export, "CHUNK", 2)
    made = [make_supporter(f"+9198765000{n:02d}", area=areas["UP-LKO"]).public_id for n in range(5)]
    client.force_login(lko_coordinator)
    rows = read(client.get("/staff/supporters/export.csv"))
    assert [r[0] for r in rows[1:]] == list(reversed(made))


def test_volunteer_cannot_export(client, areas, make_staff):
    client.force_login(make_staff("vol", Role.VOLUNTEER, areas["UP-LKO"]))
    assert client.get("/staff/supporters/export.csv").status_code == 403


@pytest.fixture
def token_for(db):
    def make(user):
        token = secrets.token_urlsafe(32)
        ApiToken.objects.create(user=user, digest=ApiToken.digest_of(token))
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    return make


def test_api_export_with_filters(client, areas, lko_coordinator, token_for):
    make_supporter("+919876500001", area=areas["UP-LKO"], language="en")
    make_supporter("+919876500002", area=areas["UP-LKO"])
    headers = token_for(lko_coordinator)
    response = client.get("/api/v1/supporters/export.csv", {"language": "en"}, **headers)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert len(read(response)) == 2
    refused = client.get("/api/v1/supporters/export.csv", {"full": "true", "purpose": "x"}, **headers)
    assert refused.status_code == 403 and refused.json()["field"] == "full"
    assert client.get("/api/v1/supporters/export.csv", {"area": "UP-AGR"}, **headers).json()["field"] == "area"
    assert AuditEntry.objects.filter(action="export").count() == 1


def test_superuser_full_export_needs_purpose_over_api(client, areas, token_for):
    admin = get_user_model().objects.create_superuser("root", password=None)
    make_supporter("+919876500001", area=areas["UP-LKO"])
    response = client.get("/api/v1/supporters/export.csv", {"full": "true"}, **token_for(admin))
    assert response.status_code == 400 and response.json()["field"] == "purpose"


def test_area_export_reads_every_area_of_the_subtree_once(client, areas, lko_coordinator, monkeypatch):
    monkeypatch.setattr(export, "CHUNK", 2)
    made = {make_supporter(f"+9198765000{n:02d}", area=areas[code]).public_id
            for n, code in enumerate(["UP-LKO", "UP-AC-170", "UP-AC-171", "UP-AC-170", "UP-LKO", "UP-AC-173"])}
    make_supporter("+919876500099", area=areas["UP-AGR"])
    client.force_login(lko_coordinator)
    rows = read(client.get("/staff/supporters/export.csv", {"area": "UP-LKO"}))
    exported = [r[0] for r in rows[1:]]
    assert sorted(exported) == sorted(made)
    assert AuditEntry.objects.get(action="export").detail["rows"] == 6
