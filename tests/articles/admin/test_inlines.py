"""What the article form edits beside the article: bylines and links."""

import pytest

from articles.models import Article
from core.adminpages import admin_url
from tests.factories import make_author

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
