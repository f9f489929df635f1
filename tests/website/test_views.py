import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction
from tests.factories import (
    make_article,
    make_author,
    make_correction,
    make_image,
    make_related_link,
    make_section,
)
from website import queries

pytestmark = pytest.mark.django_db


# Home


def test_home_shows_featured_article_under_a_la_une(client):
    make_article(title="Une annonce majeure", is_featured=True)
    html = client.get("/").content.decode()
    assert "À la une" in html
    assert "Une annonce majeure" in html


def test_home_shows_a_block_per_active_section(client):
    section = make_section(name="Culture", slug="culture")
    for _ in range(20):
        make_article()
    make_article(
        section=section,
        title="Un festival",
        publish_at=timezone.now() - dt.timedelta(days=3),
    )
    html = client.get("/").content.decode()
    assert 'id="rubrique-culture"' in html
    assert "Un festival" in html


def test_home_shows_each_article_once_when_none_is_featured(client):
    section = make_section(name="Culture", slug="culture")
    for age in range(12):
        make_article(
            section=section, publish_at=timezone.now() - dt.timedelta(hours=age)
        )
    context = client.get("/").context_data
    shown = [context["lead"], *context["featured"], *context["latest"]]
    shown += [article for _, block in context["section_blocks"] for article in block]
    assert len(shown) == 12
    assert len({article.pk for article in shown}) == 12


def test_home_queries_do_not_grow_with_the_sections(client):
    for n in range(8):
        make_article(section=make_section(name=f"Rubrique {n}", slug=f"rubrique-{n}"))
    client.get("/")  # the menu and the compiled queries
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    # On PostgreSQL the sections' query also sets its plan in a transaction
    # of its own (website/compiled.py): statements that read no rows.
    reads = [q for q in queries if q["sql"].startswith(("SELECT", "(SELECT"))]
    reads = [q for q in reads if "plan_cache_mode" not in q["sql"]]
    assert len(reads) <= 5


def test_home_has_no_block_for_an_inactive_section(client):
    section = make_section(name="Archives", slug="archives", is_active=False)
    make_article(section=section)
    assert 'id="rubrique-archives"' not in client.get("/").content.decode()


def test_home_shows_breaking_banner_for_a_breaking_article(client):
    make_article(title="Séisme au large", is_breaking=True)
    html = client.get("/").content.decode()
    assert 'class="breaking"' in html
    assert "Alerte info" in html


BANNER_FROM = dt.datetime(2026, 11, 15, 6, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("hours_later", "shown"), [(0, True), (5.99, True), (6, False), (30, False)]
)
def test_breaking_banner_stays_six_hours_after_publication(client, hours_later, shown):
    make_article(title="Séisme au large", is_breaking=True, publish_at=BANNER_FROM)
    with time_machine.travel(BANNER_FROM + dt.timedelta(hours=hours_later), tick=False):
        html = client.get("/").content.decode()
    assert ('class="breaking"' in html) is shown
    # Still on the home page as an article, banner or not.
    assert "Séisme au large" in html


def test_breaking_banner_hours_are_a_setting(client, settings):
    settings.BREAKING_NEWS_HOURS = 1
    make_article(is_breaking=True, publish_at=BANNER_FROM)
    with time_machine.travel(BANNER_FROM + dt.timedelta(minutes=61), tick=False):
        assert 'class="breaking"' not in client.get("/").content.decode()


def test_the_banner_shows_the_newest_alert_within_the_hours(client):
    make_article(title="Première alerte", is_breaking=True, publish_at=BANNER_FROM)
    make_article(
        title="Seconde alerte",
        is_breaking=True,
        publish_at=BANNER_FROM + dt.timedelta(hours=4),
    )
    with time_machine.travel(BANNER_FROM + dt.timedelta(hours=7), tick=False):
        html = client.get("/").content.decode()
    banner = html.split('class="breaking"')[1].split("</p>")[0]
    assert "Seconde alerte" in banner


def test_home_has_no_breaking_banner_without_breaking_article(client):
    make_article()
    assert 'class="breaking"' not in client.get("/").content.decode()


def test_home_renders_with_no_article_at_all(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Aucun article publié" in response.content.decode()


# Lists (their pages: test_pagination.py)


# The article page


def test_article_page_has_the_seed_anatomy(client, settings):
    settings.GOOGLE_NEWS_URL = "https://news.google.com/publications/exemple"
    author = make_author(name="Anne Martin", role="Correspondante")
    article = make_article(
        title="Soldats nord-coréens en Ukraine : l’ONU craint une escalade",
        standfirst="Le secrétaire général exprime sa vive inquiétude.",
        body="<h2>Des soldats aux portes</h2><p>Texte.</p><blockquote><p>« Cela »</p></blockquote>",
        sources="Avec AFP",
        authors=[author],
        tags=["ONU"],
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<h1 class="article-title" lang="fr">Soldats nord-coréens en Ukraine\u202f: l’ONU'
        in html
    )
    assert '<p class="standfirst" lang="fr">Le secrétaire général' in html
    assert "<h2>Des soldats aux portes</h2>" in html
    assert "<blockquote>" in html
    assert f'href="{author.get_absolute_url()}" rel="author">Anne Martin</a>' in html
    assert "Publié le" in html
    assert "Avec AFP" in html
    assert "Suivez-nous sur Google News" in html
    assert "min</span>" in html


def test_article_page_hides_google_news_link_when_not_configured(client, settings):
    settings.GOOGLE_NEWS_URL = ""
    article = make_article()
    assert "Google News" not in client.get(article.get_absolute_url()).content.decode()


def test_article_page_names_bylines_in_order(client):
    first, second, third = (
        make_author(name="Zoé"),
        make_author(name="Adam"),
        make_author(name="Marc"),
    )
    article = make_article(authors=[first, second, third])
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("Zoé") < html.index("Adam") < html.index("Marc")
    assert "</a>, <a" in html
    assert "</a> et <a" in html


def test_article_page_says_when_it_was_updated(client):
    published = timezone.now() - dt.timedelta(days=1)
    article = make_article(publish_at=published, updated_at=timezone.now())
    assert "Mis à jour le" in client.get(article.get_absolute_url()).content.decode()


def test_article_page_shows_corrections_with_their_date(client):
    article = make_article()
    make_correction(
        article,
        text="Le chiffre exact est 8 000.",
        created_at=timezone.make_aware(dt.datetime(2024, 11, 4, 10, 0)),
    )
    make_correction(
        article,
        kind=Correction.Kind.UPDATE,
        text="Réaction du Kremlin ajoutée.",
        created_at=timezone.make_aware(dt.datetime(2024, 11, 5, 10, 0)),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Rectificatif du 4 novembre 2024" in html
    assert "Mise à jour du 5 novembre 2024" in html
    assert html.index("Rectificatif du") < html.index("Mise à jour du")


def test_related_links_come_before_suggestions(client):
    section = make_section()
    article = make_article(section=section, tags=["Climat"])
    chosen = make_article(title="Choisi par la rédaction")
    make_related_link(article, target=chosen)
    make_article(section=section, title="Suggestion automatique", tags=["Climat"])
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("Choisi par la rédaction") < html.index("Suggestion automatique")


def test_suggestions_include_articles_sharing_a_tag_from_other_sections(client):
    article = make_article(tags=["Climat"])
    make_article(title="Même mot-clé ailleurs", tags=["Climat"])
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Même mot-clé ailleurs" in html


def test_suggestions_leave_out_unrelated_articles(client):
    article = make_article(tags=["Climat"])
    make_article(title="Sans rapport", tags=["Football"])
    assert "Sans rapport" not in client.get(article.get_absolute_url()).content.decode()


def test_suggestions_are_the_most_recent_first(client):
    section = make_section()
    article = make_article(section=section)
    now = timezone.now()
    make_article(
        section=section, title="Plus ancien", publish_at=now - dt.timedelta(days=2)
    )
    make_article(
        section=section, title="Plus récent", publish_at=now - dt.timedelta(hours=1)
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("Plus récent") < html.index("Plus ancien")


def test_external_related_link_is_shown_with_its_title(client):
    article = make_article()
    make_related_link(
        article, url="https://www.example.org/dossier", title="Le dossier complet"
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="https://www.example.org/dossier"' in html
    assert "Le dossier complet" in html


def test_share_links_carry_no_tracker_script(client):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "https://x.com/intent/post?" in html
    assert "<script src" not in html


def test_reader_pages_carry_no_csrf_token_or_user_name(admin_client):
    article = make_article()
    for url in ["/", article.get_absolute_url(), "/recherche/?q=article"]:
        html = admin_client.get(url).content.decode()
        assert "csrfmiddlewaretoken" not in html
        assert "admin@example.com" not in html


# URLs


def test_article_url_with_wrong_section_or_date_redirects_to_canonical(client):
    article = make_article()
    url = article.get_absolute_url().replace(article.section.slug, "autre", 1)
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_short_url_redirects_permanently_to_the_article(client):
    article = make_article()
    response = client.get(reverse("website:short", args=[article.pk]))
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_short_url_of_unknown_article_is_not_found(client):
    assert client.get("/articles/999999/").status_code == 404


# Error pages (the server error page: tests/newsday/test_errors.py)


def test_not_found_page_is_french_and_styled_like_the_site(client):
    response = client.get("/rubrique-inconnue/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Cette page est introuvable" in html
    assert 'class="site-header"' in html


# Query budgets: the same number of queries for 1 item as for 30.


def test_article_page_stays_within_five_queries_however_rich(count_queries, client):
    section = make_section()
    authors = [make_author() for _ in range(30)]
    article = make_article(
        section=section,
        authors=authors,
        tags=[f"Tag {n}" for n in range(30)],
        hero_image=make_image(),
        body="".join(
            f'<p>Paragraphe.</p><figure data-image-id="{make_image().pk}"></figure>'
            for _ in range(3)
        ),
    )
    for n in range(30):
        make_related_link(article)
        make_correction(article, text=f"Correction {n}")
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count("<picture") == 4
    assert count_queries(client, article.get_absolute_url()) <= 5


def test_article_page_queries_never_grow_with_related_content(count_queries, client):
    lean = make_article(authors=[make_author()], tags=["Un"])
    make_related_link(lean)
    make_correction(lean)
    rich = make_article(
        authors=[make_author() for _ in range(30)], tags=[f"T{n}" for n in range(30)]
    )
    for n in range(30):
        make_related_link(rich)
        make_correction(rich, text=f"Correction {n}")
    # Enough links of the editor's spare the suggestions query: never more.
    assert count_queries(client, rich.get_absolute_url()) <= count_queries(
        client, lean.get_absolute_url()
    )


def test_detail_view_subclass_can_render_an_unpublished_article(rf):
    """The contract the editorial preview relies on: change the queryset,
    skip the canonical redirect, keep the page and its context as they are."""
    from website.views import ArticleDetailView

    class PreviewView(ArticleDetailView):
        redirect_to_canonical = False

        def get_object(self, queryset=None):
            return queries.with_lists(
                Article.objects.select_related("section"), *queries.ALL_LISTS
            ).get(pk=self.kwargs["pk"])

        def get_meta(self):
            meta = super().get_meta()
            meta.noindex = True
            return meta

    draft = make_article(status="draft", publish_at=None, title="Brouillon en cours")
    make_article(section=draft.section, title="Déjà en ligne")
    request = rf.get("/preview/")
    request.active_sections = []
    response = PreviewView.as_view()(request, pk=draft.pk)
    html = response.render().content.decode()
    assert "Brouillon en cours" in html
    assert "noindex" in html
    assert "Déjà en ligne" in html


def test_an_english_article_keeps_its_english_punctuation(client):
    article = make_article(
        title="Brexit: the deal at last?",
        standfirst="London: talks end.",
        body="<p>It is done: finally!</p>",
        language="en",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Brexit: the deal at last?" in html
    assert "London: talks end." in html
    assert "It is done: finally!" in html


def test_the_article_page_shows_the_active_rubriques_in_menu_order(client):
    sport = make_section(name="Sport", slug="sport", position=2)
    make_section(name="Culture", slug="culture", position=1)
    make_section(name="Archives", slug="archives", is_active=False)
    article = make_article(section=sport)
    html = client.get(article.get_absolute_url()).content.decode()
    nav = html[html.index('class="sections-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert nav.index(">Culture<") < nav.index(">Sport<")
    assert "Archives" not in nav
