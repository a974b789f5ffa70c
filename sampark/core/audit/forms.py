from django import forms
from django.utils.translation import gettext_lazy as _

from sampark.core.models import AuditEntry

ACTION_LABELS = {
    AuditEntry.Action.REVEAL_PHONE: _("revealed a phone number"),
    AuditEntry.Action.EXPORT: _("exported data"),
    AuditEntry.Action.CHANGE: _("changed a record"),
    AuditEntry.Action.ROLE_CHANGE: _("granted or revoked a role"),
    AuditEntry.Action.USER_CHANGE: _("created or deactivated a staff user"),
    AuditEntry.Action.TOKEN_CHANGE: _("created or revoked an API token"),
    AuditEntry.Action.SIGN_IN: _("signed in"),
    AuditEntry.Action.READ: _("opened a supporter record"),
    AuditEntry.Action.MERGE: _("merged two supporter records"),
    AuditEntry.Action.IMPORT: _("imported supporters"),
    AuditEntry.Action.BRIDGE: _("connected a call without showing the number"),
}


class AuditFilterForm(forms.Form):
    """The audit page's filters (GET), the same as the API's."""

    subject = forms.CharField(label=_("About"), required=False, max_length=100,
                              help_text=_("supporter:<id> or user:<username>"))
    actor = forms.CharField(label=_("Done by (username)"), required=False, max_length=150)
    action = forms.ChoiceField(label=_("What"), required=False,
                               choices=[("", _("Everything"))] + list(ACTION_LABELS.items()))
    since = forms.DateField(label=_("From date"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
