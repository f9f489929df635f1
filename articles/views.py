from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from articles.models import Article, Author, Section

PAGE_SIZE = 20


class HomeView(ListView):
    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().select_related("section")[:PAGE_SIZE]


class ArticleListView(ListView):
    """A paginated list of published articles filtered by ``self.object``."""

    paginate_by = PAGE_SIZE
    context_object_name = "articles"

    def get_object(self):
        raise NotImplementedError

    def filter_articles(self, articles):
        raise NotImplementedError

    def get_queryset(self):
        self.object = self.get_object()
        return self.filter_articles(Article.objects.published()).select_related(
            "section"
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)


class SectionView(ArticleListView):
    template_name = "articles/section.html"

    def get_object(self):
        return get_object_or_404(Section, slug=self.kwargs["slug"], is_active=True)

    def filter_articles(self, articles):
        return articles.filter(section=self.object)


class AuthorView(ArticleListView):
    template_name = "articles/author.html"

    def get_object(self):
        return get_object_or_404(Author, slug=self.kwargs["slug"])

    def filter_articles(self, articles):
        return articles.filter(authors=self.object)


class TagView(ArticleListView):
    template_name = "articles/tag.html"

    def get_object(self):
        return get_object_or_404(Tag, slug=self.kwargs["slug"])

    def filter_articles(self, articles):
        return articles.filter(tags=self.object)


class ArticleDetailView(DetailView):
    template_name = "articles/detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().select_related("section").with_hero_image()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if request.path != self.object.get_absolute_url():
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))
