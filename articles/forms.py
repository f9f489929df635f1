from django import forms
from django.urls import reverse_lazy
from taggit.forms import TagWidget

from articles.models import Article
from images.widgets import ImageChooserWidget


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


class ArticleAdminForm(forms.ModelForm):
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
            "status",
            "publish_at",
            "unpublish_at",
            "updated_at",
        ]
        widgets = {"tags": SuggestingTagWidget, "hero_image": ImageChooserWidget}
        help_texts = {
            "tags": "Séparés par des virgules ; les mots-clés existants sont proposés."
        }
