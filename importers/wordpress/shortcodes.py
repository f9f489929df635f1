"""Shortcodes (``[caption]``, ``[embed]``, ``[gallery]``, ``[youtube]``…).

WordPress expands shortcodes when it displays a post; our bodies are plain
HTML, so each one is expanded once, at import. The parsing follows
WordPress's ``get_shortcode_regex()`` and ``shortcode_parse_atts()``.
Shortcodes from plugins we do not know keep their inner text and lose their
brackets; a lone ``[sic]`` or ``[…]`` is ordinary text and stays.
"""

import re
from collections import Counter
from collections.abc import Callable
from html import escape, unescape

from importers.wordpress import embeds

_NAME = r"[A-Za-z0-9_][A-Za-z0-9_-]*"
SHORTCODE = re.compile(
    r"\[(\[?)"  # 1: [[escaped]]
    rf"({_NAME})"  # 2: name
    r"(?![\w-])"
    r"([^\]/]*(?:/(?!\])[^\]/]*)*?)"  # 3: attributes
    r"(?:(/)\]"  # 4: self-closing
    r"|\](?:([^\[]*+(?:\[(?!/\2\])[^\[]*+)*+)\[/\2\])?)"  # 5: content
    r"(\]?)",  # 6: ]] escaped
    re.ASCII,
)
_ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)"""
    r"""|'([^']*)'(?:\s|$)"""
    r"""|(\S+)(?:\s|$)""",
    re.ASCII,
)
_URL = re.compile(r"""https?://[^\s"'<>\]\[]+""")

EMBED_SHORTCODES = {
    "youtube": "https://www.youtube.com/watch?v={}",
    "vimeo": "https://vimeo.com/{}",
    "dailymotion": "https://www.dailymotion.com/video/{}",
    "tweet": "https://twitter.com/i/status/{}",
    "instagram": "https://www.instagram.com/p/{}/",
    "soundcloud": None,
    "spotify": None,
    "facebook": None,
    "tiktok": None,
    "flickr": None,
    "ted": None,
    "googlemaps": None,
    "scribd": None,
    "slideshare": None,
    "bluesky": None,
}
# Shortcodes whose output is a block of its own: they are unwrapped from the
# paragraph wpautop put around them (shortcode_unautop).
BLOCK_SHORTCODES = {
    "caption",
    "wp_caption",
    "gallery",
    "embed",
    "audio",
    "video",
    "playlist",
} | EMBED_SHORTCODES.keys()


# Code shortcodes (SyntaxHighlighter and its kin): their content is code, to
# be shown as typed, before any paragraph or line break is added to it.
CODE_SHORTCODES = (
    "code",
    "sourcecode",
    "source",
    "bash",
    "shell",
    "php",
    "python",
    "javascript",
    "js",
    "css",
    "sql",
    "xml",
    "json",
    "yaml",
    "diff",
)
_CODE = re.compile(
    rf"\[({'|'.join(CODE_SHORTCODES)})(?![\w-])[^\]]*\](.*?)\[/\1\]",
    re.IGNORECASE | re.DOTALL,
)


def code_shortcodes(text: str, notes: Counter) -> str:
    """``[code]…[/code]`` (and its kin) → ``<pre><code>…</code></pre>``."""
    if "[" not in text:
        return text

    def block(m):
        code = m.group(2).strip("\n")
        if "<" not in code:
            # Written in the visual editor, the code was stored escaped.
            code = unescape(code)
        notes[f"shortcode [{m.group(1).lower()}] (code)"] += 1
        return f"<pre><code>{escape(code, quote=False)}</code></pre>"

    return _CODE.sub(block, text)


def parse_attributes(text: str) -> dict[str, str]:
    """``id="1" align=left "positional"`` → {"id": "1", "align": "left", "0": …}."""
    text = re.sub("[\u00a0\u200b]+", " ", text)
    attributes, position = {}, 0
    for m in _ATTRIBUTE.finditer(text):
        if m.group(1):
            attributes[m.group(1).lower()] = m.group(2)
        elif m.group(3):
            attributes[m.group(3).lower()] = m.group(4)
        elif m.group(5):
            attributes[m.group(5).lower()] = m.group(6)
        else:
            value = next(g for g in m.groups()[6:] if g is not None)
            attributes[str(position)] = value
            position += 1
    return attributes


def do_shortcode(
    text: str,
    notes: Counter,
    *,
    gallery: Callable[[dict], list[int]] | None = None,
) -> str:
    """Expand every shortcode in ``text`` (nested ones included).

    ``gallery`` gives the attachment ids a [gallery] shows (from its
    attributes); without it, only the ids it lists are known.
    """
    if "[" not in text:
        return text

    def expand(m):
        if m.group(1) == "[" and m.group(6) == "]":
            return m.group(0)[1:-1]  # [[tag]] is how WordPress writes a literal [tag]
        name = m.group(2).lower()
        raw_attributes, self_closing, content = m.group(3), m.group(4), m.group(5)
        handler = _HANDLERS.get(name)
        if name in EMBED_SHORTCODES:
            handler = _embed_shortcode
        if name == "gallery":
            notes["shortcode [gallery]"] += 1
            return m.group(1) + _gallery(raw_attributes, gallery, notes) + m.group(6)
        if handler:
            notes[f"shortcode [{name}]"] += 1
            return (
                m.group(1)
                + handler(name, raw_attributes, content or "", notes)
                + m.group(6)
            )
        if content is not None:
            notes[f"shortcode [{name}] retiré (texte gardé)"] += 1
            return m.group(1) + do_shortcode(content, notes) + m.group(6)
        if self_closing or "=" in raw_attributes:
            notes[f"shortcode [{name}] retiré"] += 1
            return m.group(1) + m.group(6)
        return m.group(0)

    return SHORTCODE.sub(expand, text)


def _gallery(raw_attributes, gallery, notes):
    """A gallery → its images, each named by attachment id like the images
    WordPress inserts, for the body's image policy to resolve."""
    attributes = parse_attributes(raw_attributes)
    if gallery is not None:
        ids = gallery(attributes)
    else:
        listed = attributes.get("ids") or attributes.get("include") or ""
        ids = [int(i) for i in re.findall(r"[0-9]{1,12}", listed)]
    if not ids:
        notes["galerie sans image connue"] += 1
        return ""
    images = "".join(f'<img class="wp-image-{i}" data-id="{i}">' for i in ids)
    return f'<div class="gallery">{images}</div>'


def _caption(name, raw_attributes, content, notes):
    attributes = parse_attributes(raw_attributes)
    content = do_shortcode(content, notes)
    caption = attributes.get("caption", "")
    if not caption:
        # Since WordPress 3.4 the caption follows the image inside the shortcode.
        m = re.match(
            r"\s*((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", content, re.S | re.I
        )
        if m:
            content, caption = m.group(1), m.group(2).strip()
    return f"<figure>{content}<figcaption>{caption}</figcaption></figure>"


def _embed(name, raw_attributes, content, notes):
    url = content.strip() or parse_attributes(raw_attributes).get("src", "")
    return embeds.embed_html(url)


def _embed_shortcode(name, raw_attributes, content, notes):
    found = _URL.search(raw_attributes) or _URL.search(content)
    if found:
        return embeds.embed_html(found.group(0))
    attributes = parse_attributes(raw_attributes.lstrip("="))
    identifier = attributes.get("id") or attributes.get("0") or content.strip()
    template = EMBED_SHORTCODES.get(name)
    if template and identifier and re.fullmatch(r"[\w-]+", identifier):
        return embeds.embed_html(template.format(identifier))
    return ""


def _media(name, raw_attributes, content, notes):
    attributes = parse_attributes(raw_attributes)
    for key in ("src", "mp3", "m4a", "ogg", "wav", "mp4", "m4v", "webm", "ogv"):
        if url := attributes.get(key):
            return embeds.embed_html(url, kind=name)
    return ""


def _dropped(name, raw_attributes, content, notes):
    return ""


_HANDLERS = {
    "caption": _caption,
    "wp_caption": _caption,
    "embed": _embed,
    "audio": _media,
    "video": _media,
    "playlist": _dropped,
}
