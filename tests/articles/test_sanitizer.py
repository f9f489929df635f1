import pytest

from articles.sanitizer import sanitize_html


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert(1)</script>",
        '<iframe src="https://evil.example/"></iframe>',
        '<img src="x" onerror="alert(1)">',
        "<style>body{display:none}</style>",
        '<object data="x.swf"></object>',
    ],
)
def test_dangerous_elements_are_removed_with_their_content(dangerous):
    cleaned = sanitize_html(f"<p>Avant</p>{dangerous}<p>Après</p>")
    assert cleaned == "<p>Avant</p><p>Après</p>"


def test_event_handler_attributes_are_removed():
    assert sanitize_html('<p onclick="steal()">Texte</p>') == "<p>Texte</p>"


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x"]
)
def test_unsafe_link_schemes_are_removed(href):
    assert "href" not in sanitize_html(f'<p><a href="{href}">lien</a></p>')


def test_allowed_newsroom_markup_is_kept():
    html = (
        "<h2>Intertitre</h2><h3>Sous-intertitre</h3>"
        "<p><strong>gras</strong>, <em>italique</em>, "
        '<a href="https://exemple.fr/">lien</a></p>'
        "<ul><li>un</li></ul><ol><li>deux</li></ol>"
        "<blockquote><p>« Une citation »</p></blockquote>"
    )
    cleaned = sanitize_html(html)
    for fragment in [
        "<h2>",
        "<h3>",
        "<strong>",
        "<em>",
        "<ul>",
        "<ol>",
        "<blockquote>",
        'href="https://exemple.fr/"',
    ]:
        assert fragment in cleaned


def test_links_get_noopener_noreferrer():
    assert 'rel="noopener noreferrer"' in sanitize_html(
        '<a href="https://exemple.fr/">x</a>'
    )


def test_sanitising_twice_changes_nothing():
    once = sanitize_html(
        '<p><a href="https://exemple.fr/" rel="nofollow">x</a><script>y</script></p>'
    )
    assert sanitize_html(once) == once


def test_an_empty_editor_paragraph_is_an_empty_body():
    assert sanitize_html("<p></p>") == ""


def test_preformatted_code_is_kept_verbatim():
    html = "<pre><code>if a &lt; b:\n    print(a)</code></pre>"
    assert sanitize_html(html) == html


def test_simple_table_with_caption_and_header_cells_is_kept():
    html = (
        "<table><caption>Sondages</caption>"
        '<thead><tr><th scope="col">Institut</th><th scope="col">Score</th></tr></thead>'
        '<tbody><tr><th scope="row">Ifop</th><td>34 %</td></tr></tbody></table>'
    )
    assert sanitize_html(html) == html


def test_table_layout_and_style_attributes_are_removed():
    cleaned = sanitize_html(
        '<table style="width:900px"><tbody><tr><td colspan="2" class="x">a</td>'
        '<th scope="javascript:x">b</th></tr></tbody></table>'
    )
    assert cleaned == "<table><tbody><tr><td>a</td><th>b</th></tr></tbody></table>"
