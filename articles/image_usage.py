"""The articles that use library images, told to the photo library
(``images.usage``), and what an article's images stop from going live."""

from django.db.models import Q
from django.urls import reverse

from articles.models import Article
from articles.services.rights import hidden_article_pks
from core.formats import french_date
from images.body import image_ids
from images.models import Image
from images.usage import Use

# How the library names an article its viewer may not see.
HIDDEN_ARTICLE_USE = "un article non publié"


def _reference(pk):
    return f'data-image-id="{pk}"'


def _using(image_pks):
    condition = Q(hero_image__in=image_pks)
    for pk in image_pks:
        condition |= Q(body__contains=_reference(pk))
    return Article.objects.filter(condition).select_related("section")


class ArticleUsage:
    """Articles use images as their hero and inside their body."""

    def uses(self, image_pks, *, viewer=None):
        articles = list(_using(image_pks))
        pks = [article.pk for article in articles]
        live = set(
            Article.objects.published().filter(pk__in=pks).values_list("pk", flat=True)
        )
        hidden = hidden_article_pks(viewer, pks) if viewer is not None else set()
        found = {}
        for article in articles:
            for pk in {article.hero_image_id, *image_ids(article.body)} & image_pks:
                in_text = article.hero_image_id != pk
                if article.pk in hidden:
                    # Someone else's draft: counted, but its title, status
                    # and address stay out of the library.
                    use = Use(
                        title=HIDDEN_ARTICLE_USE,
                        status="",
                        admin_url="",
                        live=False,
                        in_text=in_text,
                    )
                else:
                    use = Use(
                        title=article.title,
                        status=article.get_status_display(),
                        admin_url=reverse(
                            "admin:articles_article_change", args=[article.pk]
                        ),
                        live=article.pk in live,
                        in_text=in_text,
                    )
                found.setdefault(pk, []).append(use)
        return found

    def is_shown_to_readers(self, image):
        return (
            Article.objects.published()
            .filter(Q(hero_image=image) | Q(body__contains=_reference(image.pk)))
            .exists()
        )


def image_publication_problems(article: Article) -> list[str]:
    """What the images of ``article`` stop from going live, in French."""
    problems = []
    hero = article.hero_image if article.hero_image_id else None
    if hero is not None:
        if not hero.alt.strip():
            problems.append("L’image principale n’a pas de texte alternatif.")
        if hero.is_licence_expired():
            problems.append(
                f"Les droits de l’image principale ont expiré le "
                f"{french_date(hero.licence_expires_on)}."
            )
    ids = image_ids(article.body)
    found = Image.objects.in_bulk(ids) if ids else {}
    for pk in ids:
        image = found.get(pk)
        if image is None:
            problems.append(
                f"Une image du texte (n°\u00a0{pk}) n’existe plus dans la photothèque."
            )
            continue
        if not image.alt.strip():
            problems.append(
                f"L’image «\u00a0{image.title}\u00a0» du texte n’a pas de texte alternatif."
            )
        if image.is_licence_expired():
            problems.append(
                f"Les droits de l’image «\u00a0{image.title}\u00a0» du texte ont expiré le "
                f"{french_date(image.licence_expires_on)}."
            )
    return problems
