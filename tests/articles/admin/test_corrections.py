"""« Rectificatif » and « Mise à jour » added from the admin."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Correction
from tests.factories import make_article

pytestmark = pytest.mark.django_db

T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))


@time_machine.travel(T, tick=False)
def test_editor_appends_a_correction_through_the_admin(as_editor, editor):
    article = make_article(
        publish_at=T - dt.timedelta(days=1), first_published_at=T - dt.timedelta(days=1)
    )
    response = as_editor.post(
        reverse("admin:articles_article_correct", args=[article.pk]),
        {"kind": "correction", "text": "Le montant est de 3 millions, non 30."},
        follow=True,
    )
    article.refresh_from_db()
    correction = Correction.objects.get(article=article)
    assert (correction.created_by, correction.text) == (
        editor,
        "Le montant est de 3 millions, non 30.",
    )
    assert article.updated_at == T
    assert "Rectificatif du 15 juin 2026 ajouté." in response.text
