"""The allow-list of live entries: the article body's, without intertitles
or body images (an entry is a few lines; its photo is a field of its own)."""

import nh3

from articles.sanitizer import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES

ENTRY_TAGS = ALLOWED_TAGS - {"h2", "h3", "figure", "figcaption"}

_cleaner = nh3.Cleaner(
    tags=ENTRY_TAGS,
    attributes={
        tag: attrs for tag, attrs in ALLOWED_ATTRIBUTES.items() if tag in ENTRY_TAGS
    },
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_entry_html(html: str) -> str:
    """``html`` reduced to what an entry may hold; a heading's words stay,
    as text."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html).strip()
    # An editor left empty still sends one empty paragraph.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
