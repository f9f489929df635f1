"""An offline check of an article body against the HTML5 content models of
the elements a body may hold (the rules the Nu checker applies to them),
and against the empty shells a dropped image used to leave."""

from html.parser import HTMLParser

PHRASING = {"a", "strong", "b", "em", "i", "u", "s", "sup", "sub", "cite", "code", "br"}
ONLY_PHRASING = {"p", "h2", "h3", "pre", "caption"}
CHILDREN = {
    "ul": {"li"},
    "ol": {"li"},
    "table": {"caption", "thead", "tbody"},
    "thead": {"tr"},
    "tbody": {"tr"},
    "tr": {"th", "td"},
}
PARENTS = {"li": {"ul", "ol"}, "tr": {"thead", "tbody"}, "caption": {"table"}}
VOID = {"br"}
NEVER_EMPTY = {"p", "li", "h2", "h3", "a", "figcaption", "caption", "pre", "ul", "ol"}


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # [tag, attrs, has text, children tags]
        self.errors = []
        self.headings = []
        self.rows = {}

    def handle_starttag(self, tag, attrs):
        if self.stack:
            parent = self.stack[-1]
            parent[3].append(tag)
            if parent[0] in ONLY_PHRASING and tag not in PHRASING:
                self.errors.append(f"<{tag}> dans <{parent[0]}>")
            if parent[0] in CHILDREN and tag not in CHILDREN[parent[0]]:
                self.errors.append(f"<{tag}> directement dans <{parent[0]}>")
            if tag == "a" and any(entry[0] == "a" for entry in self.stack):
                self.errors.append("<a> dans <a>")
        if tag in PARENTS and (not self.stack or self.stack[-1][0] not in PARENTS[tag]):
            self.errors.append(f"<{tag}> hors de {sorted(PARENTS[tag])}")
        if tag in {"h2", "h3"}:
            self.headings.append(tag)
        if tag not in VOID:
            self.stack.append([tag, dict(attrs), False, []])

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> mal imbriqué")
            return
        name, attrs, has_text, children = self.stack.pop()
        if name in NEVER_EMPTY and not has_text:
            self.errors.append(f"<{name}> vide")
        if name == "figure" and "data-image-id" not in attrs and not has_text:
            self.errors.append("<figure> vide")
        if name == "tr":
            tables = [id(entry) for entry in self.stack if entry[0] == "table"]
            self.rows.setdefault(tables[-1] if tables else 0, set()).add(len(children))
        if has_text and self.stack:
            self.stack[-1][2] = True

    def handle_data(self, data):
        if data.strip() and self.stack:
            self.stack[-1][2] = True
            parent = self.stack[-1][0]
            if parent in CHILDREN:
                self.errors.append(f"texte directement dans <{parent}>")


def body_errors(body: str) -> list[str]:
    """What is wrong with ``body`` (nothing, for a valid one)."""
    checker = _Checker()
    checker.feed(body)
    checker.close()
    errors = checker.errors
    if checker.stack:
        errors.append(f"<{checker.stack[-1][0]}> jamais fermé")
    levels = checker.headings
    if levels and levels[0] != "h2":
        errors.append("premier intertitre en <h3>")
    if any(len(widths) > 1 for widths in checker.rows.values()):
        errors.append("lignes de tableau de largeurs différentes")
    for shell in ("<p><br>", "<br></p>", "<p></p>", "<a></a>", "<figure></figure>"):
        if shell in body:
            errors.append(f"coquille vide {shell}")
    return errors
