"""The audit log at scale on PostgreSQL: GET /api/v1/audit for a national DPO and a district admin.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> SAMPARK_DATA_DIR=<dir> python bench/audit.py [--rows 1000000]

Needs seeded supporters (``sampark supporters seed``). Adds ``--rows`` "read" audit rows (when fewer are there),
one per supporter in id order spread over 30 days, in one INSERT … SELECT; then times, through Django's test client
with a bearer token, p50/p95 of 20: the first page and the page after it, unfiltered, by subject, by action, for
a national DPO and for the admin of the district with the most supporters (whose rows are found by checking each
row's supporter: docs/audit.md).
"""

import argparse
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from sampark.accounts.models import ApiToken, Role, RoleAssignment
    from sampark.core.models import AuditEntry
    from sampark.geo.models import Area, Level
    from sampark.supporters.models import Supporter

    have = AuditEntry.objects.filter(action="read").count()
    if have < args.rows:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO core_auditentry (at, actor_id, action, subject, detail) "
                "SELECT now() - (interval '30 days') * (1 - s.id::float / m.top), NULL, 'read', "
                "'supporter:' || s.public_id, '{}'::jsonb FROM supporters_supporter s, "
                "(SELECT max(id) AS top FROM supporters_supporter) m ORDER BY s.id LIMIT %s", [args.rows - have])
            cursor.execute("ANALYZE core_auditentry")
    print(f"audit rows: {AuditEntry.objects.count():,}")
    biggest = (Supporter.objects.filter(area__level=Level.DISTRICT).values("area").annotate(n=Count("pk"))
               .order_by("-n").first())
    district = Area.objects.get(pk=biggest["area"])
    subject = AuditEntry.objects.filter(action="read").order_by("-pk").values_list("subject", flat=True)[5000]
    readers = {}
    for name, role, area in (("bench-dpo", Role.DPO, Area.objects.get(parent__isnull=True)),
                             ("bench-admin-district", Role.ADMIN, district)):
        user, _ = get_user_model().objects.get_or_create(username=name, defaults={"is_staff": True})
        RoleAssignment.objects.get_or_create(user=user, role=role, area=area)
        token = secrets.token_urlsafe(32)
        ApiToken.objects.create(user=user, digest=ApiToken.digest_of(token))
        readers[f"{name} ({area.code})"] = {"Authorization": f"Bearer {token}"}
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'who':<36} {'query':<22} {'p50 ms':>8} {'p95 ms':>8}")
    for who, headers in readers.items():
        first = client.get("/api/v1/audit", headers=headers).json()
        cases = {"first page": {}, "second page": {"cursor": first["next"] or ""}, "by subject": {"subject": subject},
                 "by action=read": {"action": "read"}}
        for label, params in cases.items():
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                response = client.get("/api/v1/audit", params, headers=headers)
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.content
            times.sort()
            print(f"{who:<36} {label:<22} {statistics.median(times):>8.1f} "
                  f"{times[max(0, int(len(times) * 0.95) - 1)]:>8.1f}")


if __name__ == "__main__":
    main()
