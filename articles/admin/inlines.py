"""What the article form edits beside the article: its bylines and its
« À lire aussi » links."""

from django.contrib import admin

from articles.admin.rights import ArticleEditRights
from articles.models import ArticleAuthor, RelatedLink
from articles.services.rights import can_edit


class ArticleInlineMixin(ArticleEditRights):
    """An inline of an article is editable exactly when the article is."""

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and (
            obj is None or can_edit(request.user, obj)
        )


class BylineInline(ArticleInlineMixin, admin.TabularInline):
    model = ArticleAuthor
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    extra = 1
    verbose_name = "auteur"
    verbose_name_plural = "auteurs (dans l’ordre de la signature)"


class RelatedLinkInline(ArticleInlineMixin, admin.TabularInline):
    model = RelatedLink
    fk_name = "article"
    autocomplete_fields = ["target"]
    fields = ["target", "url", "title", "position"]
    extra = 1
