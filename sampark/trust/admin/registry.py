"""Admin pages for the registry of official channels: owners and their channels, scoped to the staff's areas.

Every save goes through sampark.trust.registry, so a handle typed here is normalised and checked exactly as
``sampark official add`` does it, and the form shows the registry's refusal next to the field at fault.
"""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from sampark.accounts import permissions
from sampark.core.admin_scoping import ScopedAdmin
from sampark.trust import registry
from sampark.trust.matching.handles import parse
from sampark.trust.models import ChannelStatus, OfficialChannel, Owner


class RegistryFormMixin:
    """Turns registry.RegistryError into a form error on the field at fault (or the form when it has none)."""

    def add_registry_error(self, exc: registry.RegistryError, fields: dict[str, str]) -> None:
        self.add_error(fields.get(exc.field), exc.problem if exc.field in fields else str(exc))


class OwnerForm(RegistryFormMixin, forms.ModelForm):
    class Meta:
        model = Owner
        fields = ["kind", "name_en", "name_hi", "area"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        national = self.user is None or permissions.holds_nationally(self.user, permissions.TRUST_REGISTRY_EDIT)
        if data.get("area") is None and not national:
            self.add_error("area", _("Choose an area within yours; an owner without one would be hidden from you."))
            return data
        try:
            registry.check_owner(self.instance.pk, name=data.get("name_en", ""), name_hi=data.get("name_hi", ""),
                                 area=data.get("area"))
        except registry.RegistryError as exc:
            self.add_registry_error(exc, {"name_en": "name_en", "name_hi": "name_hi"})
        return data


@admin.register(Owner)
class OwnerAdmin(ScopedAdmin):
    edit_perm = permissions.TRUST_REGISTRY_EDIT
    form = OwnerForm
    list_display = ("name_en", "name_hi", "kind", "area")
    list_filter = ("kind",)
    search_fields = ("name_en", "name_hi", "public_id")
    list_select_related = ("area",)
    raw_id_fields = ("area",)
    show_full_result_count = False

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)

        class ScopedOwnerForm(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, user=request.user, **kw)

        return ScopedOwnerForm

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        registry.save_owner(obj, name=data["name_en"], name_hi=data.get("name_hi", ""), area=data.get("area"),
                            unit=data["kind"] == Owner.Kind.UNIT)


class ChannelForm(RegistryFormMixin, forms.ModelForm):
    class Meta:
        model = OfficialChannel
        fields = ["platform", "display", "owner", "status", "since", "until"]
        labels = {"display": _("Handle, link or number")}
        help_texts = {
            "display": _("As people see it: @name, a profile or channel link, +91 …, example.org. "
                         "Stored normalised; the normal form is shown after saving."),
            "until": _("For a retired channel: the last day it was official (today when left empty)."),
        }

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            normal, until = registry.check_channel(
                pk=self.instance.pk, platform=data["platform"], handle=data["display"], status=data["status"],
                since=data.get("since"), until=data.get("until"))
        except registry.RegistryError as exc:
            self.add_registry_error(exc, {"platform": "platform", "handle": "display", "status": "status",
                                          "until": "until"})
            return data
        data["display"], data["until"] = normal.display, until
        return data


@admin.register(OfficialChannel)
class OfficialChannelAdmin(ScopedAdmin):
    edit_perm = permissions.TRUST_REGISTRY_EDIT
    form = ChannelForm
    list_display = ("display", "handle", "platform", "owner", "status", "since", "until", "verified_by",
                    "verified_at")
    list_filter = ("platform", "status", "owner__kind")
    search_fields = ("handle", "display", "owner__name_en", "owner__name_hi", "public_id")
    list_select_related = ("owner", "verified_by")
    autocomplete_fields = ("owner",)
    readonly_fields = ("public_id", "handle", "verified_by", "verified_at", "created_at")
    fields = ("platform", "display", "handle", "owner", "status", "since", "until", "public_id", "verified_by",
              "verified_at", "created_at")
    actions = ["retire", "reactivate"]
    show_full_result_count = False

    def get_search_results(self, request, queryset, search_term):
        """A pasted link or "@Name" also finds the channel by its normal form."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        normal = parse(search_term).value if search_term.strip() else ""
        if normal:
            results = results | queryset.filter(handle=normal)
        return results, may_have_duplicates

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        channel = registry.save_channel(obj, platform=data["platform"], handle=data["display"], owner=data["owner"],
                                        since=data.get("since"), status=data["status"], until=data.get("until"),
                                        by=request.user)
        self.message_user(request, _("Stored as “%(handle)s” on %(platform)s; “Is this official?” matches this form.")
                          % {"handle": channel.handle, "platform": channel.get_platform_display()}, messages.INFO)

    def has_delete_permission(self, request, obj=None):
        # retiring keeps "was official until"; deleting forgets it, so only for removing a mistaken entry
        return request.user.is_superuser

    @admin.action(description=_("Retire: no longer official (official until today)"))
    def retire(self, request, queryset):
        done = 0
        for channel in queryset.filter(status=ChannelStatus.ACTIVE):
            try:
                registry.retire_channel(channel)
            except registry.RegistryError as exc:  # e.g. official only from a future date: say so, go on
                self.message_user(request, f"{channel.display}: {exc.problem}", messages.ERROR)
                continue
            done += 1
        self.message_user(request, _("%(count)d channels retired.") % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Reactivate: official again"))
    def reactivate(self, request, queryset):
        done = 0
        for channel in queryset.filter(status=ChannelStatus.RETIRED):
            registry.reactivate_channel(channel, by=request.user)
            done += 1
        self.message_user(request, _("%(count)d channels reactivated.") % {"count": done}, messages.SUCCESS)
