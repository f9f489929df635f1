import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, AuditEvent, Correction, ScheduledChange
from articles.services import article_send_back, preview_link_create
from tests.factories import make_article, make_editor, make_journalist, make_user
from tests.forms import form_data

pytestmark = pytest.mark.django_db

Status = Article.Status
T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))  # a Monday, 9:00 in Paris


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def editor():
    return make_editor(first_name="Anne", last_name="Martin")


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def superuser_client(client):
    client.force_login(make_user(is_superuser=True))
    return client


def test_every_workflow_page_loads_for_a_superuser(superuser_client, editor):
    article = make_article()
    link = preview_link_create(article=article, user=editor)
    superuser_client.get(change_url(article))  # stores revision 1
    urls = [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
        change_url(article),
        reverse("admin:articles_article_history", args=[article.pk]),
        reverse("admin:articles_article_compare", args=[article.pk]) + "?a=1&b=1",
        reverse("admin:articles_article_calendar"),
        reverse("admin:articles_article_calendar") + "?vue=jour",
        reverse("admin:articles_article_correct", args=[article.pk]),
        reverse("admin:articles_article_preview_links", args=[article.pk]),
        reverse("admin:articles_article_workflow", args=[article.pk, "depublier"]),
        reverse("admin:articles_auditevent_changelist"),
        reverse("preview:article", args=[article.pk]),
    ]
    assert {
        url: superuser_client.get(url).status_code for url in urls
    } == dict.fromkeys(urls, 200)
    assert link.is_active()


def test_journalist_sees_submit_on_their_draft(client):
    journalist = make_journalist()
    article = make_article(status=Status.DRAFT, publish_at=None, created_by=journalist)
    client.force_login(journalist)
    response = client.get(change_url(article))
    assert ">Soumettre</a>" in response.text
    assert "Publier maintenant" not in response.text


def test_editor_sees_schedule_and_publish_on_an_article_to_review(as_editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    response = as_editor.get(change_url(article))
    assert ">Programmer</a>" in response.text
    assert ">Publier maintenant</a>" in response.text
    assert ">Renvoyer au journaliste</a>" in response.text


def test_journalist_reads_why_their_article_was_sent_back(client, editor):
    journalist = make_journalist()
    article = make_article(status=Status.REVIEW, publish_at=None, created_by=journalist)
    article_send_back(
        article=article, user=editor, comment="Ajoutez la réaction du maire."
    )
    client.force_login(journalist)
    response = client.get(change_url(article))
    assert "Renvoyé par Anne Martin" in response.text
    assert "Ajoutez la réaction du maire." in response.text


def test_publication_problems_are_listed_on_the_edit_page(as_editor):
    article = make_article(status=Status.DRAFT, publish_at=None, body="")
    response = as_editor.get(change_url(article))
    assert "Le texte de l’article est vide." in response.text


# --- Bulk actions -------------------------------------------------------------------------


@time_machine.travel(T, tick=False)
def test_bulk_schedule_asks_for_the_date_then_schedules_each(as_editor):
    first, second = (
        make_article(status=Status.REVIEW, publish_at=None) for _ in range(2)
    )
    url = reverse("admin:articles_article_changelist")
    selection = {
        "action": "schedule_selected",
        "_selected_action": [first.pk, second.pk],
    }
    page = as_editor.post(url, selection)
    assert "Mettre en ligne le&nbsp;:" in page.text
    as_editor.post(url, selection | {"apply": "1", "publish_at": "2026-06-15T18:00"})
    first.refresh_from_db()
    second.refresh_from_db()
    expected = timezone.make_aware(dt.datetime(2026, 6, 15, 18, 0))
    assert (first.publish_at, second.publish_at) == (expected, expected)
    assert {first.status, second.status} == {Status.SCHEDULED}


def test_bulk_publish_publishes_what_it_can_and_names_what_it_cannot(as_editor):
    good = make_article(status=Status.REVIEW, publish_at=None)
    empty = make_article(
        status=Status.REVIEW, publish_at=None, body="", title="Sans texte"
    )
    response = as_editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [good.pk, empty.pk]},
        follow=True,
    )
    good.refresh_from_db()
    empty.refresh_from_db()
    assert (good.status, empty.status) == (Status.PUBLISHED, Status.REVIEW)
    assert "« Sans texte » : L’article ne peut pas être mis en ligne" in response.text


def test_bulk_send_back_requires_a_comment(as_editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    url = reverse("admin:articles_article_changelist")
    selection = {
        "action": "send_back_selected",
        "_selected_action": [article.pk],
        "apply": "1",
    }
    as_editor.post(url, selection | {"comment": ""})
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    as_editor.post(url, selection | {"comment": "Trop long"})
    article.refresh_from_db()
    assert article.status == Status.DRAFT


# --- Calendar -----------------------------------------------------------------------------


@time_machine.travel(T, tick=False)
def test_calendar_week_shows_scheduled_articles_on_their_paris_day(as_editor):
    make_article(
        status=Status.SCHEDULED,
        publish_at=timezone.make_aware(dt.datetime(2026, 6, 17, 7, 30)),
        title="Conseil des ministres",
    )
    response = as_editor.get(reverse("admin:articles_article_calendar"))
    columns = {c["date"]: c for c in response.context["columns"]}
    assert [e["article"].title for e in columns[dt.date(2026, 6, 17)]["entries"]] == [
        "Conseil des ministres"
    ]


@time_machine.travel(T, tick=False)
def test_calendar_writes_times_in_french(as_editor):
    make_article(
        status=Status.SCHEDULED,
        publish_at=timezone.make_aware(dt.datetime(2026, 6, 17, 7, 30)),
    )
    response = as_editor.get(reverse("admin:articles_article_calendar"))
    assert '<p class="entry-time">7\u00a0h\u00a030 · programmé</p>' in response.text


def test_calendar_day_view_on_the_spring_daylight_saving_day(as_editor):
    # 00:30 in Paris on 29 March is still 28 March in UTC.
    just_after_midnight = make_article(
        status=Status.SCHEDULED,
        publish_at=dt.datetime(2027, 3, 27, 23, 30, tzinfo=dt.UTC),
        title="Minuit et demie",
    )
    response = as_editor.get(
        reverse("admin:articles_article_calendar"),
        {"vue": "jour", "date": "2027-03-28"},
    )
    (column,) = response.context["columns"]
    assert [e["article"] for e in column["entries"]] == [just_after_midnight]
    assert column["entries"][0]["time"].hour == 0


@time_machine.travel(T, tick=False)
def test_calendar_reschedules_in_one_click(as_editor):
    article = make_article(
        status=Status.SCHEDULED, publish_at=T + dt.timedelta(hours=3), title="À décaler"
    )
    as_editor.post(
        reverse("admin:articles_article_reschedule", args=[article.pk]),
        {"publish_at": "2026-06-16T08:15"},
    )
    article.refresh_from_db()
    assert article.publish_at == timezone.make_aware(dt.datetime(2026, 6, 16, 8, 15))


@time_machine.travel(T, tick=False)
def test_calendar_refuses_to_reschedule_into_the_past(as_editor):
    article = make_article(
        status=Status.SCHEDULED, publish_at=T + dt.timedelta(hours=3)
    )
    response = as_editor.post(
        reverse("admin:articles_article_reschedule", args=[article.pk]),
        {"publish_at": "2026-06-14T08:15"},
        follow=True,
    )
    article.refresh_from_db()
    assert article.publish_at == T + dt.timedelta(hours=3)
    assert "Cette date est passée" in response.text


# --- Corrections -----------------------------------------------------------------------------


@time_machine.travel(T, tick=False)
def test_editor_appends_a_correction_through_the_admin(as_editor, editor):
    article = make_article(
        publish_at=T - dt.timedelta(days=1), first_published_at=T - dt.timedelta(days=1)
    )
    response = as_editor.post(
        reverse("admin:articles_article_correct", args=[article.pk]),
        {"kind": "correction", "text": "Le montant est de 3 millions, non 30."},
        follow=True,
    )
    article.refresh_from_db()
    correction = Correction.objects.get(article=article)
    assert (correction.created_by, correction.text) == (
        editor,
        "Le montant est de 3 millions, non 30.",
    )
    assert article.updated_at == T
    assert "Rectificatif du 15 juin 2026 ajouté." in response.text


# --- A new version of a live article, from the form ---------------------------------------------


def test_editor_schedules_changes_to_a_live_article_without_touching_it(as_editor):
    article = make_article(title="Version en ligne")
    data = form_data(as_editor.get(change_url(article))) | {
        "title": "Version de ce soir",
        "_schedule_change": "1",
        "changes_apply_at": "2099-06-15T20:00",
    }
    response = as_editor.post(change_url(article), data, follow=True)
    article.refresh_from_db()
    change = ScheduledChange.objects.get(article=article)
    assert article.title == "Version en ligne"
    assert change.content["title"] == "Version de ce soir"
    assert change.apply_at == timezone.make_aware(dt.datetime(2099, 6, 15, 20, 0))
    assert "Modifications programmées pour le 15 juin 2099 à 20" in response.text


def test_scheduling_changes_needs_a_date(as_editor):
    article = make_article(title="Version en ligne")
    data = form_data(as_editor.get(change_url(article))) | {
        "title": "Sans date",
        "_schedule_change": "1",
    }
    response = as_editor.post(change_url(article), data)
    assert "Indiquez quand mettre en ligne ces modifications." in response.text
    assert not ScheduledChange.objects.exists()


def test_editor_cancels_a_scheduled_change(as_editor):
    article = make_article(title="Version en ligne")
    data = form_data(as_editor.get(change_url(article))) | {
        "title": "Plus tard",
        "_schedule_change": "1",
        "changes_apply_at": "2099-06-15T20:00",
    }
    as_editor.post(change_url(article), data)
    change = ScheduledChange.objects.get()
    as_editor.post(
        reverse("admin:articles_article_scheduled_change", args=[article.pk, change.pk])
    )
    change.refresh_from_db()
    assert change.state == ScheduledChange.State.CANCELLED


# --- Audit log ----------------------------------------------------------------------------------


def test_audit_log_is_filterable_by_action(as_editor, editor):
    submitted = make_article(status=Status.REVIEW, publish_at=None, title="Soumis")
    published = make_article(
        status=Status.REVIEW, publish_at=None, title="Publié tout de suite"
    )
    as_editor.post(
        reverse("admin:articles_article_workflow", args=[published.pk, "publier"]), {}
    )
    AuditEvent.objects.create(
        article=submitted, article_title=submitted.title, action="submitted"
    )
    response = as_editor.get(
        reverse("admin:articles_auditevent_changelist"), {"action__exact": "published"}
    )
    assert "Publié tout de suite" in response.text
    assert ">Soumis<" not in response.text


def test_audit_log_cannot_be_edited(as_editor):
    article = make_article()
    event = AuditEvent.objects.create(
        article=article, article_title="x", action="edited"
    )
    response = as_editor.post(
        reverse("admin:articles_auditevent_change", args=[event.pk]),
        {"comment": "réécrit"},
    )
    event.refresh_from_db()
    assert response.status_code == 403
    assert event.comment == ""


def test_run_overdue_button_catches_up(as_editor):
    article = make_article(
        status=Status.SCHEDULED, publish_at=timezone.now() - dt.timedelta(hours=1)
    )
    as_editor.post(reverse("admin:articles_article_run_overdue"))
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


# --- Query budgets ----------------------------------------------------------------------------


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_article_list_queries_do_not_grow_with_the_number_of_articles(as_editor):
    from tests.factories import make_author

    url = reverse("admin:articles_article_changelist")
    make_article(authors=[make_author()], tags=["Un"])
    few = count_queries(as_editor, url)
    for _ in range(10):
        make_article(authors=[make_author(), make_author()], tags=["Deux"])
    assert count_queries(as_editor, url) <= few


def test_edit_page_query_budget(as_editor, django_assert_max_num_queries):
    article = make_article()
    as_editor.get(change_url(article))
    with django_assert_max_num_queries(30):
        as_editor.get(change_url(article))


def test_article_list_shows_hero_thumbnails_in_constant_queries(as_editor):
    from tests.factories import make_image

    url = reverse("admin:articles_article_changelist")
    make_article(hero_image=make_image())
    few = count_queries(as_editor, url)
    for _ in range(5):
        make_article(hero_image=make_image())
    assert count_queries(as_editor, url) <= few
    assert as_editor.get(url).content.count(b'class="image-thumbnail"') == 6


def test_editor_reads_how_long_a_breaking_news_banner_stays(as_editor, settings):
    settings.BREAKING_NEWS_HOURS = 4
    response = as_editor.get(reverse("admin:articles_article_add"))
    assert (
        "En bandeau « Alerte info » en tête de la page d’accueil pendant 4\u00a0h"
        " après la publication." in response.text
    )
