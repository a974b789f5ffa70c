"""The public "report a fake" form: what was seen, where, what it did, and an optional screenshot."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sampark.trust.cases import screenshots
from sampark.trust.cases.workflow import MAX_DETAILS
from sampark.trust.matching.handles import MAX_QUERY_LENGTH, parse
from sampark.trust.models import Platform, Report

P = Platform
# The form's own wording of the places (context "report form"), so its catalogue entries never collide with the
# registry's labels for the same platforms.
PLACES = [
    ("", pgettext_lazy("report form", "Not sure / as in the link")),
    (P.WHATSAPP_GROUP, pgettext_lazy("report form", "WhatsApp group")),
    (P.WHATSAPP_NUMBER, pgettext_lazy("report form", "WhatsApp number")),
    (P.WHATSAPP_CHANNEL, pgettext_lazy("report form", "WhatsApp channel")),
    (P.PHONE, pgettext_lazy("report form", "Phone call or SMS")),
    (P.FACEBOOK, pgettext_lazy("report form", "Facebook")),
    (P.INSTAGRAM, pgettext_lazy("report form", "Instagram")),
    (P.X, pgettext_lazy("report form", "X (Twitter)")),
    (P.YOUTUBE, pgettext_lazy("report form", "YouTube")),
    (P.TELEGRAM, pgettext_lazy("report form", "Telegram")),
    (P.WEBSITE, pgettext_lazy("report form", "Website")),
    (P.EMAIL, pgettext_lazy("report form", "Email")),
]
assert {value for value, _label in PLACES[1:]} == set(Platform.values)


def _no_controls(text: str) -> bool:
    return not any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t" for ch in text)


class ReportForm(forms.Form):
    target = forms.CharField(
        label=_("The fake account, group, number or link"),
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Paste the link, or write the @name or the phone number as you saw it."),
        error_messages={
            "required": _("Please write or paste the account, group, number or link."),
            "max_length": _("This can be at most %(limit_value)d characters long (you wrote %(show_value)d)."),
            "null_characters_not_allowed": _("This contains a character that is not allowed."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false",
                                      "dir": "ltr"}),
    )
    platform = forms.ChoiceField(
        label=_("Where did you see it?"),
        required=False,
        choices=PLACES,
        error_messages={"invalid_choice": _("Please choose the place from the list.")},
    )
    what = forms.ChoiceField(
        label=_("What did it do?"),
        choices=Report.What.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose what it did."),
            "invalid_choice": _("Please choose what it did from the list."),
        },
    )
    details = forms.CharField(
        label=_("Anything else we should know"),
        required=False,
        max_length=MAX_DETAILS,
        help_text=_("Optional. Do not write your own phone number or other personal details here."),
        error_messages={
            "max_length": _("Please keep this to %(limit_value)d characters (you wrote %(show_value)d)."),
            "null_characters_not_allowed": _("This contains a character that is not allowed."),
        },
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_DETAILS}),
    )
    screenshot = forms.FileField(
        label=_("Screenshot"),
        required=False,
        help_text=_("Optional. A PNG, JPEG or WebP picture of at most 5 MB. We remove the location and other "
                    "hidden details from it."),
        error_messages={"invalid": _("Please choose a picture file."),
                        "empty": _("The picture you chose is empty.")},
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    def clean_target(self) -> str:
        target = self.cleaned_data["target"].strip()
        if not _no_controls(target):
            raise forms.ValidationError(_("This contains a character that is not allowed."), code="control")
        return target

    def clean_details(self) -> str:
        details = self.cleaned_data["details"].strip()
        if not _no_controls(details):
            raise forms.ValidationError(_("This contains a character that is not allowed."), code="control")
        return details

    def clean_screenshot(self) -> screenshots.CleanImage | None:
        upload = self.cleaned_data.get("screenshot")
        if not upload:
            return None
        try:
            return screenshots.clean(upload)
        except screenshots.TooLarge:
            raise forms.ValidationError(_("The picture is larger than 5 MB. Please send a smaller screenshot."),
                                        code="too_large") from None
        except screenshots.NotAnImage:
            raise forms.ValidationError(_("This is not a PNG, JPEG or WebP picture. Please choose a screenshot."),
                                        code="not_image") from None

    def clean(self):
        data = super().clean()
        if "target" in data:
            handle = parse(data["target"], data.get("platform") or None)
            if not handle.value:
                self.add_error("target", forms.ValidationError(
                    _("We could not read an account, group, number or link in this. Please paste it again."),
                    code="unreadable"))
            else:
                data["handle"] = handle
        return data
