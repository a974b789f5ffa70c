from django.urls import include, path

from sampark.supporters import views
from sampark.telephony.bridge.views import plivo_answer

urlpatterns = [
    path("p/<str:token>", views.profile, name="profile"),
    path("", include("sampark.supporters.records.urls")),  # /staff/supporters/… (records)
    path("", include("sampark.supporters.desk.urls")),  # /staff/desk/, /staff/queue/ (the call-back desk)
    path("hooks/bridge/plivo/<str:token>/", plivo_answer, name="bridge-plivo-answer"),  # bridged calls' XML
]
