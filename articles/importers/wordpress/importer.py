"""WordPress posts → articles, one transaction per item.

Each post is found again on re-import by its key (``wordpress:<site>:<post
id>``, in ``Article.external_id``) or, failing that, by its GUID (a site
that was migrated keeps GUIDs but not ids): re-running updates what changed
and never duplicates.

With ``--uploads-dir``, the file is first read once for its attachments
alone: they may come before or after the posts that use them, and a post is
then imported whole, images included, in one go.
"""

import logging
from collections.abc import Callable
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.importers.wordpress.bodyimages import BodyImages
from articles.importers.wordpress.content import convert_body, plain_text
from articles.importers.wordpress.media import MediaLibrary
from articles.importers.wordpress.reader import (
    CleanStream,
    Item,
    WXRError,
    WXRInterrupted,
    read_wxr,
)
from articles.importers.wordpress.report import ImportReport
from articles.models import (
    RESERVED_SLUGS,
    Article,
    ArticleAuthor,
    ArticleRedirect,
    Author,
    Section,
)

logger = logging.getLogger(__name__)

Status = Article.Status
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
DEFAULT_CATEGORIES = {"uncategorized", "non-classe"}
FALLBACK_SECTION = ("non-classe", "Non classé")

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


def import_wordpress(
    *,
    path: Path,
    uploads_dir: Path | None = None,
    dry_run: bool = False,
    on_progress: Callable[[int, int, ImportReport], None] | None = None,
) -> ImportReport:
    """Import the WXR file at ``path``; see the module docstring.

    Raises ``WXRError`` (French message) if the file is not a WordPress
    export, before anything is written. A file that breaks off part-way keeps
    what was imported before the break, and the report says where it broke.
    With ``dry_run`` everything runs in a transaction that is rolled back,
    and no image file is copied.
    """
    if uploads_dir is not None and not uploads_dir.is_dir():
        raise WXRError(f"le dossier --uploads-dir « {uploads_dir} » n’existe pas.")
    report = ImportReport(dry_run=dry_run)
    total = path.stat().st_size
    before = _counts()
    with path.open("rb") as raw, transaction.atomic() if dry_run else nullcontext():
        stream = CleanStream(raw)
        items = read_wxr(stream)
        channel = next(items)  # WXRError here: nothing was written
        run = _Run(channel, report, uploads_dir=uploads_dir, dry_run=dry_run)
        try:
            if uploads_dir is not None:
                _read_attachments(path, run.media, report, on_progress)
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


def _read_attachments(path, media, report, on_progress):
    """The first pass: remember every image attachment (in a temporary
    index, see ``attachments``). A break in the file ends it quietly; the
    second pass reports it."""
    report.phase = "pièces jointes"
    total = path.stat().st_size
    with path.open("rb") as raw:
        stream = CleanStream(raw)
        items = read_wxr(stream)
        try:
            next(items)
            for item in items:
                if item.post_type == "attachment":
                    media.remember(item)
                if on_progress:
                    on_progress(stream.position, total, report)
        except (WXRInterrupted, WXRError):
            pass
    report.phase = ""


def _counts():
    return (
        Section.objects.count(),
        Author.objects.count(),
        ArticleRedirect.objects.count(),
    )


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


def author_slug(login: str) -> str:
    """The author's URL slug from their WordPress login (« jean.dupont » →
    « jean-dupont »; an e-mail login keeps its part before the @)."""
    local = login.split("@", 1)[0]
    return slugify(local.replace(".", "-").replace("_", "-"))[:150]


def site_key(channel) -> str:
    url = channel.base_blog_url or channel.link
    parts = urlsplit(url)
    return (parts.netloc + parts.path.rstrip("/")).lower() or "site"


class _Run:
    def __init__(self, channel, report, *, uploads_dir, dry_run):
        self.channel = channel
        self.report = report
        self.site = site_key(channel)
        report.site = channel.title or channel.link
        self.media = MediaLibrary(
            uploads_dir=uploads_dir, dry_run=dry_run, report=report, site=self.site
        )
        self.by_term_id = {c.term_id: c for c in channel.categories.values()}
        # Sections and authors looked up once per run. What an item creates is
        # only cached once its transaction succeeded (a rollback undoes it).
        self.cache: dict[tuple, object] = {}
        self.staged: dict[tuple, object] = {}

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
            self.staged = {}
            # Library images are created before (and outside) the post's
            # transaction: they are shared, and a rollback would leave their
            # files behind.
            body = self._body(item)
            hero_pk = self.media.hero_pk(item)
            with transaction.atomic():
                outcome, article = self._upsert(item, title, body, hero_pk)
            self.cache.update(self.staged)
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

        values = self._values(item, title, article, body)
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
        changed |= self._redirects(article, item)

        if article.status in Status.visible() and (
            problems := article.publication_problems()
        ):
            self.report.warn(item, " ".join(problems), title=article.title)
        if created:
            return "created", article
        return ("updated" if changed else "unchanged"), article

    def _values(self, item: Item, title: str, article: Article, body: str) -> dict:
        wp_status = item.status
        published = parse_datetime(
            item.get("wp:post_date_gmt"), item.get("wp:post_date")
        )
        modified = parse_datetime(
            item.get("wp:post_modified_gmt"), item.get("wp:post_modified")
        )
        if wp_status in STATUSES:
            status = STATUSES[wp_status]
        else:
            status = Status.DRAFT
            self.report.warn(
                item,
                f"statut « {wp_status} » inconnu : importé en brouillon",
                title=title,
            )
        if item.get("wp:post_password").strip() and status == Status.PUBLISHED:
            status = Status.UNPUBLISHED
            self.report.warn(
                item, "protégé par mot de passe : importé dépublié", title=title
            )
        if status in {Status.DRAFT, Status.REVIEW}:
            # A draft's local date is its last save, not a publication date;
            # only a date the editor chose (GMT set) is kept.
            published = parse_datetime(item.get("wp:post_date_gmt"), "")
        if status in Status.visible() and published is None:
            raise ItemError("article publié ou programmé sans date de publication")
        if not title:
            title = "Sans titre"
            self.report.warn(item, "article sans titre, nommé « Sans titre »")

        if status == Status.SCHEDULED and not body:
            # Already-published posts stay published (their links must keep
            # working), but a future one goes through our own checks.
            status = Status.REVIEW
            self.report.warn(
                item, "programmé mais sans texte : importé « à relire »", title=title
            )

        return {
            "title": title[:250],
            "slug": self._slug(item, title, article),
            "standfirst": plain_text(item.get("excerpt:encoded")),
            "body": body,
            "section_id": self._section(item).pk,
            "status": status,
            "publish_at": published,
            "first_published_at": published
            if status in {Status.PUBLISHED, Status.UNPUBLISHED}
            else None,
            "updated_at": modified
            if modified and published and modified > published
            else None,
            "is_featured": item.get("wp:is_sticky").strip() == "1",
        }

    def _slug(self, item: Item, title: str, article: Article) -> str:
        wanted = slugify(unquote(item.get("wp:post_name").strip()))[:240]
        wanted = wanted or slugify(title)[:240] or f"article-{item.post_id}"
        current = article.slug or ""
        if current == wanted or (
            current.startswith(f"{wanted}-") and current[len(wanted) + 1 :].isdigit()
        ):
            return current
        return Article.objects.unique_slug(wanted, exclude_pk=article.pk)

    # -- taxonomies and people --------------------------------------------

    def _categories(self, item: Item):
        return [t for t in item.terms if t.domain == "category" and t.nicename]

    def _root(self, nicename: str, name: str):
        """The top-level category above ``nicename`` (itself if top-level)."""
        category = self.channel.categories.get(nicename)
        seen = set()
        while category and category.parent and category.parent not in seen:
            seen.add(category.nicename)
            parent = self.channel.categories.get(category.parent)
            if parent is None:
                break
            category = parent
        if category is None:
            return nicename, name, ""
        return category.nicename, category.name, category.description

    def _main_category(self, item: Item):
        categories = self._categories(item)
        primary = item.meta.get("_yoast_wpseo_primary_category", "").strip()
        if primary and (chosen := self.by_term_id.get(primary)):
            for term in categories:
                if term.nicename == chosen.nicename:
                    return term
        real = [t for t in categories if t.nicename not in DEFAULT_CATEGORIES]
        return (real or categories or [None])[0]

    def _section(self, item: Item) -> Section:
        term = self._main_category(item)
        if term is None:
            slug, name, description = *FALLBACK_SECTION, ""
        else:
            nicename, name, description = self._root(term.nicename, term.name)
            slug = slugify(unquote(nicename))[:100] or slugify(name)[:100]
        name = plain_text(name)[:100] or slug
        if section := self.cache.get(("section", slug)):
            return section
        section = (
            Section.objects.filter(slug=slug).first()
            or Section.objects.filter(name__iexact=name).first()
        )
        if section:
            self.cache["section", slug] = section
            return section
        key = ("section", slug)
        if slug in RESERVED_SLUGS:
            slug = f"{slug}-rubrique"
        position = Section.objects.aggregate(m=models.Max("position"))["m"] or 0
        self.staged[key] = Section.objects.create(
            name=name,
            slug=slug,
            description=plain_text(description),
            position=position + 1,
        )
        return self.staged[key]

    def _tag_names(self, item: Item) -> list[str]:
        section_term = self._main_category(item)
        root = self._root(section_term.nicename, "")[0] if section_term else None
        names = []
        for term in self._categories(item):
            if term.nicename in DEFAULT_CATEGORIES:
                continue
            # Sub-categories (and their parents below the section) become tags,
            # as do other top-level categories, so no classification is lost.
            nicename = term.nicename
            seen = set()
            while nicename and nicename != root and nicename not in seen:
                seen.add(nicename)
                category = self.channel.categories.get(nicename)
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

    def _tags(self, article: Article, item: Item, *, created: bool) -> bool:
        names = self._tag_names(item)
        if created:
            article.tags.add(*names)
            return bool(names)
        current = {name.lower() for name in article.tags.names()}
        if current == {name.lower() for name in names}:
            return False
        article.tags.set(names)
        return True

    def _people(self, item: Item):
        coauthors = [t for t in item.terms if t.domain == "author" and t.nicename]
        if coauthors:  # Co-Authors Plus, as Newspack uses it
            return [(t.nicename.removeprefix("cap-"), t.name) for t in coauthors]
        login = item.get("dc:creator").strip()
        return [(login, "")] if login else []

    def _author(self, login: str, name: str) -> Author | None:
        slug = author_slug(login)
        if not slug:
            return None
        if author := self.cache.get(("author", slug)):
            return author
        author = Author.objects.filter(slug=slug).first()
        if author:
            self.cache["author", slug] = author
            return author
        known = self.channel.authors.get(login)
        display = (
            (plain_text(known.display_name) if known else "")
            or plain_text(name)
            or login
        )
        author = Author.objects.create(
            name=display[:150],
            slug=slug,
            bio=plain_text(known.description) if known else "",
        )
        self.staged["author", slug] = author
        return author

    def _bylines(self, article: Article, item: Item, *, created: bool) -> bool:
        authors = []
        for login, name in self._people(item):
            author = self._author(login, name)
            if author and author not in authors:
                authors.append(author)
        current = (
            [] if created else list(article.bylines.values_list("author_id", flat=True))
        )
        if current == [a.pk for a in authors]:
            return False
        article.bylines.all().delete()
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author=author, position=position)
            for position, author in enumerate(authors)
        )
        return True

    # -- old addresses ----------------------------------------------------

    def _old_paths(self, item: Item) -> list[str]:
        paths = [f"/?p={item.post_id}"]
        parts = urlsplit(item.link)
        query = parse_qs(parts.query)
        if parts.path not in {"", "/"} and not query.get("p"):
            # Django matches request.path, which is percent-decoded.
            path = unquote(parts.path)
            paths.append(path + (f"?{parts.query}" if parts.query else ""))
        return [p[:500] for p in paths]

    def _redirects(self, article: Article, item: Item) -> bool:
        paths = self._old_paths(item)
        existing = ArticleRedirect.objects.filter(old_path__in=paths)
        found = {redirect.old_path: redirect for redirect in existing}
        moved = [r for r in found.values() if r.article_id != article.pk]
        for redirect in moved:
            redirect.article = article
            redirect.save(update_fields=["article"])
        missing = [p for p in paths if p not in found]
        ArticleRedirect.objects.bulk_create(
            ArticleRedirect(old_path=p, article=article) for p in missing
        )
        return bool(moved or missing)
