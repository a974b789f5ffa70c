from django.urls import path

from sampark.supporters import views

urlpatterns = [
    path("p/<str:token>", views.profile, name="profile"),
]
