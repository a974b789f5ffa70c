from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from sampark.api import api
from sampark.web import views as web_views

urlpatterns = [
    path("healthz", web_views.healthz, name="healthz"),
    # browsers ask for /favicon.ico whatever the page links; answered without rendering the 404 page
    path("favicon.ico", RedirectView.as_view(url=static("web/favicon.ico"), permanent=True)),
    path("hooks/", include("sampark.telephony.urls")),
    path("api/v1/", api.urls),
    # one sign-in for the workspace and the admin: the staff page, with its second factor and throttling
    path("admin/login/", RedirectView.as_view(pattern_name="staff-login", query_string=True)),
    path("admin/logout/", RedirectView.as_view(pattern_name="staff-home")),
    path("admin/", admin.site.urls),
    path("", include("sampark.accounts.urls")),
    path("", include("sampark.core.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("sampark.supporters.urls")),
    path("", include("sampark.trust.urls")),
    path("", include("sampark.web.urls")),
]

# the site's own pages, in Hindi and English, instead of Django's bare English ones
handler400 = web_views.bad_request
handler403 = web_views.permission_denied
handler404 = web_views.page_not_found
handler500 = web_views.server_error
