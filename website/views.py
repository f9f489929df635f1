"""Reader pages. Views choose the articles, the template and the metadata;
what "published" means and how rows are fetched live on ArticleQuerySet.
The lists (rubrique, author, tag) are in ``website.lists``; deleted
articles' addresses and the short link in ``website.gone``."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.views.generic import DetailView, ListView, TemplateView

from articles.models import Article
from core.formats import iso_datetime
from core.links import cached_reverse
from images.body import render_body
from website import cards, gone, live, live_cache, live_syndication, queries, seo
from website.context_processors import active_sections
from website.front_page import front_page
from website.search import SearchForm, search_articles

PAGE_SIZE = 20
FEATURED_COUNT = 5
LATEST_COUNT = 10
PER_SECTION = 4
RELATED_COUNT = 4


class PageMetaMixin:
    """Adds ``meta`` (title, description, canonical URL, social card),
    ``structured_data`` (JSON-LD), ``breadcrumbs`` and ``feeds`` to the context."""

    def get_meta(self):
        raise NotImplementedError

    def get_breadcrumbs(self):
        """(name, path) pairs after « Accueil »; none by default."""
        return []

    def get_structured_data(self, breadcrumbs):
        return [seo.breadcrumbs(breadcrumbs)] if len(breadcrumbs) > 1 else []

    def get_feeds(self):
        """This page's own RSS feeds as (title, path); the site feed is always there."""
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        crumbs = [("Accueil", cached_reverse("website:home")), *self.get_breadcrumbs()]
        context.update(
            meta=self.get_meta(),
            breadcrumbs=crumbs,
            structured_data=self.get_structured_data(crumbs),
            feeds=self.get_feeds(),
        )
        return context


class HomeView(PageMetaMixin, TemplateView):
    template_name = "articles/home.html"
    # The page cache's key keeps only these (newsday/pagecache.py): WordPress
    # short links, which ArticleRedirectMiddleware answers with a redirect.
    page_cache_params = ("p", "page_id")

    def get_context_data(self, **kwargs):
        sections = active_sections(self.request)
        front = front_page(
            [section.pk for section in sections],
            featured=FEATURED_COUNT,
            latest=LATEST_COUNT,
            per_section=PER_SECTION,
        )
        featured, latest = front.featured, front.latest
        if not featured:
            featured, latest = latest[:1], latest[1:]
        blocks = {section.pk: [] for section in sections}
        for article in front.by_section:
            blocks[article.section_id].append(article)
        return super().get_context_data(
            breaking=front.breaking,
            lead=featured[0] if featured else None,
            featured=featured[1:],
            latest=latest,
            section_blocks=[(s, blocks[s.pk]) for s in sections if blocks[s.pk]],
            **kwargs,
        )

    def get_meta(self):
        return seo.PageMeta(
            title="",
            description="L’actualité en France et dans le monde : politique, économie, "
            "international, société, culture et sport, vérifiée par notre rédaction.",
            path=cached_reverse("website:home"),
        )

    def get_structured_data(self, breadcrumbs):
        return [seo.website()]


class ArticleDetailView(PageMetaMixin, DetailView):
    """An article page. Everything its template needs is built here, in
    ``get_context_data``.

    To show an article that is not published (a preview), subclass it:
    override ``get_object`` (e.g. ``queries.with_lists(...).get(pk=...)``), set
    ``redirect_to_canonical = False`` and add the headers you need. Related
    suggestions always come from published articles only.
    """

    template_name = "articles/detail.html"
    live_template_name = "live/detail.html"
    context_object_name = "article"
    redirect_to_canonical = True
    # A live's « Entrées précédentes » (website/live.py).
    page_cache_params = ("avant",)
    # Retired with a live's entries (website/live_cache.py).
    page_cache_scope = live_cache.PAGE_CACHE_SCOPE
    live_page = None

    def get_object(self, queryset=None):
        article = queries.live_article(self.kwargs["slug"])
        if article is None:
            raise Http404("Aucun article publié à cette adresse.")
        return article

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            # Deleted (in the trash, or emptied since): 410, not 404.
            if gone.slug_is_gone(self.kwargs["slug"]):
                return gone.gone_response(request)
            raise
        canonical = self.object.get_absolute_url()
        if self.redirect_to_canonical and request.path != canonical:
            return redirect(canonical, permanent=True)
        response = self.render_to_response(self.get_context_data(object=self.object))
        if self.live_page is not None:
            live_cache.limit_edge_lifetime(
                response, running=self.live_page.coverage.is_running
            )
        return response

    def get_template_names(self):
        if self.object.format == Article.Format.LIVE:
            return [self.live_template_name]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        article = self.object
        if article.format == Article.Format.LIVE:
            self.live_page = kwargs["live"] = live.live_page(
                article, before=self.request.GET.get("avant")
            )
        parts = queries.Parts.of(article)
        bylines = parts.bylines
        images = queries.page_images(article)
        self.tags = parts.tags
        self.corrections = parts.corrections
        links, suggestions = queries.read_also(
            article, tag_ids=[tag.pk for tag in self.tags], limit=RELATED_COUNT
        )
        self.authors = [byline.author for byline in bylines]
        return super().get_context_data(
            bylines=bylines,
            tags=self.tags,
            corrections=self.corrections,
            related_links=links,
            suggestions=suggestions,
            body=render_body(article.body, images=images),
            canonical_url=seo.absolute(article.get_absolute_url()),
            short_url=seo.absolute(cached_reverse("website:short", article.pk)),
            **kwargs,
        )

    def get_meta(self):
        article = self.object
        return seo.PageMeta(
            **seo.article_texts(article),
            path=article.get_absolute_url(),
            type="article",
            image=seo.article_share_image(article),
            language=article.language,
            extra={
                "article:published_time": iso_datetime(article.publish_at),
                "article:modified_time": iso_datetime(article.updated_at),
                "article:section": article.section.name,
            },
        )

    def get_breadcrumbs(self):
        article = self.object
        return [
            (article.section.name, article.section.get_absolute_url()),
            # Whole: engines show the name as given (the trail on the page
            # shortens it, includes/breadcrumbs.html).
            (article.title, article.get_absolute_url()),
        ]

    def get_structured_data(self, breadcrumbs):
        if self.live_page is not None:
            main = live_syndication.live_blog_posting(
                self.object, self.live_page, authors=self.authors, tags=self.tags
            )
        else:
            main = seo.news_article(
                self.object,
                authors=self.authors,
                tags=self.tags,
                corrections=self.corrections,
            )
        return [main, seo.breadcrumbs(breadcrumbs)]

    def get_feeds(self):
        section = self.object.section
        feeds = [
            (
                f"{section.name} — flux RSS",
                cached_reverse("website:section_feed", section.slug),
            )
        ]
        if self.live_page is not None:
            feeds.insert(
                0,
                (
                    "Ce direct — flux RSS",
                    self.object.get_absolute_url() + "direct/rss/",
                ),
            )
        return feeds


class SearchView(PageMetaMixin, ListView):
    """``/recherche/?q=…``. A query the form refuses (too long, NUL bytes)
    answers 400 with the reason in French; an empty one shows the form."""

    template_name = "articles/search.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    page_cache_params = ("page", "q")

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.query = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        response = super().get(request, *args, **kwargs)
        if self.form.errors:
            response.status_code = 400
        elif self.query and not response.context_data["object_list"]:
            # Words that find nothing are what a flood of random queries
            # sends: such a page is not a page of the site, so no cache keeps it.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def get_queryset(self):
        if not self.query:
            return Article.objects.none()
        return search_articles(
            Article.objects.published().for_cards().with_due_versions(), self.query
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, query=self.query, **kwargs)
        for article in context["object_list"]:
            cards.show_due_version(article)
        return context

    def get_meta(self):
        return seo.PageMeta(
            title=f"Recherche « {self.query} »" if self.query else "Recherche",
            description="Rechercher dans les articles publiés.",
            path=cached_reverse("website:search"),
            noindex=True,
        )

    def get_breadcrumbs(self):
        return [("Recherche", cached_reverse("website:search"))]
