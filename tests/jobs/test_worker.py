"""Jobs enqueued by the site and run by a real ``db_worker`` process."""

import datetime as dt

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, AuditEvent
from jobs.failures import failed_tasks
from newsday.cdn.tasks import purge_urls
from tests.factories import make_article, make_scheduled_article
from tests.jobs.conftest import manage, run

pytestmark = pytest.mark.django_db(transaction=True)

URLS = ["http://testserver/", "http://testserver/sitemap.xml"]


def purge_jobs():
    return DBTaskResult.objects.filter(task_path="newsday.cdn.tasks.purge_urls")


def test_a_worker_process_runs_the_purge_of_a_published_article(
    run_db_worker, fake_cdn
):
    cdn = fake_cdn()
    article = make_article()
    assert purge_jobs().filter(status=TaskResultStatus.READY).exists()
    run_db_worker(env=cdn.env)
    assert not purge_jobs().exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    assert article.get_absolute_url() in cdn.paths


def test_a_purge_is_tried_again_while_the_cdn_answers_5xx(run_db_worker, fake_cdn):
    cdn = fake_cdn(503, 502)
    purge_urls.enqueue(URLS)
    run_db_worker(env=cdn.env)
    runs = purge_jobs().order_by("enqueued_at")
    assert [job.args_kwargs["kwargs"].get("attempt", 1) for job in runs] == [1, 2, 3]
    assert [job.return_value for job in runs] == [0, 0, len(URLS)]
    assert failed_tasks() == []


def test_retries_wait_longer_each_time(run_db_worker, fake_cdn):
    cdn = fake_cdn(503)
    purge_urls.enqueue(URLS)
    before = timezone.now()
    run_db_worker(env={**cdn.env, "TASKS_RETRY_DELAY": "60"})
    retry = purge_jobs().get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after >= before + dt.timedelta(seconds=60)


def test_a_purge_that_keeps_failing_ends_in_the_failed_list(run_db_worker, fake_cdn):
    cdn = fake_cdn(503, 503, 503)
    purge_urls.enqueue(URLS)
    output = run_db_worker(env={**cdn.env, "TASKS_MAX_ATTEMPTS": "3"})
    assert purge_jobs().count() == 3
    [failed] = failed_tasks()
    assert failed.name == "newsday.cdn.tasks.purge_urls"
    assert "503" in failed.error
    assert "Tâche en échec : newsday.cdn.tasks.purge_urls" in output


def test_renditions_are_made_by_the_worker_after_the_upload(
    run_db_worker, settings, media_root
):
    from tests.factories import make_image

    settings.IMAGES_RENDITIONS_AT_UPLOAD = True
    image = make_image()
    assert not image.renditions.exists()
    run_db_worker()
    assert image.renditions.filter(spec="w320.webp").exists()


def test_scheduled_side_effects_happen_once_when_workers_and_run_scheduled_race(
    database_tasks,
):
    from articles.tasks import run_scheduled_events

    past = timezone.now() - dt.timedelta(minutes=1)
    articles = [make_scheduled_article(past, title=f"Article {n}") for n in range(8)]
    for _ in range(3):
        run_scheduled_events.enqueue()
    worker = ("db_worker", "--batch", "--no-reload", "--no-startup-delay")
    processes = [manage(*worker), manage(*worker), manage("run_scheduled")]
    for process in processes:
        run(process)
    for article in articles:
        article.refresh_from_db()
        assert article.status == Article.Status.PUBLISHED
    went_live = AuditEvent.objects.filter(action=AuditEvent.Action.WENT_LIVE)
    assert sorted(went_live.values_list("article_id", flat=True)) == sorted(
        article.pk for article in articles
    )
