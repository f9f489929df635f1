from django.contrib import admin

from articles.permissions import owned_q


class MineFilter(admin.SimpleListFilter):
    title = "propriétaire"
    parameter_name = "mes"

    def lookups(self, request, model_admin):
        return [("1", "Mes articles")]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(owned_q(request.user))
        return queryset
