from django.contrib import admin

from articles.models import Author
from core.adminpages import FrenchTitles


@admin.register(Author)
class AuthorAdmin(FrenchTitles, admin.ModelAdmin):
    add_title = "Nouvel auteur"
    list_title = "Auteurs"
    object_name = "l’auteur"
    list_display = ["name", "role", "user"]
    search_fields = ["name", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    list_select_related = ["user"]
