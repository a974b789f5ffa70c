from django.urls import path

from sampark.core.audit import views

urlpatterns = [
    path("staff/audit/", views.audit_page, name="staff-audit"),
]
