"""Block-editor content: ``<!-- wp:paragraph -->…<!-- /wp:paragraph -->``.

The parsing follows WordPress's ``WP_Block_Parser``: block comments delimit
blocks (possibly nested, possibly void ``<!-- wp:x /-->``); HTML outside any
block is "freeform" (classic) content. Rendering keeps each static block's
saved HTML, turns embeds into links, renders footnotes from the post meta, and
drops what only a live WordPress can draw (latest posts, navigation, query
loops, site title…).
"""

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from importers.wordpress import embeds
from importers.wordpress.autop import wpautop

BLOCK_COMMENT = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<namespace>[a-z][a-z0-9_-]*/)?"
    r"(?P<name>[a-z][a-z0-9_-]*)\s+"
    r"(?P<attrs>\{(?:(?:[^}]+|\}+(?=\})|(?!\}\s+/?-->).)*+)?\}\s+)?"
    r"(?P<void>/)?-->",
    re.DOTALL,
)
_FIGCAPTION = re.compile(r"<figcaption[^>]*>(.*?)</figcaption>", re.DOTALL)
_WRAPPER_URL = re.compile(r"https?://[^\s<>\"]+")

# Blocks with nothing to keep: layout, pagination, or drawn from the live site.
SKIPPED = {
    "core/more",
    "core/nextpage",
    "core/spacer",
    "core/separator",
    "core/block",
    "core/pattern",
    "core/template-part",
}


@dataclass
class Block:
    name: str | None  # None: freeform HTML between blocks
    attrs: dict = field(default_factory=dict)
    content: list = field(default_factory=list)  # strings and Blocks, in order


def has_blocks(text: str) -> bool:
    return "<!-- wp:" in text


def parse_blocks(document: str) -> list[Block]:
    root = Block(name="#root")
    stack = [root]
    position = 0

    def add_html(html):
        if not html:
            return
        parent = stack[-1]
        if parent is root:
            if parent.content and parent.content[-1].name is None:
                parent.content[-1].content.append(html)
            else:
                parent.content.append(Block(name=None, content=[html]))
        else:
            parent.content.append(html)

    for m in BLOCK_COMMENT.finditer(document):
        add_html(document[position : m.start()])
        position = m.end()
        name = (m.group("namespace") or "core/") + m.group("name")
        try:
            attrs = json.loads(m.group("attrs")) if m.group("attrs") else {}
        except ValueError:
            attrs = {}
        if not isinstance(attrs, dict):
            attrs = {}
        if m.group("void"):
            stack[-1].content.append(Block(name=name, attrs=attrs))
        elif m.group("closer"):
            # Close the matching open block (and any left unclosed inside it).
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].name == name:
                    del stack[depth:]
                    break
        else:
            block = Block(name=name, attrs=attrs)
            stack[-1].content.append(block)
            stack.append(block)
    add_html(document[position:])
    return root.content


@dataclass
class RenderContext:
    notes: Counter
    meta: dict
    classic: object  # callable(html) -> html, for freeform content


def render_blocks(blocks: list[Block], context: RenderContext) -> str:
    return "".join(_render(block, context) for block in blocks)


def _inner(block, context):
    return "".join(
        part if isinstance(part, str) else _render(part, context)
        for part in block.content
    )


def _render(block: Block, context: RenderContext) -> str:
    name = block.name
    if name is None or name == "core/freeform":
        html = _inner(block, context)
        return context.classic(html) if html.strip() else ""
    if name in SKIPPED:
        if name == "core/block":
            context.notes["bloc réutilisable non repris"] += 1
        return ""
    if name == "core/embed" or name.startswith("core-embed/"):
        return _embed(block, context)
    if name == "core/shortcode":
        return wpautop(_inner(block, context))
    if name == "core/footnotes":
        return _footnotes(context)
    html = _inner(block, context)
    if not block.content:
        # A void block with no saved HTML is drawn by the live site only.
        context.notes["bloc dynamique ignoré"] += 1
    return html


def _embed(block, context):
    html = _inner(block, context)
    url = str(block.attrs.get("url", "")).strip()
    if not url and (found := _WRAPPER_URL.search(_FIGCAPTION.sub("", html))):
        url = found.group(0)
    caption = _FIGCAPTION.search(html)
    context.notes["intégration remplacée par un lien"] += 1
    return embeds.embed_html(url, caption=caption.group(1) if caption else "")


def _footnotes(context):
    try:
        notes = json.loads(context.meta.get("footnotes", "") or "[]")
    except ValueError:
        return ""
    items = [
        f"<li>{note['content']}</li>"
        for note in notes
        if isinstance(note, dict) and note.get("content")
    ]
    return f"<ol>{''.join(items)}</ol>" if items else ""
