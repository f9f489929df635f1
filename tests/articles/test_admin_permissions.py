"""Every path into the article admin applies the roles on the server."""

import datetime as dt

import pytest
from django.urls import reverse

from articles.models import Article, Autosave, ScheduledChange
from articles.services import article_revision_create
from tests.factories import make_article, make_editor, make_journalist, make_user
from tests.forms import form_data

pytestmark = pytest.mark.django_db

Status = Article.Status


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def workflow_url(article, action):
    return reverse("admin:articles_article_workflow", args=[article.pk, action])


@pytest.fixture
def journalist():
    return make_journalist()


@pytest.fixture
def own_draft(journalist):
    return make_article(
        status=Status.DRAFT,
        publish_at=None,
        created_by=journalist,
        title="Mon brouillon",
    )


@pytest.fixture
def others_draft():
    return make_article(
        status=Status.DRAFT,
        publish_at=None,
        created_by=make_journalist(),
        title="Brouillon secret d’un collègue",
    )


@pytest.fixture
def own_published(journalist):
    return make_article(created_by=journalist, title="Mon article publié")


@pytest.fixture
def as_journalist(client, journalist):
    client.force_login(journalist)
    return client


@pytest.fixture
def as_editor(client):
    client.force_login(make_editor())
    return client


# --- The list and the change form ----------------------------------------------------


def test_journalist_list_shows_only_their_own_articles(
    as_journalist, own_draft, others_draft
):
    response = as_journalist.get(reverse("admin:articles_article_changelist"))
    assert own_draft.title in response.text
    assert others_draft.title not in response.text


def test_journalist_cannot_open_another_journalists_draft(as_journalist, others_draft):
    response = as_journalist.get(change_url(others_draft))
    assert response.status_code == 302
    assert others_draft.title not in response.text


def test_journalist_post_to_another_journalists_draft_changes_nothing(
    as_journalist, others_draft
):
    as_journalist.post(change_url(others_draft), {"title": "Piraté", "_save": "1"})
    others_draft.refresh_from_db()
    assert others_draft.title == "Brouillon secret d’un collègue"


def test_journalist_edits_their_own_draft(as_journalist, own_draft):
    data = form_data(as_journalist.get(change_url(own_draft))) | {
        "title": "Nouveau titre"
    }
    response = as_journalist.post(change_url(own_draft), data)
    own_draft.refresh_from_db()
    assert response.status_code == 302
    assert own_draft.title == "Nouveau titre"


def test_crafted_status_and_dates_in_a_journalist_post_are_ignored(
    as_journalist, own_draft
):
    data = form_data(as_journalist.get(change_url(own_draft))) | {
        "status": "published",
        "publish_at": "2020-01-01T10:00",
        "publish_at_0": "01/01/2020",
        "publish_at_1": "10:00:00",
        "unpublish_at": "2030-01-01T10:00",
        "first_published_at": "2020-01-01T10:00",
        "is_featured": "on",
    }
    as_journalist.post(change_url(own_draft), data)
    own_draft.refresh_from_db()
    assert (
        own_draft.status,
        own_draft.publish_at,
        own_draft.unpublish_at,
        own_draft.is_featured,
    ) == (Status.DRAFT, None, None, False)


def test_crafted_status_in_an_editor_post_is_ignored_too(as_editor, own_draft):
    data = form_data(as_editor.get(change_url(own_draft))) | {"status": "published"}
    as_editor.post(change_url(own_draft), data)
    own_draft.refresh_from_db()
    assert own_draft.status == Status.DRAFT


def test_journalist_sees_their_published_article_read_only(
    as_journalist, own_published
):
    response = as_journalist.get(change_url(own_published))
    assert response.status_code == 200
    assert 'name="_save"' not in response.text


def test_journalist_cannot_save_their_published_article(as_journalist, own_published):
    response = as_journalist.post(
        change_url(own_published), {"title": "Modifié après publication", "_save": "1"}
    )
    own_published.refresh_from_db()
    assert response.status_code == 403
    assert own_published.title == "Mon article publié"


def test_journalist_cannot_schedule_a_new_version(as_journalist, own_draft):
    data = form_data(as_journalist.get(change_url(own_draft))) | {
        "_schedule_change": "1",
        "changes_apply_at": "2099-01-01T10:00",
    }
    as_journalist.post(change_url(own_draft), data)
    assert not ScheduledChange.objects.exists()


# --- Workflow actions and bulk actions --------------------------------------------------


@pytest.mark.parametrize("action", ["publier", "programmer", "depublier", "renvoyer"])
def test_journalist_cannot_open_editor_actions(as_journalist, own_draft, action):
    assert as_journalist.get(workflow_url(own_draft, action)).status_code == 403


def test_journalist_cannot_publish_through_a_crafted_action_post(
    as_journalist, own_draft
):
    response = as_journalist.post(workflow_url(own_draft, "publier"), {"comment": ""})
    own_draft.refresh_from_db()
    assert response.status_code == 403
    assert own_draft.status == Status.DRAFT


def test_journalist_submits_through_the_action_page(as_journalist, own_draft):
    as_journalist.post(workflow_url(own_draft, "soumettre"), {"comment": "Relu"})
    own_draft.refresh_from_db()
    assert own_draft.status == Status.REVIEW


def test_journalist_cannot_submit_another_journalists_draft(
    as_journalist, others_draft
):
    as_journalist.post(workflow_url(others_draft, "soumettre"), {"comment": ""})
    others_draft.refresh_from_db()
    assert others_draft.status == Status.DRAFT


def test_journalist_bulk_publish_is_refused(as_journalist, own_draft):
    as_journalist.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [own_draft.pk]},
    )
    own_draft.refresh_from_db()
    assert own_draft.status == Status.DRAFT


def test_journalist_bulk_submit_skips_other_peoples_articles(
    as_journalist, own_draft, others_draft
):
    as_journalist.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "submit_selected",
            "_selected_action": [own_draft.pk, others_draft.pk],
        },
    )
    own_draft.refresh_from_db()
    others_draft.refresh_from_db()
    assert (own_draft.status, others_draft.status) == (Status.REVIEW, Status.DRAFT)


def test_journalist_does_not_see_editor_bulk_actions(as_journalist, own_draft):
    response = as_journalist.get(reverse("admin:articles_article_changelist"))
    assert "submit_selected" in response.text
    assert "publish_selected" not in response.text


# --- History, revisions, previews ---------------------------------------------------------


def test_journalist_cannot_see_another_journalists_history(as_journalist, others_draft):
    response = as_journalist.get(
        reverse("admin:articles_article_history", args=[others_draft.pk])
    )
    assert response.status_code == 404
    assert others_draft.title not in response.text


def test_journalist_sees_their_own_history(as_journalist, own_draft):
    response = as_journalist.get(
        reverse("admin:articles_article_history", args=[own_draft.pk])
    )
    assert response.status_code == 200


def test_journalist_cannot_compare_another_journalists_revisions(
    as_journalist, others_draft
):
    article_revision_create(article=others_draft, user=None)
    response = as_journalist.get(
        reverse("admin:articles_article_compare", args=[others_draft.pk]) + "?a=1&b=1"
    )
    assert response.status_code == 404


def test_journalist_cannot_restore_another_journalists_revision(
    as_journalist, others_draft
):
    article_revision_create(article=others_draft, user=None)
    others_draft.title = "Version du collègue"
    others_draft.save()
    response = as_journalist.post(
        reverse("admin:articles_article_restore", args=[others_draft.pk, 1])
    )
    others_draft.refresh_from_db()
    assert response.status_code == 404
    assert others_draft.title == "Version du collègue"


def test_journalist_cannot_restore_into_their_published_article(
    as_journalist, own_published
):
    article_revision_create(article=own_published, user=None)
    response = as_journalist.post(
        reverse("admin:articles_article_restore", args=[own_published.pk, 1])
    )
    assert response.status_code == 403


def test_journalist_cannot_preview_another_journalists_draft(
    as_journalist, others_draft
):
    response = as_journalist.get(reverse("preview:article", args=[others_draft.pk]))
    assert response.status_code == 404


def test_journalist_cannot_autosave_into_another_journalists_draft(
    as_journalist, others_draft
):
    response = as_journalist.post(
        reverse("admin:articles_article_autosave", args=[others_draft.pk]),
        {"title": "x"},
    )
    assert response.status_code == 404
    assert not Autosave.objects.exists()


@pytest.mark.parametrize(
    "name", ["calendar", "preview_links", "correct", "auditevent_changelist"]
)
def test_editor_pages_are_closed_to_journalists(as_journalist, own_published, name):
    args = [] if name in ("calendar", "auditevent_changelist") else [own_published.pk]
    prefix = (
        "admin:articles_"
        if name == "auditevent_changelist"
        else "admin:articles_article_"
    )
    assert as_journalist.get(reverse(prefix + name, args=args)).status_code == 403


def test_journalist_cannot_run_overdue_events(as_journalist):
    response = as_journalist.post(reverse("admin:articles_article_run_overdue"))
    assert response.status_code == 403


# --- Autocomplete and tag suggestions -----------------------------------------------------


def autocomplete(client, term):
    return client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "relatedlink",
            "field_name": "target",
            "term": term,
        },
    )


def test_related_article_autocomplete_hides_other_peoples_drafts(
    as_journalist, others_draft
):
    response = autocomplete(as_journalist, "secret")
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_related_article_autocomplete_offers_published_articles(as_journalist):
    published = make_article(title="Élection municipale à Lyon")
    response = autocomplete(as_journalist, "municipale")
    assert [r["id"] for r in response.json()["results"]] == [str(published.pk)]


def test_tag_suggestions_are_refused_to_staff_without_article_rights(client):
    client.force_login(make_user())
    response = client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "a"})
    assert response.status_code == 403


def test_tag_suggestions_answer_a_journalist(as_journalist, own_draft):
    own_draft.tags.add("Élections")
    response = as_journalist.get(
        reverse("admin:articles_article_tag_suggestions"), {"q": "Élec"}
    )
    assert response.json() == {"results": ["Élections"]}


# --- Editors ----------------------------------------------------------------------


def test_editor_edits_another_journalists_published_article(as_editor, own_published):
    data = form_data(as_editor.get(change_url(own_published))) | {"title": "Titre revu"}
    as_editor.post(change_url(own_published), data)
    own_published.refresh_from_db()
    assert own_published.title == "Titre revu"


def test_editor_publishes_through_the_action_page(as_editor, own_draft):
    as_editor.post(workflow_url(own_draft, "publier"), {"comment": ""})
    own_draft.refresh_from_db()
    assert own_draft.status == Status.PUBLISHED


def test_editor_cannot_publish_an_article_with_problems(as_editor, journalist):
    empty = make_article(
        status=Status.REVIEW, publish_at=None, body="", created_by=journalist
    )
    response = as_editor.post(workflow_url(empty, "publier"), {"comment": ""})
    empty.refresh_from_db()
    assert "Le texte de l’article est vide." in response.text
    assert empty.status == Status.REVIEW


def test_editor_schedules_in_paris_time(as_editor, own_draft):
    as_editor.post(
        workflow_url(own_draft, "programmer"), {"publish_at": "2099-07-14T10:30"}
    )
    own_draft.refresh_from_db()
    assert own_draft.publish_at == dt.datetime(2099, 7, 14, 8, 30, tzinfo=dt.UTC)
    assert own_draft.status == Status.SCHEDULED


@pytest.mark.parametrize(
    "when",
    ["2099-03-29T02:30", "2099-10-25T02:30"],
    ids=["spring-hour-that-does-not-exist", "autumn-hour-that-happens-twice"],
)
def test_a_paris_time_lost_or_doubled_by_daylight_saving_is_refused_clearly(
    as_editor, own_draft, when
):
    response = as_editor.post(
        workflow_url(own_draft, "programmer"), {"publish_at": when}
    )
    own_draft.refresh_from_db()
    assert own_draft.status == Status.DRAFT
    assert "changement d’heure" in response.text


def test_staff_without_a_role_cannot_see_articles(client, own_draft):
    client.force_login(make_user())
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 403
