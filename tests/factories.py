"""Plain factory helpers: ``make_article(**overrides)`` and friends."""

import datetime as dt
import io
import itertools

from django.utils import timezone

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Correction,
    RelatedLink,
    Section,
)

_seq = itertools.count(1)


def make_section(**overrides):
    n = next(_seq)
    fields = {"name": f"Rubrique {n}", "slug": f"rubrique-{n}", "position": n}
    return Section.objects.create(**(fields | overrides))


def make_author(**overrides):
    n = next(_seq)
    fields = {"name": f"Autrice {n}", "slug": f"autrice-{n}"}
    return Author.objects.create(**(fields | overrides))


def make_article(*, authors=(), tags=(), **overrides):
    """A published article (live since now) unless ``overrides`` say otherwise."""
    n = next(_seq)
    fields = {
        "title": f"Article numéro {n}",
        "slug": f"article-numero-{n}",
        "standfirst": "Un chapô de démonstration.",
        "body": "<p>Un paragraphe.</p>",
        "status": Article.Status.PUBLISHED,
        "publish_at": timezone.now(),
    }
    fields |= overrides
    if "section" not in fields:
        fields["section"] = make_section()
    article = Article.objects.create(**fields)
    for position, author in enumerate(authors):
        ArticleAuthor.objects.create(article=article, author=author, position=position)
    if tags:
        article.tags.add(*tags)
    return article


def make_draft(**overrides):
    """An article still being written: a draft with no publication date."""
    return make_article(status=Article.Status.DRAFT, publish_at=None, **overrides)


def make_scheduled_article(publish_at, **overrides):
    """An article scheduled to go live at ``publish_at``."""
    return make_article(
        status=Article.Status.SCHEDULED, publish_at=publish_at, **overrides
    )


def make_full_article():
    """A published article with all the admin shows: an author, tags, a hero
    image and an « À lire aussi » link to another site."""
    article = make_article(
        authors=[make_author()], tags=["Ukraine", "ONU"], hero_image=make_image()
    )
    RelatedLink.objects.create(
        article=article, url="https://exemple.fr/", title="Ailleurs"
    )
    return article


def make_related_link(article, **overrides):
    """An « À lire aussi » link of ``article`` (to ``target=`` or an external ``url=``)."""
    fields = {"position": article.related_links.count()}
    if "target" not in overrides and "url" not in overrides:
        fields["target"] = make_article()
    if "url" in overrides:
        fields.setdefault("title", "Un article ailleurs")
    return RelatedLink.objects.create(article=article, **(fields | overrides))


def make_correction(article, **overrides):
    fields = {"text": "Une erreur de date a été corrigée."}
    return Correction.objects.create(article=article, **(fields | overrides))


def hidden_articles(**overrides):
    """One article of each kind readers must never see: draft, in review,
    scheduled for the future, unpublished, and expired."""
    now = timezone.now()
    later = now + dt.timedelta(days=1)
    return {
        "draft": make_article(
            status=Article.Status.DRAFT, publish_at=None, **overrides
        ),
        "review": make_article(
            status=Article.Status.REVIEW, publish_at=None, **overrides
        ),
        "scheduled": make_article(
            status=Article.Status.SCHEDULED, publish_at=later, **overrides
        ),
        "unpublished": make_article(
            status=Article.Status.UNPUBLISHED, publish_at=now, **overrides
        ),
        "expired": make_article(
            publish_at=now - dt.timedelta(days=2),
            unpublish_at=now - dt.timedelta(days=1),
            **overrides,
        ),
    }


def make_user(role=None, *, author=False, **overrides):
    """A staff account in ``role`` (« Journaliste », « Éditeur »,
    « Administrateur ») as the roles migration defines it; with ``author``,
    also the Author who signs as this user."""
    from django.contrib.auth.models import Group, User

    n = next(_seq)
    fields = {
        "username": f"personne{n}",
        "first_name": "Prénom",
        "last_name": f"Nom{n}",
        "email": f"personne{n}@example.fr",
        "is_staff": True,
    }
    user = User.objects.create_user(password="motdepasse", **(fields | overrides))
    if role:
        if not Group.objects.filter(name=role).exists():
            _restore_roles()
        user.groups.add(Group.objects.get(name=role))
    if author:
        make_author(name=user.get_full_name(), user=user)
    return user


def make_journalist(**overrides):
    return make_user("Journaliste", author=True, **overrides)


def make_editor(**overrides):
    return make_user("Éditeur", **overrides)


def _restore_roles():
    """Put back the groups of the roles migration, which a transactional
    test's flush removes (permissions come back by themselves)."""
    from importlib import import_module
    from pathlib import Path

    from django.contrib.auth.models import Group, Permission

    import articles.migrations

    (path,) = Path(articles.migrations.__path__[0]).glob("*_editorial_roles.py")
    import_module(f"articles.migrations.{path.stem}").assign_roles(Group, Permission)
    import_module("wires.migrations.0003_desk_permissions").assign_roles(
        Group, Permission
    )


def image_bytes(
    fmt="JPEG", size=(800, 600), color=(200, 40, 40), *, halves=None, **save_options
):
    """An image file made here, as bytes: one colour, or ``halves`` (left,
    right) colours; ``save_options`` go to Pillow (``exif=``, ``xmp=``...)."""
    from PIL import Image as PILImage

    img = PILImage.new("RGB", size, color)
    if halves:
        img.paste(halves[0], (0, 0, size[0] // 2, size[1]))
        img.paste(halves[1], (size[0] // 2, 0, size[0], size[1]))
    buffer = io.BytesIO()
    img.save(buffer, fmt, **save_options)
    return buffer.getvalue()


def upload_file(name="photo.jpg", content=None, content_type="image/jpeg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        name, image_bytes() if content is None else content, content_type
    )


def make_image(*, file=None, **overrides):
    """A library image stored through the upload pipeline (checked, cleaned,
    with its admin thumbnail)."""
    from images.models import Image
    from images.processing import process_upload
    from images.services import image_create

    n = next(_seq)
    fields = {"title": f"Photo {n}", "alt": f"Description de la photo {n}"}
    fields |= overrides
    upload = process_upload(file or upload_file(f"photo-{n}.jpg"))
    return image_create(image=Image(**fields), upload=upload)


def make_live(**overrides):
    """A published live coverage page (``format`` « Direct »), running."""
    from live.models import LiveCoverage

    article = make_article(format=Article.Format.LIVE, **overrides)
    LiveCoverage.objects.create(article=article)
    return article


def make_entry(live, **overrides):
    """An entry of ``live``, online since now unless ``overrides`` say otherwise."""
    from live.models import LiveEntry

    n = next(_seq)
    fields = {"body": f"<p>Entrée numéro {n}.</p>", "publish_at": timezone.now()}
    return LiveEntry.objects.create(article=live, **(fields | overrides))
