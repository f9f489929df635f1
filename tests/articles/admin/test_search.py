"""The article admin's search: every word, in the title, the chapô or the
slug, case and accents ignored."""

import pytest
from django.db import connection

from articles.admin.search import articles_search
from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def found(text):
    return set(articles_search(articles=Article.objects.all(), text=text))


def test_a_word_without_accents_finds_the_accented_title():
    article = make_article(title="La facture d’énergie des ménages")
    make_article(title="Autre sujet")
    assert found("energie") == {article}


def test_an_accented_word_finds_the_title_without_accents():
    article = make_article(title="Energie : ce qui change")
    assert found("Énergie") == {article}


def test_a_part_of_a_word_finds_the_article():
    article = make_article(title="Le gouvernement présente son budget")
    assert found("gouvern") == {article}


def test_the_chapo_is_searched():
    article = make_article(standfirst="Le Sénat a voté la réforme.")
    make_article(standfirst="Rien à voir.")
    assert found("senat") == {article}


def test_the_slug_is_searched():
    article = make_article(slug="plan-velo-2030")
    assert found("plan-velo") == {article}


def test_every_word_must_match():
    both = make_article(title="Grève à la SNCF", standfirst="Trafic perturbé lundi.")
    make_article(title="Grève des enseignants")
    assert found("grève lundi") == {both}


def test_a_quoted_phrase_is_matched_whole():
    phrase = make_article(title="La réforme des retraites adoptée")
    make_article(title="Retraites : la réforme contestée")
    assert found('"réforme des retraites"') == {phrase}


def test_percent_and_underscore_are_plain_characters():
    article = make_article(title="Une hausse de 100 % des loyers")
    make_article(title="Une baisse")
    assert found("100 %") == {article}
    assert found("_") == set()


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's unaccent folds ligatures"
)
def test_on_postgresql_a_ligature_matches_its_two_letters():
    article = make_article(title="Au coeur de la ville")
    assert found("cœur") == {article}
