"""What the article form edits beside the article: its bylines and its
« À lire aussi » links."""

import json

from django import forms
from django.contrib import admin
from django.contrib.admin.helpers import InlineAdminFormSet
from django.contrib.admin.widgets import AutocompleteSelect
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property

from articles.admin.forms import RelatedLinkForm, RelatedTargetField
from articles.admin.rights import ArticleEditRights
from articles.models import ArticleAuthor, RelatedLink
from articles.services.rights import can_edit, hidden_article_pks


class RowAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that shows the row's own saved choice (an author, a
    linked article) from the object the row already holds, set by
    ``RowObjectsForm`` as its field's ``row_object``, instead of Django's
    query per row. Any other value (typed into a form sent back with errors,
    or an initial value) is looked up in the field's queryset as Django
    does."""

    def optgroups(self, name, value, attr=None):
        field = self.choices.field
        known = getattr(field, "row_object", None)
        selected = {str(v) for v in value if str(v) not in field.empty_values}
        to_field = self.field.target_field.attname
        if known is None or selected != {str(getattr(known, to_field))}:
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        options.append(
            self.create_option(
                name,
                getattr(known, to_field),
                field.label_from_instance(known),
                True,
                len(options),
            )
        )
        return [(None, options, 0)]


class RowObjectsForm(forms.ModelForm):
    """A row of an article's inline: each autocompleted field's saved object
    (joined by the inline's queryset) is handed to its widget
    (``RowAutocompleteSelect``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            # The admin wraps a foreign key's widget (« add », « change » links).
            widget = getattr(field.widget, "widget", field.widget)
            if not isinstance(widget, RowAutocompleteSelect):
                continue
            if getattr(self.instance, self.instance._meta.get_field(name).attname):
                field.row_object = getattr(self.instance, name)


class ArticleInlineMixin(ArticleEditRights):
    """An inline of an article is editable exactly when the article is."""

    # Django's reads « Ajouter un objet Auteur supplémentaire ».
    add_text = ""
    form = RowObjectsForm

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and (
            obj is None or can_edit(request.user, obj)
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                RowAutocompleteSelect(
                    db_field, self.admin_site, using=kwargs.get("using")
                ),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class BylineInline(ArticleInlineMixin, admin.TabularInline):
    model = ArticleAuthor
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    extra = 1
    verbose_name = "auteur"
    verbose_name_plural = "auteurs (dans l’ordre de la signature)"
    add_text = "Ajouter un autre auteur"

    def get_queryset(self, request):
        # Each row's heading and autocomplete show its author's name.
        return super().get_queryset(request).select_related("author")


class RelatedLinkInlineForm(RowObjectsForm, RelatedLinkForm):
    pass


class RelatedLinkFormSet(BaseInlineFormSet):
    """Which linked articles the person may not see, asked once for all the
    rows rather than by each row's form."""

    @cached_property
    def hidden_targets(self):
        if self.form.user is None:
            return None
        targets = {link.target_id for link in self.get_queryset()}
        return frozenset(hidden_article_pks(self.form.user, targets))

    def get_form_kwargs(self, index):
        return super().get_form_kwargs(index) | {"hidden_targets": self.hidden_targets}


class RelatedLinkInline(ArticleInlineMixin, admin.TabularInline):
    model = RelatedLink
    fk_name = "article"
    form = RelatedLinkInlineForm
    formset = RelatedLinkFormSet
    autocomplete_fields = ["target"]
    fields = ["target", "url", "title", "position"]
    extra = 1
    add_text = "Ajouter un autre lien"

    def get_queryset(self, request):
        # Each row's heading and autocomplete show its target's title; the
        # target's text is never read here.
        return (
            super().get_queryset(request).select_related("target").defer("target__body")
        )

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
