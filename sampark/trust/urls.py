"""Public trust pages. Each feature module adds its paths here."""

from django.urls import path

from sampark.trust import views_registry, views_verify

urlpatterns: list = [
    path("official/", views_registry.official_list, name="trust-official"),
    path("official/<str:code>/", views_registry.official_area, name="trust-official-area"),
    path("verify/", views_verify.verify_page, name="trust-verify"),
]
