"""Embedded media become a plain link, labelled with what it points to."""

from importers.wordpress.embeds import embed_html, label, provider


def test_a_service_is_known_by_its_host_and_subdomains_only():
    assert provider("https://www.youtube.com/watch?v=abc") == ("YouTube", "video")
    assert provider("https://youtu.be/abc") == ("YouTube", "video")
    assert provider("https://youtube.com.example.net/watch?v=abc") is None
    assert provider("notyoutube.com/watch") is None


def test_a_link_says_what_it_leads_to():
    assert label("https://x.com/lemonde/status/1") == (
        "Voir la publication sur X (Twitter)"
    )
    assert label("https://media.site.fr/son.mp3", kind="audio") == (
        "Écouter l’enregistrement"
    )
    assert label("https://site.fr/page") == "https://site.fr/page"


def test_an_embed_is_an_escaped_link_then_its_caption():
    assert embed_html('https://vimeo.com/1?a=1&b="2"', caption=" Le débat ") == (
        '<p><a href="https://vimeo.com/1?a=1&amp;b=&quot;2&quot;">'
        "Voir la vidéo sur Vimeo</a></p><p>Le débat</p>"
    )


def test_an_address_that_is_not_a_web_link_gives_no_embed():
    assert embed_html("javascript:alert(1)") == ""
