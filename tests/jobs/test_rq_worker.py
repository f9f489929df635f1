"""The same jobs on the Redis engine (django-tasks-rq), run by a real
``rqworker``; skipped when Redis does not answer (CI starts it)."""

import pytest
import redis

from jobs.failures import failed_task_retry, failed_tasks
from jobs.lag import queue_lag
from newsday.cdn.tasks import purge_urls
from tests.jobs.conftest import manage, run

REDIS_TEST_URL = "redis://127.0.0.1:6379/7"

URLS = ["http://testserver/"]


def redis_answers():
    try:
        return redis.Redis.from_url(REDIS_TEST_URL, socket_timeout=1).ping()
    except redis.RedisError:
        return False


pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not redis_answers(), reason="needs Redis on 127.0.0.1:6379"),
]


@pytest.fixture
def rq_tasks(settings):
    redis.Redis.from_url(REDIS_TEST_URL).flushdb()
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    }
    settings.RQ_QUEUES = {"default": {"URL": REDIS_TEST_URL}}
    yield
    redis.Redis.from_url(REDIS_TEST_URL).flushdb()


def run_rq_worker(env):
    environment = {"TASKS_BACKEND": "rq", "TASKS_REDIS_URL": REDIS_TEST_URL, **env}
    worker = ("rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default")
    return run(manage(*worker, env=environment))


def test_an_rq_worker_retries_a_purge_until_the_cdn_answers(rq_tasks, fake_cdn):
    cdn = fake_cdn(503)
    purge_urls.enqueue(URLS)
    assert queue_lag() >= 0
    run_rq_worker(cdn.env)
    assert cdn.paths == ["/", "/"]
    assert failed_tasks() == []


def test_a_purge_failing_on_rq_is_listed_and_can_be_retried(rq_tasks, fake_cdn):
    cdn = fake_cdn(503, 503)
    purge_urls.enqueue(URLS)
    output = run_rq_worker({**cdn.env, "TASKS_MAX_ATTEMPTS": "2"})
    assert "Tâche en échec : newsday.cdn.tasks.purge_urls" in output
    [failed] = failed_tasks()
    assert "503" in failed.error
    failed_task_retry(task_id=failed.id)
    assert failed_tasks() == []
    run_rq_worker(cdn.env)
    assert cdn.paths == ["/", "/", "/"]
