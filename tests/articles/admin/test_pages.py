"""What the article admin's own pages share: refusals told in French, and
no change made by a mere visit."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.admin.pages import message_of
from articles.models import Article
from tests.factories import make_scheduled_article


def test_a_refused_service_call_is_told_in_french():
    assert message_of(ValidationError(["Le titre est vide.", "Le texte aussi."])) == (
        "Le titre est vide. Le texte aussi."
    )
    assert message_of(PermissionDenied("Réservé aux éditeurs.")) == (
        "Réservé aux éditeurs."
    )


def test_a_refusal_without_a_reason_still_says_why():
    assert message_of(PermissionDenied()) == "Vous n’avez pas le droit de faire cela."


@pytest.mark.django_db
def test_a_page_that_changes_something_does_nothing_on_a_mere_visit(as_editor):
    overdue = make_scheduled_article(timezone.now() - dt.timedelta(hours=1))
    response = as_editor.get(reverse("admin:articles_article_run_overdue"))
    overdue.refresh_from_db()
    assert response.status_code == 403
    assert overdue.status == Article.Status.SCHEDULED
