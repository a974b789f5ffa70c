"""Public trust pages. Each feature module adds its paths here."""

from django.urls import path

from sampark.trust.views import check as views_check
from sampark.trust.views import registry as views_registry
from sampark.trust.views import report as views_report
from sampark.trust.views import verify as views_verify

urlpatterns: list = [
    path("official/", views_registry.official_list, name="trust-official"),
    path("official/<str:code>/", views_registry.official_area, name="trust-official-area"),
    path("verify/", views_verify.verify_page, name="trust-verify"),
    path("report/", views_report.report, name="trust-report"),
    path("report/thanks/", views_report.thanks, name="trust-report-thanks"),  # ?ref=<case reference>
    path("report/status/", views_report.status, name="trust-report-status"),  # ?code=<case code>
    path("check/", views_check.check_message_page, name="check-message"),
]
