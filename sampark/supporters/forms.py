"""The supporter's own profile form (the page behind the personal link in the confirmation SMS)."""

import unicodedata

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sampark.geo.models import Area, Level
from sampark.supporters.models import AgeBand, Gender

PIN_LENGTH = 6


class AreaChoices:
    """The districts and assembly constituencies one supporter may pick from, loaded in two queries.

    Districts are those of the supporter's state when we know (or have guessed) it, else every district in the
    tree; both lists are sorted by name in the active language, so build this inside that language.
    """

    def __init__(self, state: Area | None):
        districts = Area.objects.filter(level=Level.DISTRICT)
        if state is not None:
            inside = list(districts.filter(path__startswith=state.path + "."))
            districts = inside if inside else list(districts)  # no districts imported for that state yet
        self.districts = sorted(districts, key=lambda a: a.name)
        by_id = {d.id: d for d in self.districts}
        assemblies = Area.objects.filter(level=Level.ASSEMBLY, parent_id__in=list(by_id))
        self.assemblies_of: dict[int, list[Area]] = {d.id: [] for d in self.districts}
        for assembly in sorted(assemblies, key=lambda a: a.name):
            self.assemblies_of[assembly.parent_id].append(assembly)
        self.district_by_code = {d.code: d for d in self.districts}
        self.assembly_by_code = {a.code: a for group in self.assemblies_of.values() for a in group}

    def district_choices(self) -> list:
        return [("", _("— Choose your district —"))] + [(d.code, d.name) for d in self.districts]

    def assembly_choices(self) -> list:
        """One optgroup per district, so the list stays usable without the filtering script."""
        groups = [
            (d.name, [(a.code, a.name) for a in self.assemblies_of[d.id]])
            for d in self.districts
            if self.assemblies_of[d.id]
        ]
        return [("", _("— Not sure / leave empty —"))] + groups


class AssemblySelect(forms.Select):
    """A select whose options carry the code of their district, for the inline filtering script."""

    def __init__(self, *args, district_of: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.district_of = district_of or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value in self.district_of:
            option["attrs"]["data-district"] = self.district_of[value]
        return option


class ProfileForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        strip=True,
        error_messages={
            "required": _("Please write your name."),
            "max_length": _("Your name can be at most %(limit_value)d letters long (you wrote %(show_value)d)."),
            "null_characters_not_allowed": _("Your name contains a character that is not allowed."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "autocapitalize": "words"}),
    )
    district = forms.ChoiceField(
        label=_("District"),
        error_messages={
            "required": _("Please choose your district."),
            "invalid_choice": _("Please choose your district from the list."),
        },
    )
    assembly = forms.ChoiceField(
        label=_("Assembly constituency"),
        required=False,
        widget=AssemblySelect,
        help_text=_("Optional. Only the constituencies of the district you chose can be picked."),
        error_messages={"invalid_choice": _("Please choose your assembly constituency from the list.")},
    )
    language = forms.ChoiceField(
        label=_("Language for our messages"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose a language."),
            "invalid_choice": _("Please choose हिन्दी or English."),
        },
    )
    contact_consent = forms.BooleanField(
        label=_("Yes, volunteers of the movement may call me and send me SMS or WhatsApp messages."),
        required=False,
    )
    gender = forms.ChoiceField(
        label=_("Gender"), required=False, widget=forms.RadioSelect,
        choices=[*Gender.choices, ("", _("Prefer not to say"))],
        error_messages={"invalid_choice": _("Please choose your gender from the list, or leave it empty.")},
    )
    age_band = forms.ChoiceField(
        label=_("Age"), required=False, choices=[("", _("— Prefer not to say —")), *AgeBand.choices],
        error_messages={"invalid_choice": _("Please choose your age from the list, or leave it empty.")},
    )
    guardian_consent = forms.BooleanField(
        label=_("I am under 18, and my parent or guardian agrees that I join."), required=False,
        help_text=_("Only if you are under 18."),
    )
    village = forms.CharField(
        label=_("Village or ward"), required=False, max_length=100, strip=True, help_text=_("Optional."),
        error_messages={
            "max_length": _("The village or ward can be at most %(limit_value)d letters long "
                            "(you wrote %(show_value)d)."),
            "null_characters_not_allowed": _("The village or ward contains a character that is not allowed."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "address-level3"}),
    )
    pin_code = forms.CharField(
        label=_("PIN code"), required=False, max_length=20, strip=True,
        help_text=_("Optional. 6 digits, e.g. 226001."),
        error_messages={"max_length": _("A PIN code has 6 digits, e.g. 226001.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    wants_to_volunteer = forms.BooleanField(label=_("I want to volunteer"), required=False)

    def __init__(self, *args, areas: AreaChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = areas
        self.fields["district"].choices = areas.district_choices()
        self.fields["assembly"].choices = areas.assembly_choices()
        self.fields["assembly"].widget.district_of = {
            a.code: d.code for d in areas.districts for a in areas.assemblies_of[d.id]
        }
        self.fields["language"].choices = list(settings.LANGUAGES)  # each language named in its own script

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())  # tabs, newlines, runs of spaces → one space
        if not name:
            raise forms.ValidationError(_("Please write your name."), code="required")
        if any(unicodedata.category(char) == "Cc" for char in name):  # control characters: only a tampered POST
            raise forms.ValidationError(_("Your name contains a character that is not allowed."), code="control")
        return name

    def clean_village(self) -> str:
        village = " ".join(self.cleaned_data["village"].split())
        if any(unicodedata.category(char) == "Cc" for char in village):
            raise forms.ValidationError(_("The village or ward contains a character that is not allowed."),
                                        code="control")
        return village

    def clean_pin_code(self) -> str:
        """Six digits, the first not 0 (India Post's PINs run 110001–855126); Devanagari digits and spaces are
        fine as written on a phone."""
        raw = "".join(self.cleaned_data["pin_code"].split())
        if not raw:
            return ""
        if len(raw) != PIN_LENGTH or not all(char.isdecimal() for char in raw):
            raise forms.ValidationError(_("A PIN code has 6 digits, e.g. 226001."), code="invalid")
        pin = "".join(str(unicodedata.decimal(char)) for char in raw)
        if pin[0] == "0":
            raise forms.ValidationError(_("A PIN code does not start with 0, e.g. 226001."), code="invalid")
        return pin

    def clean_district(self) -> Area:
        return self.areas.district_by_code[self.cleaned_data["district"]]

    def clean_assembly(self) -> Area | None:
        code = self.cleaned_data.get("assembly")
        return self.areas.assembly_by_code[code] if code else None

    def clean(self):
        cleaned = super().clean()
        district, assembly = cleaned.get("district"), cleaned.get("assembly")
        if district is not None and assembly is not None and assembly.parent_id != district.id:
            self.add_error(
                "assembly",
                forms.ValidationError(
                    _("The assembly constituency %(assembly)s is not in %(district)s district. Choose one "
                      "from %(district)s, or leave the assembly constituency empty."),
                    code="outside_district",
                    params={"assembly": assembly.name, "district": district.name},
                ),
            )
        # Under-18s are not enrolled without a parent's or guardian's consent (nothing is saved without it).
        if cleaned.get("age_band") == AgeBand.UNDER_18 and not cleaned.get("guardian_consent"):
            self.add_error("guardian_consent", forms.ValidationError(
                _("You said you are under 18: we can enrol you only if your parent or guardian agrees. Tick the box, "
                  "or leave your age empty if you are 18 or older."), code="guardian_needed"))
        return cleaned

    @property
    def area(self) -> Area:
        """Where the supporter lives, as precisely as they told us: the assembly if chosen, else the district."""
        return self.cleaned_data.get("assembly") or self.cleaned_data["district"]
