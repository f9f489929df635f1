import html
from xml.etree import ElementTree

import feedparser
import pytest

from images.models import Rendition
from images.renditions import renditions_generate
from tests.factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db

DC = "http://purl.org/dc/elements/1.1/"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return feedparser.parse(response.content)


def xml_items(client, url="/rss/"):
    """The feed's ``<item>`` elements, for what feedparser merges or renames."""
    root = ElementTree.fromstring(client.get(url).content)  # noqa: S314 (our own output)
    return root.findall("channel/item")


@pytest.mark.parametrize(
    "url", ["/rss/", "/economie/rss/", "/auteurs/anne/rss/", "/mots-cles/climat/rss/"]
)
def test_feed_is_well_formed_rss(client, url):
    section = make_section(slug="economie", name="Économie")
    make_article(
        section=section,
        authors=[make_author(slug="anne", name="Anne Martin")],
        tags=["Climat"],
        title="Taux : « une pause » & des questions",
    )
    feed = parse(client, url)
    assert feed.bozo == 0
    assert feed.version == "rss20"
    assert len(feed.entries) == 1


def test_feed_item_carries_author_and_categories(client):
    section = make_section(name="Économie")
    make_article(
        section=section,
        authors=[make_author(name="Anne Martin"), make_author(name="Paul Roux")],
        tags=["Inflation"],
    )
    entry = parse(client, "/rss/").entries[0]
    assert {tag.term for tag in entry.tags} == {"Économie", "Inflation"}


def test_feed_item_has_one_dc_creator_per_author(client):
    make_article(
        authors=[make_author(name="Inès Benali"), make_author(name="Hugo Marchetti")]
    )
    item = xml_items(client)[0]
    assert [e.text for e in item.findall(f"{{{DC}}}creator")] == [
        "Inès Benali",
        "Hugo Marchetti",
    ]


def test_feed_item_links_to_the_article(client):
    article = make_article()
    entry = parse(client, "/rss/").entries[0]
    assert entry.link == "http://testserver" + article.get_absolute_url()
    assert entry.summary == article.standfirst


def test_feed_item_carries_the_stored_hero_image_with_its_size(client):
    image = make_image()
    renditions_generate(image=image)
    make_article(hero_image=image)
    enclosure = parse(client, "/rss/").entries[0].enclosures[0]
    crop = Rendition.objects.get(image=image, spec="16x9.jpg")
    assert enclosure.type == "image/jpeg"
    assert enclosure.href == "http://testserver" + crop.file.url
    assert int(enclosure.length) == crop.file.size > 0


def test_feed_item_leaves_out_a_crop_not_made_yet_and_writes_nothing(client):
    image = make_image()
    make_article(hero_image=image)
    assert parse(client, "/rss/").entries[0].enclosures == []
    assert not Rendition.objects.filter(image=image, spec="16x9.jpg").exists()
    renditions_generate(image=image)
    assert parse(client, "/rss/").entries[0].enclosures[0].length != "0"


def test_feed_item_guid_stays_when_the_address_changes(client):
    article = make_article(slug="premier-titre")
    guid = parse(client, "/rss/").entries[0].id
    article.slug = "titre-corrige"
    article.save()
    entry = parse(client, "/rss/").entries[0]
    assert entry.id == guid == f"urn:newsday:article:{article.pk}"
    assert entry.guidislink is False
    assert entry.link.endswith("/titre-corrige/")


def test_feed_item_gives_the_articles_language(client):
    make_article(language="en")
    make_article(language="fr")
    items = xml_items(client)
    assert sorted(item.find(f"{{{DC}}}language").text for item in items) == [
        "en",
        "fr",
    ]


def test_section_feed_lists_only_that_section(client):
    section = make_section(slug="sport")
    make_article(section=section, title="Match nul")
    make_article(title="Autre chose")
    titles = [entry.title for entry in parse(client, "/sport/rss/").entries]
    assert titles == ["Match nul"]


def test_feed_of_unknown_section_is_not_found(client):
    assert client.get("/inconnue/rss/").status_code == 404


def test_every_page_announces_the_site_feed(client):
    article = make_article()
    for url in ["/", article.get_absolute_url(), "/recherche/"]:
        assert (
            '<link rel="alternate" type="application/rss+xml" title="News Day FR — flux RSS" href="/rss/">'
            in client.get(url).content.decode()
        )


def test_section_page_announces_its_own_feed(client):
    make_section(slug="culture")
    assert 'href="/culture/rss/"' in client.get("/culture/").content.decode()


def test_markup_typed_in_the_standfirst_shows_as_text_in_feed_readers(client):
    standfirst = "Le <b>gras</b> & « l’italique » <script>x</script>"
    make_article(standfirst=standfirst)
    entry = parse(client, "/rss/").entries[0]
    # Feed readers render the description as HTML: it must be the text,
    # escaped, with no tag of its own.
    assert "<b>" not in entry.summary
    assert html.unescape(entry.summary) == standfirst
