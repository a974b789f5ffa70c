from django.contrib import admin

from sampark.core.admin_scoping import SystemAdmin
from sampark.geo.models import Area, NumberSeries


@admin.register(Area)
class AreaAdmin(SystemAdmin):
    list_display = ("code", "name_en", "name_hi", "level", "path")
    list_filter = ("level",)
    search_fields = ("code", "name_en", "name_hi")
    raw_id_fields = ("parent",)

    def get_readonly_fields(self, request, obj=None):
        # The tree's shape (and every descendant's path) changes only through `sampark geo import`.
        return ("path",) if obj is None else ("code", "parent", "level", "path")


@admin.register(NumberSeries)
class NumberSeriesAdmin(SystemAdmin):
    list_display = ("prefix", "operator", "circle_code", "circle")
    search_fields = ("prefix",)
