"""Forms of the record pages: edit with a reason, tags, merge."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sampark.accounts import permissions
from sampark.core import pii
from sampark.core.phones import MAX_RAW_LENGTH, UnusableNumber, normalise
from sampark.supporters.models import AgeBand, Gender, Stage, Supporter
from sampark.supporters.records.services import REASON_MAX

BLANK = [("", "—")]


class EditForm(forms.Form):
    name = forms.CharField(label=_("Name"), required=False, max_length=100)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    area = forms.CharField(label=_("Area code"), required=False, max_length=40,
                           help_text=_("The most specific area you know: district, assembly or booth code."))
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=BLANK + list(Gender.choices))
    age_band = forms.ChoiceField(label=_("Age band"), required=False, choices=BLANK + list(AgeBand.choices))
    village = forms.CharField(label=_("Village or ward"), required=False, max_length=100)
    pin_code = forms.CharField(label=_("PIN code"), required=False, max_length=6)
    wants_to_volunteer = forms.BooleanField(label=_("Wants to volunteer"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    reason = forms.CharField(label=_("Why are you making this change?"), max_length=REASON_MAX,
                             error_messages={"required": _("Say why you are changing this record.")})

    def __init__(self, data=None, *, supporter: Supporter, user):
        self.supporter, self.user = supporter, user
        initial = {field: getattr(supporter, field) for field in
                   ("name", "language", "gender", "age_band", "village", "pin_code", "wants_to_volunteer", "stage")}
        initial["area"] = supporter.area.code if supporter.area else ""
        super().__init__(data, initial=initial)

    def changes(self) -> dict:
        data = self.cleaned_data
        out = {field: data[field] for field in
               ("name", "language", "gender", "age_band", "village", "pin_code", "wants_to_volunteer", "stage")}
        code = data["area"].strip()
        current = self.supporter.area.code if self.supporter.area else ""
        if code != current:
            out["area"] = code or None
        return out


class TagForm(forms.Form):
    tag = forms.CharField(label=_("Tag"), max_length=40)
    action = forms.ChoiceField(choices=[("add", "add"), ("remove", "remove")], initial="add",
                               widget=forms.HiddenInput)


class MergeForm(forms.Form):
    other = forms.CharField(label=_("The other record: its phone number or record id"), max_length=MAX_RAW_LENGTH)
    reason = forms.CharField(label=_("Why are these one person?"), max_length=REASON_MAX)
    confirm = forms.BooleanField(label=_("I have checked: both records are the same person."))

    def __init__(self, data=None, *, user, survivor: Supporter):
        super().__init__(data)
        self.user, self.survivor = user, survivor

    def clean_other(self):
        text = self.cleaned_data["other"].strip()
        scoped = Supporter.objects.visible_to(self.user, permissions.SUPPORTERS_MERGE).select_related("area")
        found = scoped.filter(public_id=text).first() if len(text) == 12 and text.isalnum() else None
        if found is None:
            try:
                found = scoped.filter(phone_index=pii.blind_index(normalise(text).e164)).first()
            except UnusableNumber:
                found = None
        if found is None:
            raise forms.ValidationError(_("No record with this number or id in your areas."))
        if found.pk == self.survivor.pk:
            raise forms.ValidationError(_("A record cannot be merged with itself."))
        if found.merged_into_id is not None:
            raise forms.ValidationError(_("This record was already merged into another."))
        return found
