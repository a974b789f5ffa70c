""""Check a message / verify a forward": the public page over ``trust.fishing.check_message``.

Hindi first (``?lang=en`` for English), works without JavaScript, and keeps nothing: the pasted text is checked
and shown back, never stored or logged.
"""

from datetime import date

from django import forms
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sampark.core.ratelimit import limited
from sampark.trust.messages.fishing import MAX_TEXT_LENGTH, assess, category_label
from sampark.web.views import page_language

RATE_GROUP = "check-message"  # the API's group too: the page is not a way round its limit


class CheckMessageForm(forms.Form):
    text = forms.CharField(
        label=_("The message"),
        max_length=MAX_TEXT_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 7, "dir": "auto", "spellcheck": "false"}),
        error_messages={
            "required": _("Paste the message you want to check."),
            "max_length": _("The message is too long: at most %(limit_value)d characters."),
            "null_characters_not_allowed": _("The message contains characters that cannot be read."),
        },
    )


def check_message_page(request):
    language = page_language(request)
    with translation.override(language):
        context = {"form": CheckMessageForm(), "max_length": MAX_TEXT_LENGTH}
        status = 200
        if request.method == "POST":
            form = CheckMessageForm(request.POST)
            context["form"] = form
            if limited(request, RATE_GROUP):
                context["rate_limited"] = True
                status = 429
            elif form.is_valid():
                answer, match, quotes_leadership = assess(form.cleaned_data["text"])
                context["answer"] = answer
                context["quotes_leadership"] = quotes_leadership
                context["asks_for"] = [category_label(name) for name in answer["asks_for"]]
                context["statement"] = statement_view(match, language) if match else None
            else:
                status = 400
        response = render(request, "trust/check_message.html", context, status=status)
    response["Content-Language"] = language
    return response


def statement_view(match: dict, language: str) -> dict:
    statement = match["statement"]
    speaker = match["speaker_hi"] if language == "hi" and match["speaker_hi"] else statement["speaker"]
    return {
        "text": statement["text"],
        "language": match["language"],
        "said_on": date.fromisoformat(statement["said_on"]),
        "speaker": speaker,
        "channel": statement["channel"],
        "percent": round(match["similarity"] * 100),
        "exact": match["exact"],
        "negation_changed": match["negation_changed"],
    }
