from django.urls import path

from sampark.web import views

urlpatterns = [
    path("", views.home, name="home"),
]
