"""A WordPress post's content → our sanitised article body.

The steps are those of WordPress's ``the_content`` filter, in its order:
URLs alone on their line become embeds, then blocks are rendered (block
editor) or paragraphs added (classic editor), then shortcodes are expanded.
The result is reshaped to our elements (``html.normalize``) and passed
through the article allow-list.
"""

import re
from collections import Counter
from html import unescape

import nh3

from articles.sanitizer import sanitize_html
from importers.wordpress import embeds
from importers.wordpress.autop import (
    replace_in_html_tags,
    shortcode_unautop,
    wpautop,
)
from importers.wordpress.blocks import (
    RenderContext,
    has_blocks,
    parse_blocks,
    render_blocks,
)
from importers.wordpress.html import Context, normalize
from importers.wordpress.shortcodes import (
    BLOCK_SHORTCODES,
    code_shortcodes,
    do_shortcode,
)

_LINE_URL = re.compile(r"^(\s*)(https?://[^\s<>\"]+)(\s*)$", re.IGNORECASE | re.M)
_PARAGRAPH_URL = re.compile(
    r"(<p(?: [^>]*)?>\s*)(https?://[^\s<>\"]+)(\s*</p>)", re.IGNORECASE
)
_LINE_BREAK = "<!-- wp-line-break -->"
_SPACES = re.compile(r"[ \t\r\n]+")


def autoembed(content: str, notes: Counter) -> str:
    """A URL alone on its line or in its own paragraph becomes an embed
    (WordPress's ``WP_Embed::autoembed``): a link, for us."""
    if not re.search(r"(^|\s|>)https?://", content, re.IGNORECASE):
        return content
    content = replace_in_html_tags(content, "\n", _LINE_BREAK)

    def embed(m):
        url = m.group(2)
        if embeds.provider(url):
            notes["intégration remplacée par un lien"] += 1
            replacement = embeds.embed_html(url)
        else:
            replacement = f'<a href="{url}">{url}</a>'
        return m.group(1) + replacement + m.group(3)

    content = _LINE_URL.sub(embed, content)
    content = _PARAGRAPH_URL.sub(embed, content)
    return content.replace(_LINE_BREAK, "\n")


def _classic(html: str, notes: Counter) -> str:
    html = autoembed(html, notes)
    return shortcode_unautop(wpautop(html), BLOCK_SHORTCODES)


def convert_body(
    raw: str,
    *,
    meta: dict | None = None,
    notes: Counter | None = None,
    on_image=None,
    gallery=None,
) -> str:
    """The article body for a post's ``content:encoded``.

    ``on_image`` turns an <img>'s attributes into the nodes that replace it
    (none: it is dropped, with its caption); ``gallery`` gives the attachment
    ids a [gallery] shortcode shows (see ``bodyimages.BodyImages``).
    """
    notes = Counter() if notes is None else notes
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = code_shortcodes(raw, notes)
    if has_blocks(raw):
        notes["éditeur de blocs"] += 1
        html = render_blocks(
            parse_blocks(raw),
            RenderContext(
                notes=notes, meta=meta or {}, classic=lambda h: _classic(h, notes)
            ),
        )
        html = autoembed(html, notes)
    else:
        html = _classic(raw, notes)
    html = do_shortcode(html, notes, gallery=gallery)
    return sanitize_html(normalize(html, Context(notes=notes, on_image=on_image)))


def plain_text(html: str) -> str:
    """Text without markup (titles, excerpts, captions), entities decoded,
    runs of spaces and newlines collapsed; no-break spaces are kept."""
    text = nh3.clean(html or "", tags=set(), clean_content_tags={"script", "style"})
    return _SPACES.sub(" ", unescape(text)).strip()
