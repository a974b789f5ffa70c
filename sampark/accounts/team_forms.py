"""The team page's forms: add a person (or a role to someone already on the team), revoke a role."""

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from sampark.accounts import permissions
from sampark.accounts.models import Role
from sampark.geo.models import Area


def grantable_roles(user) -> list[str]:
    """Roles ``user`` may hand out somewhere (docs/roles.md, Granting roles)."""
    if getattr(user, "is_superuser", False):
        return list(Role.values)
    held = {g.role for g in permissions.grants(user) if permissions.can(user, permissions.ROLES_MANAGE, g.path)}
    roles = {role for granter in held for role in permissions.GRANTABLE.get(granter, {})}
    return [role for role in Role.values if role in roles]


class AddForm(forms.Form):
    username = forms.CharField(
        label=_("Username"), max_length=150, validators=[UnicodeUsernameValidator()],
        help_text=_("Letters, digits and @ . + - _ only. A new username creates the account."),
        error_messages={"required": _("Please write the username.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(label=_("Role"), error_messages={
        "required": _("Please choose a role."), "invalid_choice": _("Please choose a role from the list.")})
    area = forms.CharField(
        label=_("Area code"), max_length=40,
        help_text=_("Where the role applies: your own area or one below it, e.g. an assembly constituency."),
        error_messages={"required": _("Please give the area's code.")},
        widget=forms.TextInput(attrs={"list": "team-areas", "autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false"}),
    )
    email = forms.EmailField(label=_("E-mail (optional)"), required=False, max_length=254)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        labels = dict(Role.choices)
        self.fields["role"].choices = [("", _("— Choose —"))] + [(r, labels[r]) for r in grantable_roles(actor)]

    def clean_area(self) -> Area:
        code = self.cleaned_data["area"].strip()
        area = Area.objects.filter(code__iexact=code).first() if code else None
        if area is None:
            raise forms.ValidationError(_("There is no area with the code %(code)s."), code="unknown",
                                        params={"code": code[:40]})
        return area

    def clean(self):
        cleaned = super().clean()
        role, area = cleaned.get("role"), cleaned.get("area")
        if role and area is not None and not permissions.can_grant(self.actor, role, area.path):
            self.add_error("area", forms.ValidationError(
                _("You may not give the role “%(role)s” at %(area)s: only in your own area or below it, never "
                  "above or beside it."),
                code="outside", params={"role": dict(Role.choices)[role], "area": f"{area.name} ({area.code})"}))
        return cleaned


class RevokeForm(forms.Form):
    grant = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
