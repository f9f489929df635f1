"""What the article form edits beside the article: its bylines and its
« À lire aussi » links."""

import json

from django.contrib import admin
from django.contrib.admin.helpers import InlineAdminFormSet

from articles.admin.forms import RelatedLinkForm, RelatedTargetField
from articles.admin.rights import ArticleEditRights
from articles.models import ArticleAuthor, RelatedLink
from articles.services.rights import can_edit


class ArticleInlineMixin(ArticleEditRights):
    """An inline of an article is editable exactly when the article is."""

    # Django's reads « Ajouter un objet Auteur supplémentaire ».
    add_text = ""

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
    add_text = "Ajouter un autre auteur"


class RelatedLinkInline(ArticleInlineMixin, admin.TabularInline):
    model = RelatedLink
    fk_name = "article"
    form = RelatedLinkForm
    autocomplete_fields = ["target"]
    fields = ["target", "url", "title", "position"]
    extra = 1
    add_text = "Ajouter un autre lien"

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


class FrenchInlineAdminFormSet(InlineAdminFormSet):
    """An inline's « add another » link in natural French (``add_text``)."""

    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        data["options"]["addText"] = self.opts.add_text
        return json.dumps(data)


def with_french_add_text(inline_admin_formsets):
    for inline_admin_formset in inline_admin_formsets:
        if getattr(inline_admin_formset.opts, "add_text", ""):
            inline_admin_formset.__class__ = FrenchInlineAdminFormSet
    return inline_admin_formsets
