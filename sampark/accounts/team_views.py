"""/staff/team/: the staff with roles inside the user's area; grant and revoke roles below it (roles.manage).

The writes are accounts.services.add_user / revoke with ``actor=request.user`` (each audited); they refuse what
permissions.can_grant refuses, so the form's own check is for a clear message, not the only guard.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from sampark.accounts import permissions, services
from sampark.accounts.models import Role, RoleAssignment
from sampark.accounts.team_forms import AddForm, RevokeForm
from sampark.geo.models import Area, Level

PAGE_SIZE = 50
PICKER_LEVELS = (Level.COUNTRY, Level.STATE, Level.DIVISION, Level.DISTRICT, Level.ASSEMBLY)
PICKER_LIMIT = 500  # areas offered in the picker; deeper or further ones are typed by code


def _inside(paths: list[str] | None, lookup: str) -> Q:
    if paths is None:
        return Q()
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{lookup: path}) | Q(**{f"{lookup}__startswith": path + "."})
    return condition


def _grants_inside(user):
    return RoleAssignment.objects.filter(_inside(permissions.scope(user, permissions.ROLES_MANAGE), "area__path"))


@never_cache  # a one-time password may be on the page
@login_required
def team(request):
    user = request.user
    if not permissions.can(user, permissions.ROLES_MANAGE):
        raise PermissionDenied("the team page needs roles.manage (coordinator or admin)")
    add_form, status, created = AddForm(actor=user), 200, None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add":
            add_form = AddForm(request.POST, actor=user)
            if add_form.is_valid():
                data = add_form.cleaned_data
                try:
                    person, password = services.add_user(data["username"], role=data["role"], area=data["area"],
                                                         email=data["email"], actor=user)
                except services.Refused as exc:
                    field, _sep, _rest = str(exc).partition(":")
                    add_form.add_error(field if field in add_form.fields else None, str(exc))
                else:
                    created = {"username": person.get_username(), "password": password,
                               "role": dict(Role.choices)[data["role"]], "area": data["area"]}
                    add_form = AddForm(actor=user)
            if not add_form.is_valid() and add_form.is_bound:
                status = 400
        elif action == "revoke":
            form = RevokeForm(request.POST)
            if not form.is_valid():
                return render(request, "accounts/staff/team_error.html",
                              {"message": _("grant: not a role on this page")}, status=400)
            grant = _grants_inside(user).select_related("user", "area").filter(pk=form.cleaned_data["grant"]).first()
            if grant is None:
                raise Http404("no such role in your area")
            try:
                services.revoke(grant.user, grant.role, grant.area, actor=user)
            except services.Refused:
                return render(request, "accounts/staff/team_error.html", {
                    "message": _("You may not take away the role “%(role)s” at %(area)s: only roles below your own "
                                 "area.") % {"role": grant.get_role_display(), "area": grant.area.name}}, status=403)
            messages.success(request, _("%(user)s no longer has the role “%(role)s” at %(area)s.") % {
                "user": grant.user.get_username(), "role": grant.get_role_display(), "area": grant.area.name})
            return redirect(request.path)
        else:
            return render(request, "accounts/staff/team_error.html", {"message": _("action: add or revoke")},
                          status=400)
    return render(request, "accounts/staff/team.html", {
        "add_form": add_form, "created": created, **_listing(request, user),
    }, status=status)


def _listing(request, user) -> dict:
    """The grants inside the user's area, newest first, a keyset page at a time (?before=<grant id>)."""
    rows = _grants_inside(user).select_related("user", "area").order_by("-pk")
    query = request.GET.get("q", "").strip()[:150]
    if query:
        rows = rows.filter(user__username__istartswith=query)
    before = request.GET.get("before", "")
    if before.isdigit() and len(before) < 19:
        rows = rows.filter(pk__lt=int(before))
    page = list(rows[: PAGE_SIZE + 1])
    more = len(page) > PAGE_SIZE
    page = page[:PAGE_SIZE]
    grants = [{"id": g.pk, "username": g.user.get_username(), "active": g.user.is_active,
               "role": g.get_role_display(), "area": g.area,
               "can_revoke": permissions.can_grant(user, g.role, g.area.path)} for g in page]
    picker = (Area.objects.filter(_inside(permissions.scope(user, permissions.ROLES_MANAGE), "path"),
                                  level__in=PICKER_LEVELS).order_by("path")[:PICKER_LIMIT])
    return {"grants": grants, "next_before": page[-1].pk if more else None, "q": query, "picker": picker}
