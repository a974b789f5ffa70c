"""Area scoping: every staff query goes through ``visible_to(user)``, a prefix match on Area.path.

Which areas count is the permission module's answer (``accounts.permissions.scope``): the areas where the user
holds the queryset's ``view_perm``. A volunteer holds no permission to list supporters, so their
``Supporter.objects.visible_to(user)`` is empty; the call-back desk hands them supporters one claim at a time.
"""

from django.db import models
from django.db.models import Q


class ScopedQuerySet(models.QuerySet):
    #: the lookup from this model to its Area, e.g. "area" or "supporter__area"
    area_lookup = "area"
    #: the permission (sampark.accounts.permissions) that lets a user see rows of this model
    view_perm = ""

    def visible_to(self, user, perm: str | None = None):
        from sampark.accounts import permissions

        if not self.view_perm and perm is None:
            raise TypeError(f"{type(self).__name__} has no view_perm: pass the permission to visible_to()")
        paths = permissions.scope(user, perm or self.view_perm)
        if paths is None:
            return self
        if not paths:
            return self.none()
        condition = Q()
        for path in paths:
            if "." not in path:  # a role at the root also covers rows whose area is not known yet
                condition |= Q(**{f"{self.area_lookup}__isnull": True})
            condition |= Q(**{f"{self.area_lookup}__path": path})
            condition |= Q(**{f"{self.area_lookup}__path__startswith": path + "."})
        return self.filter(condition)

