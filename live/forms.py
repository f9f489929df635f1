"""The posting screen's forms: an entry, and « L’essentiel »."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect

from articles.admin.forms import ParisDateTimeField
from images.widgets import ImageChooserWidget
from live.models import LiveCoverage, LiveEntry


class EntryForm(forms.ModelForm):
    publish_at = ParisDateTimeField(
        label="programmer à",
        required=False,
        help_text="Heure de Paris, à la seconde. Vide : en ligne tout de suite.",
        # Seconds shown and accepted: an entry may be scheduled to the second.
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local", "step": 1}, format="%Y-%m-%dT%H:%M:%S"
        ),
        input_formats=["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M:%S"],
    )

    class Meta:
        model = LiveEntry
        fields = [
            "body",
            "title",
            "image",
            "link_article",
            "link_url",
            "link_title",
            "is_important",
            "is_pinned",
            "publish_at",
        ]
        widgets = {
            "image": ImageChooserWidget,
            # Articles to link to, found as one types (the article admin's
            # own search, limited to what this person may see).
            "link_article": AutocompleteSelect(
                LiveEntry._meta.get_field("link_article"), admin.site
            ),
        }
        labels = {"is_important": "Important", "is_pinned": "Épingler en tête"}
        help_texts = {
            "title": "Facultatif, court.",
            "link_article": "Affiché en carte sous l’entrée, s’il est publié.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["data-live-entry-body"] = "1"

    def entry_fields(self) -> dict:
        """The cleaned fields, for ``live.services``: an empty time means now."""
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if fields["publish_at"] is None:
            del fields["publish_at"]
        return fields

    def _post_clean(self):
        # The services validate the entry (with its author and article);
        # here only the fields' own checks run.
        pass


class SummaryForm(forms.ModelForm):
    class Meta:
        model = LiveCoverage
        fields = ["summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5, "cols": 80})}
