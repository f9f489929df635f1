"""A post's old WordPress addresses answer 301 to its article."""

import pytest

from tests.importers.wordpress.conftest import article

pytestmark = pytest.mark.django_db


def test_old_permalink_redirects_to_the_article(run_import, client):
    run_import("newsroom.xml")
    response = client.get("/2023/12/05/berlin-coalition/")
    assert response.status_code == 301
    assert response["Location"] == article(108).get_absolute_url()


def test_percent_encoded_old_permalink_redirects(run_import, client):
    run_import("newsroom.xml")
    response = client.get("/2024/03/15/l%E2%80%99assemblee-vote-le-budget/")
    assert response.status_code == 301
    assert response["Location"] == article(101).get_absolute_url()


def test_wordpress_short_link_redirects_to_the_article(run_import, client):
    run_import("newsroom.xml")
    response = client.get("/", {"p": "109"})
    assert response.status_code == 301
    assert response["Location"] == article(109).get_absolute_url()


def test_old_address_of_a_private_post_stays_not_found(run_import, client):
    run_import("newsroom.xml")
    assert client.get("/2024/04/01/planning-conges/").status_code == 404
