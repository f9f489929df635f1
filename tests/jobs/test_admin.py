"""« Tâches en échec » in the admin: the list, the error, « Relancer »."""

import pytest
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from core.adminpages import admin_url
from jobs.models import FailedTask
from tests.factories import make_user

pytestmark = pytest.mark.django_db

TRACEBACK = (
    "Traceback (most recent call last):\n  ...\n"
    "newsday.cdn.base.PurgeUnavailable: le CDN a répondu 503\n"
)


@pytest.fixture
def failed_purge(database_tasks):
    return DBTaskResult.objects.create(
        status=TaskResultStatus.FAILED,
        task_path="newsday.cdn.tasks.purge_urls",
        args_kwargs={"args": [], "kwargs": {"urls": ["http://x.fr/"], "attempt": 6}},
        backend_name="default",
        run_after=get_date_max(),
        exception_class_path="newsday.cdn.base.PurgeUnavailable",
        traceback=TRACEBACK,
    )


@pytest.fixture
def as_admin(client):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    return client


def test_the_failed_list_shows_each_failed_job_with_its_error(as_admin, failed_purge):
    response = as_admin.get(admin_url(FailedTask, "changelist"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tâches en échec" in page
    assert "newsday.cdn.tasks.purge_urls" in page
    assert "PurgeUnavailable: le CDN a répondu 503" in page
    assert "Relancer" in page


def test_relancer_enqueues_the_job_again_from_its_first_attempt(as_admin, failed_purge):
    response = as_admin.post(admin_url(FailedTask, "retry", failed_purge.pk))
    assert response.status_code == 302
    assert not DBTaskResult.objects.filter(pk=failed_purge.pk).exists()
    again = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert again.task_path == "newsday.cdn.tasks.purge_urls"
    assert again.args_kwargs["kwargs"] == {"urls": ["http://x.fr/"], "attempt": 1}


def test_relancer_twice_says_the_job_is_no_longer_listed(as_admin, failed_purge):
    url = admin_url(FailedTask, "retry", failed_purge.pk)
    as_admin.post(url)
    response = as_admin.post(url, follow=True)
    assert "n’est plus dans la liste" in response.content.decode()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


def test_relancer_is_a_post(as_admin, failed_purge):
    response = as_admin.get(admin_url(FailedTask, "retry", failed_purge.pk))
    assert response.status_code == 405


def test_a_journalist_cannot_see_or_retry_failed_jobs(client, failed_purge):
    from tests.factories import make_journalist

    client.force_login(make_journalist())
    assert client.get(admin_url(FailedTask, "changelist")).status_code == 403
    response = client.post(admin_url(FailedTask, "retry", failed_purge.pk))
    assert response.status_code == 403
    assert DBTaskResult.objects.filter(pk=failed_purge.pk).exists()
