"""WordPress categories and tags → an article's section and tags.

Categories become rubriques only when asked (``sections``): rubriques are
the site's menu, an editorial choice, while WordPress categories are often
a filing system (« Non classé », « 6.1 », « Unpublished »…).

- ``none`` (the default): no rubrique is made; every category is kept as a
  tag, and the article goes to the default section.
- ``top``: the ``top`` most used top-level categories become rubriques.
- ``all``: every top-level category does.

« Uncategorized » / « Non classé » never becomes a rubrique. A post's
rubrique is the top-level category above its main category (Yoast's primary
category when set, else its first real one), if that one is a rubrique; the
other categories on the way, the post's other categories and its tags become
tags, so no classification is lost. The default section is
``--default-section`` when given, else the one an article already has (a
re-import does not move it), else the first rubrique of the menu (« Non
classé » is created only on a site without any).
"""

from collections import Counter
from urllib.parse import unquote

from django.db import models
from django.utils.text import slugify

from articles.models import RESERVED_SLUGS, Article, Section
from importers.wordpress.content import plain_text
from importers.wordpress.reader import Item
from importers.wordpress.runcache import RunCache

DEFAULT_CATEGORIES = {"uncategorized", "non-classe"}
FALLBACK_SECTION = ("non-classe", "Non classé")


SECTION_MODES = ("none", "top", "all")


class Taxonomy:
    """The export's category tree, and the sections made from it."""

    def __init__(
        self,
        channel,
        cache: RunCache,
        *,
        sections: str = "none",
        default_section: Section | None = None,
    ):
        self.categories = channel.categories
        self.by_term_id = {c.term_id: c for c in channel.categories.values()}
        self.cache = cache
        self.mode = sections
        self.default_section = default_section
        self.rubriques: set[str] | None = None  # the chosen top ones

    def count(self, item: Item, counts: Counter) -> None:
        """Count the post under its top-level category (for ``top``)."""
        if root := self._candidate_root(item):
            counts[root] += 1

    def choose_top(self, counts: Counter, number: int) -> list[str]:
        """Make the ``number`` most used categories the rubriques; their names."""
        chosen = [nicename for nicename, _ in counts.most_common(number)]
        self.rubriques = set(chosen)
        return [
            plain_text(c.name) if (c := self.categories.get(n)) else n for n in chosen
        ]

    def _candidate_root(self, item: Item) -> str | None:
        term = self._main_category(item)
        if term is None or term.nicename in DEFAULT_CATEGORIES:
            return None
        return self._root(term.nicename, term.name)[0]

    def _rubrique_root(self, item: Item) -> str | None:
        """The top-level category that is the post's rubrique, if any."""
        if self.mode == "none":
            return None
        root = self._candidate_root(item)
        if self.mode == "top" and root not in (self.rubriques or set()):
            return None
        return root

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

    def section(self, item: Item, current: Section | None = None) -> Section:
        """The post's section, found or created (see the module docstring)."""
        if self._rubrique_root(item) is None:
            return self.default_section or current or self._fallback()
        term = self._main_category(item)
        nicename, name, description = self._root(term.nicename, term.name)
        slug = slugify(unquote(nicename))[:100] or slugify(name)[:100]
        return self._section(slug, name, description)

    def _fallback(self) -> Section:
        key = ("section", "#fallback")
        if section := self.cache.get(key):
            return section
        if section := Section.objects.filter(is_active=True).first():
            return self.cache.keep(key, section)
        section = self._section(*FALLBACK_SECTION, "")
        self.cache.stage(key, section)
        return section

    def _section(self, slug: str, name: str, description: str) -> Section:
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
        root = self._rubrique_root(item)
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
