from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from sampark.core.admin_scoping import ScopedAdmin, SystemAdmin
from sampark.outreach.models import OutboundSms, SmsTemplate
from sampark.outreach.segments import count


@admin.register(SmsTemplate)
class SmsTemplateAdmin(SystemAdmin):
    list_display = ("key", "language", "header", "dlt_template_id", "category", "segments", "active")
    list_filter = ("category", "language", "active")
    readonly_fields = ("segments",)

    def has_delete_permission(self, request, obj=None):
        # Deactivated, never deleted: sent messages keep pointing at the template they were sent from (no
        # database constraint checks that: docs/intake.md).
        return False

    class Media:
        js = ("outreach/segment_count.js",)  # live count while the body is typed

    @admin.display(description=_("Segments"))
    def segments(self, template):
        result = count(template.body or "")
        return f"{result.segments} × {result.encoding} ({result.characters}/{result.per_segment})"


@admin.register(OutboundSms)
class OutboundSmsAdmin(ScopedAdmin):
    list_display = ("public_id", "template", "status", "not_before", "sent_at", "attempts")
    list_filter = ("status",)
    # The body and variables hold the recipient's personal profile link, which works like a password.
    exclude = ("to_cipher", "body", "variables")
    raw_id_fields = ("supporter",)
    show_full_result_count = False
