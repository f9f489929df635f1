from django.urls import path

from website import feeds, gone, lists, live, live_syndication, views

app_name = "website"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("recherche/", views.SearchView.as_view(), name="search"),
    path("rss/", feeds.ArticleFeed(), name="feed"),
    path("articles/<int:pk>/", gone.ArticleShortLinkView.as_view(), name="short"),
    path("auteurs/<slug:slug>/", lists.AuthorView.as_view(), name="author"),
    path("auteurs/<slug:slug>/rss/", feeds.AuthorFeed(), name="author_feed"),
    # Tag slugs may keep accents (« énergie »): taggit's default.
    path("mots-cles/<str:slug>/", lists.TagView.as_view(), name="tag"),
    path("mots-cles/<str:slug>/rss/", feeds.TagFeed(), name="tag_feed"),
    path("<slug:slug>/", lists.SectionView.as_view(), name="section"),
    path("<slug:slug>/rss/", feeds.SectionFeed(), name="section_feed"),
    path(
        "<slug:section>/<int:year>/<str:month>/<str:day>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
    path(
        "<slug:section>/<int:year>/<str:month>/<str:day>/<slug:slug>/direct.json",
        live.LiveUpdatesView.as_view(),
        name="live_updates",
    ),
    path(
        "<slug:section>/<int:year>/<str:month>/<str:day>/<slug:slug>/direct/rss/",
        live_syndication.LiveEntriesFeed(),
        name="live_feed",
    ),
]
