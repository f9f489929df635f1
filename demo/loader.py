"""Puts the demo newsroom in the database: once, and never twice.

Every object is looked up by its slug first (articles also by their
``external_id`` « demo:<slug> », which survives a change of slug). What
exists is left exactly as it is, even if an editor changed it, so running the
loader again creates nothing and changes nothing.
"""

import datetime as dt
import hashlib
import re
import secrets
import textwrap
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Correction,
    RelatedLink,
    Section,
)
from demo import content
from demo.images import abstract_jpeg
from demo.spec import DemoArticle, DemoLive, DemoSection, ExternalLink
from images.models import Image
from images.processing import process_upload
from images.services import image_create, image_delete
from live.models import LiveCoverage, LiveEntry

NBSP = "\u00a0"
ADMIN_USERNAME = "admin"
# Accounts to try the editorial workflow: (username, group, author they sign as).
NEWSROOM_ACCOUNTS = (
    ("journaliste", "Journaliste", "camille-roussel"),
    ("editeur", "Éditeur", None),
)
EXTERNAL_ID_PREFIX = "demo:"
HERO_CREDIT = f"Illustration{NBSP}: News Day FR"
# Demo articles go out between 7 h and 22 h 59, Paris time.
DAY_START_HOUR, DAY_END_HOUR = 7, 22

_TAG = re.compile(r"(<[^>]*>)")
_SPACING = (
    (re.compile(r"« "), "«" + NBSP),
    (re.compile(r" (?=[»:;!?%€])"), NBSP),
    # Thousands: « 10 000 », « 1 500 ».
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NBSP),
    (re.compile(r"'"), "’"),
)


def typeset(text: str) -> str:
    """French spacing for demo text written with plain spaces.

    « », : ; ! ? % € and digit groups get a no-break space (the site narrows
    them on output); straight apostrophes become ’. Markup is left alone.
    """
    parts = _TAG.split(text)
    for i in range(0, len(parts), 2):  # even parts are text, odd ones tags
        for pattern, replacement in _SPACING:
            parts[i] = pattern.sub(replacement, parts[i])
    return "".join(parts)


def demo_body(html: str) -> str:
    """A body from ``content``: one block per line, typeset."""
    lines = textwrap.dedent(html).strip().splitlines()
    return typeset("\n".join(line.strip() for line in lines if line.strip()))


@dataclass
class Tally:
    created: int = 0
    existing: int = 0


@dataclass
class DemoReport:
    sections: Tally = field(default_factory=Tally)
    authors: Tally = field(default_factory=Tally)
    articles: Tally = field(default_factory=Tally)
    lives: Tally = field(default_factory=Tally)
    articles_removed: int = 0
    accounts_created: list[str] = field(default_factory=list)
    # Set only when the loader made the password up: show it once, then forget it.
    generated_password: str | None = None


def attach_hero_image(article: Article, *, section: DemoSection, caption: str) -> None:
    """Give ``article`` a hero image from the photo library, with alt text,
    caption and credit; it goes through the same checks as any upload."""
    jpeg = abstract_jpeg(seed=article.slug, palette=section.palette)
    name = f"demo-{article.slug[:60].rstrip('-')}.jpg"
    article.hero_image = image_create(
        image=Image(
            title=article.title[:200],
            alt=f"Illustration abstraite aux tons {section.palette_alt}.",
            caption=typeset(caption),
            credit=HERO_CREDIT,
            licence=Image.Licence.STAFF,
        ),
        upload=process_upload(ContentFile(jpeg, name=name)),
    )


@transaction.atomic
def load_demo(
    *,
    admin_password: str | None = None,
    now: dt.datetime | None = None,
    reset: bool = False,
) -> DemoReport:
    """Create whatever part of the demo is missing, and say what was done.

    ``admin_password`` is used only for the accounts created by this run
    (``admin`` and the newsroom accounts); without it one password is
    generated for them and returned in the report. Dates are
    relative to ``now`` so the demo looks fresh the day it is loaded.
    ``reset`` first deletes the demo articles (and their pictures) to load
    them again with fresh dates; sections, authors and the account stay.
    """
    now = (now or timezone.now()).replace(second=0, microsecond=0)
    report = DemoReport()
    if reset:
        report.articles_removed = _delete_demo_articles()
    admin = _ensure_admin(password=admin_password, report=report)
    sections = _ensure_sections(report.sections)
    authors = _ensure_authors(report.authors)
    _ensure_newsroom_accounts(password=admin_password, report=report, authors=authors)
    _ensure_articles(
        now=now, sections=sections, authors=authors, admin=admin, tally=report.articles
    )
    _ensure_live(
        content.LIVE,
        now=now,
        sections=sections,
        authors=authors,
        admin=admin,
        tally=report.lives,
    )
    return report


def _new_account_password(password: str | None, report: DemoReport) -> str:
    if password:
        return password
    if report.generated_password is None:
        report.generated_password = secrets.token_urlsafe(12)
    return report.generated_password


def _ensure_admin(*, password: str | None, report: DemoReport):
    user_model = get_user_model()
    user = user_model._default_manager.filter(
        **{user_model.USERNAME_FIELD: ADMIN_USERNAME}
    ).first()
    if user is not None:
        return user
    report.accounts_created.append(ADMIN_USERNAME)
    return user_model._default_manager.create_superuser(
        **{user_model.USERNAME_FIELD: ADMIN_USERNAME},
        email="",
        password=_new_account_password(password, report),
    )


def _ensure_newsroom_accounts(*, password, report: DemoReport, authors) -> None:
    """A journalist (who signs as one of the demo authors) and an editor."""
    user_model = get_user_model()
    for username, group_name, author_slug in NEWSROOM_ACCOUNTS:
        if user_model._default_manager.filter(
            **{user_model.USERNAME_FIELD: username}
        ).exists():
            continue
        user = user_model._default_manager.create_user(
            **{user_model.USERNAME_FIELD: username},
            email="",
            password=_new_account_password(password, report),
            is_staff=True,
        )
        user.groups.add(Group.objects.get(name=group_name))
        if author_slug and authors[author_slug].user_id is None:
            authors[author_slug].user = user
            authors[author_slug].save(update_fields=["user"])
        report.accounts_created.append(username)


def _ensure_sections(tally: Tally) -> dict[str, Section]:
    sections = {}
    for spec in content.SECTIONS:
        section = Section.objects.filter(Q(slug=spec.slug) | Q(name=spec.name)).first()
        if section is None:
            section = Section.objects.create(
                slug=spec.slug,
                name=spec.name,
                description=typeset(spec.description),
                position=spec.position,
            )
            tally.created += 1
        else:
            tally.existing += 1
        sections[spec.slug] = section
    return sections


def _ensure_authors(tally: Tally) -> dict[str, Author]:
    authors = {}
    for spec in content.AUTHORS:
        author = Author.objects.filter(slug=spec.slug).first()
        if author is None:
            author = Author.objects.create(
                slug=spec.slug,
                name=spec.name,
                role=typeset(spec.role),
                bio=typeset(spec.bio),
            )
            tally.created += 1
        else:
            tally.existing += 1
        authors[spec.slug] = author
    return authors


def _ensure_articles(*, now, sections, authors, admin, tally: Tally) -> None:
    section_specs = {spec.slug: spec for spec in content.SECTIONS}
    by_slug: dict[str, Article] = {}
    created: list[tuple[DemoArticle, Article]] = []
    for spec in content.ARTICLES:
        article = Article.objects.filter(
            Q(external_id=EXTERNAL_ID_PREFIX + spec.slug) | Q(slug=spec.slug)
        ).first()
        if article is None:
            article = _create_article(
                spec,
                now=now,
                section=sections[spec.section],
                section_spec=section_specs[spec.section],
                authors=[authors[slug] for slug in spec.authors],
                admin=admin,
            )
            created.append((spec, article))
            tally.created += 1
        else:
            tally.existing += 1
        by_slug[spec.slug] = article

    # Links and notes come once every article exists, and only for new ones.
    for spec, article in created:
        _add_related_links(article, spec.related, by_slug)
        if spec.correction:
            Correction.objects.create(
                article=article,
                kind=Correction.Kind.CORRECTION,
                text=typeset(spec.correction.text),
                created_at=article.publish_at
                + dt.timedelta(hours=spec.correction.hours_after_publication),
                created_by=admin,
            )


def publication_time(*, now: dt.datetime, offset_hours: float, slug: str):
    """``now`` plus ``offset_hours``, moved to a plausible newsroom time.

    Some minutes of jitter (fixed per slug) so that articles do not all show
    the same minute, and never at night in Paris: a night time in the past
    moves back to the evening before, one in the future forward to the
    morning after. A past time stays past and a future one future.
    """
    digest = int(hashlib.sha256(slug.encode()).hexdigest(), 16)
    at = now + dt.timedelta(hours=offset_hours)
    if abs(offset_hours) >= 3:
        minutes = digest % 50
        at += dt.timedelta(minutes=minutes if offset_hours > 0 else -minutes)
    hour = timezone.localtime(at).hour
    if not DAY_START_HOUR <= hour <= DAY_END_HOUR:
        spread = digest // 50 % 5  # so that night times do not all land on one hour
        if offset_hours < 0:
            at -= dt.timedelta(hours=(hour - DAY_END_HOUR) % 24 + spread)
        else:
            at += dt.timedelta(hours=(DAY_START_HOUR - hour) % 24 + spread)
    return at


def _create_article(spec: DemoArticle, *, now, section, section_spec, authors, admin):
    publish_at = (
        None
        if spec.publish_offset_hours is None
        else publication_time(
            now=now, offset_hours=spec.publish_offset_hours, slug=spec.slug
        )
    )
    went_live = publish_at is not None and publish_at <= now
    article = Article(
        title=typeset(spec.title),
        slug=spec.slug,
        standfirst=typeset(spec.standfirst),
        body=demo_body(spec.body),
        section=section,
        status=spec.status,
        publish_at=publish_at,
        first_published_at=publish_at if went_live else None,
        updated_at=(
            publish_at + dt.timedelta(hours=spec.updated_hours_after)
            if went_live and spec.updated_hours_after is not None
            else None
        ),
        sources=typeset(spec.sources),
        is_featured=spec.is_featured,
        is_breaking=spec.is_breaking,
        external_id=EXTERNAL_ID_PREFIX + spec.slug,
        created_by=admin,
    )
    attach_hero_image(article, section=section_spec, caption=spec.caption)
    article.save()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=author, position=position)
        for position, author in enumerate(authors)
    )
    article.tags.add(*spec.tags)
    return article


def _add_related_links(article, related, by_slug) -> None:
    links = []
    for position, item in enumerate(related):
        if isinstance(item, ExternalLink):
            links.append(
                RelatedLink(
                    article=article,
                    url=item.url,
                    title=typeset(item.title),
                    position=position,
                )
            )
        else:
            links.append(
                RelatedLink(article=article, target=by_slug[item], position=position)
            )
    RelatedLink.objects.bulk_create(links)


def _ensure_live(spec: DemoLive, *, now, sections, authors, admin, tally: Tally):
    """The running live coverage page, its « L’essentiel » and its entries
    (one scheduled a little later, to show scheduling)."""
    if Article.objects.filter(
        Q(external_id=EXTERNAL_ID_PREFIX + spec.slug) | Q(slug=spec.slug)
    ).exists():
        tally.existing += 1
        return
    opened = now - dt.timedelta(minutes=spec.opened_minutes_ago)
    article = Article(
        title=typeset(spec.title),
        slug=spec.slug,
        standfirst=typeset(spec.standfirst),
        body=demo_body(spec.body),
        section=sections[spec.section],
        format=Article.Format.LIVE,
        status=Article.Status.PUBLISHED,
        publish_at=opened,
        first_published_at=opened,
        external_id=EXTERNAL_ID_PREFIX + spec.slug,
        created_by=admin,
    )
    section_spec = next(s for s in content.SECTIONS if s.slug == spec.section)
    attach_hero_image(article, section=section_spec, caption=spec.caption)
    article.save()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=authors[slug], position=position)
        for position, slug in enumerate(spec.authors)
    )
    article.tags.add(*spec.tags)
    LiveCoverage.objects.create(
        article=article,
        summary="\n".join(typeset(point) for point in spec.summary),
        summary_updated_at=now,
    )
    LiveEntry.objects.bulk_create(
        LiveEntry(
            article=article,
            author=authors[entry.author],
            created_by=authors[entry.author].user or admin,
            title=typeset(entry.title),
            body=demo_body(entry.body),
            is_important=entry.is_important,
            is_pinned=entry.is_pinned,
            publish_at=now + dt.timedelta(minutes=entry.minutes),
            created_at=now + dt.timedelta(minutes=min(entry.minutes, 0)),
        )
        for entry in spec.entries
    )
    tally.created += 1


def _delete_demo_articles() -> int:
    articles = Article.objects.filter(external_id__startswith=EXTERNAL_ID_PREFIX)
    pictures = list(Image.objects.filter(hero_of__in=articles).distinct())
    removed = articles.delete()[1].get(Article._meta.label, 0)
    for picture in pictures:
        if not picture.hero_of.exists():
            image_delete(image=picture)
    return removed
