"""Plain factory helpers: ``make_article(**overrides)`` and friends."""

import datetime as dt
import itertools

from django.utils import timezone

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Correction,
    RelatedLink,
    Section,
)

_seq = itertools.count(1)


def make_section(**overrides):
    n = next(_seq)
    fields = {"name": f"Rubrique {n}", "slug": f"rubrique-{n}", "position": n}
    return Section.objects.create(**(fields | overrides))


def make_author(**overrides):
    n = next(_seq)
    fields = {"name": f"Autrice {n}", "slug": f"autrice-{n}"}
    return Author.objects.create(**(fields | overrides))


def make_article(*, authors=(), tags=(), **overrides):
    """A published article (live since now) unless ``overrides`` say otherwise."""
    n = next(_seq)
    fields = {
        "title": f"Article numéro {n}",
        "slug": f"article-numero-{n}",
        "standfirst": "Un chapô de démonstration.",
        "body": "<p>Un paragraphe.</p>",
        "status": Article.Status.PUBLISHED,
        "publish_at": timezone.now(),
    }
    fields |= overrides
    if "section" not in fields:
        fields["section"] = make_section()
    article = Article.objects.create(**fields)
    for position, author in enumerate(authors):
        ArticleAuthor.objects.create(article=article, author=author, position=position)
    if tags:
        article.tags.add(*tags)
    return article


def make_related_link(article, **overrides):
    """An « À lire aussi » link of ``article`` (to ``target=`` or an external ``url=``)."""
    fields = {"position": article.related_links.count()}
    if "target" not in overrides and "url" not in overrides:
        fields["target"] = make_article()
    if "url" in overrides:
        fields.setdefault("title", "Un article ailleurs")
    return RelatedLink.objects.create(article=article, **(fields | overrides))


def make_correction(article, **overrides):
    fields = {"text": "Une erreur de date a été corrigée."}
    return Correction.objects.create(article=article, **(fields | overrides))


def hidden_articles(**overrides):
    """One article of each kind readers must never see: draft, in review,
    scheduled for the future, unpublished, and expired."""
    now = timezone.now()
    later = now + dt.timedelta(days=1)
    return {
        "draft": make_article(
            status=Article.Status.DRAFT, publish_at=None, **overrides
        ),
        "review": make_article(
            status=Article.Status.REVIEW, publish_at=None, **overrides
        ),
        "scheduled": make_article(
            status=Article.Status.SCHEDULED, publish_at=later, **overrides
        ),
        "unpublished": make_article(
            status=Article.Status.UNPUBLISHED, publish_at=now, **overrides
        ),
        "expired": make_article(
            publish_at=now - dt.timedelta(days=2),
            unpublish_at=now - dt.timedelta(days=1),
            **overrides,
        ),
    }
