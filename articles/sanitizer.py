"""The allow-list for article bodies: what the editor can produce, nothing more.

nh3 (Rust's ammonia) parses the HTML like a browser does, so what it lets
through is what a browser will see; regex-based cleaning cannot promise that.
"""

import re

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "cite",
    "sup",
    "sub",
    # Code, kept verbatim (the typography filter leaves it alone).
    "pre",
    "code",
    # Simple tables: a caption, header cells, rows.
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    # Whether a header cell names its column or its row.
    "th": {"scope"},
    # A library image: <figure data-image-id="42">, rendered as <picture> on
    # output (images/body.py). Only digits survive in the id.
    "figure": {"data-image-id"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def _filter_attribute(tag, attribute, value):
    if attribute == "data-image-id":
        return value if re.fullmatch(r"[0-9]{1,12}", value) else None
    if attribute == "scope":
        return value if value in {"col", "row", "colgroup", "rowgroup"} else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
    attribute_filter=_filter_attribute,
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    """Return ``html`` reduced to the article allow-list (scripts, iframes,
    event handlers, styles and ``javascript:`` links removed)."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html).strip()
    # An editor left empty still sends one empty paragraph.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
