"""What the API answers, as the OpenAPI schema at /api/v1/schema/ shows it."""

import datetime as dt

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
