"""What every service checks before it writes, and the row lock it holds
while it does."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.image_usage import image_publication_problems
from articles.models import Article


class WorkflowError(ValidationError):
    """A transition the article's state or content does not allow; the
    message is French and meant for the person who asked."""


def require_perm(user, perm: str, message: str) -> None:
    if user is None or not user.has_perm(f"articles.{perm}"):
        raise PermissionDenied(message)


def require_aware(value: dt.datetime | None, name: str) -> None:
    if value is not None and timezone.is_naive(value):
        raise ValueError(f"{name} must be timezone-aware")


# The years anything may be scheduled in (and the editorial calendar shows).
# Outside them a date is a slip of the keyboard (« 9999 », « 0001 »), and
# near the ends of Python's calendar turning Paris time into UTC overflows.
SCHEDULE_YEARS = range(1900, 2100)
DATE_OUT_OF_RANGE = "Choisissez une date entre 1900 et 2099."


def in_schedule_years(day: dt.date) -> bool:
    return day.year in SCHEDULE_YEARS


def require_schedule_years(*moments: dt.datetime | None) -> None:
    if any(m is not None and not in_schedule_years(m) for m in moments):
        raise WorkflowError(DATE_OUT_OF_RANGE, code="out_of_range")


# Checks other apps add (``register_publication_check``): each is called as
# ``check(article, at)`` and returns French sentences. The wires app, for
# one, refuses an article made from an item still under embargo at ``at``.
_publication_checks = []


def register_publication_check(check) -> None:
    if check not in _publication_checks:
        _publication_checks.append(check)


def publication_problems(article: Article, at: dt.datetime | None = None) -> list[str]:
    """What stops ``article`` from going live at ``at`` (now by default), as
    French sentences. The workflow refuses to publish or schedule while this
    is not empty."""
    problems = []
    if not article.title.strip():
        problems.append("Le titre est vide.")
    if not article.section_id:
        problems.append("Aucune rubrique n’est choisie.")
    if not article.body.strip():
        problems.append("Le texte de l’article est vide.")
    problems.extend(image_publication_problems(article))
    at = at or timezone.now()
    for check in _publication_checks:
        problems.extend(check(article, at))
    return problems


def refuse_if_problems(article: Article, at: dt.datetime | None = None) -> None:
    if problems := publication_problems(article, at):
        raise WorkflowError(
            "L’article ne peut pas être mis en ligne : " + " ".join(problems)
        )


def lock_article(article: Article) -> Article:
    """The article's row, locked until the end of the transaction."""
    return (
        Article.objects.select_for_update().select_related("section").get(pk=article.pk)
    )


def is_live(article: Article, at: dt.datetime | None = None) -> bool:
    """Whether readers see ``article`` at ``at`` (now by default)."""
    return Article.objects.published(at=at).filter(pk=article.pk).exists()
