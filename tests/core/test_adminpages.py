"""Every admin page a superuser can reach loads, for every registered model;
the apps' admins are titled in natural French."""

import pytest
from django.contrib import admin

from core.adminpages import admin_url
from tests.factories import make_full_article

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.fixture
def content():
    """At least one object of each content model (article, author, section,
    image, tag, byline, link)."""
    return make_full_article()


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_changelist_and_add_pages_load(superuser_client, content, model):
    assert superuser_client.get(admin_url(model, "changelist")).status_code == 200
    assert superuser_client.get(admin_url(model, "add")).status_code in {200, 403}


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_change_history_and_delete_pages_load(superuser_client, content, model):
    obj = model._default_manager.first()
    if obj is None:
        pytest.skip(f"no {model._meta.verbose_name} in the test data")
    for view in ("change", "history", "delete"):
        response = superuser_client.get(admin_url(model, view, obj.pk))
        assert response.status_code == 200, view


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
