"""A small HTML tree: WordPress HTML parsed (after nh3, a browser-grade
parser, has made it well-formed and removed scripts, styles and forms with
their content), looked into, and written back out. Serialising escapes
every text and attribute value."""

from html import escape
from html.parser import HTMLParser

import nh3

VOID = {"br", "img", "hr", "source", "wbr", "track"}
INLINE = {"a", "strong", "b", "em", "i", "u", "s", "sup", "sub", "cite", "code", "br"}
KEPT = {"p", "h2", "h3", "ul", "ol", "li", "blockquote", "figure", "figcaption"}
KEPT |= INLINE
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
RENAMED = {
    "tt": "code",
    "kbd": "code",
    "samp": "code",
    "del": "s",
    "strike": "s",
    "ins": "u",
}
DROPPED_IMAGE = "#dropped-image"
IMAGE_ID = "data-image-id"

_PRE_CLEANER = nh3.Cleaner(
    tags=KEPT
    | HEADINGS
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


def has_text(nodes) -> bool:
    return bool(text_of(nodes).strip())


def contains(nodes, tag) -> bool:
    return any(
        not isinstance(n, str) and (n.tag == tag or contains(n.children, tag))
        for n in nodes
    )


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
