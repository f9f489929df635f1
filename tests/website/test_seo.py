import json
import re

import pytest

from tests.factories import (
    make_article,
    make_author,
    make_correction,
    make_image,
    make_section,
)

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return {data["@type"]: data for data in map(json.loads, blocks)}


def meta(html, key):
    match = re.search(
        rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)">', html
    )
    return match and match.group(1)


@pytest.fixture
def article():
    return make_article(
        title="Budget : le gouvernement recule",
        standfirst="Le Premier ministre renonce à la hausse de la TVA.",
        section=make_section(name="Politique", slug="politique"),
        authors=[
            make_author(
                name="Anne Martin",
                slug="anne-martin",
                role="Cheffe du service politique",
            )
        ],
        tags=["Budget", "TVA"],
    )


def test_article_page_has_its_own_title_description_and_canonical(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Budget : le gouvernement recule — News Day FR</title>" in html
    assert meta(html, "description") == article.standfirst
    assert (
        f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">'
        in html
    )


def test_article_page_has_open_graph_and_twitter_cards(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == article.title
    assert meta(html, "og:url") == "http://testserver" + article.get_absolute_url()
    assert meta(html, "og:locale") == "fr_FR"
    assert meta(html, "twitter:card") == "summary"
    assert meta(html, "article:section") == "Politique"


def test_article_json_ld_is_a_complete_news_article(client, article):
    data = json_ld(client.get(article.get_absolute_url()).content.decode())[
        "NewsArticle"
    ]
    assert data["headline"] == article.title
    assert data["description"] == article.standfirst
    assert data["datePublished"]
    assert data["dateModified"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Anne Martin",
            "url": "http://testserver/auteurs/anne-martin/",
            "jobTitle": "Cheffe du service politique",
        }
    ]
    assert data["publisher"]["logo"]["url"] == "http://testserver/static/img/logo.png"
    assert data["articleSection"] == "Politique"
    assert data["keywords"] == ["Budget", "TVA"]


def test_article_json_ld_lists_corrections(client, article):
    make_correction(article, text="Le taux était de 20 %, non de 19 %.")
    data = json_ld(client.get(article.get_absolute_url()).content.decode())[
        "NewsArticle"
    ]
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert data["correction"][0]["text"] == "Le taux était de 20 %, non de 19 %."


def test_article_json_ld_has_image_when_article_has_one(client, article):
    article.hero_image = make_image()
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    image = json_ld(html)["NewsArticle"]["image"][0]
    assert image.startswith("http://testserver/")
    assert meta(html, "og:image") == image
    assert meta(html, "twitter:card") == "summary_large_image"


def test_article_breadcrumbs_go_home_section_article(client, article):
    data = json_ld(client.get(article.get_absolute_url()).content.decode())[
        "BreadcrumbList"
    ]
    assert [item["name"] for item in data["itemListElement"]] == [
        "Accueil",
        "Politique",
        article.title,
    ]


def test_home_json_ld_is_a_website_with_a_search_action(client):
    data = json_ld(client.get("/").content.decode())["WebSite"]
    assert data["potentialAction"]["@type"] == "SearchAction"
    assert (
        data["potentialAction"]["target"]["urlTemplate"]
        == "http://testserver/recherche/?q={search_term_string}"
    )


def test_json_ld_cannot_be_closed_by_a_title(client):
    article = make_article(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["NewsArticle"]["headline"] == article.title


def test_section_page_has_its_title_and_canonical_with_page_number(client):
    section = make_section(
        name="Culture", slug="culture", description="Livres, scènes, écrans."
    )
    for _ in range(21):
        make_article(section=section)
    html = client.get("/culture/?page=2").content.decode()
    assert "<title>Culture — News Day FR</title>" in html
    assert meta(html, "description") == "Livres, scènes, écrans."
    assert '<link rel="canonical" href="http://testserver/culture/?page=2">' in html


def test_search_page_is_not_indexed(client):
    assert (
        meta(client.get("/recherche/?q=budget").content.decode(), "robots")
        == "noindex, follow"
    )


def test_every_page_has_one_h1_lang_fr_and_a_skip_link(client, article):
    for url in [
        "/",
        "/politique/",
        "/auteurs/anne-martin/",
        "/mots-cles/budget/",
        article.get_absolute_url(),
        "/recherche/",
    ]:
        html = client.get(url).content.decode()
        assert '<html lang="fr">' in html
        assert html.count("<h1") == 1, url
        assert 'href="#contenu"' in html
