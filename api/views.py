"""The content API, /api/v1/: thin operations over the reader site's queries.

Every article comes through ``Article.objects.published()`` and shows its
due scheduled version, as on the site: what readers may not see answers 404.
"""

import datetime as dt
from typing import Literal

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI, Path, Query
from taggit.models import Tag, TaggedItem

from api import cursors, errors, lives, ninjs, representation, schemas
from api.access import FixedWindowThrottle, PartnerKeyAuth
from api.http import http_headers, ninjs_response, wants_ninjs
from api.params import (
    DEFAULT_LIMIT,
    ERRORS,
    MAX_CURSOR,
    MAX_ID,
    MAX_LIMIT,
    SLUG,
    aware,
    next_url,
    problems,
)
from api.problems import PROBLEM_TYPE
from articles.models import Article, Author, Section
from website import queries
from website.search import MAX_QUERY_LENGTH, SearchForm, search_articles


class ContentAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """The schema, errors declared as ``application/problem+json``: the
        media type they are sent with (``api.problems``)."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                if operation.pop("x-ninjs", False):
                    answers = operation["responses"]
                    ok = answers.get(200) or answers["200"]
                    ok["content"][ninjs.MEDIA_TYPE] = NINJS_CONTENT
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if str(status).startswith("4") and "application/json" in content:
                        answer["content"] = {PROBLEM_TYPE: content["application/json"]}
        return schema


api = ContentAPI(
    title="API de contenus News Day FR",
    version="1",
    description=(
        "Lecture seule des contenus publiés : articles, directs et leurs "
        "entrées, rubriques, auteurs, mots-clés, recherche. Documentation : "
        "docs/api.md."
    ),
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url="/docs/",
    auth=PartnerKeyAuth(),
    throttle=FixedWindowThrottle(),
)
api.add_decorator(http_headers, mode="view")
errors.install(api)
api.add_router("/lives", lives.router)

# The article's 200 also comes as ninjs (added to the schema below).
NINJS_RESPONSE = {"x-ninjs": True}
NINJS_CONTENT = {
    "schema": {"type": "object", "description": "L’article en IPTC ninjs 2.1."}
}


def _cards(articles):
    return [representation.card_data(article) for article in articles]


def _one(model, name, slug, unknown):
    """The ``model`` row at ``slug``, else a 400 naming the parameter."""
    found = model.objects.filter(slug=slug).first()
    if found is None:
        raise errors.BadParameter(name, f"{unknown} « {slug} ».")
    return found


@api.get(
    "/articles",
    response={200: schemas.ArticlePage, **ERRORS},
    url_name="articles",
    summary="Articles publiés, du plus récent au plus ancien",
)
def article_list(
    request,
    rubrique: str | None = Query(None, pattern=SLUG, max_length=100),
    author: str | None = Query(None, pattern=SLUG, max_length=150),
    tag: str | None = Query(None, pattern=SLUG, max_length=100),
    updated_since: dt.datetime | None = None,
    cursor: str | None = Query(None, max_length=MAX_CURSOR),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """Keyset pagination on (publication, id): follow ``next`` (or pass
    ``next_cursor`` as ``cursor``) until it is null. ``updated_since``
    keeps the articles published or changed since that moment (for
    syncing)."""
    filters = {}
    if rubrique:
        filters["section"] = _one(
            Section, "rubrique", rubrique, "aucune rubrique n’a l’identifiant"
        ).pk
    if author:
        filters["author"] = _one(
            Author, "author", author, "aucun auteur n’a l’identifiant"
        ).pk
    if tag:
        filters["tag"] = _one(Tag, "tag", tag, "aucun mot-clé n’a l’identifiant").pk
    if updated_since:
        filters["since"] = aware(updated_since)
    if cursor:
        filters["after_at"], filters["after_pk"] = cursors.decode(
            cursor, kinds=(dt.datetime, int)
        )
    rows = representation.list_cards(limit=limit, **filters)
    page, more = rows[:limit], len(rows) > limit
    next_cursor = cursors.encode(page[-1].publish_at, page[-1].pk) if more else None
    return {
        "items": _cards(page),
        "next_cursor": next_cursor,
        "next": next_url(request, next_cursor) if next_cursor else None,
    }


@api.get(
    "/articles/{article_id}",
    response={200: schemas.Article, **problems(400, 401, 404, 410, 429)},
    url_name="article",
    summary="Un article publié",
    openapi_extra=NINJS_RESPONSE,
)
def article_detail(
    request,
    article_id: int = Path(..., ge=1, le=MAX_ID),
    format: Literal["json", "ninjs"] | None = Query(None),
):
    """The article as its page shows it. In IPTC ninjs 2.1 with
    ``?format=ninjs`` or ``Accept: application/ninjs+json``."""
    now = timezone.now()
    article = representation.live_article(article_id, now=now)
    if article is None:
        # Only on a miss: a trashed article is gone for good, as on its page.
        if Article.objects.filter(
            pk=article_id, status=Article.Status.TRASHED
        ).exists():
            raise errors.Gone("Cet article a été supprimé.")
        raise Http404("Aucun article publié sous cet identifiant.")
    # A due version shown before the worker writes it changes the content
    # without changing the row: its Last-Modified is now.
    request.api_last_modified = (
        now if article.due_version else max(article.modified_at, article.publish_at)
    )
    data = representation.article_data(article)
    if wants_ninjs(request, format):
        return ninjs_response(ninjs.article(data))
    return data


@api.get(
    "/search",
    response={200: schemas.SearchResults, **ERRORS},
    url_name="search",
    summary="Recherche dans les articles publiés",
)
def search(
    request,
    q: str = Query(..., max_length=MAX_QUERY_LENGTH),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """The site's search (French full-text on PostgreSQL): the best matches
    first, at most ``limit``; ``more`` says there are others."""
    form = SearchForm({"q": q})
    if not form.is_valid():
        raise errors.BadParameter("q", " ".join(form.errors["q"]))
    text = form.cleaned_data["q"]
    if not text:
        raise errors.BadParameter("q", "indiquez les mots à rechercher.")
    now = timezone.now()
    live = Article.objects.published(now).for_cards().with_due_versions(now)
    results = search_articles(
        queries.with_lists(live, *representation.CARD_LISTS), text
    )
    rows = representation.with_hero_images(list(results[: limit + 1]))
    return {
        "items": _cards(rows[:limit]),
        "more": len(rows) > limit or bool(getattr(results, "more", False)),
    }


@api.get(
    "/rubriques",
    response={200: schemas.Sections, **problems(401, 429)},
    url_name="rubriques",
    summary="Les rubriques, dans l’ordre du menu",
)
def rubriques(request):
    sections = Section.objects.filter(is_active=True)
    return {"items": [representation.section_data(s) for s in sections]}


@api.get(
    "/authors",
    response={200: schemas.Authors, **problems(401, 429)},
    url_name="authors",
    summary="Les auteurs, par nom",
)
def authors(request):
    return {"items": [representation.author_data(a) for a in Author.objects.all()]}


@api.get(
    "/tags",
    response={200: schemas.TagPage, **ERRORS},
    url_name="tags",
    summary="Les mots-clés d’au moins un article publié, par identifiant d’URL",
)
def tags(
    request,
    cursor: str | None = Query(None, max_length=MAX_CURSOR),
    limit: int = Query(MAX_LIMIT, ge=1, le=MAX_LIMIT),
):
    live = TaggedItem.objects.filter(
        tag=OuterRef("pk"),
        content_type__app_label="articles",
        content_type__model="article",
        object_id__in=Article.objects.published().values("pk"),
    )
    found = Tag.objects.filter(Exists(live)).order_by("slug")
    if cursor:
        (after,) = cursors.decode(cursor, kinds=(str,))
        found = found.filter(slug__gt=after)
    rows = list(found[: limit + 1])
    page = rows[:limit]
    next_cursor = cursors.encode(page[-1].slug) if len(rows) > limit else None
    return {
        "items": [representation.tag_data(tag) for tag in page],
        "next_cursor": next_cursor,
        "next": next_url(request, next_cursor) if next_cursor else None,
    }
