"""What the API answers, as the OpenAPI schema at /api/v1/schema/ shows it.

Plain pydantic models rather than ninja's ``Schema``: the operations return
dicts, and ``Schema`` wraps every nested object in an attribute getter
meant for model instances — a fifth of a 20-article list's CPU time.
pydantic validates dicts itself (docs/api.md, « Speed »)."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel


class Problem(BaseModel):
    """An error, RFC 9457 (``application/problem+json``), in French."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[dict] | None = None


class Section(BaseModel):
    id: int
    name: str
    slug: str
    url: str


class AuthorRef(BaseModel):
    id: int
    name: str
    slug: str
    role: str
    url: str


class Author(AuthorRef):
    bio: str
    photo: str | None


class Tag(BaseModel):
    id: int
    name: str
    slug: str
    url: str


class Rendition(BaseModel):
    name: str
    url: str
    width: int
    height: int
    type: str


class Image(BaseModel):
    id: int
    alt: str
    caption: str
    credit: str
    width: int
    height: int
    renditions: list[Rendition]


class Correction(BaseModel):
    kind: str
    label: str
    text: str
    date: dt.datetime


class ReadAlso(BaseModel):
    title: str
    url: str
    article_id: int | None


class ArticleCard(BaseModel):
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


class ArticlePage(BaseModel):
    items: list[ArticleCard]
    next_cursor: str | None
    next: str | None


class SearchResults(BaseModel):
    items: list[ArticleCard]
    more: bool


class Sections(BaseModel):
    items: list[Section]


class Authors(BaseModel):
    items: list[Author]


class TagPage(BaseModel):
    items: list[Tag]
    next_cursor: str | None
    next: str | None


class LinkedPage(BaseModel):
    title: str
    url: str
    article_id: int | None


class LiveEntry(BaseModel):
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


class LiveState(BaseModel):
    state: Literal["running", "closed"]
    state_label: str
    closed_at: dt.datetime | None
    summary: list[str]
    summary_updated_at: dt.datetime | None
    updated_at: dt.datetime


class Live(Article, LiveState):
    pinned: list[LiveEntry]
    entries_url: str


class LiveEntryPage(BaseModel):
    live: LiveState
    items: list[LiveEntry]
    removed: list[int]
    next_cursor: str | None
    next: str | None
