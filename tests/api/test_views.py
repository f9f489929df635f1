"""The API's operations: what they show, and what they never show."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article, ScheduledChange
from tests.factories import (
    hidden_articles,
    make_article,
    make_author,
    make_correction,
    make_image,
    make_related_link,
    make_section,
)

pytestmark = pytest.mark.django_db


def test_an_article_reads_as_its_page_shows_it(client):
    author = make_author(name="Anne Martin", role="Correspondante")
    article = make_article(
        authors=[author], tags=["Climat"], hero_image=make_image(alt="Une photo")
    )
    make_correction(article, text="Date corrigée.")
    make_related_link(article, url="https://exemple.fr/", title="Ailleurs")

    data = client.get(f"/api/v1/articles/{article.pk}").json()

    assert data["title"] == article.title
    assert data["url"] == "http://testserver" + article.get_absolute_url()
    assert data["short_url"] == f"http://testserver/articles/{article.pk}/"
    assert data["bylines"][0]["name"] == "Anne Martin"
    assert data["bylines"][0]["url"] == "http://testserver/auteurs/" + author.slug + "/"
    assert [tag["name"] for tag in data["tags"]] == ["Climat"]
    assert data["corrections"][0]["text"] == "Date corrigée."
    assert data["read_also"][0] == {
        "title": "Ailleurs",
        "url": "https://exemple.fr/",
        "article_id": None,
    }
    assert data["hero_image"]["alt"] == "Une photo"
    assert {r["type"] for r in data["hero_image"]["renditions"]} >= {
        "image/webp",
        "image/jpeg",
    }
    assert "<p>Un paragraphe.</p>" in data["body_html"]


def test_dates_carry_the_site_offset(client):
    moment = dt.datetime(2026, 7, 14, 10, 0, tzinfo=dt.UTC)
    article = make_article(publish_at=moment)

    data = client.get(f"/api/v1/articles/{article.pk}").json()

    assert data["published_at"] == "2026-07-14T12:00:00+02:00"


@pytest.mark.parametrize(
    "kind", ["draft", "review", "scheduled", "unpublished", "expired"]
)
def test_an_article_readers_may_not_see_answers_404(client, kind):
    article = hidden_articles()[kind]

    response = client.get(f"/api/v1/articles/{article.pk}")
    ninjs = client.get(f"/api/v1/articles/{article.pk}?format=ninjs")

    assert response.status_code == ninjs.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")


def test_lists_and_search_leave_out_what_readers_may_not_see(client):
    section = make_section(slug="monde")
    author = make_author(slug="anne")
    visible = make_article(
        section=section, authors=[author], tags=["climat"], title="Climat visible"
    )
    for kind, article in hidden_articles(section=section).items():
        article.title = f"Climat caché {kind}"
        article.save()
        article.tags.add("climat")
        article.bylines.create(author=author)

    for url in [
        "/api/v1/articles",
        "/api/v1/articles?rubrique=monde",
        "/api/v1/articles?author=anne",
        "/api/v1/articles?tag=climat",
        "/api/v1/search?q=climat",
    ]:
        items = client.get(url).json()["items"]
        assert [item["id"] for item in items] == [visible.pk], url


def test_a_due_scheduled_version_is_shown_on_detail_and_lists(client):
    article = make_article(title="Ancien titre")
    ScheduledChange.objects.create(
        article=article,
        apply_at=timezone.now() - dt.timedelta(seconds=1),
        content={"title": "Nouveau titre"},
    )

    detail = client.get(f"/api/v1/articles/{article.pk}").json()
    listed = client.get("/api/v1/articles").json()["items"][0]

    assert detail["title"] == listed["title"] == "Nouveau titre"


def test_tags_list_only_those_of_published_articles(client):
    make_article(tags=["Visible"])
    hidden_articles()["draft"].tags.add("Secret")

    names = [tag["name"] for tag in client.get("/api/v1/tags").json()["items"]]

    assert names == ["Visible"]


def test_rubriques_and_authors_are_listed(client):
    make_section(name="Monde", slug="monde")
    make_author(name="Anne Martin", slug="anne")

    rubriques = client.get("/api/v1/rubriques").json()["items"]
    authors = client.get("/api/v1/authors").json()["items"]

    assert "monde" in [r["slug"] for r in rubriques]
    assert [a["slug"] for a in authors] == ["anne"]


def test_a_trashed_article_answers_410_in_french(client):
    article = make_article(status=Article.Status.TRASHED, trashed_at=timezone.now())

    response = client.get(f"/api/v1/articles/{article.pk}")

    assert response.status_code == 410
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["detail"] == "Cet article a été supprimé."


def test_a_trashed_article_answers_410_in_ninjs_too(client):
    article = make_article(status=Article.Status.TRASHED, trashed_at=timezone.now())

    response = client.get(f"/api/v1/articles/{article.pk}?format=ninjs")

    assert response.status_code == 410


def test_a_trashed_article_is_in_no_list(client):
    make_article(status=Article.Status.TRASHED, trashed_at=timezone.now())

    assert client.get("/api/v1/articles").json()["items"] == []


def test_an_id_nobody_used_is_still_a_404(client):
    assert client.get("/api/v1/articles/999999").status_code == 404


def test_updated_since_at_the_start_of_the_calendar_is_answered(client):
    assert (
        client.get("/api/v1/articles?updated_since=0001-01-01T00:00:00").status_code
        == 200
    )
