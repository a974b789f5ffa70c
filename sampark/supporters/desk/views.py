"""The call-back desk (/staff/desk/, a volunteer's phone page) and the queue (/staff/queue/, coordinators).

Plain forms throughout: every action works without JavaScript. A revealed number is rendered once in the page
that answers the reveal (never stored, never redirected to), and disappears from the desk with the claim.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from sampark.accounts import permissions
from sampark.geo.models import Area, Level
from sampark.supporters.desk import queue, services
from sampark.supporters.desk.forms import AssignForm, OutcomeForm, PhoneForm
from sampark.supporters.desk.models import DeskAssignment, Outcome, StaffPhone
from sampark.supporters.forms import AreaChoices


def _worker(request):
    if not permissions.can(request.user, permissions.CALLBACKS_WORK):
        raise PermissionDenied
    return request.user


def _outcome_label(value: str) -> str:
    return str(dict(Outcome.choices).get(value, value))


@never_cache
@login_required
@require_GET
def desk(request):
    user = _worker(request)
    return _desk_page(request, user)


def _desk_page(request, user, *, phone_form=None, status=200):
    own = StaffPhone.objects.filter(user=user).first()
    return render(request, "supporters/staff/desk.html", {
        "cards": list(queue.open_claims(user)), "mode": settings.CALL_MODE, "own_phone": own,
        "phone_form": phone_form or PhoneForm(), "batch": queue.DEFAULT_BATCH,
    }, status=status)


@never_cache
@login_required
@require_POST
def claim(request):
    user = _worker(request)
    got = queue.claim(user, queue.DEFAULT_BATCH)
    if got:
        messages.success(request, _("%(count)d new supporters to call.") % {"count": len(got)})
    else:
        messages.info(request, _("Nobody is waiting in your areas right now, or you hold 50 open cards already."))
    return redirect("desk")


def _card(request, user, public_id):
    try:
        return services.claimed_callback(user, public_id)
    except services.Refused:
        raise Http404 from None


def _state_of(area: Area | None) -> Area | None:
    if area is None:
        return None
    code = area.path.split(".")[1] if area.path.count(".") >= 1 else None
    return Area.objects.filter(code=code, level=Level.STATE).first() if code else None


def _card_page(request, user, callback, *, form=None, number=None, status=200):
    areas = AreaChoices(_state_of(callback.supporter.area))
    if form is None:
        form = OutcomeForm(areas=areas, initial={"name": callback.supporter.name})
    return render(request, "supporters/staff/desk_card.html", {
        "card": callback, "form": form, "number": number, "mode": settings.CALL_MODE,
        "own_phone": StaffPhone.objects.filter(user=user).first(),
    }, status=status)


@never_cache
@login_required
@require_GET
def card(request, public_id):
    user = _worker(request)
    return _card_page(request, user, _card(request, user, public_id))


@never_cache
@login_required
@require_POST
def reveal(request, public_id):
    user = _worker(request)
    callback = _card(request, user, public_id)
    try:
        number = services.reveal_number(user, public_id)
    except services.Refused as exc:
        messages.error(request, str(exc))
        return redirect("desk-card", public_id=public_id)
    return _card_page(request, user, callback, number=number)


@never_cache
@login_required
@require_POST
def bridge(request, public_id):
    user = _worker(request)
    _card(request, user, public_id)
    try:
        services.bridge(user, public_id)
    except services.Invalid:
        messages.error(request, _("Set your own phone number first: the call rings it, then connects the supporter."))
    except services.Refused as exc:
        messages.error(request, str(exc))
    except services.BridgeFailed:
        messages.error(request, _("The call could not be placed. Please try again in a minute."))
    else:
        messages.success(request, _("Your phone will ring now. Answer it and you will be connected."))
    return redirect("desk-card", public_id=public_id)


@never_cache
@login_required
@require_POST
def outcome(request, public_id):
    user = _worker(request)
    callback = _card(request, user, public_id)
    areas = AreaChoices(_state_of(callback.supporter.area))
    form = OutcomeForm(request.POST, areas=areas)
    if not form.is_valid():
        return _card_page(request, user, callback, form=form, status=400)
    data = form.cleaned_data
    reached = data["outcome"] == Outcome.REACHED
    try:
        services.record_outcome(user, public_id, data["outcome"], answers=form.answers() if reached else None,
                                call_at=data.get("call_at") if data["outcome"] == Outcome.CALL_LATER else None,
                                note=data.get("note", ""))
    except services.Invalid as exc:
        field = exc.field.split(".")[-1]
        form.add_error(field if field in form.fields else None, str(exc))
        return _card_page(request, user, callback, form=form, status=400)
    except services.Refused:
        raise Http404 from None
    name = (data.get("name") if reached else "") or callback.supporter.name or callback.supporter.phone_hint
    messages.success(request, _("Saved for %(name)s: %(outcome)s.") % {
        "name": name, "outcome": _outcome_label(data["outcome"])})
    return redirect("desk")


@never_cache
@login_required
@require_POST
def own_phone(request):
    user = _worker(request)
    form = PhoneForm(request.POST)
    if form.is_valid():
        try:
            services.set_staff_phone(user, form.cleaned_data["phone"])
        except services.Invalid:
            form.add_error("phone", _("This is not a phone number we can call. Write it as on your phone."))
        else:
            messages.success(request, _("Your phone number is saved."))
            return redirect("desk")
    return _desk_page(request, user, phone_form=form, status=400)


# --- the queue (coordinators) ------------------------------------------------------------------------------------


def _manager_area(request):
    """(area shown, may see the national queue) for ?area=, inside the user's callbacks.manage scope."""
    user = request.user
    paths = permissions.scope(user, permissions.CALLBACKS_MANAGE)
    if paths is not None and not paths:
        raise PermissionDenied
    code = request.GET.get("area", "")[:40]
    if code:
        area = Area.objects.filter(code=code).first()
        if area is None or not permissions.can(user, permissions.CALLBACKS_MANAGE, area.path):
            raise Http404
    else:
        area = None if paths is None else Area.objects.filter(path=min(paths, key=lambda p: p.count("."))).first()
    national = permissions.holds_nationally(user, permissions.CALLBACKS_MANAGE) and (
        area is None or area.parent_id is None)
    return area, national


@never_cache
@login_required
@require_GET
def queue_page(request):
    area, national = _manager_area(request)
    return _queue_page(request, area, national, AssignForm())


def _wait_parts(wait) -> tuple[str, int]:
    """("minutes" | "hours" | "days", n) for the queue page's oldest wait, in words of the page's language."""
    minutes = int(wait.total_seconds() // 60)
    if minutes < 60:
        return "minutes", minutes
    if minutes < 48 * 60:
        return "hours", minutes // 60
    return "days", minutes // (24 * 60)


def _assignable_areas(area):
    if area is None:
        return list(Area.objects.filter(parent__isnull=True).order_by("name_en"))
    return [area, *Area.objects.filter(parent=area).order_by("name_en")]


def _queue_page(request, area, national, form, status=200):
    rows = queue.child_queues(area, include_national=national)
    now = timezone.now()
    for row in rows:
        wait = now - row.oldest if row.oldest and row.oldest <= now else None
        row.wait = None if wait is None else _wait_parts(wait)
    choices = _assignable_areas(area)
    form.fields["area"].choices = [(a.code, f"{a.name} ({a.code})") for a in choices]
    assignments = DeskAssignment.objects.select_related("volunteer", "area").order_by("area__path",
                                                                                      "volunteer__username")
    if area is not None:
        assignments = assignments.filter(area__path__startswith=area.path)
    return render(request, "supporters/staff/queue.html", {
        "area": area, "rows": rows, "waiting": sum(r.waiting for r in rows), "form": form,
        "assignments": list(assignments[:200]),
        "parent": area.parent if area and area.parent and permissions.can(
            request.user, permissions.CALLBACKS_MANAGE, area.parent.path) else None,
    }, status=status)


@never_cache
@login_required
@require_POST
def assign(request):
    area, national = _manager_area(request)
    form = AssignForm(request.POST)
    form.fields["area"].choices = [(a.code, a.code) for a in _assignable_areas(area)]
    if form.is_valid():
        target = Area.objects.get(code=form.cleaned_data["area"])
        volunteer = get_user_model().objects.filter(username=form.cleaned_data["username"], is_active=True).first()
        if volunteer is None:
            form.add_error("username", _("No active staff user has this username."))
        else:
            try:
                services.assign(request.user, volunteer, target)
            except (services.Refused, services.Invalid) as exc:
                form.add_error("area", str(exc))
            else:
                messages.success(request, _("%(user)s now takes call-backs from %(area)s.") % {
                    "user": volunteer.username, "area": target.name})
                return redirect(f"/staff/queue/?area={area.code}" if area else "desk-queue")
    return _queue_page(request, area, national, form, status=400)


@never_cache
@login_required
@require_POST
def unassign(request):
    area, _national = _manager_area(request)
    assignment_id = request.POST.get("assignment", "")
    row = DeskAssignment.objects.select_related("area", "volunteer").filter(
        pk=int(assignment_id) if assignment_id.isdigit() and len(assignment_id) < 19 else 0).first()
    if row is None or not permissions.can(request.user, permissions.CALLBACKS_MANAGE, row.area.path):
        raise Http404
    services.unassign(request.user, row)
    messages.success(request, _("%(user)s no longer takes call-backs from %(area)s.") % {
        "user": row.volunteer.username, "area": row.area.name})
    return redirect(f"/staff/queue/?area={area.code}" if area else "desk-queue")
