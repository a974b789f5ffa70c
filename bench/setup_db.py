"""Bench fixtures that are not published numbers: the confirmation SMS templates a real deployment has (so the
worker's SMS path is measured too) and the UP demo areas + DoT number series (so new supporters get a state
guess and call-backs an area, as in production).

Run with the bench's SAMPARK_DATA_DIR / DATABASE_URL in the environment. Prints what it loaded.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

import django  # noqa: E402

django.setup()

from sampark.web.demo import load_confirmation_templates  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
AREAS_CSV = ROOT / "sampark" / "geo" / "data" / "up_demo_areas.csv"
SERIES_CSV = ROOT.parent / "shared" / "data" / "telecom_series.csv"

def main() -> None:
    load_confirmation_templates()  # the same templates the demo loads
    loaded = ["sms templates"]
    try:
        from sampark.geo import services as geo
    except ImportError:
        geo = None
    if geo is not None and AREAS_CSV.exists():
        report = geo.import_areas(geo.read_csv(AREAS_CSV.read_bytes(), geo.AREA_COLUMNS))
        loaded.append(f"areas ({getattr(report, 'created', '?')} created)")
    if geo is not None and SERIES_CSV.exists():
        report = geo.import_series(geo.read_csv(SERIES_CSV.read_bytes(), geo.SERIES_COLUMNS))
        loaded.append(f"number series ({report.imported})")
    print("setup_db: loaded " + ", ".join(loaded), file=sys.stderr)


if __name__ == "__main__":
    main()
