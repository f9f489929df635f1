"""The reader pages' Jinja2 environment: its filters."""

from django.template import engines

from website.typography import NNBSP


def test_typo_filter_escapes_plain_text_before_fixing_it():
    rendered = (
        engines["jinja2"]
        .from_string("{{ value|typo }}")
        .render({"value": "<script>x</script> : oui"})
    )
    assert rendered == f"&lt;script&gt;x&lt;/script&gt;{NNBSP}: oui"


def test_typo_filter_leaves_text_in_another_language_as_written_but_escaped():
    rendered = (
        engines["jinja2"]
        .from_string("{{ value|typo('en') }}")
        .render({"value": "<b>Brexit</b>: the deal?"})
    )
    assert rendered == "&lt;b&gt;Brexit&lt;/b&gt;: the deal?"
