from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    COUNTRY = "country", _("Country")
    STATE = "state", _("State")
    DIVISION = "division", _("Division")
    DISTRICT = "district", _("District")
    ASSEMBLY = "assembly", _("Assembly constituency")
    SECTOR = "sector", _("Sector")
    BOOTH = "booth", _("Polling booth")


LEVEL_ORDER = [choice.value for choice in Level]


class Area(models.Model):
    """A node of the country > state > division > district > assembly > sector > booth tree.

    ``code`` is the external code (ECI/LGD based, see docs/geography.md); ``path`` is the dot-joined codes from
    the root, so "everything inside UP-LKO" is one indexed prefix match.
    """

    code = models.CharField(max_length=40, unique=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    level = models.CharField(max_length=16, choices=Level.choices)
    name_en = models.CharField(max_length=120)
    name_hi = models.CharField(max_length=120)
    path = models.CharField(max_length=255, unique=True)  # unique index also serves prefix (scoping) lookups

    class Meta:
        indexes = [
            # the profile page's "districts of this state" / "assemblies of this district" pickers
            models.Index(fields=["parent", "level", "name_en"], name="area_children"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def name(self) -> str:
        return self.name_hi if (get_language() or "hi").startswith("hi") else self.name_en

    def is_within(self, other: "Area") -> bool:
        return self.path == other.path or self.path.startswith(other.path + ".")


class NumberSeries(models.Model):
    """Mobile number series (first four digits) → telecom circle, from the DoT's published table."""

    prefix = models.CharField(max_length=5, primary_key=True)
    operator = models.CharField(max_length=60)
    circle_code = models.CharField(max_length=4)
    circle = models.CharField(max_length=80)
