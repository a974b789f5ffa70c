"""The desk's forms: the call script with its outcome, a volunteer's own phone, an assignment."""

from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from sampark.supporters.desk.models import Outcome
from sampark.supporters.forms import AreaChoices

IST = ZoneInfo("Asia/Kolkata")

# What the script asks a reached supporter about; each chosen one becomes a tag on their record.
INTERESTS = [
    ("farmers", _("Farmers and farming")),
    ("youth", _("Youth and students")),
    ("women", _("Women")),
    ("jobs", _("Jobs")),
    ("education", _("Education")),
    ("health", _("Health")),
    ("water-power", _("Water and electricity")),
    ("corruption", _("Corruption")),
]


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What happened on the call?"), widget=forms.RadioSelect, choices=Outcome.choices,
        error_messages={"required": _("Please choose what happened on the call."),
                        "invalid_choice": _("Please choose what happened on the call.")})
    name = forms.CharField(label=_("Name"), max_length=100, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    district = forms.ChoiceField(label=_("District"), required=False,
                                 error_messages={"invalid_choice": _("Please choose the district from the list.")})
    assembly = forms.ChoiceField(label=_("Assembly constituency"), required=False, error_messages={
        "invalid_choice": _("Please choose the assembly constituency from the list.")})
    interests = forms.MultipleChoiceField(label=_("What matters to them"), required=False, choices=INTERESTS,
                                          widget=forms.CheckboxSelectMultiple)
    other_interests = forms.CharField(label=_("Other interests (separate with commas)"), max_length=200,
                                      required=False)
    wants_to_volunteer = forms.BooleanField(label=_("Wants to volunteer"), required=False)
    call_at = forms.DateTimeField(
        label=_("Call again at (for “Call later”)"), required=False, input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Please give the date and time to call again.")})
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, areas: AreaChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = areas
        self.fields["district"].choices = areas.district_choices()
        self.fields["assembly"].choices = areas.assembly_choices()

    def clean_call_at(self):
        value = self.cleaned_data.get("call_at")
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=IST)  # what the volunteer typed, on Indian time
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Outcome.CALL_LATER and not cleaned.get("call_at"):
            self.add_error("call_at", _("Please give the date and time to call again."))
        return cleaned

    def answers(self) -> dict:
        data = self.cleaned_data
        interests = list(data.get("interests") or [])
        interests += [part for part in (data.get("other_interests") or "").replace("،", ",").split(",")
                      if part.strip()]
        return {"name": data.get("name", ""), "district": data.get("district", ""),
                "assembly": data.get("assembly", ""), "interests": interests,
                "wants_to_volunteer": bool(data.get("wants_to_volunteer"))}


class PhoneForm(forms.Form):
    phone = forms.CharField(label=_("Your own phone number"), max_length=32,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
                            error_messages={"required": _("Please write your phone number.")})


class AssignForm(forms.Form):
    username = forms.CharField(label=_("Volunteer's username"), max_length=150,
                               error_messages={"required": _("Please write the volunteer's username.")})
    area = forms.ChoiceField(label=_("Area"), error_messages={"invalid_choice": _("Please choose an area.")})
