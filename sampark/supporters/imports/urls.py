from django.urls import path, re_path

from sampark.supporters.imports import views

JOB = r"^staff/supporters/import/(?P<public_id>[a-z2-9]{12})/"

urlpatterns = [
    path("staff/supporters/import/", views.upload, name="staff-import"),
    re_path(JOB + r"$", views.progress, name="staff-import-progress"),
    re_path(JOB + r"rejected\.csv$", views.report, name="staff-import-report"),
]
