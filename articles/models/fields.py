"""Fields and counts the content model shares."""

import math

from django.utils.html import strip_tags
from django_prose_editor.fields import ProseEditorField

from articles.sanitizer import sanitize_html

WORDS_PER_MINUTE = 230


def count_words(html: str) -> int:
    return len(strip_tags(html).split())


def reading_minutes(word_count: int) -> int:
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))


class SanitizedHTMLField(ProseEditorField):
    """Rich text edited with ProseMirror and cleaned on *every* save.

    The editor's own sanitiser only runs when a form validates; cleaning in
    ``pre_save`` also covers imports, the shell and ``bulk_create``.
    """

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
