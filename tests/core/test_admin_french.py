"""The admin speaks French everywhere a superuser goes: no English, no
technical app names (tests/core/test_adminpages.py loads every page)."""

import pytest
from django.contrib import admin
from django.utils.html import strip_tags

from core.adminpages import admin_url
from tests.factories import make_full_article

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)

# What Django's own French or a third-party app left in English or technical.
NOT_FRENCH = [
    "TAGGIT",
    "Taggit",
    "AXES",
    "Axes",
    "OTP_TOTP",
    "Otp_Totp",
    "TOTP device",
    "Tagged item",
    "Access attempt",
    "Access log",
    "Access failure",
    " de article",
    " de utilisateur",
    " de auteur",
    " de image",
]


def visible_text(response):
    return strip_tags(response.content.decode())


def english_in(text):
    return [phrase for phrase in NOT_FRENCH if phrase in text]


def test_the_admin_index_names_every_app_in_french(superuser_client):
    assert english_in(visible_text(superuser_client.get(admin_url_index()))) == []


def admin_url_index():
    from django.urls import reverse

    return reverse("admin:index")


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_every_changelist_is_in_french(superuser_client, model):
    make_full_article()
    response = superuser_client.get(admin_url(model, "changelist"))
    assert english_in(visible_text(response)) == []


def test_an_article_is_modified_by_who_may_edit_it(superuser_client):
    from articles.models import Article
    from tests.factories import make_article

    url = admin_url(Article, "change", make_article().pk)
    assert superuser_client.get(url).context["title"] == "Modification de l’article"


def test_an_article_is_shown_to_who_may_only_read_it(as_journalist, journalist):
    from articles.models import Article
    from tests.factories import make_article

    url = admin_url(Article, "change", make_article(created_by=journalist).pk)
    assert as_journalist.get(url).context["title"] == "Affichage de l’article"


def test_the_byline_inline_adds_another_author_in_french(superuser_client):
    from articles.models import Article

    page = superuser_client.get(admin_url(Article, "add")).text
    assert "Ajouter un autre auteur" in page
    assert "Ajouter un objet" not in page


def test_the_editorial_log_counts_and_searches_in_french(superuser_client):
    from articles.models import AuditEvent
    from articles.services.audit import record_event
    from tests.factories import make_article

    article = make_article()
    for _ in range(19):
        record_event(article, AuditEvent.Action.EDITED)
    page = visible_text(superuser_client.get(admin_url(AuditEvent, "changelist")))
    assert "19 évènements" in page
    assert "Rechercher dans le journal éditorial" in page


def test_adding_a_user_reads_in_correct_french(superuser_client):
    from django.contrib.auth.models import User

    page = visible_text(superuser_client.get(admin_url(User, "add")))
    assert "Ajout d’un utilisateur" in page
    assert "vous pourrez le modifier davantage" in page
    assert "Ajout de utilisateur" not in page
    assert "modifiez davantage" not in page
