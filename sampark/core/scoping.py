"""Area scoping: every staff query goes through ``visible_to(user)``, a prefix match on Area.path."""

from django.db import models
from django.db.models import Q


class ScopedQuerySet(models.QuerySet):
    #: the lookup from this model to its Area, e.g. "area" or "supporter__area"
    area_lookup = "area"

    def visible_to(self, user):
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        from sampark.accounts.models import RoleAssignment

        paths = list(RoleAssignment.objects.filter(user=user).values_list("area__path", flat=True))
        if not paths:
            return self.none()
        condition = Q()
        for path in paths:
            if "." not in path:  # a role at the root also covers rows whose area is not known yet
                condition |= Q(**{f"{self.area_lookup}__isnull": True})
            condition |= Q(**{f"{self.area_lookup}__path": path})
            condition |= Q(**{f"{self.area_lookup}__path__startswith": path + "."})
        return self.filter(condition)
