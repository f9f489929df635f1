import datetime as dt

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from taggit.forms import TagWidget
from taggit.models import Tag
from taggit.utils import edit_string_for_tags

# ParisDateTimeField stays importable from here (live/forms.py uses it).
from articles.admin.dates import ParisDateTimeField, paris_datetime_field  # noqa: F401
from articles.admin.publish_panel import PublishPanelForm
from articles.models import Article, Correction, RelatedLink, Revision
from articles.models.workflow import PREVIEW_LINK_LIFETIME
from articles.revisions import TEXT_FIELDS, article_snapshot, compare, fingerprint
from articles.services.checks import is_live
from articles.services.rights import (
    HIDDEN_ARTICLE_LABEL,
    content_seen_by,
    hidden_article_pks,
    sees_all_articles,
    visible_articles,
)
from articles.tags import existing_names
from core.formats import person_name
from images.widgets import ImageChooserWidget

# Fields an autosave keeps and can put back into the form.
AUTOSAVED_FIELDS = [*TEXT_FIELDS, "section", "tags"]


def revision_initial(content: dict) -> dict:
    """The article form's initial values from a revision's content."""
    initial = {name: content[name] for name in AUTOSAVED_FIELDS if name in content}
    initial["section"] = (content.get("section") or {}).get("id")
    initial["hero_image"] = (content.get("hero_image") or {}).get("id")
    initial["tags"] = edit_string_for_tags(
        [Tag(name=name) for name in content.get("tags", [])]
    )
    return initial


class SuggestingTagWidget(TagWidget):
    """Comma-separated tags, with existing tags suggested as one types."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={
                "class": "vTextField",
                "autocomplete": "off",
                "data-suggest-url": reverse_lazy(
                    "admin:articles_article_tag_suggestions"
                ),
                **(attrs or {}),
            }
        )


class ArticleAdminForm(PublishPanelForm, forms.ModelForm):
    """The article's content. Status and dates are not here: they move only
    through the workflow's actions, so a crafted POST cannot change them.

    ``base_fingerprint`` is the content the editor started from: a save over
    content changed since is refused (optimistic locking), with what changed.
    """

    base_fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)
    changes_apply_at = paris_datetime_field(
        "mettre en ligne ces modifications le",
        required=False,
        help_text="Heure de Paris. Avec « Programmer ces modifications », la version en ligne reste inchangée jusqu’à cette date.",
    )

    # Set by ArticleAdmin.get_form: an autosave to put back into the form.
    restored = None
    # Set by ArticleAdmin.get_form: an old revision to start a new version from.
    restored_revision = None
    # Set when a save is refused because someone else saved first.
    conflict = None

    class Media:
        # The « Référencement et partage » preview, live (_seo_preview.html).
        js = ["js/admin/seo-preview.js"]

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "section",
            "standfirst",
            "body",
            "hero_image",
            "hero_caption",
            "tags",
            "sources",
            "is_featured",
            "is_breaking",
            "format",
            "language",
            "seo_title",
            "social_title",
            "seo_description",
        ]
        widgets = {
            "tags": SuggestingTagWidget,
            "hero_image": ImageChooserWidget,
            # A headline is never cut: the box grows with it (admin.css).
            "title": forms.Textarea(attrs={"rows": 1, "class": "headline-input"}),
            "seo_description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "tags": "Séparés par des virgules ; les mots-clés existants sont proposés."
        }

    def clean_title(self):
        # The box wraps long headlines; a line break typed in it is a space.
        return " ".join(self.cleaned_data["title"].split())

    def clean_tags(self):
        # The tag table's column: a longer name would fail in the database.
        limit = Tag._meta.get_field("name").max_length
        tags = self.cleaned_data["tags"]
        if too_long := [tag for tag in tags if len(tag) > limit]:
            raise forms.ValidationError(
                f"Un mot-clé compte au plus {limit} caractères ; « {too_long[0][:40]}… » "
                f"en a {len(too_long[0])}.",
                code="tag_too_long",
            )
        # « énergie » is the existing « Énergie », not a second tag.
        return existing_names(tags)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["base_fingerprint"] = fingerprint(
                article_snapshot(self.instance)
            )
            if self.instance.publish_at is not None:
                self.initial["go_live_at"] = self.instance.publish_at
                if second := self.instance.publish_at.second:
                    self.initial["go_live_seconds"] = second
        if self.restored is not None and not self.is_bound:
            self.initial.update(
                {
                    name: value
                    for name, value in self.restored.data.items()
                    if name in AUTOSAVED_FIELDS and name in self.fields
                }
            )
            if self.restored.base_fingerprint:
                self.initial["base_fingerprint"] = self.restored.base_fingerprint
        if self.restored_revision is not None and not self.is_bound:
            self.initial.update(revision_initial(self.restored_revision.content))

    # Set by ArticleAdmin.get_form: who is editing.
    user = None

    @property
    def schedules_change(self):
        """« Programmer ces modifications » was pressed on a saved article."""
        return bool(self.data.get("_schedule_change")) and self.instance.pk is not None

    def clean(self):
        cleaned = super().clean()
        if self.schedules_change:
            if self.user is None or not self.user.has_perm("articles.schedule_article"):
                raise forms.ValidationError(
                    "Vous ne pouvez pas programmer de modification.", code="permission"
                )
            if not is_live(self.instance):
                raise forms.ValidationError(
                    "Cet article n’est pas en ligne : enregistrez simplement vos modifications.",
                    code="not_live",
                )
            apply_at = cleaned.get("changes_apply_at")
            if apply_at is None:
                self.add_error(
                    "changes_apply_at",
                    "Indiquez quand mettre en ligne ces modifications.",
                )
            elif apply_at <= timezone.now():
                self.add_error("changes_apply_at", "Choisissez une date à venir.")
        if self.data.get("_workflow"):
            self._clean_workflow_request(self.data["_workflow"], cleaned)
        if self.instance.pk:
            self._check_not_stale(cleaned.get("base_fingerprint") or "")
        return cleaned

    def _seen(self, content):
        # What changed, without the title of a linked article the person
        # may not see.
        return content if self.user is None else content_seen_by(self.user, content)

    def _check_not_stale(self, base):
        # Lock the row: of two saves at once, the second waits and then sees
        # the first one's content (Django's admin wraps this in a transaction).
        current = Article.objects.select_for_update().get(pk=self.instance.pk)
        content = article_snapshot(current)
        now_print = fingerprint(content)
        if base == now_print:
            return
        base_revision = (
            Revision.objects.filter(article=current, fingerprint=base)
            .order_by("-number")
            .first()
            if base
            else None
        )
        latest = current.revisions.select_related("created_by").first()
        self.conflict = {
            "changes": compare(self._seen(base_revision.content), self._seen(content))
            if base_revision
            else [],
            "latest": latest,
        }
        # Saving again, having seen what changed, replaces the current version.
        self.data = self.data.copy()
        self.data["base_fingerprint"] = now_print
        who = (
            person_name(latest.created_by)
            if latest and latest.created_by
            else "Quelqu’un"
        )
        raise forms.ValidationError(
            f"{who} a modifié cet article depuis que vous l’avez ouvert : votre version n’a pas été enregistrée. "
            "Vos modifications sont toujours dans le formulaire ; voyez ci-dessous ce qui a changé, "
            "puis enregistrez à nouveau pour remplacer la version actuelle par la vôtre.",
            code="stale",
        )


class RelatedTargetField(forms.ModelChoiceField):
    """The linked article: its title, unless the person may not see it."""

    hidden_pks = frozenset()

    def label_from_instance(self, obj):
        return HIDDEN_ARTICLE_LABEL if obj.pk in self.hidden_pks else str(obj)


class RelatedLinkForm(forms.ModelForm):
    """An « À lire aussi » link. A journalist links to what they may see
    (``rights.visible_articles``); a link an editor made to an article they
    may not see stays, shown without its title."""

    # Set by RelatedLinkInline.get_formset: who is editing.
    user = None

    class Meta:
        model = RelatedLink
        fields = ["target", "url", "title", "position"]

    def __init__(self, *args, hidden_targets=None, **kwargs):
        """``hidden_targets``: the pks, among the targets of all the links
        shown with this one, that the person may not see (the inline's
        formset asks once for all its rows); without it, asked for this
        link alone."""
        super().__init__(*args, **kwargs)
        target = self.fields.get("target")
        if target is None or self.user is None or sees_all_articles(self.user):
            return
        kept = self.instance.target_id
        target.queryset = visible_articles(self.user)
        target.error_messages["invalid_choice"] = (
            "Choisissez un article publié ou l’un des vôtres."
        )
        hidden = (
            hidden_article_pks(self.user, {kept})
            if hidden_targets is None
            else {kept} & hidden_targets
        )
        if hidden:
            target.queryset |= Article.objects.filter(pk=kept)
            target.hidden_pks = frozenset(hidden)
            # The row's heading is the link's title: an in-memory stand-in
            # keeps the real title out of the page (saving uses the field).
            self.instance.target = Article(pk=kept, title=HIDDEN_ARTICLE_LABEL)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="commentaire",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Facultatif ; visible dans le journal éditorial.",
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="ce qu’il faut revoir",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text="Le journaliste le lit en haut de son article.",
    )


class ScheduleForm(CommentForm):
    publish_at = paris_datetime_field("mettre en ligne le")
    unpublish_at = paris_datetime_field(
        "retirer le",
        required=False,
        help_text="Heure de Paris. Facultatif : l’article disparaît du site à cette date.",
    )

    def clean(self):
        cleaned = super().clean()
        publish_at, unpublish_at = (
            cleaned.get("publish_at"),
            cleaned.get("unpublish_at"),
        )
        if publish_at and publish_at <= timezone.now():
            self.add_error(
                "publish_at",
                "Cette date est passée : choisissez une date à venir, ou « Publier maintenant ».",
            )
        if publish_at and unpublish_at and unpublish_at <= publish_at:
            self.add_error(
                "unpublish_at",
                "La date de dépublication doit suivre la date de publication.",
            )
        return cleaned


class RescheduleForm(forms.Form):
    """The calendar's quick rescheduling: one date, nothing else."""

    publish_at = paris_datetime_field("nouvelle date")


class UnpublishForm(CommentForm):
    at = paris_datetime_field(
        "retirer le",
        required=False,
        help_text="Heure de Paris. Laissez vide pour retirer l’article tout de suite.",
    )


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "cols": 60})}
        help_texts = {
            "text": "Publié tel quel sous l’article, daté d’aujourd’hui ; « Mis à jour le » change aussi."
        }


class PreviewLinkForm(forms.Form):
    note = forms.CharField(
        label="pour qui",
        max_length=200,
        required=False,
        help_text="Par exemple « Relecture par le service juridique ».",
    )
    hours = forms.IntegerField(
        label="valable pendant (heures)",
        min_value=1,
        max_value=24 * 30,
        initial=int(PREVIEW_LINK_LIFETIME.total_seconds() // 3600),
    )

    @property
    def lifetime(self):
        return dt.timedelta(hours=self.cleaned_data["hours"])
