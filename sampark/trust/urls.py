"""Public trust pages. Each feature module adds its paths here."""

from django.urls import path

from sampark.trust import views_check

urlpatterns: list = [
    path("check/", views_check.check_message_page, name="check-message"),
]
