import pytest

from wires.parsing import WireFormatError, parse

pytestmark = pytest.mark.django_db  # the sanitizer reads settings only


def only(items):
    (item,) = items
    assert not isinstance(item, WireFormatError), item
    return item


def test_afp_newsml_12_declared_latin_1_but_sent_as_utf_8_reads_right(shared_wire):
    item = only(parse(shared_wire("afp-newsml12-fr.xml")))
    assert item.headline.startswith("Décès de Naomi Musenga")
    assert "Ã" not in item.headline + item.body_html
    assert item.guid == "urn:newsml:afp.com:20240710:240710125902.qpsp2jzk"
    assert item.version == 1
    assert item.agency == "AFP"
    assert item.dateline == "Strasbourg, 10 juil 2024 (AFP)"
    assert item.slugline == "procès-santé-secours"
    assert item.copyright == "© 2024 AFP"
    assert item.language == "fr"


def test_french_items_get_typographic_apostrophes(shared_wire):
    item = only(parse(shared_wire("afp-newsml12-fr.xml")))
    assert "l’opératrice" in item.headline
    assert "'" not in item.body_html
    assert item.body_html.startswith("<p>L’opératrice du Samu")


def test_a_real_latin_1_file_is_read_in_its_declared_encoding(sample):
    item = only(parse(sample("afp-latin1.xml")))
    assert item.headline == "Décès d’un élu"
    assert item.body_html == "<p>Le maire est décédé &amp; regretté.</p>"


def test_g2_news_item_with_embargo_update_signal_and_subjects(shared_wire):
    item = only(parse(shared_wire("iptc-g2-newsitem-embargo.xml")))
    assert item.guid == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert item.version == 9
    assert item.embargoed.isoformat() == "2016-10-23T12:00:00+00:00"
    assert item.update_signal is True
    assert item.headline == 'Fed to halt QE to avert "bubble"'
    assert item.byline == "Meredith Jameson"
    assert item.located == "Berlin"
    assert item.usage_terms == "Not for use outside the United States"
    assert {"code": "medtop:20000523", "name": "labour market"} in item.subjects
    assert "STRICTLY EMBARGOED" in item.ednote


def test_g2_news_message_with_plain_text_paragraphs_and_a_picture(shared_wire):
    item = only(parse(shared_wire("ansa-g2-newsmessage.xml")))
    assert item.agency == "ANSA"
    assert item.subheadline == "Foreign minister expresses faith in Spanish government"
    assert item.body_html.count("<p>") == 4
    assert item.body_html.startswith("<p>(ANSA) - Rome, October 11 - Italian")
    assert item.pictures[0]["href"].endswith("200400bfd17a98e68ea9597546e5ec93.jpg")


def test_ninjs_item(shared_wire):
    item = only(parse(shared_wire("ninjs-text.json")))
    assert item.guid.startswith("urn:newsml:localhost:2017-08-24T14:37:19")
    assert item.version == 2
    assert item.urgency == 3
    assert item.byline == "Peter and Jane"
    assert item.body_html == "<p>The story so far.</p>"
    assert item.subjects == [
        {"code": "01000000", "name": "arts, culture and entertainment"}
    ]


def test_french_subject_labels_are_preferred(sample):
    item = only(parse(sample("g2-v1.xml")))
    assert item.subjects == [
        {"code": "medtop:03000000", "name": "désastres et accidents"}
    ]
    assert item.urgency == 2
    assert "<p>« Le feu est maîtrisé », a dit un porte-parole.</p>" in item.body_html


def test_a_cancelled_item_is_a_withdrawal(sample):
    item = only(parse(sample("g2-kill.xml")))
    assert item.withdrawn is True
    assert item.urgency == 1


def test_rss_feed_items():
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Agence</title>
    <language>fr</language><item><title>Un titre</title><guid>g-1</guid>
    <description>Le texte d'une br\xc3\xa8ve.</description>
    <pubDate>Sun, 06 Dec 2026 09:00:00 +0100</pubDate></item></channel></rss>"""
    item = only(parse(feed, agency="Agence test"))
    assert (item.guid, item.agency, item.format) == ("g-1", "AGENCE TEST", "rss")
    assert item.body_html == "<p>Le texte d’une brève.</p>"
    assert item.version_created.isoformat() == "2026-12-06T09:00:00+01:00"


def test_xml_bombs_and_dtds_are_refused(sample):
    with pytest.raises(WireFormatError, match="DTD"):
        parse(sample("bomb.xml"))


def test_a_truncated_file_is_refused_with_its_reason(sample):
    with pytest.raises(WireFormatError, match="XML illisible"):
        parse(sample("truncated.xml"))


def test_an_unknown_format_is_refused():
    with pytest.raises(WireFormatError, match="Format inconnu"):
        parse(b"PK\x03\x04 not a wire")


def test_one_broken_item_of_a_feed_keeps_the_others():
    feed = b"""<rss><channel><title>A</title>
    <item><guid>ok</guid><title>Bon</title><description>Texte</description></item>
    <item><title></title><description></description></item>
    </channel></rss>"""
    good, broken = parse(feed)
    assert good.guid == "ok"
    assert isinstance(broken, WireFormatError)
