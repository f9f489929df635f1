"""Agency text as the newsroom's typographer expects it.

Wires arrive with straight quotes and apostrophes, ``&amp;`` left escaped
twice, and bodies in NITF, XHTML or ``<p>`` soup. Lines become plain text;
bodies become clean paragraphs through the project's sanitizer. In French
items, ``'`` becomes ``’`` and ``"…"`` becomes « … » (the reader site's
typography then sets the narrow no-break spaces).
"""

import html
import re

from articles.sanitizer import sanitize_html

_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|(?<=\w)'(?=\s|$)")
_QUOTED = re.compile(r'"\s*([^"<>]+?)\s*"')
_BLOCK_TAGS = re.compile(r"</?(?:nitf|body|body\.content|block|div|html)\b[^>]*>", re.I)
_HEADINGS = re.compile(r"<(/?)h[1-6]\b[^>]*>", re.I)
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|<br\s*/?>)*</p>")


def french_quotes(text: str) -> str:
    text = _APOSTROPHE.sub("’", text)
    return _QUOTED.sub("« \\1 »", text)


def clean_line(value: str, *, french: bool) -> str:
    """One line of text: entities decoded (twice-escaped ones too), spaces
    collapsed, French quotes in French items."""
    value = html.unescape(html.unescape(value or ""))
    value = " ".join(value.split())
    return french_quotes(value) if french else value


def clean_body(body: str, *, french: bool) -> str:
    """Paragraphs through the sanitizer: NITF wrappers dropped, headings kept
    as intertitres (``h2``), empty paragraphs removed."""
    body = _BLOCK_TAGS.sub("", body or "")
    body = _HEADINGS.sub(lambda m: f"<{m.group(1)}h2>", body)
    if french:
        body = _french_text_nodes(body)
    body = sanitize_html(body)
    return _EMPTY_PARAGRAPH.sub("", body).strip()


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def _french_text_nodes(body: str) -> str:
    pieces = _TAG_OR_TEXT.split(body)
    return "".join(
        piece if index % 2 else french_quotes(piece)
        for index, piece in enumerate(pieces)
    )
