"""Embargoes: an article made from an item under embargo may be written and
kept as a draft, but it cannot go live before the embargo ends."""

from core.formats import french_datetime
from wires.models import WireUse


def embargo_problems(article, at) -> list[str]:
    """The publication check registered with the workflow (``apps.py``)."""
    if article.pk is None:
        return []
    uses = WireUse.objects.filter(
        article=article, item__embargoed__gt=at
    ).select_related("item")
    return [
        f"La dépêche « {use.item} » est sous embargo jusqu’au "
        f"{french_datetime(use.item.embargoed)} : l’article ne peut pas être "
        "mis en ligne avant."
        for use in uses
    ]
