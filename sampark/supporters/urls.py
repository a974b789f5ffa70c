from django.urls import include, path

from sampark.supporters import views
from sampark.supporters.desk.public import allow_calls
from sampark.telephony.bridge.views import plivo_answer

urlpatterns = [
    path("p/<str:token>", views.profile, name="profile"),
    path("p/<str:token>/allow-calls", allow_calls, name="profile-allow-calls"),  # lifts the desk's do-not-call
    path("", include("sampark.supporters.imports.urls")),  # /staff/supporters/import/ (before the records' pages)
    path("", include("sampark.supporters.records.urls")),  # /staff/supporters/… (records)
    path("", include("sampark.supporters.desk.urls")),  # /staff/desk/, /staff/queue/ (the call-back desk)
    path("hooks/bridge/plivo/<str:token>/", plivo_answer, name="bridge-plivo-answer"),  # bridged calls' XML
]
