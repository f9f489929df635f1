import pytest

from articles.models import Article
from core.adminpages import admin_url
from tests.factories import make_section
from wires.models import WireItem, WireUse
from wires.parsing import parse
from wires.services import wire_ingest, wire_item_reprise

pytestmark = pytest.mark.django_db

DESK = "/admin/wires/wireitem/"


@pytest.fixture
def items(sample):
    for name in ("g2-v1.xml", "g2-kill.xml", "afp-latin1.xml"):
        for item in parse(sample(name)):
            wire_ingest(parsed=item)
    return WireItem.objects.all()


def test_journalists_see_the_desk_newest_first(as_journalist, items):
    response = as_journalist.get(DESK)
    assert response.status_code == 200
    text = response.text
    assert "Incendie dans un entrepôt à Lyon" in text
    assert "RETIRÉE" in text
    assert text.index("Décès d’un élu") < text.index("Incendie dans un entrepôt")


def test_readers_never_see_the_desk(client, items):
    response = client.get(DESK)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_urgent_filter(as_editor, items):
    text = as_editor.get(DESK, {"urgence": "urgent"}).text
    assert "Incendie dans un entrepôt" in text
    assert "Décès d’un élu" not in text


def test_not_yet_used_filter(as_journalist, journalist, items):
    used = WireItem.objects.get(slugline="france-incendie")
    wire_item_reprise(item=used, user=journalist, section=make_section())
    text = as_journalist.get(DESK, {"reprise": "non"}).text
    assert "Incendie dans un entrepôt" not in text
    assert "Décès d’un élu" in text


def test_search_finds_words_of_the_text(as_journalist, items):
    text = as_journalist.get(DESK, {"q": "pompiers"}).text
    assert "Incendie dans un entrepôt" in text
    assert "Décès d’un élu" not in text


def test_a_nul_byte_in_the_search_is_a_400(as_journalist, items):
    assert as_journalist.get(DESK, {"q": "feu\x00"}).status_code == 400


def test_item_page_shows_text_and_reprise_form(as_journalist, items):
    item = WireItem.objects.get(slugline="france-incendie")
    response = as_journalist.get(admin_url(WireItem, "change", item.pk))
    assert response.status_code == 200
    assert "Un incendie s’est déclaré" in response.text
    assert "Usage éditorial uniquement" in response.text
    assert 'value="Reprendre"' in response.text


def test_an_unknown_item_is_a_404(as_journalist):
    assert as_journalist.get(admin_url(WireItem, "change", 999)).status_code == 404


def test_reprendre_creates_the_draft_and_opens_it(as_journalist, items):
    item = WireItem.objects.get(slugline="france-incendie")
    section = make_section()
    response = as_journalist.post(
        admin_url(WireItem, "reprise", item.pk), {"section": section.pk}
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == admin_url(Article, "change", article.pk)
    assert article.section == section
    assert WireUse.objects.get().article == article


def test_reprendre_without_a_section_loses_nothing_and_says_why(as_journalist, items):
    item = WireItem.objects.get(slugline="france-incendie")
    response = as_journalist.post(admin_url(WireItem, "reprise", item.pk), follow=True)
    assert "Choisissez la rubrique" in response.text
    assert not Article.objects.exists()


def test_reprendre_needs_a_post(as_journalist, items):
    item = WireItem.objects.first()
    assert as_journalist.get(admin_url(WireItem, "reprise", item.pk)).status_code == 405


def test_a_new_version_is_offered_on_the_article_with_its_changes(
    as_journalist, journalist, sample
):
    (item,) = [wire_ingest(parsed=i).item for i in parse(sample("g2-v1.xml"))]
    article = wire_item_reprise(item=item, user=journalist, section=make_section())
    for parsed in parse(sample("g2-v2.xml")):
        wire_ingest(parsed=parsed)
    page = as_journalist.get(admin_url(Article, "change", article.pk)).text
    assert "Une nouvelle version de la dépêche" in page
    compare = as_journalist.get(admin_url(WireItem, "compare", item.pk, 1)).text
    assert "<ins>Deux pompiers ont été légèrement blessés.</ins>" in compare


def test_a_withdrawal_is_flagged_on_the_article(as_editor, journalist, sample):
    data = sample("g2-v1.xml")
    (item,) = [wire_ingest(parsed=i).item for i in parse(data)]
    article = wire_item_reprise(item=item, user=journalist, section=make_section())
    killed = data.replace(b"stat:usable", b"stat:canceled").replace(
        b'version="1"', b'version="2"'
    )
    for parsed in parse(killed):
        wire_ingest(parsed=parsed)
    page = as_editor.get(admin_url(Article, "change", article.pk)).text
    assert "a été retirée par l’agence" in page
