from django.utils.functional import SimpleLazyObject

from sampark.accounts import permissions


def staff(request):
    """``staff_can``: the permissions the signed-in user holds somewhere, for the staff menu (read only when a
    template asks, so public pages pay nothing)."""
    def held() -> frozenset[str]:
        user = getattr(request, "user", None)
        return frozenset(perm for perm in permissions.ALL if permissions.can(user, perm))

    return {"staff_can": SimpleLazyObject(held)}
