from django.contrib import admin

from sampark.core.admin_scoping import ScopedAdmin, SystemAdmin
from sampark.telephony.models import Call, PublishedNumber


@admin.register(PublishedNumber)
class PublishedNumberAdmin(SystemAdmin):
    list_display = ("number", "provider", "slug", "active", "hook_path", "created_at")
    list_filter = ("provider", "active")
    exclude = ("secret",)  # set with `sampark number add`; never shown again

    def has_delete_permission(self, request, obj=None):
        # Deactivated, never deleted: its calls and supporters keep pointing at it (no database constraint
        # checks that: docs/intake.md), and web processes cache it for a few seconds (numbers.CACHE_SECONDS).
        return False


@admin.register(Call)
class CallAdmin(ScopedAdmin):
    list_display = ("id", "provider", "provider_call_id", "outcome", "reject_reason", "received_at", "processed_at")
    list_filter = ("outcome", "provider", "reject_reason")
    exclude = ("caller_cipher",)
    raw_id_fields = ("supporter", "number")
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # calls come only from providers

    def has_change_permission(self, request, obj=None):
        return False
