"""The reader site's lists: a rubrique, an author, a tag. Each is a page of
published articles (``ArticleListView``), numbered without counting."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import ListView
from taggit.models import Tag

from articles.models import Article, Author
from core.links import cached_reverse
from website import cards, seo
from website.context_processors import active_sections
from website.pagination import UncountedPaginator
from website.views import PAGE_SIZE, PageMetaMixin

# Lists that show how many articles they hold stop counting past this.
COUNT_LIMIT = 100


class ArticleListView(PageMetaMixin, ListView):
    """A paginated list of published articles that belong to ``self.object``.

    Pages are numbered without counting the list (``UncountedPaginator``), so
    a page costs the same on any archive. An out-of-range, negative or
    non-numeric ``?page=`` answers 404 (Django's ListView does that for us).
    With ``counted``, the context has ``article_count``, counted up to
    ``COUNT_LIMIT`` + 1 (a number above ``article_count_limit`` means « more »).
    """

    paginate_by = PAGE_SIZE
    paginator_class = UncountedPaginator
    context_object_name = "articles"
    counted = False
    page_cache_params = ("page",)

    def get_object(self):
        raise NotImplementedError

    @staticmethod
    def list_filter(articles, key):
        """The live ``articles`` of the list whose id is ``key``."""
        raise NotImplementedError

    def get_queryset(self):
        self.object = self.get_object()
        return cards.CompiledList(self.list_filter, self.object.pk)

    def get_context_data(self, **kwargs):
        if self.counted:
            articles = self.list_filter(Article.objects.published(), self.object.pk)
            kwargs.update(
                article_count=articles.count_up_to(COUNT_LIMIT),
                article_count_limit=COUNT_LIMIT,
            )
        return super().get_context_data(object=self.object, **kwargs)

    def page_path(self):
        page = self.request.GET.get("page")
        return self.request.path + (f"?page={page}" if page and page != "1" else "")

    def get_breadcrumbs(self):
        return [(str(self.object), self.object.get_absolute_url())]


class SectionView(ArticleListView):
    template_name = "articles/section.html"

    def get_object(self):
        for section in active_sections(self.request):
            if section.slug == self.kwargs["slug"]:
                return section
        raise Http404("Rubrique introuvable")

    @staticmethod
    def list_filter(articles, key):
        return articles.filter(section=key)

    def get_meta(self):
        section = self.object
        return seo.PageMeta(
            title=section.name,
            description=section.description
            or f"Toute l’actualité de la rubrique {section.name}.",
            path=self.page_path(),
        )

    def get_feeds(self):
        return [
            (
                f"{self.object.name} — flux RSS",
                cached_reverse("website:section_feed", self.object.slug),
            )
        ]


class AuthorView(ArticleListView):
    template_name = "articles/author.html"
    counted = True

    def get_object(self):
        return get_object_or_404(Author, slug=self.kwargs["slug"])

    @staticmethod
    def list_filter(articles, key):
        return articles.filter(authors=key)

    def get_meta(self):
        author = self.object
        return seo.PageMeta(
            title=author.name,
            description=author.bio
            or f"Les articles de {author.name}, {author.role or 'journaliste'}.",
            path=self.page_path(),
            type="profile",
        )

    def get_structured_data(self, breadcrumbs):
        return [
            seo.profile_page(self.object),
            *super().get_structured_data(breadcrumbs),
        ]

    def get_feeds(self):
        return [
            (
                f"{self.object.name} — flux RSS",
                cached_reverse("website:author_feed", self.object.slug),
            )
        ]


class TagView(ArticleListView):
    template_name = "articles/tag.html"
    counted = True
    allow_empty = False

    def get_object(self):
        return get_object_or_404(Tag, slug=self.kwargs["slug"])

    @staticmethod
    def list_filter(articles, key):
        return articles.tagged(key)

    def get_meta(self):
        return seo.PageMeta(
            title=f"« {self.object.name} »",
            description=f"Nos articles sur le thème « {self.object.name} ».",
            path=self.page_path(),
        )

    def get_breadcrumbs(self):
        return [(self.object.name, cached_reverse("website:tag", self.object.slug))]

    def get_feeds(self):
        return [
            (
                f"« {self.object.name} » — flux RSS",
                cached_reverse("website:tag_feed", self.object.slug),
            )
        ]
