"""What the article form edits beside the article: its bylines and its
« À lire aussi » links."""

from django.contrib import admin

from articles.admin.forms import RelatedLinkForm, RelatedTargetField
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
    form = RelatedLinkForm
    autocomplete_fields = ["target"]
    fields = ["target", "url", "title", "position"]
    extra = 1

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "target":
            kwargs["form_class"] = RelatedTargetField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # The form class is built for this request: what its target may be
        # depends on who is editing.
        formset.form.user = request.user
        return formset
