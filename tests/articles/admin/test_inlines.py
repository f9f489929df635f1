"""What the article form edits beside the article: bylines and links."""

import pytest

from articles.models import Article
from core.adminpages import admin_url
from tests.factories import (
    make_article,
    make_author,
    make_journalist,
    make_related_link,
)
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def inline_management(prefix, total=1):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_a_complete_article_can_be_written_through_the_admin(superuser_client, article):
    author = make_author(name="Léa Fontaine")
    data = {
        "title": "Soldats nord-coréens en Ukraine : l’ONU craint une escalade",
        "slug": "soldats-nord-coreens-ukraine",
        "section": article.section_id,
        "standfirst": "Le secrétaire général de l’ONU exprime sa vive inquiétude.",
        "body": "<h2>Des soldats aux portes de l’Ukraine</h2><p>« Cela représenterait une escalade », prévient l’ONU.</p>",
        "hero_image": "",
        "hero_caption": "",
        "tags": "Ukraine, Corée du Nord",
        "sources": "Avec AFP",
        "status": "draft",
        "format": Article.Format.ARTICLE,
        "language": Article.Language.FRENCH,
        **inline_management("bylines"),
        "bylines-0-author": author.pk,
        "bylines-0-position": "0",
        **inline_management("related_links"),
        "related_links-0-target": article.pk,
        "related_links-0-position": "0",
    }
    response = superuser_client.post(admin_url(Article, "add"), data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors if response.context else response
    )
    created = Article.objects.get(slug="soldats-nord-coreens-ukraine")
    assert list(created.authors.all()) == [author]
    assert sorted(created.tags.names()) == ["Corée du Nord", "Ukraine"]
    assert created.related_links.get().target == article
    assert created.body.startswith("<h2>Des soldats")
    assert created.created_by.username == "chef"


# --- « À lire aussi » targets a journalist may not see ------------------------------


def change_url(article):
    return admin_url(Article, "change", article.pk)


def test_crafted_link_to_another_journalists_draft_is_refused_in_french(
    as_journalist, own_draft, others_draft
):
    data = form_data(as_journalist.get(change_url(own_draft))) | {
        "title": "Mon titre retravaillé",
        "related_links-0-target": str(others_draft.pk),
        "related_links-0-position": "0",
    }
    response = as_journalist.post(change_url(own_draft), data)
    assert response.status_code == 200
    assert "Choisissez un article publié ou l’un des vôtres." in response.text
    assert "Mon titre retravaillé" in response.text
    assert others_draft.title not in response.text
    assert not own_draft.related_links.exists()


def test_journalist_links_to_an_article_readers_see(as_journalist, own_draft):
    published = make_article(title="Un article en ligne d’un collègue")
    data = form_data(as_journalist.get(change_url(own_draft))) | {
        "related_links-0-target": str(published.pk),
        "related_links-0-position": "0",
    }
    response = as_journalist.post(change_url(own_draft), data)
    assert response.status_code == 302
    assert own_draft.related_links.get().target == published


def test_link_an_editor_made_to_a_hidden_draft_shows_without_its_title(
    as_journalist, own_draft, others_draft
):
    make_related_link(own_draft, target=others_draft)
    response = as_journalist.get(change_url(own_draft))
    assert others_draft.title not in response.text
    assert "Article non publié" in response.text
    assert f'<option value="{others_draft.pk}" selected>' in response.text


def test_saving_keeps_the_link_an_editor_made_to_a_hidden_draft(
    as_journalist, own_draft, others_draft
):
    link = make_related_link(own_draft, target=others_draft)
    data = form_data(as_journalist.get(change_url(own_draft))) | {"title": "Titre revu"}
    response = as_journalist.post(change_url(own_draft), data)
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.target == others_draft


def test_editor_still_sees_the_title_of_a_linked_draft(
    as_editor, own_draft, others_draft
):
    make_related_link(own_draft, target=others_draft)
    response = as_editor.get(change_url(own_draft))
    assert others_draft.title in response.text


def _draft_linking_to(journalist, count):
    """A draft of ``journalist`` with ``count`` links to published articles
    and ``count`` to other journalists' drafts, made by an editor."""
    draft = make_article(
        status=Article.Status.DRAFT, publish_at=None, created_by=journalist
    )
    for _ in range(count):
        make_related_link(draft)
        make_related_link(
            draft,
            target=make_article(
                status=Article.Status.DRAFT,
                publish_at=None,
                created_by=make_journalist(),
            ),
        )
    return draft


def test_a_journalists_edit_page_costs_the_same_whatever_its_links(
    as_journalist, journalist, count_queries
):
    one, five = _draft_linking_to(journalist, 1), _draft_linking_to(journalist, 5)
    assert count_queries(as_journalist, change_url(one)) == count_queries(
        as_journalist, change_url(five)
    )


def test_a_journalist_sees_each_link_titled_or_hidden(as_journalist, journalist):
    draft = _draft_linking_to(journalist, 3)
    text = as_journalist.get(change_url(draft)).text
    for link in draft.related_links.select_related("target"):
        target = link.target
        if target.status == Article.Status.PUBLISHED:
            assert f'<option value="{target.pk}" selected>{target.title}</option>' in (
                text
            )
        else:
            assert target.title not in text
            assert (
                f'<option value="{target.pk}" selected>Article non publié</option>'
                in text
            )
