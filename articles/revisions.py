"""An article's full content as plain data: taken from the database or from
the admin's forms, compared field by field, and written back.

A snapshot is what a revision stores; its fingerprint is how the admin tells
whether an article changed since someone opened it.
"""

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from html import unescape as unescape_entities

from django.utils.html import strip_tags

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleRedirect,
    Author,
    RelatedLink,
    Section,
)
from articles.models.article import FLAG_FIELDS, TEXT_FIELDS
from images.models import Image

# What changes an article's address: kept as it is when an old version of a
# published article is restored (the admin form records old addresses).
ADDRESS_FIELDS = {"slug", "section"}
# Text fields added after revisions were first stored (blank by default).
OPTIONAL_TEXT_FIELDS = {"seo_title", "social_title", "seo_description"}


def article_snapshot(article: Article) -> dict:
    """The content of ``article`` as saved in the database."""
    content = {name: getattr(article, name) for name in (*TEXT_FIELDS, *FLAG_FIELDS)}
    content["section"] = {"id": article.section_id, "name": str(article.section)}
    content["hero_image"] = _image(article.hero_image)
    content["tags"] = sorted(tag.name for tag in article.tags.all())
    content["bylines"] = [
        {"author": byline.author_id, "name": byline.author.name}
        for byline in article.bylines.select_related("author")
    ]
    content["related_links"] = [
        {
            "target": link.target_id,
            "target_title": link.target.title if link.target_id else "",
            "url": link.url,
            "title": link.title,
        }
        for link in article.related_links.select_related("target")
    ]
    return content


def forms_snapshot(form, formsets) -> dict:
    """The content the admin's change form and inlines would save, without
    saving it (for a change scheduled for later)."""
    article = form.instance
    data = form.cleaned_data
    content = {
        name: data.get(name, getattr(article, name))
        for name in (*TEXT_FIELDS, *FLAG_FIELDS)
    }
    section = data.get("section") or article.section
    content["section"] = {"id": section.pk, "name": str(section)}
    content["hero_image"] = _image(data.get("hero_image", article.hero_image))
    content["tags"] = sorted(data.get("tags", [tag.name for tag in article.tags.all()]))
    content["bylines"] = []
    content["related_links"] = []
    for formset in formsets:
        rows = sorted(
            (
                row
                for row in formset.cleaned_data
                if row
                and not row.get("DELETE")
                and (row.get("author") or row.get("target") or row.get("url"))
            ),
            key=lambda row: row.get("position") or 0,
        )
        if formset.model is ArticleAuthor:
            content["bylines"] = [
                {"author": row["author"].pk, "name": row["author"].name} for row in rows
            ]
        elif formset.model is RelatedLink:
            content["related_links"] = [
                {
                    "target": row["target"].pk if row.get("target") else None,
                    "target_title": row["target"].title if row.get("target") else "",
                    "url": row.get("url", ""),
                    "title": row.get("title", ""),
                }
                for row in rows
            ]
    return content


def _image(image) -> dict | None:
    """A library image as a snapshot keeps it: its id, and its title to show."""
    return {"id": image.pk, "title": str(image)} if image else None


def fingerprint(content: dict) -> str:
    """A hash of the content that ignores display names (an author renamed
    elsewhere does not make an article look changed)."""
    # Search and social texts left blank are left out: content saved before
    # those fields existed keeps its fingerprint (no false conflict, no new
    # revision of an unchanged article).
    canonical = {
        **{
            name: value
            for name, value in content.items()
            if value or name not in OPTIONAL_TEXT_FIELDS
        },
        "section": content["section"]["id"],
        "hero_image": (content.get("hero_image") or {}).get("id"),
        "bylines": [b["author"] for b in content["bylines"]],
        "related_links": [
            [link["target"], link["url"], link["title"]]
            for link in content["related_links"]
        ],
    }
    encoded = json.dumps(canonical, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


def apply_snapshot(article: Article, content: dict, *, keep_address=False) -> None:
    """Write ``content`` into ``article``: fields, tags, bylines, related links.

    Authors, sections and linked articles deleted since are left out, and so
    is a slug another article has taken since. When the address of a
    published article changes, the old one answers 301.
    """
    current_slug = article.slug
    for name in (*TEXT_FIELDS, *FLAG_FIELDS):
        if keep_address and name in ADDRESS_FIELDS:
            continue
        setattr(article, name, content.get(name, getattr(article, name)))
    if (
        article.slug != current_slug
        and Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists()
    ):
        article.slug = current_slug
    section_id = content["section"]["id"]
    if not keep_address and Section.objects.filter(pk=section_id).exists():
        article.section_id = section_id
    image_id = (content.get("hero_image") or {}).get("id")
    article.hero_image = Image.objects.filter(pk=image_id).first() if image_id else None
    with ArticleRedirect.objects.keeping_old_url(article):
        article.save()
    article.tags.set(content.get("tags", []), clear=True)

    author_ids = [b["author"] for b in content.get("bylines", [])]
    existing_authors = set(
        Author.objects.filter(pk__in=author_ids).values_list("pk", flat=True)
    )
    article.bylines.all().delete()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author_id=author_id, position=position)
        for position, author_id in enumerate(
            a for a in dict.fromkeys(author_ids) if a in existing_authors
        )
    )

    links = content.get("related_links", [])
    target_ids = {link["target"] for link in links if link["target"]}
    existing_targets = set(
        Article.objects.filter(pk__in=target_ids).values_list("pk", flat=True)
    )
    article.related_links.all().delete()
    RelatedLink.objects.bulk_create(
        RelatedLink(
            article=article,
            target_id=link["target"],
            url="" if link["target"] else link["url"],
            title=link["title"],
            position=position,
        )
        for position, link in enumerate(
            link
            for link in links
            if (link["target"] in existing_targets)
            or (not link["target"] and link["url"] and link["title"])
        )
    )


# --- Comparing two snapshots ------------------------------------------------

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Readable text of rich-text HTML: one paragraph per line."""
    text = unescape_entities(strip_tags(_BLOCK_END.sub("\n", html or "")))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


@dataclass
class FieldChange:
    """One changed field: its French label and the two values, with a
    word-level diff for text (``chunks`` of ``(op, text)``, op being
    ``equal``, ``insert`` or ``delete``)."""

    name: str
    label: str
    old: str
    new: str
    chunks: list = field(default_factory=list)


def _label(name: str) -> str:
    labels = {
        "tags": "mots-clés",
        "bylines": "signatures",
        "related_links": "liens « À lire aussi »",
    }
    return labels.get(name) or str(Article._meta.get_field(name).verbose_name)


def _display(name: str, content: dict) -> str:
    value = content.get(name)
    if name == "body":
        return html_to_text(value)
    if name == "section":
        return value["name"]
    if name == "hero_image":
        return value["title"] if value else ""
    if name in FLAG_FIELDS:
        return "oui" if value else "non"
    if name == "tags":
        return ", ".join(value)
    if name == "bylines":
        return ", ".join(b["name"] for b in value)
    if name == "related_links":
        return "\n".join(
            link["title"] or link["target_title"] or link["url"] for link in value
        )
    return value or ""


def _word_chunks(old: str, new: str) -> list:
    # Split on whitespace but keep it, so the diff reads as the text does.
    a, b = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    chunks = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            chunks.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            chunks.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            chunks.append(("insert", "".join(b[j1:j2])))
    return chunks


def compare(old: dict, new: dict) -> list[FieldChange]:
    """The fields that differ between two snapshots, in display order."""
    names = [
        "title",
        "slug",
        "section",
        "standfirst",
        "body",
        "bylines",
        "tags",
        "related_links",
        "hero_image",
        "hero_caption",
        "sources",
        "seo_title",
        "social_title",
        "seo_description",
        *FLAG_FIELDS,
    ]
    changes = []
    for name in names:
        before, after = _display(name, old), _display(name, new)
        if before == after:
            continue
        changes.append(
            FieldChange(
                name=name,
                label=_label(name),
                old=before,
                new=after,
                chunks=_word_chunks(before, after),
            )
        )
    return changes
