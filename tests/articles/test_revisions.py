import pytest
from django.urls import reverse

from articles.models import Article, AuditEvent, Autosave, Revision
from articles.revisions import article_snapshot, compare
from articles.services import article_restore_revision, article_revision_create
from tests.factories import make_article, make_author, make_editor, make_journalist
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def editor():
    return make_editor(first_name="Anne", last_name="Martin")


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


def save_through_admin(client, article, **changes):
    data = form_data(client.get(change_url(article))) | changes
    return client.post(change_url(article), data)


# --- A revision on every save ---------------------------------------------------------


def test_opening_an_article_made_elsewhere_keeps_its_initial_state(as_editor):
    article = make_article(title="Importé")
    as_editor.get(change_url(article))
    revision = article.revisions.get()
    assert (revision.number, revision.created_by, revision.content["title"]) == (
        1,
        None,
        "Importé",
    )


def test_saving_in_the_admin_stores_a_revision_with_who(as_editor, editor):
    article = make_article()
    save_through_admin(as_editor, article, title="Titre modifié")
    revision = article.revisions.first()
    assert (revision.number, revision.created_by, revision.content["title"]) == (
        2,
        editor,
        "Titre modifié",
    )


def test_a_revision_holds_bylines_tags_and_related_links():
    first, second = make_author(name="Léa"), make_author(name="Marc")
    target = make_article(title="Article lié")
    article = make_article(authors=[second, first], tags=["Europe", "Budget"])
    article.related_links.create(target=target, position=0)
    article.related_links.create(url="https://example.org/", title="Source", position=1)
    content = article_revision_create(article=article, user=None).content
    assert [b["name"] for b in content["bylines"]] == ["Marc", "Léa"]
    assert content["tags"] == ["Budget", "Europe"]
    assert [(link["target"], link["url"]) for link in content["related_links"]] == [
        (target.pk, ""),
        (None, "https://example.org/"),
    ]


def test_saving_without_changes_adds_no_revision(as_editor):
    article = make_article()
    save_through_admin(as_editor, article, title="Un")
    save_through_admin(as_editor, article)
    assert article.revisions.count() == 2


def test_creating_an_article_in_the_admin_stores_revision_one(as_editor):
    section = make_article().section
    data = form_data(as_editor.get(reverse("admin:articles_article_add"))) | {
        "title": "Tout nouveau",
        "slug": "tout-nouveau",
        "section": str(section.pk),
        "body": "<p>Texte.</p>",
    }
    as_editor.post(reverse("admin:articles_article_add"), data)
    article = Article.objects.get(slug="tout-nouveau")
    assert article.revisions.get().number == 1
    assert AuditEvent.objects.filter(article=article, action="created").exists()


def test_journalist_creating_an_article_signs_it():
    journalist = make_journalist()
    from django.test import Client

    client = Client()
    client.force_login(journalist)
    section = make_article().section
    data = form_data(client.get(reverse("admin:articles_article_add"))) | {
        "title": "Mon sujet",
        "slug": "mon-sujet",
        "section": str(section.pk),
        "body": "<p>Texte.</p>",
    }
    client.post(reverse("admin:articles_article_add"), data)
    article = Article.objects.get(slug="mon-sujet")
    assert list(article.authors.all()) == [journalist.author]
    assert article.created_by == journalist


# --- Reading differences ---------------------------------------------------------------


def test_compare_lists_only_the_fields_that_changed():
    article = make_article(title="Avant", standfirst="Même chapô")
    old = article_snapshot(article)
    article.title = "Après"
    article.save()
    assert [change.name for change in compare(old, article_snapshot(article))] == [
        "title"
    ]


def test_compare_marks_words_removed_and_added_in_the_body():
    article = make_article(body="<p>Le maire a démissionné hier.</p>")
    old = article_snapshot(article)
    article.body = "<p>Le maire a démissionné lundi.</p>"
    article.save()
    (change,) = compare(old, article_snapshot(article))
    assert ("delete", "hier.") in change.chunks
    assert ("insert", "lundi.") in change.chunks


def test_history_page_compares_two_revisions(as_editor):
    article = make_article(title="Premier titre")
    save_through_admin(as_editor, article, title="Second titre")
    response = as_editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"a": 1, "b": 2}
    )
    assert response.status_code == 200
    assert "<del>Premier</del>" in response.text
    assert "<ins>Second</ins>" in response.text


def test_history_page_lists_revisions_and_events(as_editor):
    article = make_article()
    save_through_admin(as_editor, article, title="Titre revu")
    response = as_editor.get(
        reverse("admin:articles_article_history", args=[article.pk])
    )
    assert "<td>Modification</td>" in response.text
    assert "<td>Anne Martin</td>" in response.text


# --- Restore ------------------------------------------------------------------------------


def test_restore_creates_a_new_revision_with_the_old_content(editor):
    article = make_article(title="Version une", tags=["Un"])
    article_revision_create(article=article, user=editor)
    article.title = "Version deux"
    article.save()
    article.tags.set(["Deux"])
    article_revision_create(article=article, user=editor)

    new = article_restore_revision(
        article=article, user=editor, revision=article.revisions.get(number=1)
    )
    article.refresh_from_db()
    assert (new.number, article.title, [t.name for t in article.tags.all()]) == (
        3,
        "Version une",
        ["Un"],
    )
    assert list(article.revisions.values_list("number", flat=True)) == [3, 2, 1]


def test_restoring_keeps_the_address_of_a_published_article(editor):
    article = make_article(slug="adresse-d-origine", first_published_at=None)
    article_revision_create(article=article, user=editor)
    article.slug = "adresse-actuelle"
    article.first_published_at = article.publish_at
    article.save()
    article_restore_revision(
        article=article, user=editor, revision=article.revisions.get(number=1)
    )
    article.refresh_from_db()
    assert article.slug == "adresse-actuelle"


def test_restore_button_in_the_admin(as_editor):
    article = make_article(title="Version une")
    save_through_admin(as_editor, article, title="Version deux")
    as_editor.post(reverse("admin:articles_article_restore", args=[article.pk, 1]))
    article.refresh_from_db()
    assert article.title == "Version une"
    assert article.revisions.count() == 3


# --- Two editors, one article -------------------------------------------------------------


def test_second_editor_saving_over_unseen_changes_is_refused_with_what_changed(client):
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


def test_saving_again_after_seeing_the_conflict_replaces_the_current_version(client):
    article = make_article(title="Titre d’origine")
    anne, bruno = make_editor(), make_editor()
    client.force_login(bruno)
    bruno_form = form_data(client.get(change_url(article)))
    client.force_login(anne)
    save_through_admin(client, article, title="Titre d’Anne")

    client.force_login(bruno)
    refused = client.post(change_url(article), bruno_form | {"title": "Titre de Bruno"})
    again = client.post(change_url(article), form_data(refused))
    article.refresh_from_db()
    assert again.status_code == 302
    assert article.title == "Titre de Bruno"


def test_a_change_to_bylines_alone_is_a_conflict_too(client):
    article = make_article()
    editor = make_editor()
    client.force_login(editor)
    stale = form_data(client.get(change_url(article)))
    article.bylines.create(author=make_author(), position=0)
    response = client.post(change_url(article), stale | {"title": "Autre"})
    assert response.status_code == 200
    assert '<th scope="row">Signatures</th>' in response.text


def test_edit_page_says_who_else_has_the_article_open(client):
    article = make_article()
    anne = make_editor(first_name="Anne", last_name="Martin")
    client.force_login(anne)
    client.get(change_url(article))
    client.force_login(make_editor())
    response = client.get(change_url(article))
    assert "Anne Martin a aussi cet article ouvert en ce moment." in response.text


def test_presence_endpoint_lists_the_others(client):
    article = make_article()
    anne = make_editor(first_name="Anne", last_name="Martin")
    client.force_login(anne)
    client.post(reverse("admin:articles_article_presence", args=[article.pk]))
    client.force_login(make_editor())
    response = client.post(
        reverse("admin:articles_article_presence", args=[article.pk])
    )
    assert response.json() == {"others": ["Anne Martin"]}


def test_leaving_the_page_clears_presence(client):
    article = make_article()
    anne = make_editor(first_name="Anne", last_name="Martin")
    client.force_login(anne)
    url = reverse("admin:articles_article_presence", args=[article.pk])
    client.post(url)
    client.post(url, {"leave": "1"})
    client.force_login(make_editor())
    assert client.post(url).json() == {"others": []}


# --- Autosave --------------------------------------------------------------------------


def test_autosave_keeps_the_text_being_typed(as_editor, editor):
    article = make_article()
    response = as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"title": "Titre en cours", "body": "<p>Phrase à moitié</p>"},
    )
    assert response.status_code == 200
    assert Autosave.objects.get(user=editor, article=article).data["body"] == (
        "<p>Phrase à moitié</p>"
    )


def test_edit_page_offers_the_autosaved_text_back(as_editor):
    article = make_article()
    as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"title": "Titre en cours", "body": "<p>Phrase à moitié</p>"},
    )
    response = as_editor.get(change_url(article))
    assert "n’a pas été enregistré dans l’article" in response.text


def test_restoring_the_autosave_fills_the_form(as_editor):
    article = make_article()
    as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"title": "Titre en cours", "body": "<p>Phrase à moitié</p>"},
    )
    data = form_data(as_editor.get(change_url(article) + "?restaurer=1"))
    assert (data["title"], data["body"]) == ("Titre en cours", "<p>Phrase à moitié</p>")


def test_journalist_gets_a_new_articles_draft_back_after_the_session_ended(client):
    journalist = make_journalist()
    client.force_login(journalist)
    client.post(
        reverse("admin:articles_article_autosave_new"),
        {"title": "Enquête sur les loyers", "body": "<p>Premier jet.</p>"},
    )
    client.logout()
    client.force_login(journalist)
    page = client.get(reverse("admin:articles_article_add"))
    assert "n’a pas été enregistré dans l’article" in page.text
    data = form_data(client.get(reverse("admin:articles_article_add") + "?restaurer=1"))
    assert (data["title"], data["body"]) == (
        "Enquête sur les loyers",
        "<p>Premier jet.</p>",
    )


def test_saving_the_article_clears_the_users_autosave(as_editor, editor):
    article = make_article()
    as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"title": "Brouillon"},
    )
    save_through_admin(as_editor, article, title="Enregistré")
    assert not Autosave.objects.filter(user=editor).exists()


def test_autosave_is_refused_without_login(client):
    article = make_article()
    response = client.post(
        reverse("admin:articles_article_autosave", args=[article.pk]), {"title": "x"}
    )
    assert response.status_code == 302
    assert not Autosave.objects.exists()


def test_revisions_are_never_changed_by_a_restore(editor):
    article = make_article(title="Un")
    first = article_revision_create(article=article, user=editor)
    article.title = "Deux"
    article.save()
    article_revision_create(article=article, user=editor)
    article_restore_revision(article=article, user=editor, revision=first)
    assert Revision.objects.get(pk=first.pk).content == first.content


def test_restoring_puts_back_the_hero_image_of_the_revision(editor):
    from tests.factories import make_image

    image = make_image(title="Manifestation à Lyon")
    article = make_article(hero_image=image, hero_caption="Le cortège")
    first = article_revision_create(article=article, user=editor)
    article.hero_image = None
    article.hero_caption = ""
    article.save()
    article_revision_create(article=article, user=editor)
    article_restore_revision(article=article, user=editor, revision=first)
    article.refresh_from_db()
    assert (article.hero_image, article.hero_caption) == (image, "Le cortège")
