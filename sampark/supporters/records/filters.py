"""The supporters list's filters, one form for the staff page, the API and the export (NetBox's habit: the same
filter set drives UI and API). ``SupporterFilter(data, user=...)``; ``queryset()`` once valid.

Search (``q``): something that looks like a phone number (mostly digits) is normalised and looked up by blind
index, which also finds the record a merged number now belongs to; anything else is a case-insensitive name
*prefix* ("ram" finds "Ramesh", not "Sitaram"), served by the partial index ``supporter_name_prefix`` (migration
0008) on lower(name) for named supporters only — the intake's nameless rows never enter it.
"""

import re
from datetime import date, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sampark.accounts import permissions
from sampark.core import pii
from sampark.core.phones import MAX_RAW_LENGTH, UnusableNumber, normalise
from sampark.geo.models import LEVEL_ORDER, Area
from sampark.supporters.models import Stage, Supporter, SupporterTag, Tag

YES_NO = [("", _("Any")), ("yes", _("Yes")), ("no", _("No"))]
PHONE_LIKE = re.compile(r"[+\d][\d\s\-().]{5,}")  # a number as people write it; names have letters
MAX_Q = 100
AREA_PICKER_LEVELS = LEVEL_ORDER[: LEVEL_ORDER.index("assembly") + 1]  # booths are typed by code, not listed
AREA_PICKER_MAX = 400
# the query-string names every filter uses, in the page, the API and the export's audit row
FILTER_NAMES = ("area", "source", "stage", "tag", "joined_from", "joined_to", "has_profile", "called_back",
                "language", "q")


def day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def in_paths(path: str, paths: list[str] | None) -> bool:
    return paths is None or any(path == p or path.startswith(p + ".") for p in paths)


def subtree_ids(area: Area):
    return Area.objects.filter(Q(path=area.path) | Q(path__startswith=area.path + ".")).values("id")


class SupporterFilter(forms.Form):
    area = forms.CharField(label=_("Area"), required=False, max_length=40)
    source = forms.IntegerField(label=_("Source number"), required=False, min_value=1, max_value=2**62)
    stage = forms.ChoiceField(label=_("Stage"), required=False, choices=[("", _("Any"))] + list(Stage.choices))
    tag = forms.CharField(label=_("Tag"), required=False, max_length=40)
    joined_from = forms.DateField(label=_("Joined from"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}))
    joined_to = forms.DateField(label=_("Joined until"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    has_profile = forms.ChoiceField(label=_("Has a profile (name or area told)"), required=False, choices=YES_NO)
    called_back = forms.ChoiceField(label=_("Called back"), required=False, choices=YES_NO)
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 choices=[("", _("Any"))] + list(settings.LANGUAGES))
    q = forms.CharField(label=_("Phone number or name"), required=False, max_length=MAX_Q,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}))

    def __init__(self, data=None, *, user, perm: str = permissions.SUPPORTERS_VIEW, **kwargs):
        super().__init__(data, **kwargs)
        self.user, self.perm = user, perm
        self.paths = permissions.scope(user, perm)

    def area_choices(self) -> list[Area]:
        """The area picker: areas inside the user's scope, down to assembly constituencies (booths by code)."""
        query = Area.objects.filter(level__in=AREA_PICKER_LEVELS)
        if self.paths is not None:
            condition = Q(pk__in=[])
            for path in self.paths:
                condition |= Q(path=path) | Q(path__startswith=path + ".")
            query = query.filter(condition)
        return list(query.order_by("path").only("code", "name_en", "name_hi", "path", "level")[:AREA_PICKER_MAX])

    def clean_area(self):
        code = self.cleaned_data["area"].strip()
        if not code:
            return None
        area = Area.objects.filter(code=code).first()
        if area is None:
            raise forms.ValidationError(_("No area has this code."), code="unknown")
        if not in_paths(area.path, self.paths):
            raise forms.ValidationError(_("This area is outside your areas."), code="outside")
        return area

    def clean_tag(self):
        return self.cleaned_data["tag"].strip().lower()

    def clean_q(self):
        return self.cleaned_data["q"].strip()

    def clean(self):
        data = super().clean()
        start, end = data.get("joined_from"), data.get("joined_to")
        if start and end and start > end:
            self.add_error("joined_to", _("The end date is before the start date."))
        q = data.get("q")
        if q and PHONE_LIKE.fullmatch(q):
            if len(q) > MAX_RAW_LENGTH:
                self.add_error("q", _("Too long for a phone number."))
            else:
                try:
                    data["phone_index"] = pii.blind_index(normalise(q).e164)
                except UnusableNumber:
                    self.add_error("q", _("Not a valid phone number."))
        return data

    @property
    def search_kind(self) -> str:
        """"phone", "name" or "" — what the search looked for, shown beside the results."""
        data = getattr(self, "cleaned_data", {})
        return "phone" if data.get("phone_index") else ("name" if data.get("q") else "")

    def active(self) -> dict:
        """The filters in use, by query-string name (for the export's audit row and the page's links)."""
        data = self.cleaned_data
        out = {}
        for name in FILTER_NAMES:
            value = data.get(name)
            if value in (None, ""):
                continue
            if name == "area":
                value = value.code
            elif name == "q" and data.get("phone_index"):
                value = "[phone number]"  # never a number in an audit row
            out[name] = str(value)
        return out

    def queryset(self):
        """Scoped, filtered supporters, newest first (no merged-away records: they live on in their survivor)."""
        data = self.cleaned_data
        qs = Supporter.objects.visible_to(self.user, self.perm)
        if data.get("phone_index"):
            index = data["phone_index"]
            # the number's own record, or the record it was merged into (merged records are not listed)
            return qs.filter(Q(phone_index=index) | Q(pk__in=Supporter.objects.filter(
                phone_index=index, merged_into__isnull=False).values("merged_into_id"))).filter(
                merged_into__isnull=True)
        qs = qs.filter(merged_into__isnull=True)
        if data.get("area"):
            qs = qs.filter(area_id__in=subtree_ids(data["area"]))
        if data.get("source"):
            qs = qs.filter(source_number_id=data["source"])
        if data.get("stage"):
            qs = qs.filter(stage=data["stage"])
        if data.get("tag"):
            tag_ids = Tag.objects.filter(name=data["tag"]).values("id")
            qs = qs.filter(Exists(SupporterTag.objects.filter(supporter_id=OuterRef("pk"), tag_id__in=tag_ids)))
        if data.get("joined_from"):  # days in India's time, as the page shows them
            qs = qs.filter(created_at__gte=day_start(data["joined_from"]))
        if data.get("joined_to"):
            qs = qs.filter(created_at__lt=day_start(data["joined_to"] + timedelta(days=1)))
        profile = Q(area__isnull=False, area_is_guess=False) | ~Q(name="")
        if data.get("has_profile") == "yes":
            qs = qs.filter(profile)
        elif data.get("has_profile") == "no":
            qs = qs.exclude(profile)
        # Called back: the stage a reached call-back moves them to, or any later one (docs/supporters.md).
        if data.get("called_back") == "yes":
            qs = qs.exclude(stage=Stage.NEW)
        elif data.get("called_back") == "no":
            qs = qs.filter(stage=Stage.NEW)
        if data.get("language"):
            qs = qs.filter(language=data["language"])
        if data.get("q"):
            qs = qs.exclude(name="").annotate(name_lower=Lower("name")).filter(
                name_lower__startswith=data["q"].lower())
        return qs


def first_error(form: forms.Form) -> tuple[str, str]:
    """(field, message) of a form's first error, for the API's JSON."""
    for field, errors in form.errors.items():
        return (field if field != "__all__" else "body"), f"{field}: {errors[0]}"
    return "body", "invalid"
