from django.contrib import admin

from sampark.accounts import permissions
from sampark.core.admin_scoping import ScopedAdmin
from sampark.supporters.models import Callback, Supporter


@admin.register(Supporter)
class SupporterAdmin(ScopedAdmin):
    edit_perm = permissions.SUPPORTERS_EDIT
    # The ciphertext and blind index never appear; the hint is all a page shows (reveal is audited, elsewhere).
    list_display = ("public_id", "phone_hint", "name", "stage", "area", "area_is_guess", "call_count", "last_call_at")
    list_filter = ("stage", "language", "area_is_guess")
    search_fields = ("public_id", "name")
    fields = ("public_id", "phone_hint", "name", "language", "area", "area_is_guess", "stage", "contact_consent",
              "notice_version", "first_call_at", "last_call_at", "call_count", "source_number")
    readonly_fields = ("public_id", "phone_hint", "notice_version", "first_call_at", "last_call_at", "call_count",
                       "source_number", "area_is_guess")
    raw_id_fields = ("area",)
    show_full_result_count = False  # no COUNT(*) over crores of rows on every list page


@admin.register(Callback)
class CallbackAdmin(ScopedAdmin):
    edit_perm = permissions.CALLBACKS_MANAGE
    list_display = ("supporter", "status", "area", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("supporter", "area")
    show_full_result_count = False
