"""Tables and preformatted text, kept as such.

A table keeps its caption, header cells and rows, with inline content in
its cells; every row gets as many cells as the widest one (a ragged table
is an HTML error). Layout attributes (``colspan``, styles) go: our tables
are simple. Library images found in a table or a ``<pre>`` follow it.

``<pre>`` keeps its text and line breaks verbatim; it is code
(``<pre><code>``) when WordPress marked it so (a code block, a
``[code]`` shortcode, a ``<code>`` inside), plain preformatted text
(poetry, ASCII art) otherwise.
"""

from importers.wordpress.paragraphs import inline, trimmed
from importers.wordpress.tree import (
    DROPPED_IMAGE,
    Node,
    contains,
    has_text,
    is_image,
)


def _elements(node, *tags):
    return [c for c in node.children if not isinstance(c, str) and c.tag in tags]


def _rows(node):
    """(row, in <thead>) for every row, in order."""
    for child in _elements(node, "tr", "thead", "tbody", "tfoot"):
        if child.tag == "tr":
            yield child, False
        else:
            for row in _elements(child, "tr"):
                yield row, child.tag == "thead"


def images_in(nodes):
    for node in nodes:
        if is_image(node):
            yield node
        elif not isinstance(node, str):
            yield from images_in(node.children)


def table(node, convert):
    """A table → [<table>, images found in it]; ``convert`` turns a node's
    children into ours."""
    caption = []
    for child in _elements(node, "caption"):
        caption = inline(convert(child))
    rows = []  # (is a header row, [(tag, content)])
    images = list(images_in(caption))
    for row, in_head in _rows(node):
        cells = []
        for cell in _elements(row, "td", "th"):
            content = inline(convert(cell))
            images += images_in(content)
            content = [c for c in content if not is_image(c)]
            cells.append((cell.tag, trimmed(Node(cell.tag, children=content))))
        if cells:
            header = in_head or all(tag == "th" for tag, _ in cells)
            rows.append((header, [c for _, c in cells]))
    all_cells = [cell for _, cells in rows for cell in cells]
    if not has_text(all_cells):
        # Nothing to read: the images it held, or the marker of those dropped.
        dropped = not images and contains(all_cells, DROPPED_IMAGE)
        return [*images, *([Node(DROPPED_IMAGE)] if dropped else [])]
    width = max(len(cells) for _, cells in rows)
    head, body = [], []
    for position, (header, cells) in enumerate(rows):
        cells += [Node("td") for _ in range(width - len(cells))]
        for cell in cells:
            if cell.tag == "th":
                # What the header cell names: its column in a header row,
                # else its row.
                cell.attrs = {"scope": "col" if header else "row"}
        # Only leading header rows make the <thead>; a header row further
        # down stays where it is.
        (head if header and not body and position == len(head) else body).append(
            Node("tr", children=cells)
        )
    children = []
    caption = [c for c in caption if not is_image(c)]
    if has_text(caption):
        children.append(trimmed(Node("caption", children=caption)))
    if head:
        children.append(Node("thead", children=head))
    if body:
        children.append(Node("tbody", children=body))
    return [Node("table", children=children), *images]


def _verbatim(nodes) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif node.tag == "br":
            parts.append("\n")
        elif node.tag != DROPPED_IMAGE and not is_image(node):
            parts.append(_verbatim(node.children))
    return "".join(parts)


def preformatted(node, content):
    """A ``<pre>`` (``content``: its children, converted) → [<pre>, images]."""
    text = _verbatim(content).strip("\n")
    images = list(images_in(content))
    if not text.strip():
        return images
    if contains(node.children, "code"):
        return [Node("pre", children=[Node("code", children=[text])]), *images]
    return [Node("pre", children=[text]), *images]
