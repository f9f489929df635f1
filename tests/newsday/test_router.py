import pytest
from django.test import RequestFactory

from newsday import pagecache, router
from newsday.router import ReplicaMiddleware, ReplicaRouter


def route_of(request):
    seen = {}

    def view(request):
        seen["read"] = ReplicaRouter().db_for_read(None)
        seen["write"] = ReplicaRouter().db_for_write(None)
        return None

    ReplicaMiddleware(view)(request)
    return seen


@pytest.fixture
def rf():
    return RequestFactory()


def test_anonymous_reader_page_reads_from_the_replica(rf):
    assert route_of(rf.get("/"))["read"] == "replica"


def test_writes_always_go_to_the_primary(rf):
    assert route_of(rf.get("/"))["write"] == "default"


def test_admin_reads_from_the_primary(rf):
    assert route_of(rf.get("/admin/articles/article/"))["read"] == "default"


def test_staff_browsing_the_site_reads_from_the_primary(rf):
    request = rf.get("/")
    request.COOKIES["sessionid"] = "x"
    assert route_of(request)["read"] == "default"


def test_form_posts_read_from_the_primary(rf):
    assert route_of(rf.post("/recherche/"))["read"] == "default"


def test_pages_rendered_just_after_a_publication_read_from_the_primary(rf):
    request = rf.get("/")
    request.page_cache_generation = __import__("time").time_ns()
    assert route_of(request)["read"] == "default"


def test_reads_outside_a_request_use_the_primary():
    assert ReplicaRouter().db_for_read(None) == "default"
    assert router._reader_request.get() is False


def test_migrations_run_on_the_primary_only():
    assert ReplicaRouter().allow_migrate("default", "articles")
    assert not ReplicaRouter().allow_migrate("replica", "articles")


def test_generation_age_of_a_never_bumped_cache_is_infinite():
    assert pagecache.generation_age(0) == float("inf")
