import datetime as dt

import pytest
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Q, Value
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, ScheduledChange
from tests.factories import hidden_articles, make_article, make_author, make_section
from website import search, search_sqlite
from website.search import (
    SEARCH_CONFIG,
    FoldedTitle,
    search_document,
    search_summary,
)
from website.search_text import MARK_END, MARK_START

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite FTS5 index"
)


def results(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return [article.title for article in response.context_data["articles"]]


def test_search_finds_a_published_article_by_a_word_of_its_title(client):
    make_article(title="La réforme des retraites adoptée")
    make_article(title="Match nul à Lyon")
    assert results(client, "retraites") == ["La réforme des retraites adoptée"]


def test_search_finds_words_in_the_text(client):
    make_article(title="Un titre", body="<p>Le Parlement vote le budget.</p>")
    assert results(client, "parlement") == ["Un titre"]


def test_empty_search_shows_the_form_without_results(client):
    make_article()
    response = client.get("/recherche/")
    assert response.status_code == 200
    assert list(response.context_data["articles"]) == []


@pytest.mark.parametrize(
    "query",
    [
        "!!! ??? ...",
        "« » — ’",
        "'\"; DROP TABLE articles_article; --",
        "a & b | !c",
        "(((",
        "*:",
    ],
)
def test_hostile_queries_answer_200(client, query):
    make_article()
    assert client.get("/recherche/", {"q": query}).status_code == 200


def test_very_long_query_answers_400_in_french(client):
    response = client.get("/recherche/", {"q": "x" * 10_000})
    assert response.status_code == 400
    assert "trop longue" in response.content.decode()


def test_nul_byte_query_answers_400_in_french(client):
    # Refused before the search form sees it (newsday.requests).
    response = client.get("/recherche/", {"q": "budget\x00"})
    assert response.status_code == 400
    assert "Vérifiez l’adresse" in response.text


def test_search_results_are_paginated_with_the_query_kept(client):
    for n in range(21):
        make_article(title=f"Budget numéro {n}")
    html = client.get("/recherche/", {"q": "budget"}).content.decode()
    assert 'href="?q=budget&amp;page=2"' in html


def test_search_pages_stay_at_the_same_number_of_queries(client):
    make_article(title="Budget rectificatif")
    for n in range(30):
        make_article(title=f"Retraites numéro {n}")
    client.get("/recherche/", {"q": "budget"})  # fills process-wide caches
    with CaptureQueriesContext(connection) as one:
        client.get("/recherche/", {"q": "budget"})
    with CaptureQueriesContext(connection) as many:
        client.get("/recherche/", {"q": "retraites"})
    # PostgreSQL: the settings of the ranking transaction, the rubriques and
    # authors named, the ranked ids, the page; SQLite: the ids, their
    # scores, the page, its excerpts.
    assert len(one) == len(many) <= 6


def test_a_result_shows_its_scheduled_version_from_its_second(client):
    article = make_article(title="Budget initial")
    ScheduledChange.objects.create(
        article=article,
        content={"title": "Budget rectifié"},
        apply_at=timezone.now() - dt.timedelta(seconds=1),
    )
    response = client.get("/recherche/", {"q": "budget"})
    assert "Budget rectifié" in response.text
    assert "Budget initial" not in response.text


def test_search_of_a_common_word_shows_the_newest_matches_only(client, monkeypatch):
    # Each engine's own limit: the one the test's database runs.
    monkeypatch.setattr(search, "MAX_RESULTS", 3)
    monkeypatch.setattr(search_sqlite, "MAX_RESULTS", 3)
    for n in range(5):
        make_article(title=f"Budget numéro {n}")
    response = client.get("/recherche/", {"q": "budget"})
    assert len(response.context_data["articles"]) == 3
    assert "Plus de 3 résultats" in response.content.decode()


def days_ago(days):
    return timezone.now() - dt.timedelta(days=days)


@postgres_only
@pytest.mark.postgres
def test_the_newest_matches_are_found_across_the_month_and_year_windows(
    client, monkeypatch
):
    # Each engine's own limit: the one the test's database runs.
    monkeypatch.setattr(search, "MAX_RESULTS", 3)
    monkeypatch.setattr(search_sqlite, "MAX_RESULTS", 3)
    for title, age in [
        ("Budget de la semaine", 2),
        ("Budget du semestre", 180),
        ("Budget d’il y a deux ans", 730),
        ("Budget d’il y a trois ans", 1100),
    ]:
        make_article(title=title, publish_at=days_ago(age))
    response = client.get("/recherche/", {"q": "budget"})
    assert [a.title for a in response.context_data["articles"]] == [
        "Budget de la semaine",
        "Budget du semestre",
        "Budget d’il y a deux ans",
    ]
    assert "Plus de 3 résultats" in response.content.decode()


def test_a_word_found_only_in_old_articles_is_found(client):
    make_article(title="Un sujet récent")
    make_article(title="Le Concordat, vieille affaire", publish_at=days_ago(4000))
    assert results(client, "concordat") == ["Le Concordat, vieille affaire"]


@postgres_only
@pytest.mark.postgres
def test_older_windows_are_not_read_when_the_last_month_has_enough(monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 2)
    for n in range(3):
        make_article(title=f"Budget numéro {n}")
    make_article(title="Budget ancien", publish_at=days_ago(400))
    query = SearchQuery("budget", config=SEARCH_CONFIG)
    matches = Article.objects.published().filter(title__icontains="budget")
    plan = search._newest_first(matches, SearchRank(search_summary(), query))[
        :3
    ].explain(analyze=True)
    assert plan.count("never executed") >= 2, plan


@postgres_only
@pytest.mark.postgres
def test_results_are_ranked_by_title_and_chapo_then_newest(client):
    make_article(title="Un sujet", body="<p>Les retraites.</p>", publish_at=days_ago(1))
    make_article(title="Retraites : le récent", publish_at=days_ago(3))
    make_article(title="Retraites : l’ancien", publish_at=days_ago(500))
    assert results(client, "retraites") == [
        "Retraites : le récent",
        "Retraites : l’ancien",
        "Un sujet",
    ]


def test_excerpt_is_the_chapo_when_the_title_or_chapo_matches(client):
    make_article(
        title="Retraites : le vote",
        standfirst="Le Sénat se prononce ce soir.",
        body="<p>Les retraites reviennent au Parlement.</p>",
    )
    (article,) = client.get("/recherche/", {"q": "retraites"}).context_data["articles"]
    assert "Sénat" in article.headline
    assert "Parlement" not in article.headline


def test_excerpt_is_a_passage_of_the_text_when_only_the_text_matches(client):
    make_article(
        title="Le vote",
        standfirst="Le Sénat se prononce ce soir.",
        body="<p>Les retraites reviennent au Parlement.</p>",
    )
    (article,) = client.get("/recherche/", {"q": "retraites"}).context_data["articles"]
    assert f"{MARK_START}retraites{MARK_END}" in article.headline


def test_typo_search_is_tried_only_when_words_find_nothing(client):
    make_article(title="Le gouvernement annonce un plan")
    make_article(title="Un gouvernail cassé")
    assert results(client, "gouvernail") == ["Un gouvernail cassé"]


def test_search_ignores_accents(client):
    make_article(title="L’économie française ralentit")
    assert results(client, "economie") == ["L’économie française ralentit"]


def test_search_uses_french_stemming(client):
    make_article(title="Les agriculteurs manifestent")
    assert results(client, "agriculteur") == ["Les agriculteurs manifestent"]


def test_search_forgives_a_typo_in_a_title_word(client):
    make_article(title="Présidentielle : les candidats en campagne")
    assert results(client, "presidentiele") == [
        "Présidentielle : les candidats en campagne"
    ]


def test_title_match_ranks_above_text_match(client):
    make_article(title="Un article", body="<p>Il est question de retraites ici.</p>")
    make_article(title="Retraites : ce qui change")
    assert results(client, "retraites")[0] == "Retraites : ce qui change"


def test_results_carry_a_highlighted_excerpt(client):
    make_article(
        title="Un titre", body="<p>Le Sénat adopte la réforme des retraites.</p>"
    )
    html = client.get("/recherche/", {"q": "retraites"}).content.decode()
    assert "<mark>retraites</mark>" in html


@postgres_only
@pytest.mark.postgres
@pytest.mark.parametrize(
    ("condition", "index"),
    [
        (
            lambda: Q(_document=SearchQuery("budget", config=SEARCH_CONFIG)),
            "article_search_document_idx",
        ),
        (
            lambda: TrigramWordSimilar(FoldedTitle(), Value("budget")),
            "article_search_title_trgm_idx",
        ),
    ],
)
def test_search_conditions_match_their_gin_index(condition, index):
    """The query expressions are the indexed ones, so the index can serve them."""
    make_article()
    queryset = Article.objects.alias(_document=search_document()).filter(condition())
    with connection.cursor() as cursor:
        # Only a bitmap scan is left, and it needs an index for the condition.
        cursor.execute("SET enable_seqscan = off; SET enable_indexscan = off")
        try:
            assert index in queryset.explain()
        finally:
            cursor.execute("RESET enable_seqscan; RESET enable_indexscan")


# The SQLite index (FTS5): what the embedded default gives a newcomer.


def test_search_ignores_case_and_accents_of_the_query(client):
    make_article(title="Le prix de l’énergie flambe")
    assert results(client, "ENERGIE") == ["Le prix de l’énergie flambe"]


def test_search_finds_other_forms_of_a_long_word(client):
    make_article(title="La croissance économique ralentit")
    assert results(client, "économie") == ["La croissance économique ralentit"]


def test_search_finds_the_plural_of_a_short_word(client):
    make_article(title="Les votes du Sénat")
    assert results(client, "vote") == ["Les votes du Sénat"]


@sqlite_only
def test_a_short_word_does_not_find_longer_words_that_start_with_it(client):
    make_article(title="Marseille en fête")
    assert results(client, "mars") == []


def test_search_of_two_words_finds_articles_with_both(client):
    make_article(title="Budget de l’énergie")
    make_article(title="Budget de la culture")
    assert results(client, "budget energie") == ["Budget de l’énergie"]


@sqlite_only
def test_search_forgives_a_typo_in_a_word_of_the_title(client):
    make_article(title="L’économie française ralentit")
    assert results(client, "ecnomie") == ["L’économie française ralentit"]


def test_the_excerpt_highlights_the_word_found_without_its_accent(client):
    make_article(
        title="Un titre",
        body="<p>Le Sénat adopte la <em>réforme</em> des retraites.</p>",
    )
    html = client.get("/recherche/", {"q": "reforme"}).content.decode()
    assert "<mark>réforme</mark>" in html


def test_the_excerpt_of_the_text_shows_no_markup(client):
    make_article(
        title="Un titre",
        body='<p>Voir <a href="https://exemple.fr/x">le rapport</a> sur la dette.</p>',
    )
    (article,) = client.get("/recherche/", {"q": "dette"}).context_data["articles"]
    assert "<" not in article.headline
    assert "href" not in article.headline


def test_search_finds_articles_by_the_name_of_their_rubrique(client):
    make_article(title="La Bourse recule", section=make_section(name="Économie"))
    make_article(title="Match nul à Lyon")
    assert results(client, "economie") == ["La Bourse recule"]


def test_search_finds_articles_by_the_name_of_an_author(client):
    make_article(title="Un reportage", authors=[make_author(name="Inès Benali")])
    make_article(title="Un autre reportage")
    assert results(client, "benali") == ["Un reportage"]


def test_articles_readers_may_not_see_are_never_found(client):
    hidden_articles(title="Budget secret")
    make_article(title="Budget public")
    assert results(client, "budget") == ["Budget public"]


def test_a_typo_never_finds_articles_readers_may_not_see(client):
    hidden_articles(title="L’économie secrète")
    assert results(client, "ecnomie") == []


def test_an_edited_title_is_found_by_its_new_words_only(client):
    article = make_article(title="Budget initial")
    article.title = "Dette publique"
    article.save()
    assert results(client, "budget") == []
    assert results(client, "dette") == ["Dette publique"]


def test_an_unpublished_article_is_no_longer_found(client):
    article = make_article(title="Budget retiré")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.UNPUBLISHED)
    assert results(client, "budget") == []


def test_a_bulk_update_is_found(client):
    article = make_article(title="Budget initial")
    Article.objects.filter(pk=article.pk).update(title="Dette publique")
    assert results(client, "dette") == ["Dette publique"]


def test_a_bulk_import_is_found(client):
    section = make_section()
    Article.objects.bulk_create(
        Article(
            title=f"Import numéro {n}",
            slug=f"import-{n}",
            section=section,
            status=Article.Status.PUBLISHED,
            publish_at=timezone.now(),
        )
        for n in range(3)
    )
    assert len(results(client, "import")) == 3


def test_the_markup_of_the_text_is_not_searched(client):
    make_article(
        title="Un titre",
        body='<p>Une <strong>table</strong> ronde.</p><figure data-image-id="3"></figure>',
    )
    assert results(client, "figure") == []
    assert results(client, "ronde") == ["Un titre"]


def test_a_typo_search_needs_every_word_to_be_alike(client):
    make_article(title="La SNCF annonce une réforme")
    assert results(client, "reforme retraittes") == []
