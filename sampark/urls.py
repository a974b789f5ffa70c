from django.contrib import admin
from django.urls import include, path

from sampark.api import api
from sampark.web import views as web_views

urlpatterns = [
    path("healthz", web_views.healthz, name="healthz"),
    path("hooks/", include("sampark.telephony.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("sampark.supporters.urls")),
    path("", include("sampark.trust.urls")),
    path("", include("sampark.web.urls")),
]
