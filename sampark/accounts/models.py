import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COORDINATOR = "coordinator", _("Coordinator")
    VOLUNTEER = "volunteer", _("Volunteer")
    LEADERSHIP = "leadership", _("Leadership office")
    DPO = "dpo", _("Data-protection officer")


class RoleAssignment(models.Model):
    """A staff user's role bound to an area: they see and act only inside it (the country for national roles)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=16, choices=Role.choices)
    area = models.ForeignKey("geo.Area", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role", "area"], name="role_once_per_area")]


class ApiToken(models.Model):
    """Bearer token for /api/v1. Only a SHA-256 of the token is stored; the token is shown once at creation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)  # the API's per-request token lookup
    label = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)  # None: until revoked

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class TemporaryPassword(models.Model):
    """A password someone else chose and saw (``sampark user add``, the team page): its holder must replace it at
    their first sign-in before any staff page opens (accounts.middleware.RequireOwnPassword)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)
