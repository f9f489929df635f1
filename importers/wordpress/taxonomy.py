"""WordPress categories and tags → an article's section and tags.

A post's section is the top-level category above its main category
(Yoast's primary category when set, else its first real one). The other
categories on the way, the post's other categories and its tags become tags,
so no classification is lost.
"""

from urllib.parse import unquote

from django.db import models
from django.utils.text import slugify

from articles.models import RESERVED_SLUGS, Article, Section
from importers.wordpress.content import plain_text
from importers.wordpress.reader import Item
from importers.wordpress.runcache import RunCache

DEFAULT_CATEGORIES = {"uncategorized", "non-classe"}
FALLBACK_SECTION = ("non-classe", "Non classé")


class Taxonomy:
    """The export's category tree, and the sections made from it."""

    def __init__(self, channel, cache: RunCache):
        self.categories = channel.categories
        self.by_term_id = {c.term_id: c for c in channel.categories.values()}
        self.cache = cache

    def _post_categories(self, item: Item):
        return [t for t in item.terms if t.domain == "category" and t.nicename]

    def _root(self, nicename: str, name: str):
        """The top-level category above ``nicename`` (itself if top-level)."""
        category = self.categories.get(nicename)
        seen = set()
        while category and category.parent and category.parent not in seen:
            seen.add(category.nicename)
            parent = self.categories.get(category.parent)
            if parent is None:
                break
            category = parent
        if category is None:
            return nicename, name, ""
        return category.nicename, category.name, category.description

    def _main_category(self, item: Item):
        categories = self._post_categories(item)
        primary = item.meta.get("_yoast_wpseo_primary_category", "").strip()
        if primary and (chosen := self.by_term_id.get(primary)):
            for term in categories:
                if term.nicename == chosen.nicename:
                    return term
        real = [t for t in categories if t.nicename not in DEFAULT_CATEGORIES]
        return (real or categories or [None])[0]

    def section(self, item: Item) -> Section:
        """The post's section, found or created."""
        term = self._main_category(item)
        if term is None:
            slug, name, description = *FALLBACK_SECTION, ""
        else:
            nicename, name, description = self._root(term.nicename, term.name)
            slug = slugify(unquote(nicename))[:100] or slugify(name)[:100]
        name = plain_text(name)[:100] or slug
        key = ("section", slug)
        if section := self.cache.get(key):
            return section
        section = (
            Section.objects.filter(slug=slug).first()
            or Section.objects.filter(name__iexact=name).first()
        )
        if section:
            return self.cache.keep(key, section)
        if slug in RESERVED_SLUGS:
            slug = f"{slug}-rubrique"
        position = Section.objects.aggregate(m=models.Max("position"))["m"] or 0
        return self.cache.stage(
            key,
            Section.objects.create(
                name=name,
                slug=slug,
                description=plain_text(description),
                position=position + 1,
            ),
        )

    def tag_names(self, item: Item) -> list[str]:
        section_term = self._main_category(item)
        root = self._root(section_term.nicename, "")[0] if section_term else None
        names = []
        for term in self._post_categories(item):
            if term.nicename in DEFAULT_CATEGORIES:
                continue
            # Sub-categories (and their parents below the section) become tags,
            # as do other top-level categories, so no classification is lost.
            nicename = term.nicename
            seen = set()
            while nicename and nicename != root and nicename not in seen:
                seen.add(nicename)
                category = self.categories.get(nicename)
                names.append(category.name if category else term.name)
                nicename = category.parent if category else ""
        names += [t.name for t in item.terms if t.domain == "post_tag"]
        unique, seen_names = [], set()
        for name in names:
            name = plain_text(name)[:100]
            if name and slugify(name) and name.lower() not in seen_names:
                seen_names.add(name.lower())
                unique.append(name)
        return unique


def set_tags(article: Article, names: list[str], *, created: bool) -> bool:
    """Give ``article`` these tags; whether that changed anything."""
    if created:
        article.tags.add(*names)
        return bool(names)
    current = {name.lower() for name in article.tags.names()}
    if current == {name.lower() for name in names}:
        return False
    article.tags.set(names)
    return True
