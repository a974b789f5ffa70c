from django.db import models


class DailyFigure(models.Model):
    """Per-day rollups for the staff dashboard (docs/dashboard.md): joins, call-back calls made and reached, SMS
    sent and failed, per area and day (India time), so the dashboard never counts over the big tables.

    Kept by sampark.web.dashboard.rollup, which adds the rows written since its last mark, set-based, a chunk of
    ids at a time. ``area_key`` is the area's id at roll-up time, 0 for none.
    """

    class Name(models.TextChoices):
        JOINS = "joins"
        CALLS = "calls"  # call-back attempts made
        REACHED = "reached"  # attempts whose outcome was "reached"
        SMS_SENT = "sms_sent"
        SMS_FAILED = "sms_failed"

    area_key = models.BigIntegerField()
    day = models.DateField()
    name = models.CharField(max_length=16, choices=Name.choices)
    value = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            # the roll-up's upsert (ON CONFLICT) and the dashboard's reads per area, figure and day
            models.UniqueConstraint(fields=["area_key", "name", "day"], name="daily_figure_once"),
        ]
