"""Reshape WordPress HTML into what our article body can hold.

The body allow-list (``articles.sanitizer``) keeps paragraphs, two heading
levels, lists, quotes, links, inline emphasis and code, preformatted text and
simple tables. Sanitising alone would flatten the rest into loose text; this
module first rewrites it with intent: headings take their place in an outline
of ``h2`` and ``h3``, tables and ``<pre>`` are kept simple (``tables``), an
iframe or ``<video>`` becomes a link, empty paragraphs and wrapper ``<div>``s
disappear, invalid nesting is repaired (``repair``). An image becomes what the
``on_image`` hook makes of it: a reference to a library image
(``<figure data-image-id="…">``, see ``bodyimages``), which takes the caption
of its WordPress figure and is lifted out of paragraphs, links and lists to
stand as a block of its own; or nothing, and then its caption goes too, with
the empty shell around it.

It works on the small tree of ``tree``; ``paragraphs`` shapes loose content
into our blocks.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from importers.wordpress import embeds
from importers.wordpress.paragraphs import inline, kept, paragraphs
from importers.wordpress.repair import (
    LEVEL,
    heading_levels,
    list_items,
    orphan_items,
    without_shells,
)
from importers.wordpress.tables import preformatted, table
from importers.wordpress.tree import (
    DROPPED_IMAGE,
    HEADINGS,
    KEPT,
    RENAMED,
    Node,
    contains,
    is_image,
    parse,
    serialize,
)

# Containers whose loose text is gathered into paragraphs.
FLOW = {"#root", "blockquote"}


@dataclass
class Context:
    """What a conversion needs: notes for the report, and the image policy."""

    notes: Counter = field(default_factory=Counter)
    # Returns the nodes that replace an <img> (given its attributes): a
    # library-image reference, or nothing to drop it.
    on_image: Callable[[dict], list] | None = None


def normalize(html: str, context: Context) -> str:
    """WordPress HTML in, HTML made of our allow-listed elements out."""
    root = parse(html)
    nodes = heading_levels(_children(root, context, flow=True))
    return serialize(without_shells(nodes), block=True)


def _children(node, context, *, flow=False):
    out = []
    for child in node.children:
        out.extend(
            _transform(child, context) if not isinstance(child, str) else [child]
        )
    if flow:
        out = paragraphs(orphan_items(out))
    return out


def _transform(node, context):
    tag = RENAMED.get(node.tag, node.tag)
    if tag == "img":
        if context.on_image is None:
            context.notes["image dans le texte retirée"] += 1
        replacement = context.on_image(node.attrs) if context.on_image else []
        return replacement or [Node(DROPPED_IMAGE)]
    if tag in {"iframe", "video", "audio"}:
        src = node.attrs.get("src") or next(
            (
                c.attrs.get("src")
                for c in node.children
                if not isinstance(c, str) and c.tag == "source" and c.attrs.get("src")
            ),
            "",
        )
        if tag == "iframe" and not embeds.provider(src):
            context.notes["<iframe> retiré"] += 1  # ads, trackers, unknown widgets
            return []
        context.notes[
            f"<{tag}> remplacé par un lien" if src else f"<{tag}> retiré"
        ] += 1
        link = parse(embeds.embed_html(src, kind=tag)).children if src else []
        return inline(link)
    if tag in {"hr", "source", "track", "wbr"}:
        return []
    if tag == "table":
        context.notes["tableau"] += 1
        return table(node, lambda cell: _children(cell, context))
    if tag == "pre":
        context.notes["code ou texte préformaté"] += 1
        return preformatted(node, _children(node, context))
    if tag in HEADINGS:
        # Levels are set once the whole outline is known (heading_levels).
        return kept("h2", _children(node, context), {LEVEL: tag[1]})
    if tag == "dt":
        return kept("p", kept("strong", inline(_children(node, context))))
    if tag == "dd":
        return kept("p", inline(_children(node, context)))

    children = _children(node, context, flow=tag in FLOW)
    if tag == "a":
        href = node.attrs.get("href", "").strip()
        if not href or href.startswith("#"):
            return children  # in-page anchors lose their target ids anyway
        attrs = {"href": href}
        if node.attrs.get("title"):
            attrs["title"] = node.attrs["title"]
        return kept("a", children, attrs)
    if tag == "figure":
        return _figure(children)
    if tag in {"ul", "ol"}:
        return kept(tag, list_items(children))
    if tag in KEPT:
        return kept(tag, children)
    return children  # a wrapper (div, span, section…): its content stays


def _figure(children):
    images = [c for c in children if is_image(c)]
    if images:
        return _captioned(images, children)
    if not contains(children, DROPPED_IMAGE):
        if not contains(children, "figcaption"):
            return paragraphs(children)  # a bare wrapper
        return kept("figure", children)
    # The image is gone: its caption would describe nothing. The marker tells
    # an enclosing figure (a gallery) that its caption goes too.
    rest = [c for c in children if isinstance(c, str) or c.tag != "figcaption"]
    return [*paragraphs(rest), Node(DROPPED_IMAGE)]


def _captioned(images, children):
    """A WordPress figure (image block, [caption], gallery) around library
    images: its caption goes to its one image, or after a gallery's images
    (even if only one of them is left) as a paragraph; other loose content
    comes first."""
    captions = [c for c in children if not isinstance(c, str) and c.tag == "figcaption"]
    rest = [
        c
        for c in children
        if not is_image(c) and (isinstance(c, str) or c.tag != "figcaption")
    ]
    out = paragraphs(rest)
    caption = captions[-1] if captions else None
    single = len(images) == 1 and not contains(children, DROPPED_IMAGE)
    if caption is not None and single and not images[0].children:
        images[0].children = [caption]
        caption = None
    out += images
    if caption is not None:
        out += kept("p", caption.children)
    return out
