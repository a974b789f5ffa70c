"""Admin for the leadership's statements: what staff record so forwarded "quotes" can be checked against them.

Statements are public (the leadership said them in public), so they are not area-scoped. Who recorded one is
set from the logged-in user, never typed.
"""

from django.contrib import admin
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from sampark.trust.models import Statement


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ("said_on", "speaker", "excerpt", "channel", "language", "recorded_by")
    list_filter = ("language", "said_on")
    list_select_related = ("speaker", "channel", "recorded_by")
    search_fields = ("text", "speaker__name_en", "speaker__name_hi")
    date_hierarchy = "said_on"
    ordering = ("-said_on", "-id")
    raw_id_fields = ("speaker", "channel")
    readonly_fields = ("public_id", "recorded_by", "created_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a pasted "example.org/speech"
    fields = ("text", "language", "said_on", "speaker", "channel", "source_url", "public_id", "recorded_by",
              "created_at")

    @admin.display(description=_("What was said"))
    def excerpt(self, statement: Statement) -> str:
        return Truncator(statement.text).chars(90)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
