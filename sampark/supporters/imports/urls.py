from django.urls import path

from sampark.supporters.imports import views

JOB = "staff/supporters/import/<str:public_id>/"  # an unknown id is a 404 page

urlpatterns = [
    path("staff/supporters/import/", views.upload, name="staff-import"),
    path(JOB, views.progress, name="staff-import-progress"),
    path(JOB + "rejected.csv", views.report, name="staff-import-report"),
]
