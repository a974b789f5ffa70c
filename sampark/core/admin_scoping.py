"""Admin pages go through the same area scoping as every other staff view."""

from django.contrib import admin


class ScopedAdmin(admin.ModelAdmin):
    def get_queryset(self, request):
        return self.model.objects.visible_to(request.user)
