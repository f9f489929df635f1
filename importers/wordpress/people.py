"""WordPress authors → our authors and an article's byline."""

from django.utils.text import slugify

from articles.models import Article, ArticleAuthor, Author
from importers.wordpress.content import plain_text
from importers.wordpress.reader import Item
from importers.wordpress.runcache import RunCache


def author_slug(login: str) -> str:
    """The author's URL slug from their WordPress login (« jean.dupont » →
    « jean-dupont »; an e-mail login keeps its part before the @)."""
    local = login.split("@", 1)[0]
    return slugify(local.replace(".", "-").replace("_", "-"))[:150]


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

    def authors(self, item: Item) -> list[Author]:
        """The post's authors in byline order, found or created."""
        authors = []
        for login, name in _people(item):
            author = self._author(login, name)
            if author and author not in authors:
                authors.append(author)
        return authors

    def _author(self, login: str, name: str) -> Author | None:
        slug = author_slug(login)
        if not slug:
            return None
        key = ("author", slug)
        if author := self.cache.get(key):
            return author
        author = Author.objects.filter(slug=slug).first()
        if author:
            return self.cache.keep(key, author)
        known = self.authors_by_login.get(login)
        display = (
            (plain_text(known.display_name) if known else "")
            or plain_text(name)
            or login
        )
        return self.cache.stage(
            key,
            Author.objects.create(
                name=display[:150],
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
