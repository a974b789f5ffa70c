from django.urls import path

from sampark.accounts import team_views, views

urlpatterns = [
    path("staff/", views.home, name="staff-home"),
    path("staff/login/", views.StaffLoginView.as_view(), name="staff-login"),
    path("staff/logout/", views.logout, name="staff-logout"),
    path("staff/2fa/", views.second_factor, name="staff-2fa"),
    path("staff/password/", views.PasswordChangeView.as_view(), name="staff-password"),
    path("staff/team/", team_views.team, name="staff-team"),
]
