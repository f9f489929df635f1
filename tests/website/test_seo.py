import json
import re

import pytest

from images.models import Rendition
from images.renditions import renditions_generate
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


def test_article_open_graph_image_has_its_size_and_alternative_text(client, article):
    article.hero_image = make_image(alt="Le Premier ministre à la tribune")
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert meta(html, "og:image").startswith("http://testserver/")
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "og:image:height") == "630"
    assert meta(html, "og:image:alt") == "Le Premier ministre à la tribune"
    assert meta(html, "twitter:image") == meta(html, "og:image")
    assert meta(html, "twitter:image:alt") == "Le Premier ministre à la tribune"
    assert meta(html, "twitter:card") == "summary_large_image"


def test_news_article_image_is_googles_three_crops_as_stored_files(client, article):
    image = make_image()
    renditions_generate(image=image)
    article.hero_image = image
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    urls = json_ld(html)["NewsArticle"]["image"]
    stored = {r.spec: r for r in Rendition.objects.filter(image=image)}
    assert urls == [
        "http://testserver" + stored[name].file.url
        for name in ("16x9.jpg", "4x3.jpg", "1x1.jpg")
    ]
    assert [
        (stored[n].width, stored[n].height) for n in ("16x9.jpg", "4x3.jpg", "1x1.jpg")
    ] == [
        (1200, 675),
        (1200, 900),
        (1200, 1200),
    ]


def test_crops_not_made_yet_are_linked_through_the_maker_and_nothing_is_written(
    client, article
):
    image = make_image()
    article.hero_image = image
    article.save()
    client.get(article.get_absolute_url())  # warm
    made = Rendition.objects.filter(image=image).count()
    html = client.get(article.get_absolute_url()).content.decode()
    assert json_ld(html)["NewsArticle"]["image"][0] == (
        f"http://testserver/images/{image.pk}/16x9.jpg"
    )
    # A reader's page queues no job and stores no file.
    assert Rendition.objects.filter(image=image).count() == made
    renditions_generate(image=image)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "/media/" in json_ld(html)["NewsArticle"]["image"][0]


def test_home_page_is_shared_with_the_sites_image(client):
    html = client.get("/").content.decode()
    assert meta(html, "og:image") == "http://testserver/static/img/share.png"
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "og:image:height") == "630"
    assert meta(html, "og:image:alt") == "News Day FR"
    assert meta(html, "twitter:image:alt") == "News Day FR"


def test_author_page_has_a_profile_page_with_the_person(client, article):
    author = article.authors.get()
    author.bio = "Suit la vie politique depuis 2010."
    author.save()
    data = json_ld(client.get("/auteurs/anne-martin/").content.decode())["ProfilePage"]
    assert data["mainEntity"] == {
        "@type": "Person",
        "name": "Anne Martin",
        "url": "http://testserver/auteurs/anne-martin/",
        "jobTitle": "Cheffe du service politique",
        "description": "Suit la vie politique depuis 2010.",
    }


def test_breadcrumbs_give_the_whole_title_of_a_long_article(client):
    title = (
        "Réforme des retraites : le texte adopté en première lecture après "
        "trois semaines de débats et deux motions de censure rejetées"
    )
    article = make_article(title=title)
    data = json_ld(client.get(article.get_absolute_url()).content.decode())[
        "BreadcrumbList"
    ]
    assert data["itemListElement"][-1]["name"] == title


def test_accented_tag_has_one_percent_encoded_address_everywhere(client):
    make_article(tags=["Énergie"])
    response = client.get("/mots-cles/énergie/")
    html = response.content.decode()
    url = "http://testserver/mots-cles/%C3%A9nergie/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "og:url") == url
    assert json_ld(html)["BreadcrumbList"]["itemListElement"][-1]["item"] == url
    assert 'href="/mots-cles/%C3%A9nergie/rss/"' in html


def test_english_article_says_so_to_browsers_engines_and_networks(client):
    article = make_article(title="Brexit: the deal at last", language="en")
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<html lang="fr">' in html  # the site around it stays French
    assert '<h1 class="article-title" lang="en">' in html
    assert '<div class="article-body" lang="en">' in html
    assert json_ld(html)["NewsArticle"]["inLanguage"] == "en-GB"
    assert meta(html, "og:locale") == "en_GB"


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


# --- The texts the newsroom wrote for search engines and social networks ----------


def test_search_title_is_the_page_title(client):
    article = make_article(title="Le titre du journal", seo_title="Titre pour Google")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Titre pour Google — News Day FR</title>" in html


def test_social_title_is_the_share_cards_title(client):
    article = make_article(title="Le titre", social_title="Titre pour les réseaux")
    html = client.get(article.get_absolute_url()).content.decode()
    assert meta(html, "og:title") == "Titre pour les réseaux"
    assert meta(html, "twitter:title") == "Titre pour les réseaux"


def test_share_card_falls_back_to_the_headline_not_the_search_title(client):
    article = make_article(title="Le vrai titre", seo_title="Titre pour Google")
    html = client.get(article.get_absolute_url()).content.decode()
    assert meta(html, "og:title") == "Le vrai titre"


def test_seo_description_replaces_the_standfirst_in_meta_and_json_ld(client):
    article = make_article(standfirst="Le chapô.", seo_description="Pour Google.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert meta(html, "description") == "Pour Google."
    assert meta(html, "og:description") == "Pour Google."
    assert json_ld(html)["NewsArticle"]["description"] == "Pour Google."


def test_json_ld_headline_stays_the_headline_readers_see(client):
    article = make_article(title="Le vrai titre", seo_title="Titre pour Google")
    html = client.get(article.get_absolute_url()).content.decode()
    assert json_ld(html)["NewsArticle"]["headline"] == "Le vrai titre"


def test_blank_seo_fields_fall_back_to_title_and_standfirst(client):
    article = make_article(title="Titre seul", standfirst="Chapô seul.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Titre seul — News Day FR</title>" in html
    assert meta(html, "og:title") == "Titre seul"
    assert meta(html, "description") == "Chapô seul."


def test_a_due_scheduled_version_brings_its_own_search_title(client):
    import datetime as dt

    from django.utils import timezone

    from articles.models import ScheduledChange
    from articles.revisions import article_snapshot

    article = make_article(title="Version en ligne")
    content = article_snapshot(article) | {"seo_title": "Nouveau titre pour Google"}
    ScheduledChange.objects.create(
        article=article,
        content=content,
        apply_at=timezone.now() - dt.timedelta(seconds=1),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Nouveau titre pour Google — News Day FR</title>" in html
