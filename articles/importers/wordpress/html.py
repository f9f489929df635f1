"""Reshape WordPress HTML into what our article body can hold.

The body allow-list (``articles.sanitizer``) keeps paragraphs, two heading
levels, lists, quotes, links and inline emphasis. Sanitising alone would
flatten the rest into loose text; this module first rewrites it with intent:
``h1`` and ``h4`` to ``h6`` become ``h2``/``h3``, a table becomes one paragraph per
row, ``<pre>`` keeps its line breaks, an iframe or ``<video>`` becomes a link,
empty paragraphs and wrapper ``<div>``s disappear. An image becomes what the
``on_image`` hook makes of it: a reference to a library image
(``<figure data-image-id="…">``, see ``bodyimages``), which takes the caption
of its WordPress figure and is lifted out of paragraphs, links and lists to
stand as a block of its own; or nothing, and then its caption goes too.

It works on a small tree built from HTML that nh3 (a browser-grade parser)
has already made well-formed, with scripts, styles and forms removed along
with their content. Serialising escapes every text and attribute value.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

import nh3

from articles.importers.wordpress import embeds

VOID = {"br", "img", "hr", "source", "wbr", "track"}
INLINE = {"a", "strong", "b", "em", "i", "u", "s", "sup", "sub", "cite", "br"}
KEPT = {"p", "h2", "h3", "ul", "ol", "li", "blockquote", "figure", "figcaption"}
KEPT |= INLINE
RENAMED = {
    "h1": "h2",
    "h4": "h3",
    "h5": "h3",
    "h6": "h3",
    "del": "s",
    "strike": "s",
    "ins": "u",
}
# Containers whose loose text is gathered into paragraphs.
FLOW = {"#root", "blockquote"}
DROPPED_IMAGE = "#dropped-image"
IMAGE_ID = "data-image-id"

_PRE_CLEANER = nh3.Cleaner(
    tags=KEPT
    | RENAMED.keys()
    | VOID
    | {
        "h2",
        "h3",
        "img",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "pre",
        "code",
        "dl",
        "dt",
        "dd",
        "iframe",
        "video",
        "audio",
        "div",
        "span",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "main",
        "center",
        "font",
        "q",
        "abbr",
        "mark",
        "small",
        "big",
        "kbd",
        "samp",
        "var",
        "tt",
        "time",
        "address",
        "details",
        "summary",
    },
    clean_content_tags={
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "object",
        "embed",
        "form",
        "select",
        "textarea",
        "button",
        "canvas",
        "title",
        "head",
    },
    attributes={
        "a": {"href", "title"},
        "img": {"src", "alt", "title", "class", "data-id"},
        "iframe": {"src", "title"},
        "video": {"src"},
        "audio": {"src"},
        "source": {"src"},
    },
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
    strip_comments=True,
)


class Node:
    __slots__ = ("attrs", "children", "tag")

    def __init__(self, tag, attrs=None, children=None):
        self.tag = tag
        self.attrs = attrs or {}
        self.children = children if children is not None else []


@dataclass
class Context:
    """What a conversion needs: notes for the report, and the image policy."""

    notes: Counter = field(default_factory=Counter)
    # Returns the nodes that replace an <img> (given its attributes): a
    # library-image reference, or nothing to drop it.
    on_image: Callable[[dict], list] | None = None


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(_PRE_CLEANER.clean(html))
    builder.close()
    return builder.root


def normalize(html: str, context: Context) -> str:
    """WordPress HTML in, HTML made of our allow-listed elements out."""
    root = parse(html)
    return serialize(_children(root, context, flow=True), block=True)


def is_image(node) -> bool:
    """Whether ``node`` is a library-image reference."""
    return not isinstance(node, str) and node.tag == "figure" and IMAGE_ID in node.attrs


def text_of(nodes) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif node.tag != DROPPED_IMAGE and not is_image(node):
            parts.append(text_of(node.children))
    return "".join(parts)


def _has_text(nodes) -> bool:
    return bool(text_of(nodes).strip())


def _contains(nodes, tag) -> bool:
    return any(
        not isinstance(n, str) and (n.tag == tag or _contains(n.children, tag))
        for n in nodes
    )


def _children(node, context, *, flow=False):
    out = []
    for child in node.children:
        out.extend(
            _transform(child, context) if not isinstance(child, str) else [child]
        )
    if flow:
        out = _paragraphs(out)
    return out


def _paragraphs(nodes):
    """Gather runs of loose inline content into paragraphs; drop blank text."""
    out, run = [], []

    def flush():
        if _has_text(run):
            out.append(_trimmed(Node("p", children=list(run))))
        run.clear()

    for node in nodes:
        if isinstance(node, str) or node.tag in INLINE or node.tag == DROPPED_IMAGE:
            run.append(node)
        else:
            flush()
            out.append(node)
    flush()
    return out


def _trimmed(node):
    """Strip blank text and <br> at both ends of a paragraph-like node."""
    children = node.children
    while children and (
        (isinstance(children[0], str) and not children[0].strip())
        or (not isinstance(children[0], str) and children[0].tag == "br")
    ):
        children.pop(0)
    while children and (
        (isinstance(children[-1], str) and not children[-1].strip())
        or (not isinstance(children[-1], str) and children[-1].tag == "br")
    ):
        children.pop()
    if children and isinstance(children[0], str):
        children[0] = children[0].lstrip()
    if children and isinstance(children[-1], str):
        children[-1] = children[-1].rstrip()
    return node


def _kept(tag, children, attrs=None):
    """A node of ours, or nothing if it would be empty (but still the marker
    of a dropped image, which an enclosing figure needs to see). Library
    images inside it are lifted out: the node is split around them."""
    if any(is_image(c) for c in children):
        return _lifted(tag, children, attrs)
    if tag in {"p", "h2", "h3", "li", "figcaption", "ul", "ol", "blockquote", "figure"}:
        if not _has_text(children):
            return [Node(DROPPED_IMAGE)] if _contains(children, DROPPED_IMAGE) else []
        if tag in {"ul", "ol", "blockquote", "figure"}:
            children = [c for c in children if not isinstance(c, str) or c.strip()]
            return [Node(tag, attrs, children)]
        if tag == "p" and any(
            not isinstance(c, str) and c.tag not in INLINE and c.tag != DROPPED_IMAGE
            for c in children
        ):
            return _paragraphs(children)  # a block that wpautop had wrapped
        return [_trimmed(Node(tag, attrs, children))]
    if tag in INLINE and tag != "br" and not _has_text(children):
        return [c for c in children if not isinstance(c, str)]
    return [Node(tag, attrs, children)]


def _lifted(tag, children, attrs):
    out, run = [], []
    for child in [*children, None]:
        if child is None or is_image(child):
            # The run now ends (or starts) at a block: blank edges go.
            if child is not None and run and isinstance(run[-1], str):
                run[-1] = run[-1].rstrip()
            if run:
                out += _kept(tag, run, attrs)
            run = []
            if child is not None:
                out.append(child)
        elif not run and out and isinstance(child, str):
            run.append(child.lstrip())
        else:
            run.append(child)
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
        return _inline(link)
    if tag in {"hr", "source", "track", "wbr"}:
        return []
    if tag == "table":
        context.notes["tableau mis en paragraphes"] += 1
        return _table(node, context)
    if tag == "pre":
        return _pre(node, context)
    if tag == "dt":
        return _kept("p", _kept("strong", _inline(_children(node, context))))
    if tag == "dd":
        return _kept("p", _inline(_children(node, context)))

    children = _children(node, context, flow=tag in FLOW)
    if tag == "a":
        href = node.attrs.get("href", "").strip()
        if not href or href.startswith("#"):
            return children  # in-page anchors lose their target ids anyway
        attrs = {"href": href}
        if node.attrs.get("title"):
            attrs["title"] = node.attrs["title"]
        return _kept("a", children, attrs)
    if tag == "figure":
        return _figure(children)
    if tag in KEPT:
        return _kept(tag, children)
    return children  # a wrapper (div, span, section…): its content stays


def _figure(children):
    images = [c for c in children if is_image(c)]
    if images:
        return _captioned(images, children)
    if not _contains(children, DROPPED_IMAGE):
        if not _contains(children, "figcaption"):
            return _paragraphs(children)  # a bare wrapper
        return _kept("figure", children)
    # The image is gone: its caption would describe nothing. The marker tells
    # an enclosing figure (a gallery) that its caption goes too.
    rest = [c for c in children if isinstance(c, str) or c.tag != "figcaption"]
    return [*_paragraphs(rest), Node(DROPPED_IMAGE)]


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
    out = _paragraphs(rest)
    caption = captions[-1] if captions else None
    single = len(images) == 1 and not _contains(children, DROPPED_IMAGE)
    if caption is not None and single and not images[0].children:
        images[0].children = [caption]
        caption = None
    out += images
    if caption is not None:
        out += _kept("p", caption.children)
    return out


def _inline(nodes):
    """Flatten block content into inline content (for table cells, dt/dd);
    library images stay whole, to be lifted out of the paragraph."""
    out = []
    for node in nodes:
        if (
            isinstance(node, str)
            or node.tag in INLINE
            or node.tag == DROPPED_IMAGE
            or is_image(node)
        ):
            out.append(node)
        else:
            if out:
                out.append(" ")
            out.extend(_inline(node.children))
    return out


def _rows(node):
    for child in node.children:
        if isinstance(child, str):
            continue
        if child.tag == "tr":
            yield child
        elif child.tag in {"thead", "tbody", "tfoot"}:
            yield from _rows(child)


def _table(node, context):
    out = []
    for child in node.children:
        if not isinstance(child, str) and child.tag == "caption":
            caption = _inline(_children(child, context))
            out += _kept("p", _kept("strong", caption))
    for row in _rows(node):
        cells = []
        for cell in row.children:
            if isinstance(cell, str) or cell.tag not in {"td", "th"}:
                continue
            content = _inline(_children(cell, context))
            if not _has_text(content) and not any(is_image(c) for c in content):
                continue
            if cell.tag == "th":
                content = _kept("strong", content)
            if _has_text(cells) and _has_text(content):
                cells.append(" | ")
            cells.extend(content)
        out += _kept("p", cells)
    return out


def _images_in(nodes):
    for node in nodes:
        if is_image(node):
            yield node
        elif not isinstance(node, str):
            yield from _images_in(node.children)


def _pre(node, context):
    context.notes["texte préformaté"] += 1
    content = _children(node, context)
    lines = text_of(content).strip("\n").split("\n")
    children = []
    for i, line in enumerate(lines):
        if i:
            children.append(Node("br"))
        children.append(line)
    return [*_kept("p", children), *_images_in(content)]


def _attributes(attrs) -> str:
    return "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())


def serialize(nodes, *, block=False) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(escape(node, quote=False))
        elif node.tag == DROPPED_IMAGE:
            continue
        elif node.tag in VOID:
            parts.append(f"<{node.tag}{_attributes(node.attrs)}>")
        else:
            inner = serialize(node.children, block=node.tag in {"ul", "ol"})
            parts.append(f"<{node.tag}{_attributes(node.attrs)}>{inner}</{node.tag}>")
    return ("\n" if block else "").join(parts)
