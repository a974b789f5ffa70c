from django.urls import include, path

from sampark.supporters import views

urlpatterns = [
    path("p/<str:token>", views.profile, name="profile"),
    path("", include("sampark.supporters.records.urls")),  # /staff/supporters/… (records)
]
