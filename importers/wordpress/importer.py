"""WordPress posts → articles, one transaction per item.

Each post is found again on re-import by its key (``wordpress:<site>:<post
id>``, in ``Article.external_id``) or, failing that, by its GUID (a site
that was migrated keeps GUIDs but not ids): re-running updates what changed
and never duplicates.

With ``--uploads-dir``, the file is first read once for its attachments
alone: they may come before or after the posts that use them, and a post is
then imported whole, images included, in one go.

This module runs the import; what becomes of each part of a post is in
``posts`` (status, dates, slug), ``content`` (the body), ``taxonomy``
(section and tags), ``people`` (authors and byline), ``redirects`` (old
addresses) and ``media`` and ``bodyimages`` (images).
"""

import logging
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction

from articles.models import Article, ArticleRedirect, Author, Section
from articles.services.checks import publication_problems
from importers.wordpress.bodyimages import BodyImages
from importers.wordpress.content import convert_body, plain_text
from importers.wordpress.media import MediaLibrary
from importers.wordpress.people import People, set_bylines
from importers.wordpress.posts import ItemError, article_values
from importers.wordpress.reader import (
    CleanStream,
    Item,
    WXRError,
    WXRInterrupted,
    read_wxr,
)
from importers.wordpress.redirects import keep_old_addresses
from importers.wordpress.report import ImportReport
from importers.wordpress.runcache import RunCache
from importers.wordpress.taxonomy import SECTION_MODES, Taxonomy, set_tags

logger = logging.getLogger(__name__)

Status = Article.Status

SKIPPED_TYPES = {
    "page": "page (seuls les articles sont importés)",
    "nav_menu_item": "élément de menu",
    "revision": "révision",
    "wp_navigation": "menu de navigation",
    "wp_block": "bloc réutilisable",
    "wp_template": "modèle de thème",
    "wp_template_part": "partie de modèle de thème",
    "wp_global_styles": "styles du thème",
    "custom_css": "CSS personnalisée",
    "customize_changeset": "réglages du thème",
    "oembed_cache": "cache d’intégration",
    "user_request": "demande de données personnelles",
}
SKIPPED_STATUSES = {
    "trash": "à la corbeille",
    "auto-draft": "brouillon automatique jamais enregistré",
    "inherit": "révision",
}


def import_wordpress(
    *,
    path: Path,
    uploads_dir: Path | None = None,
    dry_run: bool = False,
    on_progress: Callable[[int, int, ImportReport], None] | None = None,
    sections: str = "none",
    top_sections: int = 6,
    default_section: str = "",
    keep_sticky: bool = False,
) -> ImportReport:
    """Import the WXR file at ``path``; see the module docstring.

    ``sections``, ``top_sections`` and ``default_section`` (a rubrique's
    slug) say which categories become rubriques (see ``taxonomy``);
    ``keep_sticky`` puts sticky posts « À la une ».

    Raises ``WXRError`` (French message) if the file is not a WordPress
    export, before anything is written. A file that breaks off part-way keeps
    what was imported before the break, and the report says where it broke.
    With ``dry_run`` everything runs in a transaction that is rolled back,
    and no image file is copied.
    """
    if uploads_dir is not None and not uploads_dir.is_dir():
        raise WXRError(f"le dossier --uploads-dir « {uploads_dir} » n’existe pas.")
    if sections not in SECTION_MODES:
        raise WXRError(f"--sections vaut « {sections} » : choisissez none, top ou all.")
    fallback = None
    if default_section:
        fallback = Section.objects.filter(slug=default_section).first()
        if fallback is None:
            raise WXRError(f"la rubrique « {default_section} » n’existe pas.")
    report = ImportReport(dry_run=dry_run)
    total = path.stat().st_size
    before = _counts()
    with path.open("rb") as raw, transaction.atomic() if dry_run else nullcontext():
        stream = CleanStream(raw)
        items = read_wxr(stream)
        channel = next(items)  # WXRError here: nothing was written
        run = _Run(
            channel,
            report,
            uploads_dir=uploads_dir,
            dry_run=dry_run,
            taxonomy=Taxonomy(
                channel, RunCache(), sections=sections, default_section=fallback
            ),
            keep_sticky=keep_sticky,
        )
        try:
            if uploads_dir is not None or sections == "top":
                counts = _first_pass(
                    path,
                    run.media if uploads_dir is not None else None,
                    run.taxonomy if sections == "top" else None,
                    report,
                    on_progress,
                )
                if sections == "top":
                    report.top_sections = run.taxonomy.choose_top(counts, top_sections)
            for item in items:
                run.handle(item)
                if on_progress:
                    on_progress(stream.position, total, report)
        except (WXRInterrupted, WXRError) as error:
            report.interrupted = str(error).rstrip(".")
        finally:
            run.media.close()
        report.removed_bytes = stream.removed
        after = _counts()
        report.new_sections, report.new_authors, report.new_redirects = (
            a - b for a, b in zip(after, before, strict=True)
        )
        if dry_run:
            transaction.set_rollback(True)
    return report


def _first_pass(path, media, taxonomy, report, on_progress) -> Counter:
    """The first pass: remember every image attachment (in a temporary
    index, see ``attachments``) and count the posts of each top-level
    category (for ``--sections top``). A break in the file ends it quietly;
    the second pass reports it."""
    report.phase = "pièces jointes" if media else "rubriques"
    counts = Counter()
    total = path.stat().st_size
    with path.open("rb") as raw:
        stream = CleanStream(raw)
        items = read_wxr(stream)
        try:
            next(items)
            for item in items:
                if media and item.post_type == "attachment":
                    media.remember(item)
                elif (
                    taxonomy
                    and item.post_type == "post"
                    and item.status not in SKIPPED_STATUSES
                ):
                    taxonomy.count(item, counts)
                if on_progress:
                    on_progress(stream.position, total, report)
        except (WXRInterrupted, WXRError):
            pass
    report.phase = ""
    return counts


def _counts():
    return (
        Section.objects.count(),
        Author.objects.count(),
        ArticleRedirect.objects.count(),
    )


def site_key(channel) -> str:
    url = channel.base_blog_url or channel.link
    parts = urlsplit(url)
    return (parts.netloc + parts.path.rstrip("/")).lower() or "site"


class _Run:
    def __init__(self, channel, report, *, uploads_dir, dry_run, taxonomy, keep_sticky):
        self.report = report
        self.keep_sticky = keep_sticky
        self.site = site_key(channel)
        self.language = channel.language
        report.site = channel.title or channel.link
        self.media = MediaLibrary(
            uploads_dir=uploads_dir, dry_run=dry_run, report=report, site=self.site
        )
        self.cache = taxonomy.cache
        self.taxonomy = taxonomy
        self.people = People(channel, self.cache)

    def handle(self, item: Item):
        title = plain_text(item.title)
        if item.post_type == "attachment":
            return  # read in the first pass
        if item.post_type != "post":
            reason = SKIPPED_TYPES.get(
                item.post_type, f"type « {item.post_type} » non importé"
            )
            self.report.skip(item, reason, title=title)
            return
        if item.status in SKIPPED_STATUSES:
            self.report.skip(item, SKIPPED_STATUSES[item.status], title=title)
            return
        if item.post_id is None:
            self.report.error(item, "identifiant <wp:post_id> manquant", title=title)
            return
        try:
            self.cache.start_item()
            # Library images are created before (and outside) the post's
            # transaction: they are shared, and a rollback would leave their
            # files behind.
            body = self._body(item)
            hero_pk = self.media.hero_pk(item)
            with transaction.atomic():
                outcome, article = self._upsert(item, title, body, hero_pk)
            self.cache.commit_item()
        except ItemError as error:
            self.report.error(item, str(error), title=title)
            return
        except Exception as error:
            # One bad item must not stop the import: it is reported, its
            # transaction rolled back, and the next item goes on.
            logger.exception("WordPress item %s failed", item.post_id)
            self.report.error(
                item,
                f"erreur inattendue ({type(error).__name__} : {error})",
                title=title,
            )
            return
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)
        self.report.statuses[article.status] += 1

    # -- one post ---------------------------------------------------------

    def _body(self, item: Item) -> str:
        images = BodyImages(self.media, post_id=item.post_id, report=self.report)
        return convert_body(
            item.get("content:encoded"),
            meta=item.meta,
            notes=self.report.content,
            on_image=images.on_image,
            gallery=images.gallery,
        )

    def _upsert(self, item: Item, title: str, body: str, hero_pk: int | None):
        key = f"wordpress:{self.site}:{item.post_id}"[:200]
        guid = item.guid[:255]
        article = Article.objects.filter(external_id=key).first()
        if article is None and guid:
            # The same post exported by the site under another address or
            # after a migration that renumbered posts. GUIDs repeat within one
            # site (duplicated posts keep theirs), so not within the same site.
            article = (
                Article.objects.filter(
                    external_guid=guid, external_id__startswith="wordpress:"
                )
                .exclude(external_id__startswith=f"wordpress:{self.site}:")
                .first()
            )
        created = article is None
        article = article or Article()

        values = article_values(
            item,
            title=title,
            body=body,
            article=article,
            report=self.report,
            keep_sticky=self.keep_sticky,
            site_language=self.language,
        )
        current = article.section if article.section_id else None
        values["section_id"] = self.taxonomy.section(item, current).pk
        if hero_pk is not None:
            values["hero_image_id"] = hero_pk
        changed = created
        for name, value in values.items():
            if getattr(article, name) != value:
                setattr(article, name, value)
                changed = True
        if changed or (article.external_id, article.external_guid) != (key, guid):
            article.external_id, article.external_guid = key, guid
            article.save()
            changed = True

        changed |= self._bylines(article, item, created=created)
        changed |= self._tags(article, item, created=created)
        changed |= keep_old_addresses(article, item)

        if article.status in Status.visible() and (
            problems := publication_problems(article)
        ):
            self.report.warn(item, " ".join(problems), title=article.title)
        if created:
            return "created", article
        return ("updated" if changed else "unchanged"), article

    def _tags(self, article: Article, item: Item, *, created: bool) -> bool:
        return set_tags(article, self.taxonomy.tag_names(item), created=created)

    def _bylines(self, article: Article, item: Item, *, created: bool) -> bool:
        return set_bylines(article, self.people.authors(item), created=created)
