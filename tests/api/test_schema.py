"""Schema-driven fuzzing: schemathesis generates requests from the OpenAPI
schema at /api/v1/schema/ and sends them in-process (WSGI): no answer is a
5xx, and every answer conforms to the schema (status, media type, body)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from articles.models import Article
from tests.factories import (
    hidden_articles,
    make_article,
    make_author,
    make_correction,
    make_entry,
    make_image,
    make_live,
    make_related_link,
)


@pytest.fixture
def published(db, settings):
    """An article with everything it may show, one of each hidden kind, and
    a live with entries of each kind."""
    settings.API_ANONYMOUS_RATE_LIMIT = 1_000_000
    article = make_article(
        authors=[make_author()], tags=["climat"], hero_image=make_image()
    )
    make_correction(article)
    make_related_link(article)
    hidden_articles()
    live = make_live(hero_image=make_image())
    make_entry(live, is_pinned=True, author=make_author(), image=make_image())
    make_entry(live, link_article=article)
    # As Django's test client does: the WSGI handler would otherwise close
    # the test's connection (and its transaction) after each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield article
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


# Read at collection: the schema is generated from code, without the database.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@schema.parametrize()
@hypothesis_settings(
    # Bounded: the whole run stays within a few seconds per operation.
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_schema_says(case, published):
    case.call_and_validate(
        # The in-process WSGI client does not decompress what a gzip
        # middleware may send.
        headers={"Accept-Encoding": "identity"},
        checks=CHECKS,
    )


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v1/lives/{live_id}", {}),
        ("/api/v1/lives/{live_id}/entries", {}),
        ("/api/v1/lives/{live_id}/entries", {"since": "2026-01-01T00:00:00Z"}),
        ("/api/v1/lives/{live_id}/entries", {"limit": 1}),
    ],
)
def test_a_live_and_its_entries_answer_as_the_schema_says(published, path, query):
    # Fuzzed ids seldom hit the live: its answers are checked here too.
    live = Article.objects.get(format=Article.Format.LIVE)
    case = schema[path]["GET"].Case(path_parameters={"live_id": live.pk}, query=query)

    response = case.call_and_validate(
        headers={"Accept-Encoding": "identity"}, checks=CHECKS
    )

    assert response.status_code == 200
