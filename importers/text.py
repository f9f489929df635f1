"""Import articles from plain-text files laid out like ../shared/seed/.

The layout: an optional site-name line, the title, the chapô, then paragraphs
and intertitres, then the scraped page's boilerplate (« Follow us on Google
News », « Related News : » and the related titles), which is left out of the
body. Blocks are separated by blank lines; lines inside a block are joined, so
hard-wrapped paragraphs survive.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html_join

from articles.models import Article, RelatedLink, Section
from articles.sanitizer import sanitize_html

MAX_TITLE_LENGTH = Article._meta.get_field("title").max_length
INTERTITLE_MAX_LENGTH = 150
# An intertitre has no closing punctuation, except a question mark.
SENTENCE_END = (".", "!", "…", ":", ";", ",")
FOLLOW_US = re.compile(
    r"follow\s+us\s+on\s+google\s+news|suivez[-\s]nous\s+sur\s+google\s+news", re.I
)
RELATED_MARKER = re.compile(
    r"^(related\s+news|à\s+lire\s+aussi|lire\s+aussi)\s*:?$", re.I
)
LINK_SEPARATORS = " -–—|:"
URL = re.compile(r"https?://\S+")


class TextImportError(Exception):
    """A file that cannot be imported; the message says why, in French."""


@dataclass(frozen=True)
class ParsedText:
    title: str
    standfirst: str
    blocks: list[tuple[str, str]] = field(default_factory=list)  # ("p"|"h2", text)
    related: list[str] = field(default_factory=list)

    @property
    def body_html(self):
        return format_html_join(
            "\n", "<{}>{}</{}>", ((t, text, t) for t, text in self.blocks)
        )

    def count(self, tag):
        return sum(1 for t, _ in self.blocks if t == tag)


@dataclass(frozen=True)
class ImportOutcome:
    action: str  # "created", "updated" or "unchanged"
    article: Article
    parsed: ParsedText
    skipped_related: list[str]


def decode(raw: bytes) -> str:
    """UTF-8 text with or without BOM, line ends normalised to ``\\n``."""
    if not raw.strip():
        raise TextImportError("le fichier est vide")
    if b"\x00" in raw:
        raise TextImportError("le fichier est binaire, pas du texte")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TextImportError(
            f"le fichier n’est pas du texte UTF-8 (octet invalide à la position {error.start})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_blocks(text: str) -> list[str]:
    blocks, current = [], []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    if len(blocks) == 1:
        # No blank lines at all: every line stands on its own.
        return blocks[0]
    return [" ".join(lines) for lines in blocks]


def is_intertitle(text: str) -> bool:
    return len(text) <= INTERTITLE_MAX_LENGTH and not text.endswith(SENTENCE_END)


def parse_text(text: str, *, site_name: str) -> ParsedText:
    blocks = split_blocks(text)
    if blocks and blocks[0].casefold() == site_name.casefold():
        blocks = blocks[1:]
    body, related, in_related = [], [], False
    for block in blocks:
        if FOLLOW_US.search(block):
            continue
        if RELATED_MARKER.match(block):
            in_related = True
        elif in_related:
            related.append(block)
        else:
            body.append(block)
    if not body:
        raise TextImportError(
            "aucun titre : le fichier ne contient que l’en-tête du site"
        )
    title, *rest = body
    if len(title) > MAX_TITLE_LENGTH:
        raise TextImportError(
            f"la première ligne ne ressemble pas à un titre ({len(title)} caractères, "
            f"{MAX_TITLE_LENGTH} au plus)"
        )
    standfirst, paragraphs = (rest[0], rest[1:]) if rest else ("", [])
    return ParsedText(
        title=title,
        standfirst=standfirst,
        blocks=[("h2" if is_intertitle(p) else "p", p) for p in paragraphs],
        related=related,
    )


def import_text_file(
    path: Path,
    *,
    section: Section,
    status: str | None,
    site_name: str,
    dry_run: bool = False,
) -> ImportOutcome:
    """Create or update the article imported from ``path``.

    The import key is the file name, so re-importing an edited file updates
    its article (keeping its slug, hence its URL) instead of duplicating it.
    ``status`` None keeps an existing article's status (new ones are drafts).
    """
    parsed = parse_text(decode(path.read_bytes()), site_name=site_name)
    external_id = f"text:{path.stem}"
    with transaction.atomic():
        article = Article.objects.filter(external_id=external_id).first()
        action = "updated" if article else "created"
        if article is None:
            article = Article(
                external_id=external_id,
                slug=Article.objects.unique_slug(parsed.title),
                status=Article.Status.DRAFT,
            )
        before = _snapshot(article)
        article.title = parsed.title
        article.standfirst = parsed.standfirst
        article.body = sanitize_html(parsed.body_html)
        article.section = section
        if status:
            article.status = status
        if article.status == Article.Status.PUBLISHED and not article.publish_at:
            article.publish_at = timezone.now()
            article.first_published_at = (
                article.first_published_at or article.publish_at
            )
        if action == "updated" and _snapshot(article) == before:
            action = "unchanged"
        skipped = []
        if not dry_run and action != "unchanged":
            article.full_clean(exclude=["slug"] if action == "updated" else None)
            article.save()
        if not dry_run:
            skipped = _link_related(article, parsed.related)
        if dry_run:
            transaction.set_rollback(True)
    return ImportOutcome(action, article, parsed, skipped)


def _snapshot(article):
    return (
        article.title,
        article.standfirst,
        str(article.body),
        article.section_id,
        article.status,
        article.publish_at,
    )


def _link_related(article, lines):
    """Turn the « Related News » lines into related links; return those skipped.

    A line with an address becomes an external link; a line naming one of our
    articles by its exact title becomes an internal link.
    """
    skipped = []
    for position, line in enumerate(lines):
        if match := URL.search(line):
            url = match.group().rstrip(").,;")
            title = URL.sub("", line).strip(LINK_SEPARATORS) or url
            RelatedLink.objects.update_or_create(
                article=article,
                url=url,
                defaults={"title": title[:250], "position": position},
            )
        elif (
            target := Article.objects.filter(title=line).exclude(pk=article.pk).first()
        ) is not None:
            RelatedLink.objects.update_or_create(
                article=article, target=target, defaults={"position": position}
            )
        else:
            skipped.append(line)
    return skipped


def describe(parsed: ParsedText) -> str:
    paragraphs, intertitles = parsed.count("p"), parsed.count("h2")
    return (
        f"{paragraphs} paragraphe{'s' if paragraphs > 1 else ''}, "
        f"{intertitles} intertitre{'s' if intertitles > 1 else ''}"
    )
