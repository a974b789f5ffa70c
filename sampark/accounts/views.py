"""Staff sign-in, sign-out, second factor and password change: the door to /staff/ and the admin."""

from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from sampark.accounts import permissions, services, two_factor
from sampark.accounts.forms import CodeForm, StaffLoginForm, StaffPasswordChangeForm
from sampark.accounts.models import RoleAssignment
from sampark.outreach.services import templates_without_dlt
from sampark.web.dashboard.views import context as dashboard_context


class StaffLoginView(auth_views.LoginView):
    template_name = "accounts/staff/login.html"
    form_class = StaffLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)  # signs in (a new session key)
        if form.device is not None:
            otp_login(self.request, form.device)
        elif two_factor.required(form.get_user()):
            return redirect(reverse("staff-2fa"))  # must set it up before any staff page opens
        return response


@require_POST
def logout(request):
    auth.logout(request)
    return redirect(reverse("staff-login"))


@login_required
def second_factor(request):
    """Set up the authenticator app (a QR code and the key to type), or prove it this session, or replace it."""
    user = request.user
    verified = user.is_verified()
    has_app = two_factor.has_second_factor(user)
    if has_app and not verified:  # signed in before setting up, or on an old session: prove it now
        form = CodeForm(request.POST or None)
        if form.is_valid():
            device = two_factor.verify(user, form.cleaned_data["code"])
            if device is not None:
                otp_login(request, device)
                return redirect(_next(request))
            form.add_error("code", StaffLoginForm.error_messages["code_wrong"])
        return render(request, "accounts/staff/two_factor_verify.html", {"form": form},
                      status=400 if request.method == "POST" else 200)
    device = two_factor.pending_app_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_app(user, device, form.cleaned_data["code"])
        if codes is not None:
            device.refresh_from_db()
            otp_login(request, device)
            return render(request, "accounts/staff/two_factor_done.html", {"codes": codes})
        form.add_error("code", StaffLoginForm.error_messages["code_wrong"])
    context = {"form": form, "qr": two_factor.qr_svg(device), "secret": two_factor.secret_for_typing(device),
               "replacing": has_app, "required": two_factor.required(user)}
    return render(request, "accounts/staff/two_factor_setup.html", context,
                  status=400 if request.method == "POST" else 200)


@login_required
def home(request):
    """The dashboard of the user's area (dashboard.view), then who you are and what you may do, by area."""
    rows = [{"role_label": grant.get_role_display(), "area_name": grant.area.name, "area_code": grant.area.code}
            for grant in RoleAssignment.objects.filter(user=request.user).select_related("area")
            .order_by("area__path", "role")]
    return render(request, "accounts/staff/home.html", {
        "dashboard": dashboard_context(request),
        "grants": rows, "verified": request.user.is_verified(),
        "has_second_factor": two_factor.has_second_factor(request.user),
        "can_admin": request.user.is_staff,
        # a real gateway refuses templates without DLT ids: the people who can fix it see which, on arrival
        "dlt_missing": templates_without_dlt() if permissions.can(request.user, permissions.SYSTEM_MANAGE) else [],
    })


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/staff/password_change.html"
    form_class = StaffPasswordChangeForm
    success_url = reverse_lazy("staff-home")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.password_chosen(self.request.user)
        return response


def _next(request) -> str:
    target = request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("staff-home")
