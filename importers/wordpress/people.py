"""WordPress authors → our authors and an article's byline.

An author's address is made from the name readers see, never from the
WordPress login: a login is an account name, and publishing it helps
whoever tries to break into the old site.
"""

from django.utils.text import slugify

from articles.models import Article, ArticleAuthor, Author
from importers.wordpress.content import plain_text
from importers.wordpress.reader import Item
from importers.wordpress.runcache import RunCache

# Whoever signs a post the export says nothing about.
ANONYMOUS = "Rédaction"


def _people(item: Item) -> list[tuple[str, str]]:
    """(login, name) of whoever signs the post."""
    coauthors = [t for t in item.terms if t.domain == "author" and t.nicename]
    if coauthors:  # Co-Authors Plus, as Newspack uses it
        return [(t.nicename.removeprefix("cap-"), t.name) for t in coauthors]
    login = item.get("dc:creator").strip()
    return [(login, "")] if login else []


class People:
    """The export's authors, and ours made from them."""

    def __init__(self, channel, cache: RunCache):
        self.authors_by_login = channel.authors
        self.cache = cache
        # Which login took which address in this run: two people with the
        # same name get two addresses (« -2 »), in the order they appear,
        # so a re-import finds each again.
        self.logins_by_slug: dict[str, str] = {}

    def authors(self, item: Item) -> list[Author]:
        """The post's authors in byline order, found or created."""
        authors = []
        for login, name in _people(item):
            author = self._author(login, name)
            if author and author not in authors:
                authors.append(author)
        return authors

    def display_name(self, login: str, name: str) -> str:
        known = self.authors_by_login.get(login)
        full_name = f"{known.first_name} {known.last_name}" if known else ""
        return (
            (plain_text(known.display_name) if known else "")
            or plain_text(name)
            or plain_text(full_name)
            or ANONYMOUS
        )[:150]

    def _slug(self, login: str, display: str) -> str:
        base = slugify(display)[:140] or slugify(ANONYMOUS)
        for number in range(1, 1000):
            slug = base if number == 1 else f"{base}-{number}"
            if self.logins_by_slug.setdefault(slug, login) == login:
                return slug
        return ""

    def _author(self, login: str, name: str) -> Author | None:
        if not login:
            return None
        key = ("author", login)
        if author := self.cache.get(key):
            return author
        display = self.display_name(login, name)
        slug = self._slug(login, display)
        author = Author.objects.filter(slug=slug).first()
        if author:
            return self.cache.keep(key, author)
        known = self.authors_by_login.get(login)
        return self.cache.stage(
            key,
            Author.objects.create(
                name=display,
                slug=slug,
                bio=plain_text(known.description) if known else "",
            ),
        )


def set_bylines(article: Article, authors: list[Author], *, created: bool) -> bool:
    """Sign ``article`` by ``authors``, in order; whether that changed anything."""
    current = (
        [] if created else list(article.bylines.values_list("author_id", flat=True))
    )
    if current == [a.pk for a in authors]:
        return False
    article.bylines.all().delete()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=author, position=position)
        for position, author in enumerate(authors)
    )
    return True
