"""Bearer-token authentication for /api/v1.

``Authorization: Bearer <token>``; the token is looked up by its SHA-256 digest (only the digest is stored), and
its user must be active. Every failure is a 401 whose message says which problem it is, so an integrator can
tell a missing header from a mistyped token.
"""

from datetime import timedelta

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from sampark.accounts.models import ApiToken

# last_used_at is for "which tokens are still in use", not an audit trail: one write a minute per token at most,
# so a busy integration does not turn every read into a write.
TOUCH_INTERVAL = timedelta(minutes=1)
MAX_TOKEN_LENGTH = 200  # ours are 43 characters; anything far longer is not one of ours and is not hashed


class ApiTokenAuth(HttpBearer):
    def __call__(self, request: HttpRequest):
        header = request.headers.get(self.header, "")
        if not header.strip():
            raise AuthenticationError(message="missing Authorization header; send 'Authorization: Bearer <token>'")
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != self.openapi_scheme:
            raise AuthenticationError(message="Authorization header must use the Bearer scheme")
        token = token.strip()
        if not token:
            raise AuthenticationError(message="Authorization header has no token after 'Bearer'")
        return self.authenticate(request, token)

    def authenticate(self, request: HttpRequest, token: str):
        found = None
        if len(token) <= MAX_TOKEN_LENGTH:
            found = ApiToken.objects.select_related("user").filter(digest=ApiToken.digest_of(token)).first()
        if found is None:
            raise AuthenticationError(message="unknown API token")
        if not found.user.is_active:
            raise AuthenticationError(message="the API token's user is deactivated")
        if found.expires_at is not None and found.expires_at <= timezone.now():
            raise AuthenticationError(message=f"the API token expired at {found.expires_at.isoformat()}")
        touch(found)
        # Views and visible_to() read request.user; for the API that is the token's user, not a session's.
        request.user = found.user
        return found.user


def touch(token: ApiToken) -> None:
    """Record that the token was used, at most once per TOUCH_INTERVAL."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < TOUCH_INTERVAL:
        return
    # The condition again in SQL: of concurrent requests that all saw a stale value, only the first writes.
    ApiToken.objects.filter(pk=token.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lte=now - TOUCH_INTERVAL)
    ).update(last_used_at=now)
    token.last_used_at = now


bearer = ApiTokenAuth()
