"""Admin pages ask the same permission module as every other staff view, and reach only the staff's areas.

``ScopedAdmin`` lists through ``visible_to(user)``, lets a user view only with the model's view permission and
add or change only with ``edit_perm``, and limits every foreign key a user can set to rows inside their scope:
an Area field offers only areas inside the user's grants, a field to an area-bound model only its visible rows.
The form validates against that queryset, so a guessed id outside the scope is refused as "not one of the
available choices"; raw-id widgets label only rows the user may see (Django's own looks the id up unscoped).

``SystemAdmin`` is for the deployment's settings (published numbers, SMS templates, the area tree): anyone with a
staff grant may look, only ``system.manage`` (a national admin) may change.
"""

from django.contrib import admin
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.db.models import Q

from sampark.accounts import permissions


def areas_within(user, perm: str):
    """The areas where ``user`` holds ``perm``: their grants' areas and everything under them."""
    from sampark.geo.models import Area

    paths = permissions.scope(user, perm)
    if paths is None:
        return Area.objects.all()
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path=path) | Q(path__startswith=path + ".")
    return Area.objects.filter(condition)


class ScopedRawIdWidget(ForeignKeyRawIdWidget):
    """A raw-id box that names only rows the user may see: a typed id of any other row shows no label."""

    def __init__(self, rel, admin_site, queryset, **kwargs):
        super().__init__(rel, admin_site, **kwargs)
        self.queryset = queryset

    def label_and_url_for_value(self, value):
        key = self.rel.get_related_field().name
        try:
            visible = self.queryset.filter(**{key: value}).exists()
        except (ValueError, TypeError):
            visible = False
        return super().label_and_url_for_value(value) if visible else ("", "")


def _scoped_queryset(related_model, user, edit_perm: str):
    from sampark.core.scoping import ScopedQuerySet
    from sampark.geo.models import Area

    if related_model is Area:
        return areas_within(user, edit_perm)
    if isinstance(related_model._default_manager.all(), ScopedQuerySet):
        return related_model._default_manager.visible_to(user)
    return None


class RoleAdmin(admin.ModelAdmin):
    """An admin whose pages the roles open (docs/roles.md), not Django's per-model permissions: staff are given
    roles, never those. Subclasses say who may look (``may_view``) and who may add, change and delete
    (``may_edit``); a subclass that never allows one of them (calls come only from providers) overrides it."""

    def may_view(self, request) -> bool:
        raise NotImplementedError

    def may_edit(self, request) -> bool:
        raise NotImplementedError

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return self.may_view(request)

    def has_add_permission(self, request):
        return self.may_edit(request)

    def has_change_permission(self, request, obj=None):
        return self.may_edit(request)

    def has_delete_permission(self, request, obj=None):
        return self.may_edit(request)


class ScopedAdmin(RoleAdmin):
    #: the permission that lets a user add and change rows here; "" makes the admin read-only
    edit_perm = ""

    def view_perm(self) -> str:
        return self.model._default_manager.all().view_perm

    def get_queryset(self, request):
        return self.model._default_manager.visible_to(request.user)

    def may_view(self, request) -> bool:
        return permissions.can(request.user, self.view_perm())

    def may_edit(self, request) -> bool:
        return bool(self.edit_perm) and permissions.can(request.user, self.edit_perm)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        queryset = _scoped_queryset(db_field.related_model, request.user, self.edit_perm or self.view_perm())
        if queryset is not None and "queryset" not in kwargs:
            kwargs["queryset"] = queryset
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and isinstance(field.widget, ForeignKeyRawIdWidget):
            field.widget = ScopedRawIdWidget(db_field.remote_field, self.admin_site, field.queryset,
                                             using=kwargs.get("using"))
        return field


class SystemAdmin(RoleAdmin):
    """The deployment's own settings: visible to staff with a grant, changed only by a national admin."""

    def may_view(self, request) -> bool:
        return request.user.is_active and (request.user.is_superuser or bool(permissions.grants(request.user)))

    def may_edit(self, request) -> bool:
        return permissions.can(request.user, permissions.SYSTEM_MANAGE)
