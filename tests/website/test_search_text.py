from website.search_text import MARK_END, MARK_START, excerpt_html


def test_excerpt_marks_searched_words_and_escapes_the_rest():
    html = excerpt_html("<b>Le</b> budget <script>x</script>", "budget")
    assert html == "Le <mark>budget</mark> x"


def test_excerpt_keeps_postgres_marks_and_escapes_text():
    assert (
        excerpt_html(f"a < b {MARK_START}vote{MARK_END}", "vote")
        == "a &lt; b <mark>vote</mark>"
    )
