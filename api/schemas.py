"""What the API answers, as the OpenAPI schema at /api/v1/schema/ shows it."""

import datetime as dt
from typing import Literal

from ninja import Schema


class Problem(Schema):
    """An error, RFC 9457 (``application/problem+json``), in French."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[dict] | None = None


class Section(Schema):
    id: int
    name: str
    slug: str
    url: str


class AuthorRef(Schema):
    id: int
    name: str
    slug: str
    role: str
    url: str


class Author(AuthorRef):
    bio: str
    photo: str | None


class Tag(Schema):
    id: int
    name: str
    slug: str
    url: str


class Rendition(Schema):
    name: str
    url: str
    width: int
    height: int
    type: str


class Image(Schema):
    id: int
    alt: str
    caption: str
    credit: str
    width: int
    height: int
    renditions: list[Rendition]


class Correction(Schema):
    kind: str
    label: str
    text: str
    date: dt.datetime


class ReadAlso(Schema):
    title: str
    url: str
    article_id: int | None


class ArticleCard(Schema):
    id: int
    url: str
    short_url: str
    api_url: str
    title: str
    standfirst: str
    rubrique: Section
    bylines: list[AuthorRef]
    tags: list[Tag]
    published_at: dt.datetime
    first_published_at: dt.datetime
    updated_at: dt.datetime | None
    is_breaking: bool
    is_featured: bool
    format: Literal["article", "live"]
    # The live's own address in the API (its state and entries), for a live.
    live_api_url: str | None
    hero_image: Image | None


class Article(ArticleCard):
    body_html: str
    sources: str
    word_count: int
    reading_minutes: int
    corrections: list[Correction]
    read_also: list[ReadAlso]


class ArticlePage(Schema):
    items: list[ArticleCard]
    next_cursor: str | None
    next: str | None


class SearchResults(Schema):
    items: list[ArticleCard]
    more: bool


class Sections(Schema):
    items: list[Section]


class Authors(Schema):
    items: list[Author]


class TagPage(Schema):
    items: list[Tag]
    next_cursor: str | None
    next: str | None


class LinkedPage(Schema):
    title: str
    url: str
    article_id: int | None


class LiveEntry(Schema):
    """An entry of a live, as its page shows it."""

    id: int
    url: str
    published_at: dt.datetime
    edited_at: dt.datetime | None
    title: str
    body_html: str
    author: AuthorRef | None
    is_important: bool
    is_pinned: bool
    image: Image | None
    link: LinkedPage | None


class LiveState(Schema):
    state: Literal["running", "closed"]
    state_label: str
    closed_at: dt.datetime | None
    summary: list[str]
    summary_updated_at: dt.datetime | None
    updated_at: dt.datetime


class Live(Article, LiveState):
    pinned: list[LiveEntry]
    entries_url: str


class LiveEntryPage(Schema):
    live: LiveState
    items: list[LiveEntry]
    removed: list[int]
    next_cursor: str | None
    next: str | None
