"""Every admin page a superuser can reach loads, for every registered model."""

import pytest
from django.contrib import admin
from django.urls import reverse

from articles.models import Article, RelatedLink
from tests.factories import make_article, make_author, make_image

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "chef", "chef@exemple.fr", "motdepasse"
    )
    client.force_login(user)
    return client


@pytest.fixture
def article():
    author = make_author()
    article = make_article(
        authors=[author], tags=["Ukraine", "ONU"], hero_image=make_image()
    )
    RelatedLink.objects.create(
        article=article, url="https://exemple.fr/", title="Ailleurs"
    )
    return article


def admin_url(model, view, *args):
    return reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args
    )


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_changelist_and_add_pages_load(superuser_client, article, model):
    assert superuser_client.get(admin_url(model, "changelist")).status_code == 200
    assert superuser_client.get(admin_url(model, "add")).status_code in {200, 403}


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_change_history_and_delete_pages_load(superuser_client, article, model):
    obj = model._default_manager.first()
    if obj is None:
        pytest.skip(f"no {model._meta.verbose_name} in the test data")
    for view in ("change", "history", "delete"):
        response = superuser_client.get(admin_url(model, view, obj.pk))
        assert response.status_code == 200, view


def test_article_form_uses_the_rich_text_editor(superuser_client, article):
    response = superuser_client.get(admin_url(Article, "change", article.pk))
    assert b"prose-editor" in response.content
    assert b'id="reading-stats"' in response.content


def test_article_changelist_filters_by_section_status_and_author(
    superuser_client, article
):
    author = article.authors.get()
    url = admin_url(Article, "changelist")
    response = superuser_client.get(
        url,
        {
            "section__id__exact": article.section_id,
            "status__exact": "published",
            "authors__id__exact": author.pk,
        },
    )
    assert list(response.context["cl"].result_list) == [article]


def test_article_changelist_search_finds_by_title(superuser_client, article):
    make_article(title="Autre chose")
    response = superuser_client.get(
        admin_url(Article, "changelist"), {"q": article.title}
    )
    assert list(response.context["cl"].result_list) == [article]


def test_tag_suggestions_list_existing_tags_by_prefix(superuser_client, article):
    response = superuser_client.get(
        reverse("admin:articles_article_tag_suggestions"), {"q": "uk"}
    )
    assert response.json() == {"results": ["Ukraine"]}


def test_author_autocomplete_answers(superuser_client, article):
    response = superuser_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "articleauthor",
            "field_name": "author",
            "term": article.authors.get().name[:4],
        },
    )
    assert response.status_code == 200
    assert response.json()["results"]


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(admin_url(Article, "changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


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


@pytest.mark.parametrize(
    ("model_name", "add_title", "list_title"),
    [
        ("articles.article", "Nouvel article", "Articles"),
        ("articles.section", "Nouvelle rubrique", "Rubriques"),
        ("articles.author", "Nouvel auteur", "Auteurs"),
        ("images.image", "Nouvelle image", "Photothèque"),
    ],
)
def test_admin_pages_are_titled_in_natural_french(
    superuser_client, model_name, add_title, list_title
):
    from django.apps import apps

    model = apps.get_model(model_name)
    assert superuser_client.get(admin_url(model, "add")).context["title"] == add_title
    assert (
        superuser_client.get(admin_url(model, "changelist")).context["title"]
        == list_title
    )


def test_article_list_filters_by_author_under_a_singular_title(
    superuser_client, article
):
    response = superuser_client.get(admin_url(Article, "changelist"))
    titles = [spec.title for spec in response.context["cl"].filter_specs]
    assert "auteur" in titles
    assert b"Sans signature" in response.content
