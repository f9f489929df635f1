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
