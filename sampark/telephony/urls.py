from django.urls import path

from sampark.telephony import views

urlpatterns = [
    path("<str:provider>/<str:slug>/", views.hook, name="hook"),
]
