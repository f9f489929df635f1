from django.http import HttpResponsePermanentRedirect

from articles.models import Article
from website import gone

# WordPress short links (``/?p=123``, ``/?page_id=4``) land on the home page.
LEGACY_QUERY_KEYS = ("p", "page_id")


class ArticleRedirectMiddleware:
    """Send old article addresses (a previous slug, an imported WordPress
    permalink) to the article's current URL with a 301, and WordPress short
    links that match no article to the home page. An old address of an
    article in the trash answers 410, as its own address does.

    Paths are looked up only when the site would answer 404, so normal pages
    pay nothing; WordPress short links are looked up on the home page only.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._legacy_key(request) if request.path == "/" else None
        if key:
            # An unknown short link goes to the home page's own address: the
            # page cache then keeps one home page, not one per ``?p=``.
            target = self._target(f"/?{key}={request.GET[key]}")
            return HttpResponsePermanentRedirect(target or "/")
        response = self.get_response(request)
        if response.status_code == 404:
            if target := self._target(request.path):
                return HttpResponsePermanentRedirect(target)
            if gone.old_path_is_gone(request.path):
                return gone.gone_response(request)
        return response

    @staticmethod
    def _legacy_key(request):
        return next((k for k in LEGACY_QUERY_KEYS if request.GET.get(k)), None)

    @staticmethod
    def _target(old_path):
        article = (
            Article.objects.published()
            .filter(redirects__old_path=old_path[:500])
            .select_related("section")
            .first()
        )
        return article.get_absolute_url() if article else None
