"""Loose content → our blocks: runs of inline content gathered into
paragraphs, empty blocks dropped, library images lifted out of the blocks
around them to stand on their own, blocks flattened into inline content."""

from importers.wordpress.tree import (
    DROPPED_IMAGE,
    INLINE,
    Node,
    contains,
    has_text,
    is_image,
)


def paragraphs(nodes):
    """Gather runs of loose inline content into paragraphs; drop blank text."""
    out, run = [], []

    def flush():
        if has_text(run):
            out.append(trimmed(Node("p", children=list(run))))
        run.clear()

    for node in nodes:
        if isinstance(node, str) or node.tag in INLINE or node.tag == DROPPED_IMAGE:
            run.append(node)
        else:
            flush()
            out.append(node)
    flush()
    return out


def trimmed(node):
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


def kept(tag, children, attrs=None):
    """A node of ours, or nothing if it would be empty (but still the marker
    of a dropped image, which an enclosing figure needs to see). Library
    images inside it are lifted out: the node is split around them."""
    if any(is_image(c) for c in children):
        return lifted(tag, children, attrs)
    if tag in {"p", "h2", "h3", "li", "figcaption", "ul", "ol", "blockquote", "figure"}:
        if not has_text(children):
            return [Node(DROPPED_IMAGE)] if contains(children, DROPPED_IMAGE) else []
        if tag in {"ul", "ol", "blockquote", "figure"}:
            children = [c for c in children if not isinstance(c, str) or c.strip()]
            return [Node(tag, attrs, children)]
        if tag == "p" and any(
            not isinstance(c, str) and c.tag not in INLINE and c.tag != DROPPED_IMAGE
            for c in children
        ):
            return paragraphs(children)  # a block that wpautop had wrapped
        return [trimmed(Node(tag, attrs, children))]
    if tag in INLINE and tag != "br" and not has_text(children):
        return [c for c in children if not isinstance(c, str)]
    return [Node(tag, attrs, children)]


def lifted(tag, children, attrs):
    out, run = [], []
    for child in [*children, None]:
        if child is None or is_image(child):
            # The run now ends (or starts) at a block: blank edges go.
            if child is not None and run and isinstance(run[-1], str):
                run[-1] = run[-1].rstrip()
            if run:
                out += kept(tag, run, attrs)
            run = []
            if child is not None:
                out.append(child)
        elif not run and out and isinstance(child, str):
            run.append(child.lstrip())
        else:
            run.append(child)
    return out


def inline(nodes):
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
            out.extend(inline(node.children))
    return out
