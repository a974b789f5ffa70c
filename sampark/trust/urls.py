"""Public trust pages. Each feature module adds its paths here."""

from django.urls import path

from sampark.trust import views_check, views_report

urlpatterns: list = [
    path("report/", views_report.report, name="trust-report"),
    path("report/thanks/", views_report.thanks, name="trust-report-thanks"),  # ?ref=<case reference>
    path("check/", views_check.check_message_page, name="check-message"),
]
