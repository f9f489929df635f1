"""The content model and the editorial workflow's records.

``from articles.models import Article`` works for every model of the app;
each lives in the module of its concern.
"""

from articles.models.article import Article, article_path
from articles.models.article_parts import ArticleAuthor, Correction, RelatedLink
from articles.models.fields import SanitizedHTMLField, count_words, reading_minutes
from articles.models.querysets import (
    LAST_CHANGE,
    PUBLICATION_MONTH,
    ArticleManager,
    ArticleQuerySet,
    breaking_news_window,
)
from articles.models.redirects import ArticleRedirect
from articles.models.sections import RESERVED_SLUGS, Author, Section
from articles.models.workflow import (
    AuditEvent,
    Autosave,
    EditPresence,
    PreviewLink,
    Revision,
    ScheduledChange,
)

__all__ = [
    "LAST_CHANGE",
    "PUBLICATION_MONTH",
    "RESERVED_SLUGS",
    "Article",
    "ArticleAuthor",
    "ArticleManager",
    "ArticleQuerySet",
    "ArticleRedirect",
    "AuditEvent",
    "Author",
    "Autosave",
    "Correction",
    "EditPresence",
    "PreviewLink",
    "RelatedLink",
    "Revision",
    "SanitizedHTMLField",
    "ScheduledChange",
    "Section",
    "article_path",
    "breaking_news_window",
    "count_words",
    "reading_minutes",
]
