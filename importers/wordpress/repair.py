"""Invalid nesting from WordPress repaired, so a body is valid HTML5.

Browsers forgive what editors and plugins leave behind; the HTML checker
does not. A list holds only items: loose text and ``<br>`` in it become an
item, a ``<p>`` becomes an item, a list directly in a list moves into the
item before it. Headings follow each other without skipping a level below
the page's ``<h1>`` (the title): the first is an ``<h2>``, a deeper one is
an ``<h3>``. What a dropped image leaves behind (an empty paragraph, link or
figure, line breaks on both sides of where it was) goes.
"""

from importers.wordpress.paragraphs import trimmed
from importers.wordpress.tree import DROPPED_IMAGE, INLINE, Node, has_text, is_image

# The heading level a WordPress heading had (1 to 6), while the body is
# being converted; see ``heading_levels``.
LEVEL = "data-wp-level"
LISTS = {"ul", "ol"}
# Elements with nothing to show when they hold no text (and no image).
_EMPTY_WITHOUT_TEXT = {"p", "li", "h2", "h3", "figcaption", "caption", "blockquote"}
_EMPTY_WITHOUT_TEXT |= LISTS | (INLINE - {"br"})


def list_items(children):
    """The children of a list, as list items only."""
    out, run = [], []

    def flush():
        if has_text(run):
            out.append(trimmed(Node("li", children=list(run))))
        run.clear()

    for child in children:
        if isinstance(child, str) or child.tag in INLINE or child.tag == DROPPED_IMAGE:
            run.append(child)
            continue
        flush()
        if child.tag == "li" or is_image(child):
            out.append(child)  # an image is lifted out of the list later
        elif child.tag in LISTS and out and out[-1].tag == "li":
            out[-1].children.append(child)
        elif child.tag == "p":
            out.append(Node("li", children=child.children))
        else:
            out.append(Node("li", children=[child]))
    flush()
    return out


def orphan_items(nodes):
    """List items found outside a list are gathered into one."""
    out, group = [], None
    for node in nodes:
        if not isinstance(node, str) and node.tag == "li":
            if group is None:
                group = Node("ul")
                out.append(group)
            group.children.append(node)
            continue
        if not isinstance(node, str) or node.strip():
            group = None
        out.append(node)
    return out


def heading_levels(nodes, stack=None):
    """Give every heading its level in the body's outline: ``h2`` for a
    heading at the top, ``h3`` below one (our two levels)."""
    stack = [] if stack is None else stack
    for node in nodes:
        if isinstance(node, str):
            continue
        if LEVEL in node.attrs:
            level = int(node.attrs.pop(LEVEL))
            while stack and stack[-1] >= level:
                stack.pop()
            node.tag = "h3" if stack else "h2"
            stack.append(level)
        heading_levels(node.children, stack)
    return nodes


def _blank(node) -> bool:
    if isinstance(node, str):
        return not node.strip()
    return node.tag == DROPPED_IMAGE


def _close_gaps(children):
    """Line breaks on both sides of a dropped image: one is enough."""
    out = []
    for child in children:
        if not isinstance(child, str) and child.tag == "br":
            back = len(out)
            while back and _blank(out[back - 1]):
                back -= 1
            gap = out[back:]
            if (
                back
                and not isinstance(out[back - 1], str)
                and out[back - 1].tag == "br"
                and any(not isinstance(n, str) for n in gap)
            ):
                continue
        out.append(child)
    return out


def without_shells(nodes):
    """``nodes`` without the empty elements a dropped image leaves. An
    element removed for that reason leaves the marker of the dropped image,
    for the element around it to close the gap."""
    out = []
    for node in nodes:
        if isinstance(node, str) or node.tag in {"br", DROPPED_IMAGE}:
            out.append(node)
            continue
        if is_image(node):
            out.append(node)
            continue
        children = _close_gaps(without_shells(node.children))
        had_marker = any(
            not isinstance(c, str) and c.tag == DROPPED_IMAGE for c in children
        )
        node.children = [
            c for c in children if isinstance(c, str) or c.tag != DROPPED_IMAGE
        ]
        if had_marker and node.tag in {"p", "li", "h2", "h3", "figcaption"}:
            trimmed(node)
        empty = not has_text(node.children) and not any(
            is_image(c) for c in node.children
        )
        if empty and (node.tag in _EMPTY_WITHOUT_TEXT or node.tag == "figure"):
            if had_marker:
                out.append(Node(DROPPED_IMAGE))
            continue
        out.append(node)
    return out
