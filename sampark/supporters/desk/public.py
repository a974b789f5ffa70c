"""The supporter's own side of do-not-call: on their profile page (/p/<token>) they, and only they, lift it."""

from django.http import HttpResponseRedirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from sampark.supporters import views as profile_views
from sampark.supporters.desk.services import lift_do_not_call
from sampark.supporters.services import supporter_for_token


@never_cache
@require_POST
def allow_calls(request, token: str):
    supporter = supporter_for_token(token)
    if supporter is None:
        return profile_views._invalid_link(request)
    lift_do_not_call(supporter)
    language = profile_views._page_language(request, supporter)
    return HttpResponseRedirect(f"/p/{token}?lang={language}&allowed=1")
