"""No address answers 5xx, whatever is put in it.

Every URL pattern of the project, public and admin, namespaces included, is
read from the resolver (a new page is covered the day it is added). Each
parameter is filled with a real value (so the page itself runs) and then
with hostile ones; hostile query strings go on the real address. Every
address is fetched anonymously, as an editor and as a journalist, and must
answer below 500.
"""

import re
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver

from articles.models import Article
from articles.services import preview_link_create
from core.formats import site_time
from tests.factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = [
    "\x00",
    "\x1b[31m",
    "9" * 25,
    "-1",
    "../été-🙂%00<script>alert(1)</script>",
    "a" * 300,
]

# Keys the admin's lists read go together (an unknown key makes a list
# redirect before reading the others); the site's own keys go together.
HOSTILE_QUERIES = [
    "q=%00",
    "p=%00",
    "page=%00",
    "q=" + quote("« été » ' \" <b>" * 200) + "&p=99999999999999999999999&o=99.-99",
    "page=99999999999999999999999&id=99999999999999999999999,-1&date=9999-12-31"
    "&revision=99999999999999999999999&modification=-1&a=x&b=99999999999999999999999",
    "page=-1&p=-1&date=0001-01-01&vue=jour&revision=%C2%B2&modification=%C2%B2&a=-1",
]

PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
NAMED_GROUP = re.compile(r"\(\?P<(\w+)>[^()]*\)")


def routes(resolver=None, prefix=""):
    """Every pattern of the URLconf as a route with ``<name>`` parameters
    (regular expressions included, such as the admin's app lists)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = NAMED_GROUP.sub(r"<\1>", str(entry.pattern)).strip("^$")
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + route)
        else:
            yield prefix + route


def fill(route, values):
    return "/" + PARAMETER.sub(
        lambda m: quote(str(values.get(m[1], 1)), safe=""), route
    )


@pytest.fixture
def site(editor, journalist):
    """One thing of each kind, all named « fuzz » where a slug is asked, so
    each real address finds something."""
    section = make_section(slug="fuzz")
    image = make_image()
    article = make_article(
        section=section,
        slug="fuzz",
        authors=[make_author(slug="fuzz")],
        tags=["fuzz"],
        hero_image=image,
        created_by=journalist,
    )
    link = preview_link_create(article=article, user=editor)
    day = site_time(article.publish_at)
    return {
        "article": article,
        "image": image,
        "values": {
            "slug": "fuzz",
            "section": "fuzz",
            "year": day.year,
            "month": f"{day.month:02d}",
            "day": f"{day.day:02d}",
            "pk": article.pk,
            "object_id": article.pk,
            "token": link.token,
            "link": link.pk,
            "spec": "og.jpg",
            "action": "soumettre",
            "number": 1,
            "change": 1,
            "content_type_id": ContentType.objects.get_for_model(Article).pk,
            "id": editor.pk,
            "app_label": "articles",
            "url": "inconnu/",
        },
    }


def real_values(route, site):
    values = dict(site["values"])
    if route.startswith("images/"):
        values["pk"] = site["image"].pk
    if match := re.match(r"admin/(\w+)/(\w+)/<", route):
        model = apps.get_model(*match.groups())
        first = model._default_manager.order_by("pk").first()
        values["object_id"] = first.pk if first else 1
    return values


def is_project_admin(route):
    """An admin page of one of this project's apps (not Django's, django-otp's…)."""
    project_apps = {
        config.label
        for config in apps.get_app_configs()
        if config.path.startswith(str(settings.BASE_DIR))
    }
    match = re.match(r"admin/(\w+)/\w+/", route)
    return bool(match) and match[1] in project_apps


def reads_query_strings(route):
    """Query strings go everywhere but on the pages of one object in the
    admin of another project's models, which read none: a full admin page
    each, the bulk of this test's time otherwise."""
    return not re.match(r"admin/\w+/\w+/<", route) or is_project_admin(route)


def addresses(route, site, *, queries=True):
    real = real_values(route, site)
    yield fill(route, real)
    for name in PARAMETER.findall(route):
        for value in HOSTILE_VALUES:
            yield fill(route, real | {name: value})
    if queries and reads_query_strings(route):
        for query in HOSTILE_QUERIES:
            yield f"{fill(route, real)}?{query}"


def server_errors(client, site, routes, *, queries=lambda route: True):
    """Each address fetched in a savepoint, so that a failed query on
    PostgreSQL does not break the requests after it."""
    errors = []
    for route in routes:
        for address in addresses(route, site, queries=queries(route)):
            with transaction.atomic():
                status = client.get(address).status_code
                if status >= 500:
                    errors.append(f"{status} {address[:150]!r}")
                    transaction.set_rollback(True)
    return errors


def signed_in(user=None):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def test_the_walk_covers_public_and_admin_namespaced_patterns():
    found = set(routes())
    assert "<slug:section>/<int:year>/<str:month>/<str:day>/<slug:slug>/" in found
    assert "admin/articles/article/calendrier/" in found
    assert "admin/<app_label>/" in found
    assert "preview/lien/<str:token>/" in found


def test_no_public_address_answers_5xx_to_readers(site):
    public = [route for route in routes() if not route.startswith("admin/")]
    errors = server_errors(signed_in(), site, public)
    assert not errors, "\n".join(errors)


def test_no_public_address_answers_5xx_to_the_newsroom(editor, site):
    """Signed in, previews show any article (journalists see the same pages)."""
    public = [route for route in routes() if not route.startswith("admin/")]
    errors = server_errors(signed_in(editor), site, public)
    assert not errors, "\n".join(errors)


def test_no_admin_address_answers_5xx_to_an_editor(editor, site):
    admin = [route for route in routes() if route.startswith("admin/")]
    errors = server_errors(signed_in(editor), site, admin)
    assert not errors, "\n".join(errors)


def test_no_admin_address_answers_5xx_to_a_journalist(journalist, site):
    """The project's own admin pages: those of Django's and other projects'
    models are refused to journalists before anything reads the address.
    Query strings on the pages that show lists (calendar, chooser,
    suggestions…), which filter what a journalist sees; the pages of one
    object read the same query as an editor's."""
    admin = [route for route in routes() if is_project_admin(route)]
    errors = server_errors(
        signed_in(journalist),
        site,
        admin,
        queries=lambda route: not PARAMETER.search(route),
    )
    assert not errors, "\n".join(errors)


def test_no_admin_page_answers_5xx_to_signed_out_visitors(site):
    """Signed out, every admin page sends to the login page whatever its
    parameters: the pages without any (login, lists) are enough."""
    admin = [
        route
        for route in routes()
        if route.startswith("admin/") and not PARAMETER.search(route)
    ]
    errors = server_errors(signed_in(), site, admin)
    assert not errors, "\n".join(errors)
