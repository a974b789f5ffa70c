"""The staff dashboard at scale on PostgreSQL: the roll-up of a backlog, and /staff/ with its figures.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> SAMPARK_DATA_DIR=<dir> python bench/dashboard.py [--repeat 20]

Needs a migrated database with the UP demo areas and seeded supporters (``sampark geo import
sampark/geo/data/up_demo_areas.csv``; ``sampark supporters seed --count 1000000``: joins spread over a year).
1. Empties the rollups and their marks, then times ``rollup.catch_up()`` over every supporter (the worst backlog:
   nothing rolled up yet), and the rows it wrote.
2. /staff/ through Django's test client (every middleware and the template), signed in as a national coordinator
   and as the coordinator of the district with the most supporters: p50/p95 over ``--repeat`` views, and the
   number of SQL statements per view. Nothing is left to roll up, so this is the page's own cost.

Prints a table; the machine is whatever runs it: say which, and what else ran on it.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from sampark.accounts.models import Role, RoleAssignment
    from sampark.core.models import Counter
    from sampark.geo.models import Area, Level
    from sampark.supporters.models import Supporter
    from sampark.web.dashboard import rollup
    from sampark.web.models import DailyFigure

    supporters = Supporter.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    DailyFigure.objects.all().delete()
    Counter.objects.filter(name__startswith="dashboard:").delete()
    start = time.perf_counter()
    rollup.catch_up()
    took = time.perf_counter() - start
    print(f"roll-up of {supporters:,} supporter ids from scratch: {took:.1f} s "
          f"({supporters / took:,.0f} ids/s), {DailyFigure.objects.count():,} rollup rows")

    biggest = (Supporter.objects.filter(area__level=Level.DISTRICT).values("area").annotate(n=Count("pk"))
               .order_by("-n").first())
    district = Area.objects.get(pk=biggest["area"]) if biggest else Area.objects.filter(level=Level.DISTRICT).first()
    users = {}
    for name, role, area in (("bench-national", Role.COORDINATOR, Area.objects.get(parent__isnull=True)),
                             ("bench-district", Role.COORDINATOR, district)):
        user, _ = get_user_model().objects.get_or_create(username=name, defaults={"is_staff": True})
        RoleAssignment.objects.get_or_create(user=user, role=role, area=area)
        users[name] = (user, area)
    print(f"{'who':<34} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for name, (user, area) in users.items():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        client.get("/staff/")  # warm
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get("/staff/")
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        times.sort()
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        print(f"{name + ' (' + area.code + ')':<34} {statistics.median(times):>8.1f} {p95:>8.1f} "
              f"{len(queries.captured_queries):>8}")


if __name__ == "__main__":
    main()
