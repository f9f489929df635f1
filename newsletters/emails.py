"""The emails: one rendering per send, then per subscriber only the signed
links change. HTML and plain text, in French with the site's typography,
``List-Unsubscribe`` one-click headers (RFC 8058); no tracking pixel and no
rewritten links."""

import dataclasses
import functools
from email.policy import default as default_policy

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from newsletters import mime, tokens
from newsletters.models import NewsletterList, Send, Subscriber
from website.typography import french_typography

# Rendered once per send with these in place of each subscriber's links,
# replaced per email: rendering the templates for every one of 100,000
# subscribers would cost more than sending.
UNSUBSCRIBE_MARK = "__newsday_unsubscribe_url__"
PREFERENCES_MARK = "__newsday_preferences_url__"


def absolute(path: str) -> str:
    return settings.SITE_URL + path


@functools.cache
def _link_pattern(name: str) -> str:
    # reverse() once per process: two per email cost more than the signing.
    return absolute(reverse(name, args=["__token__"]))


def unsubscribe_url(subscriber_id: int, newsletter_id: int) -> str:
    token = tokens.make(tokens.UNSUBSCRIBE, s=subscriber_id, l=newsletter_id)
    return _link_pattern("newsletters:unsubscribe").replace("__token__", token)


def preferences_url(subscriber_id: int) -> str:
    token = tokens.make(tokens.PREFERENCES, s=subscriber_id)
    return _link_pattern("newsletters:preferences").replace("__token__", token)


@dataclasses.dataclass(frozen=True)
class Rendered:
    subject: str
    html: str
    text: str
    newsletter_id: int
    list_id_header: str
    # What the MIME forms of the emails share, encoded once (one batch
    # renders once, so once per batch).
    shared: mime.Shared = dataclasses.field(default_factory=mime.Shared, compare=False)


class NewsletterEmail(EmailMultiAlternatives):
    """A send's email to one subscriber. Providers' backends read its
    attributes, as any Django email's; its MIME form (SMTP's, the console's)
    is built by newsletters.mime, which Django's way only takes over for what
    it cannot write exactly as Django would."""

    def __init__(self, *, shared: mime.Shared, **kwargs):
        super().__init__(**kwargs)
        self.shared = shared

    def message(self, *, policy=default_policy):
        built = mime.build(self, self.shared, policy)
        return built if built is not None else super().message(policy=policy)


def render_send(send: Send, articles) -> Rendered:
    newsletter = send.newsletter
    context = {
        "send": send,
        "newsletter": newsletter,
        "articles": [_article_context(article) for article in articles],
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": UNSUBSCRIBE_MARK,
        "preferences_url": PREFERENCES_MARK,
    }
    html = render_to_string("newsletters/email/send.html", context)
    text = render_to_string("newsletters/email/send.txt", context)
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    return Rendered(
        subject=french_typography(send.subject),
        html=french_typography(html),
        text=french_typography(text),
        newsletter_id=newsletter.pk,
        list_id_header=f"{newsletter.name} <{newsletter.slug}.{host}>",
    )


def _article_context(article) -> dict:
    return {
        "title": article.title,
        "standfirst": article.standfirst,
        "section": article.section.name,
        "url": absolute(article.get_absolute_url()),
    }


def message(rendered: Rendered, *, subscriber_id: int, email: str) -> NewsletterEmail:
    unsubscribe = unsubscribe_url(subscriber_id, rendered.newsletter_id)
    preferences = preferences_url(subscriber_id)
    list_unsubscribe = f"<{unsubscribe}>"
    if settings.NEWSLETTERS_UNSUBSCRIBE_MAILTO:
        list_unsubscribe += (
            f", <mailto:{settings.NEWSLETTERS_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>"
        )
    mail = NewsletterEmail(
        shared=rendered.shared,
        subject=rendered.subject,
        body=_links(rendered.text, unsubscribe, preferences),
        from_email=settings.NEWSLETTERS_FROM_EMAIL,
        to=[email],
        headers={
            "List-Unsubscribe": list_unsubscribe,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": rendered.list_id_header,
        },
    )
    mail.attach_alternative(
        _links(rendered.html, unsubscribe, preferences), "text/html"
    )
    return mail


def _links(body: str, unsubscribe: str, preferences: str) -> str:
    # The signed tokens hold only URL-safe characters: nothing to escape in HTML.
    return body.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(
        PREFERENCES_MARK, preferences
    )


def confirmation_message(
    subscriber: Subscriber, newsletters: list[NewsletterList]
) -> EmailMultiAlternatives:
    token = tokens.make(tokens.CONFIRM, s=subscriber.pk, l=[n.pk for n in newsletters])
    context = {
        "newsletters": newsletters,
        "confirm_url": absolute(reverse("newsletters:confirm", args=[token])),
        "days": settings.NEWSLETTERS_UNCONFIRMED_DAYS,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
    }
    mail = EmailMultiAlternatives(
        subject=french_typography(
            f"{settings.SITE_NAME} : confirmez votre inscription"
        ),
        body=french_typography(
            render_to_string("newsletters/email/confirm.txt", context)
        ),
        from_email=settings.NEWSLETTERS_FROM_EMAIL,
        to=[subscriber.email],
    )
    mail.attach_alternative(
        french_typography(render_to_string("newsletters/email/confirm.html", context)),
        "text/html",
    )
    return mail
