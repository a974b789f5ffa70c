from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from sampark.supporters.imports import services


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or Excel's Unicode text)"),
                           help_text=_("Columns: phone (required), name, area_code, language, tags. "
                                       "The first line names the columns."))
    source = forms.CharField(label=_("Where does the list come from?"), max_length=services.SOURCE_MAX,
                             help_text=_("Recorded with each person's consent: \"imported from …\""))
    tag = forms.CharField(label=_("Tag everyone in the file (optional)"), max_length=services.TAG_MAX,
                          required=False)
    callback = forms.TypedChoiceField(
        label=_("Put them in their area's call-back queue?"), widget=forms.RadioSelect,
        choices=[("no", _("No")), ("yes", _("Yes"))], initial="no", coerce=lambda value: value == "yes",
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(too_big_message(), code="too_big")
        if uploaded.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        return uploaded

    def clean_tag(self):
        tag = self.cleaned_data["tag"].strip().lower()
        if tag.startswith(services.FORMULA_START):
            raise forms.ValidationError(_("May not start with = + - or @."))
        return tag

    def clean_source(self):
        source = self.cleaned_data["source"].strip()
        if source.startswith(services.FORMULA_START):
            raise forms.ValidationError(_("May not start with = + - or @."))
        return source


FILE_PROBLEMS = {
    "empty": _("The file is empty."),
    "not_text": _("The file is not text in UTF-8 or UTF-16: save it as \"CSV UTF-8\" or as \"Unicode text\"."),
    "header_too_long": _("The first line (the column names) is too long."),
    "no_phone_column": _("There is no phone column. The first line has: %(shown)s. The columns are phone, name, "
                         "area_code, language, tags."),
}


def file_problem(error: services.ImportError_) -> str:
    message = FILE_PROBLEMS.get(error.code)
    return str(message) % error.params if message is not None else str(error)


def too_big_message() -> str:
    return _("The file is larger than %(max)s. Split it into smaller files, or ask an administrator to import it "
             "with the command `sampark supporters import`.") % {"max": filesizeformat(settings.IMPORT_MAX_BYTES)}
