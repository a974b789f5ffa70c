from django.urls import path, re_path

from sampark.supporters.records import views

# a public id is 12 characters of sampark.core.ids' alphabet, so /staff/supporters/import/ and other fixed
# pages beside these never match a record
RECORD = r"^staff/supporters/(?P<public_id>[a-z2-9]{12})/"

urlpatterns = [
    path("staff/supporters/", views.supporter_list, name="staff-supporters"),
    path("staff/supporters/export.csv", views.supporter_export, name="staff-supporters-export"),
    re_path(RECORD + r"$", views.supporter_detail, name="staff-supporter"),
    re_path(RECORD + r"edit/$", views.supporter_edit, name="staff-supporter-edit"),
    re_path(RECORD + r"tags/$", views.supporter_tags, name="staff-supporter-tags"),
    re_path(RECORD + r"merge/$", views.supporter_merge, name="staff-supporter-merge"),
]
