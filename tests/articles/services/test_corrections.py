"""« Rectificatif » and « Mise à jour »."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.models import AuditEvent, Correction
from articles.services import WorkflowError, article_correct
from tests.factories import make_article, make_draft

pytestmark = pytest.mark.django_db

T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))


@time_machine.travel(T, tick=False)
def test_correction_updates_updated_at_and_is_audited(
    editor, received, django_capture_on_commit_callbacks
):
    article = make_article(
        publish_at=T - dt.timedelta(days=1), first_published_at=T - dt.timedelta(days=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        correction = article_correct(
            article=article,
            user=editor,
            kind=Correction.Kind.CORRECTION,
            text="Le chiffre exact est 42.",
        )
    assert article.updated_at == T
    assert correction.created_at == T
    assert AuditEvent.objects.filter(
        article=article, action=AuditEvent.Action.CORRECTED, actor=editor
    ).exists()
    assert received == [("updated", article.pk)]


def test_correction_of_a_never_published_draft_is_refused(editor):
    with pytest.raises(WorkflowError):
        article_correct(
            article=make_draft(), user=editor, kind=Correction.Kind.UPDATE, text="Ajout"
        )


def test_journalist_cannot_add_a_correction(journalist):
    with pytest.raises(PermissionDenied):
        article_correct(
            article=make_article(created_by=journalist),
            user=journalist,
            kind=Correction.Kind.UPDATE,
            text="Ajout",
        )
