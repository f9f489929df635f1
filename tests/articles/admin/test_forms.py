"""The admin's forms: a save over changes someone else made meanwhile,
and dates typed in Paris time."""

import datetime as dt

import pytest

from articles.models import Article
from tests.factories import make_article, make_author, make_editor
from tests.forms import form_data

pytestmark = pytest.mark.django_db

Status = Article.Status


# --- Two editors, one article -------------------------------------------------------


def test_second_editor_saving_over_unseen_changes_is_refused_with_what_changed(
    change_url, client
):
    article = make_article(title="Titre d’origine", body="<p>Texte d’origine.</p>")
    anne, bruno = make_editor(first_name="Anne", last_name="Martin"), make_editor()
    client.force_login(anne)
    anne_form = form_data(client.get(change_url(article)))
    client.force_login(bruno)
    bruno_form = form_data(client.get(change_url(article)))

    client.force_login(anne)
    client.post(change_url(article), anne_form | {"title": "Titre d’Anne"})
    client.force_login(bruno)
    response = client.post(
        change_url(article), bruno_form | {"body": "<p>Texte de Bruno.</p>"}
    )

    article.refresh_from_db()
    assert response.status_code == 200
    assert (article.title, article.body) == ("Titre d’Anne", "<p>Texte d’origine.</p>")
    assert (
        "Anne Martin a modifié cet article depuis que vous l’avez ouvert"
        in response.text
    )
    assert "<ins>d’Anne</ins>" in response.text
    # Bruno's text is still in the form.
    assert "Texte de Bruno." in response.text


def test_saving_again_after_seeing_the_conflict_replaces_the_current_version(
    change_url, save_in_admin, client
):
    article = make_article(title="Titre d’origine")
    anne, bruno = make_editor(), make_editor()
    client.force_login(bruno)
    bruno_form = form_data(client.get(change_url(article)))
    client.force_login(anne)
    save_in_admin(client, article, title="Titre d’Anne")

    client.force_login(bruno)
    refused = client.post(change_url(article), bruno_form | {"title": "Titre de Bruno"})
    again = client.post(change_url(article), form_data(refused))
    article.refresh_from_db()
    assert again.status_code == 302
    assert article.title == "Titre de Bruno"


def test_a_change_to_bylines_alone_is_a_conflict_too(change_url, client):
    article = make_article()
    editor = make_editor()
    client.force_login(editor)
    stale = form_data(client.get(change_url(article)))
    article.bylines.create(author=make_author(), position=0)
    response = client.post(change_url(article), stale | {"title": "Autre"})
    assert response.status_code == 200
    assert '<th scope="row">Signatures</th>' in response.text


# --- Dates in Paris time ------------------------------------------------------------


def test_editor_schedules_in_paris_time(workflow_url, as_editor, own_draft):
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
    workflow_url, as_editor, own_draft, when
):
    response = as_editor.post(
        workflow_url(own_draft, "programmer"), {"publish_at": when}
    )
    own_draft.refresh_from_db()
    assert own_draft.status == Status.DRAFT
    assert "changement d’heure" in response.text


@pytest.mark.parametrize(
    "dates",
    [
        {"publish_at": "9999-12-31T23:59"},
        {"publish_at": "2099-07-14T10:30", "unpublish_at": "9999-12-31T23:59"},
        {"publish_at": "0001-01-01T00:00"},
    ],
    ids=["publication-in-9999", "unpublication-in-9999", "publication-in-year-1"],
)
def test_schedule_outside_1900_to_2099_is_refused_in_french_and_kept_in_the_form(
    workflow_url, as_editor, own_draft, dates
):
    response = as_editor.post(workflow_url(own_draft, "programmer"), dates)
    own_draft.refresh_from_db()
    assert own_draft.status == Status.DRAFT
    assert "Choisissez une date entre 1900 et 2099." in response.text
    assert next(iter(dates.values())) in response.text


def test_unpublication_on_the_first_of_january_of_year_1_is_refused_in_french(
    workflow_url, as_editor
):
    article = make_article()
    response = as_editor.post(
        workflow_url(article, "depublier"), {"at": "0001-01-01T00:00"}
    )
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.unpublish_at is None
    assert "Choisissez une date entre 1900 et 2099." in response.text


# --- Tags ---------------------------------------------------------------------------


def test_tag_over_100_characters_is_refused_in_french_and_the_text_kept(
    change_url, as_editor
):
    article = make_article()
    long_tag = "municipales " * 10
    response = as_editor.post(
        change_url(article),
        form_data(as_editor.get(change_url(article)))
        | {"tags": f"Paris, {long_tag.strip()}"},
    )
    assert response.status_code == 200
    assert "Un mot-clé compte au plus 100 caractères" in response.text
    assert long_tag.strip() in response.text
    assert not article.tags.exists()


def test_tag_of_100_characters_is_saved(change_url, save_in_admin, as_editor):
    article = make_article()
    save_in_admin(as_editor, article, tags="x" * 100)
    assert list(article.tags.names()) == ["x" * 100]


def test_a_tag_typed_without_accent_or_capital_finds_the_existing_tag(
    as_editor, save_in_admin
):
    from taggit.models import Tag

    article = make_article(tags=["Énergie"])
    other = make_article()
    save_in_admin(as_editor, other, tags="énergie, NUCLÉAIRE, nucleaire")
    assert sorted(other.tags.names()) == ["NUCLÉAIRE", "Énergie"]
    assert list(article.tags.names()) == ["Énergie"]
    assert Tag.objects.count() == 2
