"""The newsroom's pages: the alert's confirmation, a send's progress,
preview, test to oneself, cancellation, the GDPR actions."""

import json

import pytest
from django.core import mail

from newsletters import sending
from newsletters.models import Send, Subscriber
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_the_article_list_action_leads_to_the_alert_confirmation(as_editor, alert_list):
    article = make_article(is_breaking=True)
    response = as_editor.post(
        "/admin/articles/article/",
        {"action": "send_alert_action", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/newsletters/send/alerte/{article.pk}/"
    page = as_editor.get(response["Location"]).content.decode()
    assert "Confirmez-vous" in page
    assert not Send.objects.exists()


def test_confirming_sends_the_alert(
    as_editor, alert_list, subscribe, django_capture_on_commit_callbacks
):
    subscribe(alert_list)
    article = make_article(is_breaking=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post(f"/admin/newsletters/send/alerte/{article.pk}/")
    send = Send.objects.get(article=article)
    assert response["Location"] == f"/admin/newsletters/send/{send.pk}/change/"
    assert len(mail.outbox) == 1


def test_the_confirmation_page_says_why_an_alert_cannot_go(as_editor, alert_list):
    article = make_article(is_breaking=False)
    page = as_editor.get(
        f"/admin/newsletters/send/alerte/{article.pk}/"
    ).content.decode()
    assert "n’est pas marqué « alerte info »" in page


def test_a_journalist_cannot_send_an_alert(as_journalist, alert_list):
    article = make_article(is_breaking=True)
    response = as_journalist.post(f"/admin/newsletters/send/alerte/{article.pk}/")
    assert response.status_code == 403
    assert not Send.objects.exists()


def test_the_send_page_shows_progress(
    as_editor, matinale, subscribe, django_capture_on_commit_callbacks
):
    subscribe(matinale)
    make_article(title="Premier article")
    send = sending.matinale_prepare()
    with django_capture_on_commit_callbacks():
        sending.send_start(send=send)
    page = as_editor.get(f"/admin/newsletters/send/{send.pk}/change/").content.decode()
    assert "restants : <strong>1</strong>" in page
    assert "Premier article" in page


def test_the_preview_is_the_email(as_editor, matinale):
    make_article(title="Premier article")
    send = sending.matinale_prepare()
    html = as_editor.get(f"/admin/newsletters/send/{send.pk}/apercu/").content.decode()
    assert '<html lang="fr">' in html
    assert "Premier article" in html


def test_the_test_send_goes_to_the_editor_only(as_editor, editor, matinale, subscribe):
    subscribe(matinale)
    send = sending.matinale_prepare()
    as_editor.post(f"/admin/newsletters/send/{send.pk}/test/")
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert mail.outbox[0].subject.startswith("[Test]")
    assert Send.objects.get().state == Send.State.SCHEDULED


def test_an_editor_cancels_a_programmed_send(as_editor, matinale):
    send = sending.matinale_prepare()
    as_editor.post(f"/admin/newsletters/send/{send.pk}/annuler/")
    assert Send.objects.get().state == Send.State.CANCELLED


def test_an_administrator_exports_and_erases_a_subscriber(
    superuser_client, matinale, subscribe
):
    subscriber = subscribe(matinale)
    response = superuser_client.post(
        "/admin/newsletters/subscriber/",
        {"action": "export_selected", "_selected_action": [subscriber.pk]},
    )
    assert json.loads(response.content)[0]["adresse"] == "lecteur@example.fr"
    superuser_client.post(
        "/admin/newsletters/subscriber/",
        {"action": "erase_selected", "_selected_action": [subscriber.pk]},
    )
    assert not Subscriber.objects.exists()


def test_send_page_of_an_id_that_is_not_a_number_is_not_found(admin_client):
    admin_client.raise_request_exception = False
    assert admin_client.get("/admin/newsletters/send/abc/change/").status_code == 404
