"""Supporter records at scale on PostgreSQL: the staff list page, phone lookup, and the CSV export.

    python bench/supporters_records.py [--count 1000000] [--database sampark_records_bench] [--repeat 40]

1. A PostgreSQL database of its own (created when missing), migrated, the UP demo areas loaded, and
   ``sampark supporters seed`` up to ``--count`` supporters (only what is missing: a second run reuses them). The
   data folder (its PII key: the seeded numbers' blind indexes depend on it) is ``bench/.records-data-<db>``.
2. In this process, Django's test client signed in (force_login) as a district coordinator (the demo's largest
   district) and a national coordinator, each request going through every middleware and the template:
   - list page p50/p95: the first page (with its count: exact up to 1,000, else the planner's estimate), a page
     deep in the list (a cursor 10 pages in), and the first page filtered by stage, by tag, by name prefix;
   - phone lookup: normalise + blind index + the scoped query (as the list search and the lookup API do), on
     numbers written four ways, and the same through ``GET /api/v1/supporters/lookup`` with a bearer token;
   - export: ``/staff/supporters/export.csv`` streamed to the end for the newest ~100,000 supporters
     (``joined_from`` chosen so that at least 100,000 match), rows/s; and for each ``--export-area CODE``.
     The seed spreads join dates at random over a year, unlike real ids (which grow with time), so a
     ``joined_from`` export reads the whole table newest first: a worst case.

Prints a table; the machine is whatever runs it: say which, and what else ran on it.
"""

import argparse
import logging
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
SAMPARK = str(ROOT / ".venv" / "bin" / "sampark")
AREAS = ROOT / "sampark" / "geo" / "data" / "up_demo_areas.csv"
SEED_BASE = 9_010_000_000  # sampark.supporters.imports.seed: +91 90100 00000 upwards


def prepare(database: str, count: int, env: dict) -> None:
    exists = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc",
                             f"select 1 from pg_database where datname = '{database}'"],
                            capture_output=True, text=True).stdout.strip()
    if not exists:
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    subprocess.run([SAMPARK, "migrate", "-v0"], env=env, check=True)
    have = int(subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", database, "-Atc",
                               "select count(*) from supporters_supporter"], capture_output=True,
                              text=True).stdout.strip() or 0)
    if have == 0:
        subprocess.run([SAMPARK, "geo", "import", str(AREAS)], env=env, check=True)
    if have < count:
        started = time.perf_counter()
        subprocess.run([SAMPARK, "supporters", "seed", "--count", str(count - have)], env=env, check=True)
        print(f"seeded {count - have:,} in {time.perf_counter() - started:.0f} s", flush=True)
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", database, "-qc", "VACUUM ANALYZE"], check=True)


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm: the first request compiles templates and fills caches
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--database", default="sampark_records_bench")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--export-rows", type=int, default=100_000)
    parser.add_argument("--export-area", action="append", default=[],
                        help="also export this area's subtree (read area by area through its index)")
    args = parser.parse_args()
    data = ROOT / "bench" / f".records-data-{args.database}"
    data.mkdir(exist_ok=True)
    env = {**os.environ, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
           "SAMPARK_DATA_DIR": str(data)}
    prepare(args.database, args.count, env)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    logging.getLogger("axes").setLevel(logging.WARNING)
    logging.getLogger("django.request").setLevel(logging.ERROR)  # lookups outside the district: 404s
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from sampark.accounts.models import ApiToken, Role, RoleAssignment
    from sampark.core import pii
    from sampark.core.phones import normalise
    from sampark.geo.models import Area
    from sampark.supporters.models import Supporter, Tag

    def staff(username, role, area):
        user, _ = get_user_model().objects.get_or_create(username=username)
        RoleAssignment.objects.get_or_create(user=user, role=role, area=area)
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        return user, client

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM supporters_supporter")
        total = cursor.fetchone()[0]
        cursor.execute(
            "SELECT d.code, count(*) FROM supporters_supporter s JOIN geo_area a ON a.id = s.area_id "
            "JOIN geo_area d ON d.level = 'district' AND (a.path = d.path OR a.path LIKE d.path || '.%%') "
            "GROUP BY d.code ORDER BY 2 DESC LIMIT 1")
        district_code, district_rows = cursor.fetchone()
    district = Area.objects.get(code=district_code)
    root = Area.objects.get(parent=None, code="IN") if Area.objects.filter(code="IN").exists() else \
        Area.objects.filter(parent=None).first()
    print(f"PostgreSQL, {total:,} supporters; district {district_code} holds {district_rows:,}", flush=True)
    tag = Tag.objects.order_by("id").values_list("name", flat=True).first() or "none"
    name = Supporter.objects.exclude(name="").order_by("-id").values_list("name", flat=True).first() or "R"
    prefix = name[:2]

    rows = []

    def measure(label, user, client):
        def get(params):
            response = client.get("/staff/supporters/", params)
            assert response.status_code == 200, response.status_code
            return response

        cursor_value = None
        params = {}
        for _ in range(10):
            found = re.search(r'cursor=([^"&]+)" rel="next"', get(params).content.decode())
            cursor_value = unquote(found.group(1).replace("&amp;", "&"))
            params = {"cursor": cursor_value}
        for what, query in (("first page (with count)", {}), ("10 pages in", {"cursor": cursor_value}),
                            ("stage=volunteer", {"stage": "volunteer"}), (f"tag={tag}", {"tag": tag}),
                            (f"name prefix '{prefix}'", {"q": prefix})):
            rows.append((f"list, {label}: {what}", percentiles(timed(lambda q=query: get(q), args.repeat))))

        rng = random.Random(7)

        def lookup():
            digits = str(SEED_BASE + rng.randrange(min(total, args.count)))
            written = rng.choice([f"+91 {digits[:5]} {digits[5:]}", f"0{digits}", f"91{digits}", digits])
            normalise.cache_clear()
            index = pii.blind_index(normalise(written).e164)
            assert Supporter.objects.visible_to(user).filter(phone_index=index).only("id").first() is not None \
                or label == "district"
        rows.append((f"phone lookup (service), {label}", percentiles(timed(lookup, args.repeat * 5))))

        token = f"bench-{label}-token-0123456789abcdef0123456789"
        ApiToken.objects.get_or_create(user=user, digest=ApiToken.digest_of(token))

        def api_lookup():
            digits = str(SEED_BASE + rng.randrange(min(total, args.count)))
            response = client.get("/api/v1/supporters/lookup", {"phone": digits},
                                  HTTP_AUTHORIZATION=f"Bearer {token}")
            assert response.status_code in (200, 404)
        rows.append((f"phone lookup (GET /api/v1/supporters/lookup), {label}",
                     percentiles(timed(api_lookup, args.repeat * 2))))

    for label, (user, client) in (("district", staff("bench-district", Role.COORDINATOR, district)),
                                  ("national", staff("bench-national", Role.COORDINATOR, root))):
        measure(label, user, client)

    # export: the newest >= export_rows supporters, nationally
    _, national = staff("bench-national", Role.COORDINATOR, root)
    with connection.cursor() as cursor:
        cursor.execute("SELECT created_at FROM supporters_supporter WHERE merged_into_id IS NULL "
                       "ORDER BY created_at DESC OFFSET %s LIMIT 1", [args.export_rows])
        found = cursor.fetchone()
    from django.utils import timezone

    since = timezone.localtime(found[0]).date().isoformat() if found else "2000-01-01"
    started = time.perf_counter()
    response = national.get("/staff/supporters/export.csv", {"joined_from": since})
    lines = 0
    size = 0
    for chunk in response.streaming_content:
        lines += chunk.count(b"\n")
        size += len(chunk)
    took = time.perf_counter() - started
    rows.append((f"export joined_from={since}: {lines - 1:,} rows, {size / 1e6:.1f} MB",
                 f"{took:.2f} s ({(lines - 1) / took:,.0f} rows/s)"))

    for code in args.export_area:
        started = time.perf_counter()
        response = national.get("/staff/supporters/export.csv", {"area": code})
        lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
        took = time.perf_counter() - started
        rows.append((f"export area={code}: {lines - 1:,} rows", f"{took:.2f} s ({(lines - 1) / took:,.0f} rows/s)"))

    width = max(len(r[0]) for r in rows)
    for what, figure in rows:
        print(f"{what:<{width}}  {figure}")


if __name__ == "__main__":
    main()
