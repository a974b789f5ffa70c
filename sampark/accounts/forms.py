from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from sampark.accounts import two_factor


class StaffLoginForm(AuthenticationForm):
    """Username, password and, for whoever has set up an authenticator app, its code — in one step, so the page
    works without JavaScript on a slow phone."""

    code = forms.CharField(
        label=_("Code from your authenticator app"), required=False, max_length=20,
        help_text=_("Six digits, or one of your backup codes. Leave empty if you have not set up the app."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Our own words, not Django's Hindi (कूटशब्द, प्रयोक्ता नाम): the ones a volunteer uses.
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Please enter a correct username and password. Both may be case-sensitive."),
        "inactive": _("This account is inactive."),
        "code_needed": _("code: enter the code from your authenticator app (or a backup code)."),
        "code_wrong": _("code: that code is wrong or already used. Wait for the next one and try again."),
    }

    def clean(self):
        cleaned = super().clean()  # authenticates (django-axes counts failures and refuses a locked-out user)
        self.device = None
        if self.user_cache is not None and two_factor.has_second_factor(self.user_cache):
            code = cleaned.get("code", "")
            if not code:
                raise forms.ValidationError(self.error_messages["code_needed"], code="code_needed")
            self.device = two_factor.verify(self.user_cache, code)
            if self.device is None:
                raise forms.ValidationError(self.error_messages["code_wrong"], code="code_wrong")
        return cleaned


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code from your authenticator app"), max_length=20,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


class StaffPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Old password")
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password2"].label = _("New password again")
