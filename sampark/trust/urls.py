"""Public trust pages. Each feature module adds its paths here."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
