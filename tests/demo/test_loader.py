"""What ``load_demo`` creates, and running it again."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Correction,
    RelatedLink,
    Section,
)
from articles.services.checks import publication_problems
from demo import content
from demo.loader import load_demo, publication_time, typeset
from tests.demo.conftest import NOW

NBSP = "\u00a0"
Status = Article.Status


def snapshot():
    models = (
        Section,
        Author,
        Article,
        ArticleAuthor,
        RelatedLink,
        Correction,
        Tag,
        TaggedItem,
        get_user_model(),
    )
    return {m._meta.label: list(m.objects.order_by("pk").values()) for m in models}


class TestWhatTheLoaderCreates:
    def test_loader_creates_six_sections_in_menu_order(self, demo):
        assert list(Section.objects.values_list("name", flat=True)) == [
            "International",
            "Politique",
            "Économie",
            "Société",
            "Culture",
            "Sport",
        ]

    def test_every_demo_section_has_a_description(self, demo):
        assert not Section.objects.filter(description="").exists()

    def test_loader_creates_a_handful_of_authors_with_roles_and_bios(self, demo):
        assert 6 <= Author.objects.count() <= 8
        assert not Author.objects.filter(role="").exists()
        assert not Author.objects.filter(bio="").exists()

    def test_loader_creates_twenty_four_articles(self, demo):
        assert Article.objects.count() == 25  # 24 articles and the live
        assert demo.articles.created == 24

    def test_loader_creates_most_articles_published(self, demo):
        assert Article.objects.filter(status=Status.PUBLISHED).count() >= 12

    def test_at_least_three_demo_articles_are_scheduled_within_two_days(self, demo):
        scheduled = Article.objects.filter(status=Status.SCHEDULED)
        assert scheduled.count() >= 3
        assert all(
            NOW < a.publish_at <= NOW + dt.timedelta(days=2, hours=12)
            for a in scheduled
        )

    def test_scheduled_demo_articles_are_not_visible_to_readers(self, demo):
        assert not Article.objects.published().filter(status=Status.SCHEDULED).exists()

    def test_scheduled_demo_articles_go_live_at_their_time(self, demo, clock):
        last = Article.objects.filter(status=Status.SCHEDULED).latest("publish_at")
        clock.move_to(last.publish_at, tick=False)
        assert (
            Article.objects.published().count()
            == Article.objects.filter(status__in=Status.visible()).count()
        )

    def test_at_least_three_demo_articles_are_drafts_or_in_review(self, demo):
        unfinished = Article.objects.filter(status__in=[Status.DRAFT, Status.REVIEW])
        assert unfinished.count() >= 3
        assert {a.status for a in unfinished} == {Status.DRAFT, Status.REVIEW}

    def test_one_demo_article_is_unpublished_and_hidden_from_readers(self, demo):
        unpublished = Article.objects.get(status=Status.UNPUBLISHED)
        assert unpublished not in Article.objects.published()

    def test_published_demo_articles_span_the_last_ten_days(self, demo):
        dates = [a.publish_at for a in Article.objects.published()]
        assert min(dates) >= NOW - dt.timedelta(days=10)
        assert max(dates) - min(dates) >= dt.timedelta(days=7)

    def test_published_demo_articles_record_their_first_publication(self, demo):
        for article in Article.objects.published():
            assert article.first_published_at == article.publish_at

    def test_demo_has_one_breaking_article_live_within_the_hour(self, demo):
        breaking = Article.objects.published().get(is_breaking=True)
        assert breaking.publish_at >= NOW - dt.timedelta(hours=1)

    def test_demo_has_a_few_featured_articles_visible_to_readers(self, demo):
        assert 3 <= Article.objects.published().filter(is_featured=True).count() <= 6

    def test_one_demo_article_carries_a_rectificatif(self, demo):
        correction = Correction.objects.get()
        assert correction.kind == Correction.Kind.CORRECTION
        assert correction.article in Article.objects.published()
        assert correction.article.publish_at < correction.created_at <= NOW

    def test_some_demo_articles_name_their_source(self, demo):
        assert Article.objects.filter(sources="Avec AFP").count() >= 2

    def test_co_signed_demo_articles_keep_their_byline_order(self, demo):
        co_signed = [spec for spec in content.ARTICLES if len(spec.authors) > 1]
        assert len(co_signed) >= 3
        for spec in co_signed:
            bylines = Article.objects.get(slug=spec.slug).bylines.order_by("position")
            assert [b.author.slug for b in bylines] == list(spec.authors)

    def test_every_demo_article_has_three_to_six_tags(self, demo):
        for article in Article.objects.all():
            assert 3 <= article.tags.count() <= 6, article.slug

    def test_demo_related_links_point_to_demo_articles_and_external_pages(self, demo):
        assert RelatedLink.objects.filter(target__isnull=False).count() >= 10
        assert RelatedLink.objects.filter(target__isnull=True).count() >= 2

    def test_related_articles_of_published_demo_articles_are_visible_to_readers(
        self, demo
    ):
        published = Article.objects.published()
        links = RelatedLink.objects.filter(article__in=published, target__isnull=False)
        assert set(links.values_list("target", flat=True)) <= set(
            published.values_list("pk", flat=True)
        )

    def test_every_demo_article_has_a_hero_image_with_alt_caption_and_credit(
        self, demo
    ):
        for article in Article.objects.select_related("hero_image"):
            image = article.hero_image
            assert image.file.storage.exists(image.file.name)
            assert image.alt.startswith("Illustration abstraite")
            assert image.caption
            assert image.credit == f"Illustration{NBSP}: News Day FR"

    def test_demo_articles_pass_the_publication_checks(self, demo):
        for article in Article.objects.all():
            assert publication_problems(article) == [], article.slug

    def test_demo_articles_are_created_by_the_admin_account(self, demo):
        admin = get_user_model().objects.get(username="admin")
        assert set(Article.objects.values_list("created_by", flat=True)) == {admin.pk}

    def test_admin_account_is_a_superuser(self, demo):
        admin = get_user_model().objects.get(username="admin")
        assert admin.is_superuser
        assert admin.is_staff


class TestRunningItAgain:
    def test_second_run_creates_nothing(self, demo, clock):
        clock.shift(dt.timedelta(hours=3))
        again = load_demo()
        created = [
            again.sections.created,
            again.authors.created,
            again.articles.created,
        ]
        assert created == [0, 0, 0]

    def test_second_run_finds_everything_already_there(self, demo):
        again = load_demo()
        assert again.sections.existing == 6
        assert again.authors.existing == len(content.AUTHORS)
        assert again.articles.existing == 24

    def test_second_run_changes_nothing(self, demo, clock):
        before = snapshot()
        clock.shift(dt.timedelta(hours=3))
        load_demo(admin_password="un-autre-mot-de-passe")
        assert snapshot() == before

    def test_second_run_leaves_an_article_an_editor_renamed(self, demo):
        article = Article.objects.get(slug=content.ARTICLES[0].slug)
        article.slug = "un-nouveau-titre"
        article.save()
        load_demo()
        assert Article.objects.count() == 25  # 24 articles and the live
        assert Article.objects.get(pk=article.pk).slug == "un-nouveau-titre"


def test_reset_recreates_demo_articles_with_fresh_dates(fresh_demo, clock):
    clock.shift(dt.timedelta(days=3))
    report = load_demo(reset=True)
    assert report.articles_removed == 25  # with the live
    assert report.articles.created == 24
    breaking = Article.objects.get(is_breaking=True)
    assert breaking.publish_at >= NOW + dt.timedelta(days=3, hours=-1)


def test_reset_keeps_articles_that_are_not_demo_content(fresh_demo):
    Article.objects.create(
        title="Un vrai article",
        slug="un-vrai-article",
        section=Section.objects.first(),
    )
    load_demo(reset=True)
    assert Article.objects.filter(slug="un-vrai-article").exists()


def test_generated_passwords_differ_between_sites(db):
    first = load_demo().generated_password
    get_user_model().objects.all().delete()
    assert load_demo().generated_password != first


# The newsroom accounts


def test_demo_has_a_journalist_and_an_editor_account(db):
    load_demo(admin_password="Rédaction-2031")
    users = get_user_model().objects
    journalist, editor = (
        users.get(username="journaliste"),
        users.get(username="editeur"),
    )
    assert list(journalist.groups.values_list("name", flat=True)) == ["Journaliste"]
    assert list(editor.groups.values_list("name", flat=True)) == ["Éditeur"]
    assert journalist.check_password("Rédaction-2031")
    assert not journalist.is_superuser


def test_demo_journalist_signs_as_a_demo_author(db):
    load_demo()
    assert (
        get_user_model().objects.get(username="journaliste").author.slug
        == "camille-roussel"
    )


def test_demo_journalist_sees_the_articles_they_sign_in_the_admin(db, client):
    load_demo(admin_password="Rédaction-2031")
    client.login(username="journaliste", password="Rédaction-2031")
    response = client.get("/admin/articles/article/")
    assert response.status_code == 200
    shown = {article.pk for article in response.context["cl"].result_list}
    signed = set(
        Article.objects.filter(authors__slug="camille-roussel").values_list(
            "pk", flat=True
        )
    )
    assert shown == signed


# Helpers


def test_typeset_puts_no_break_spaces_inside_guillemets_and_before_colons():
    assert (
        typeset("Il a dit : « oui » ?") == f"Il a dit{NBSP}: «{NBSP}oui{NBSP}»{NBSP}?"
    )


def test_typeset_groups_thousands_and_binds_percent_signs():
    assert typeset("20 000 produits, 0,6 %") == f"20{NBSP}000 produits, 0,6{NBSP}%"


def test_typeset_leaves_markup_alone():
    html = '<a href="https://example.fr/?q=1" title="Voir : ici">lien</a> : fin'
    assert typeset(html) == (
        f'<a href="https://example.fr/?q=1" title="Voir : ici">lien</a>{NBSP}: fin'
    )


@pytest.mark.parametrize("hour", range(24))
def test_publication_times_are_daytime_and_stay_on_their_side_of_now(hour):
    now = timezone.make_aware(dt.datetime(2026, 3, 2, hour, 10))
    for spec in content.ARTICLES:
        if spec.publish_offset_hours is None:
            continue
        at = publication_time(
            now=now, offset_hours=spec.publish_offset_hours, slug=spec.slug
        )
        assert 7 <= timezone.localtime(at).hour <= 22
        assert (at > now) == (spec.publish_offset_hours > 0)


def test_the_demo_has_a_running_live_with_about_thirty_entries(demo, client):
    from live.models import LiveEntry

    live = Article.objects.get(format=Article.Format.LIVE)
    assert live.live.is_running
    assert len(live.live.summary_points) >= 3
    assert 25 <= LiveEntry.objects.published().filter(article=live).count() <= 35
    assert LiveEntry.objects.filter(
        article=live, publish_at__gt=timezone.now()
    ).exists()
    assert "En direct" in client.get(live.get_absolute_url()).text
