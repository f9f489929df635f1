"""A post's old WordPress addresses → redirects to its article."""

from urllib.parse import parse_qs, unquote, urlsplit

from articles.models import Article, ArticleRedirect
from importers.wordpress.reader import Item


def old_paths(item: Item) -> list[str]:
    """The short link (``/?p=<id>``) and the permalink, if it is not one."""
    paths = [f"/?p={item.post_id}"]
    parts = urlsplit(item.link)
    query = parse_qs(parts.query)
    if parts.path not in {"", "/"} and not query.get("p"):
        # Django matches request.path, which is percent-decoded.
        path = unquote(parts.path)
        paths.append(path + (f"?{parts.query}" if parts.query else ""))
    return [p[:500] for p in paths]


def keep_old_addresses(article: Article, item: Item) -> bool:
    """Make the post's old addresses lead to ``article``; whether that
    changed anything."""
    paths = old_paths(item)
    existing = ArticleRedirect.objects.filter(old_path__in=paths)
    found = {redirect.old_path: redirect for redirect in existing}
    moved = [r for r in found.values() if r.article_id != article.pk]
    for redirect in moved:
        redirect.article = article
        redirect.save(update_fields=["article"])
    missing = [p for p in paths if p not in found]
    ArticleRedirect.objects.bulk_create(
        ArticleRedirect(old_path=p, article=article) for p in missing
    )
    return bool(moved or missing)
