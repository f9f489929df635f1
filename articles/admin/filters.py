from django.contrib import admin

from articles.services.rights import owned_q


class MineFilter(admin.SimpleListFilter):
    title = "propriétaire"
    parameter_name = "mes"

    def lookups(self, request, model_admin):
        return [("1", "Mes articles")]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(owned_q(request.user))
        return queryset


class AuthorFilter(admin.RelatedFieldListFilter):
    """« Par auteur », with articles nobody signed under « Sans signature »."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "auteur"
        self.empty_value_display = "Sans signature"
