from django.urls import path

from sampark.supporters.desk import views

urlpatterns = [
    path("staff/desk/", views.desk, name="desk"),
    path("staff/desk/claim/", views.claim, name="desk-claim"),
    path("staff/desk/phone/", views.own_phone, name="desk-phone"),
    path("staff/desk/<str:public_id>/", views.card, name="desk-card"),
    path("staff/desk/<str:public_id>/reveal/", views.reveal, name="desk-reveal"),
    path("staff/desk/<str:public_id>/bridge/", views.bridge, name="desk-bridge"),
    path("staff/desk/<str:public_id>/outcome/", views.outcome, name="desk-outcome"),
    path("staff/queue/", views.queue_page, name="desk-queue"),
    path("staff/queue/assign/", views.assign, name="desk-assign"),
    path("staff/queue/unassign/", views.unassign, name="desk-unassign"),
]
