"""Where library images are used: article heroes and article bodies."""

from django.db.models import Q

from articles.formats import french_date
from images.body import image_ids


def _reference(pk):
    return f'data-image-id="{pk}"'


def articles_using(image_pks):
    """{image pk: [articles]} for articles that use these images, as hero or
    in their body; one query."""
    from articles.models import Article

    image_pks = set(image_pks)
    if not image_pks:
        return {}
    condition = Q(hero_image__in=image_pks)
    for pk in image_pks:
        condition |= Q(body__contains=_reference(pk))
    usage = {pk: [] for pk in image_pks}
    for article in Article.objects.filter(condition).select_related("section"):
        used = {article.hero_image_id, *image_ids(article.body)} & image_pks
        for pk in used:
            usage[pk].append(article)
    return usage


def is_shown_to_readers(image):
    """Whether a published article uses ``image`` (as hero or in its body)."""
    from articles.models import Article

    return (
        Article.objects.published()
        .filter(Q(hero_image=image) | Q(body__contains=_reference(image.pk)))
        .exists()
    )


def publication_problems(article):
    """What the images of ``article`` stop from going live, in French."""
    from images.models import Image

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
