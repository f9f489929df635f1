"""A WordPress post's own fields → its article's: status, dates, title,
slug, standfirst, « À la une »."""

import re
from datetime import UTC, datetime
from urllib.parse import unquote

from django.utils import timezone
from django.utils.text import Truncator, slugify

from articles.models import Article
from importers.wordpress.content import plain_text
from importers.wordpress.reader import Item
from importers.wordpress.report import ImportReport

Status = Article.Status
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
# A chapô taken from the text: a few sentences, as long as a search
# engine's description at most twice over.
STANDFIRST_LENGTH = 300
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
STATUSES = {
    "publish": Status.PUBLISHED,
    "future": Status.SCHEDULED,
    "draft": Status.DRAFT,
    "pending": Status.REVIEW,
    # Visible to logged-in editors only in WordPress: never public here.
    "private": Status.UNPUBLISHED,
}


class ItemError(Exception):
    """This item cannot be imported; the message says why, in French."""


def parse_datetime(gmt: str, local: str) -> datetime | None:
    """The instant of a WordPress date: its GMT value when set, else the local
    value read in the site's time zone (Europe/Paris). Ambiguous times (the
    autumn hour that happens twice) take the first, summer-time occurrence;
    times that do not exist (the spring gap) move forward an hour."""
    gmt, local = gmt.strip(), local.strip()
    try:
        if gmt and not gmt.startswith("0000"):
            return datetime.strptime(gmt, DATE_FORMAT).replace(tzinfo=UTC)
        if local and not local.startswith("0000"):
            naive = datetime.strptime(local, DATE_FORMAT)  # noqa: DTZ007 (made aware below)
            # In UTC: Python never finds a time in the gap or overlap equal to
            # one in another zone (PEP 495), which would defeat comparisons.
            return timezone.make_aware(
                naive, timezone.get_default_timezone()
            ).astimezone(UTC)
    except ValueError as error:
        raise ItemError(f"date illisible « {gmt or local} »") from error
    return None


def standfirst_from(body: str) -> str:
    """A chapô from the body's first paragraph with text (the body's text
    if it has none): whole sentences up to ``STANDFIRST_LENGTH``
    characters, or its first words."""
    for paragraph in _PARAGRAPH.findall(body):
        if text := plain_text(paragraph):
            break
    else:
        # No paragraph (a list, a quote or code alone): the text as it comes.
        text = plain_text(body)
    if len(text) <= STANDFIRST_LENGTH:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        if len(kept) + len(sentence) + 1 > STANDFIRST_LENGTH:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or Truncator(text).chars(STANDFIRST_LENGTH)


# Where multilingual plugins keep a post's language: Polylang as a term of
# its « language » taxonomy, others in post meta.
LANGUAGE_TAXONOMY = "language"
LANGUAGE_META_KEYS = ("language", "_language", "lang", "_locale", "locale")


def language_code(value: str) -> str:
    """The article language of a WordPress locale (``en-US``, ``fr_FR``,
    ``en``), or "" when we have none for it."""
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if code in Article.Language.values else ""


def post_language(item: Item, site_language: str = "") -> str:
    """The post's own language if a plugin recorded one, else the site's
    (the export's ``<language>``), else French."""
    candidates = [
        *(t.nicename or t.name for t in item.terms if t.domain == LANGUAGE_TAXONOMY),
        *(item.meta.get(key, "") for key in LANGUAGE_META_KEYS),
        site_language,
    ]
    for candidate in candidates:
        if code := language_code(candidate):
            return code
    return Article.Language.FRENCH


def article_values(
    item: Item,
    *,
    title: str,
    body: str,
    article: Article,
    report: ImportReport,
    keep_sticky: bool = False,
    site_language: str = "",
) -> dict:
    """The article's fields for this post (all but its section), reporting
    what had to be adapted. Raises ``ItemError`` for a post we cannot take.

    The sticky flag makes « À la une » only with ``keep_sticky``: a post
    pinned years ago on another site is not today's front page. Without it a
    new article is not featured and an existing one keeps what editors
    chose."""
    wp_status = item.status
    published = parse_datetime(item.get("wp:post_date_gmt"), item.get("wp:post_date"))
    modified = parse_datetime(
        item.get("wp:post_modified_gmt"), item.get("wp:post_modified")
    )
    if wp_status in STATUSES:
        status = STATUSES[wp_status]
    else:
        status = Status.DRAFT
        report.warn(
            item, f"statut « {wp_status} » inconnu : importé en brouillon", title=title
        )
    if item.get("wp:post_password").strip() and status == Status.PUBLISHED:
        status = Status.UNPUBLISHED
        report.warn(item, "protégé par mot de passe : importé dépublié", title=title)
    if not body and status in {Status.PUBLISHED, Status.SCHEDULED}:
        # A page with a title and nothing under it is never published.
        status = Status.DRAFT
        report.empty(item, title=title or "Sans titre")
    if status in {Status.DRAFT, Status.REVIEW}:
        # A draft's local date is its last save, not a publication date;
        # only a date the editor chose (GMT set) is kept.
        published = parse_datetime(item.get("wp:post_date_gmt"), "")
    if status in Status.visible() and published is None:
        raise ItemError("article publié ou programmé sans date de publication")
    if not title:
        title = "Sans titre"
        report.warn(item, "article sans titre, nommé « Sans titre »")

    standfirst = plain_text(item.get("excerpt:encoded"))
    if not standfirst and (standfirst := standfirst_from(body)):
        report.derived_standfirsts += 1

    values = {
        "title": title[:250],
        "slug": _slug(item, title, article),
        "standfirst": standfirst,
        "body": body,
        "language": post_language(item, site_language),
        "status": status,
        "publish_at": published,
        "first_published_at": published
        if status in {Status.PUBLISHED, Status.UNPUBLISHED}
        else None,
        "updated_at": modified
        if modified and published and modified > published
        else None,
    }
    if keep_sticky:
        values["is_featured"] = item.get("wp:is_sticky").strip() == "1"
    elif article.pk is None:
        values["is_featured"] = False
    return values


def _slug(item: Item, title: str, article: Article) -> str:
    """The post's slug, kept as the article has it when only a numbered
    suffix (added for uniqueness) tells them apart."""
    wanted = slugify(unquote(item.get("wp:post_name").strip()))[:240]
    wanted = wanted or slugify(title)[:240] or f"article-{item.post_id}"
    current = article.slug or ""
    if current == wanted or (
        current.startswith(f"{wanted}-") and current[len(wanted) + 1 :].isdigit()
    ):
        return current
    return Article.objects.unique_slug(wanted, exclude_pk=article.pk)
