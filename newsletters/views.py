"""Reader pages of the newsletters: sign up, confirm, leave, preferences.
Thin: the rules are in ``services``; links are signed (``tokens``)."""

import dataclasses

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView, TemplateView, View

from newsletters import ratelimit, services, tokens
from newsletters.forms import CONSENT_TEXT, PreferencesForm, SubscribeForm
from newsletters.models import Subscriber
from website import seo

INDEX_META = seo.PageMeta(
    title="Newsletters",
    description="La matinale, l’alerte info et nos autres newsletters, "
    "gratuites, par e-mail.",
    path="/newsletters/",
)
# Pages reached by a personal link: never in a search engine.
PAGE_META = dataclasses.replace(INDEX_META, noindex=True)


def link_error(request, error):
    expired = isinstance(error, tokens.ExpiredToken)
    return render(
        request,
        "newsletters/link_error.html",
        {"expired": expired, "meta": PAGE_META},
        status=400,
    )


@method_decorator(never_cache, name="dispatch")
class SubscribeView(FormView):
    template_name = "newsletters/index.html"
    form_class = SubscribeForm

    def get_initial(self):
        # The footer's small form (GET, so that cached pages hold no CSRF
        # token) brings the address here.
        return {
            "email": self.request.GET.get("email", "")[:254],
            "source": self.request.GET.get("source", "")[:500]
            or self.request.headers.get("referer", "")[:500],
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(meta=INDEX_META, **kwargs)

    def post(self, request, *args, **kwargs):
        if not ratelimit.signup_allowed(request):
            # The form comes back as typed, with the reason.
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None,
                "Trop d’inscriptions ont été demandées depuis votre connexion : "
                "réessayez dans une heure.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not form.is_bot():
            services.subscriber_subscribe(
                email=form.cleaned_data["email"],
                newsletters=list(form.cleaned_data["newsletters"]),
                consent_text=CONSENT_TEXT,
                source_url=form.cleaned_data["source"]
                or self.request.build_absolute_uri(),
            )
        # The same answer for a new, known or suppressed address, and a bot.
        return redirect("newsletters:thanks")


class ThanksView(TemplateView):
    template_name = "newsletters/thanks.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(meta=PAGE_META, **kwargs)


class TokenView(View):
    purpose = ""

    @method_decorator(never_cache)
    def dispatch(self, request, token, **kwargs):
        try:
            self.data = tokens.read(self.purpose, token)
        except tokens.BadToken as error:
            return link_error(request, error)
        self.subscriber = Subscriber.objects.filter(pk=self.data.get("s")).first()
        if self.subscriber is None:
            return link_error(request, tokens.ExpiredToken())
        return super().dispatch(request, token, **kwargs)


class ConfirmView(TokenView):
    """A GET only shows the button: mail scanners follow links."""

    purpose = tokens.CONFIRM

    def get(self, request, token):
        return render(request, "newsletters/confirm.html", {"meta": PAGE_META})

    def post(self, request, token):
        services.subscription_confirm(
            subscriber_id=self.subscriber.pk, newsletter_ids=self.data.get("l", [])
        )
        return redirect("newsletters:preferences", _preferences_token(self.subscriber))


def _preferences_token(subscriber):
    return tokens.make(tokens.PREFERENCES, s=subscriber.pk)


class PreferencesView(TokenView):
    purpose = tokens.PREFERENCES

    def get(self, request, token):
        current = self.subscriber.subscriptions.filter(confirmed_at__isnull=False)
        form = PreferencesForm(
            initial={"newsletters": [s.newsletter_id for s in current]}
        )
        return self.show(form)

    def post(self, request, token):
        if "leave_all" in request.POST:
            services.subscriber_unsubscribe(subscriber=self.subscriber)
            return self.show(
                PreferencesForm(),
                saved="Vous êtes désabonné de toutes nos newsletters.",
            )
        form = PreferencesForm(request.POST)
        if not form.is_valid():
            return self.show(form, status=400)
        services.subscriber_set_lists(
            subscriber=self.subscriber,
            newsletters=list(form.cleaned_data["newsletters"]),
            consent_text=CONSENT_TEXT,
            source_url=request.build_absolute_uri(reverse("newsletters:index")),
        )
        return self.show(form, saved="Vos choix sont enregistrés.")

    def show(self, form, *, saved="", status=200):
        context = {
            "form": form,
            "saved": saved,
            "email": self.subscriber.email,
            "meta": PAGE_META,
        }
        return render(
            self.request, "newsletters/preferences.html", context, status=status
        )


# RFC 8058: the mail client POSTs « List-Unsubscribe=One-Click » to this
# address with no cookie and no CSRF token; the signed token is the proof.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        data = tokens.read(tokens.UNSUBSCRIBE, token)
    except tokens.BadToken as error:
        return link_error(request, error)
    subscriber = Subscriber.objects.filter(pk=data.get("s")).first()
    context = {"meta": PAGE_META, "done": request.method == "POST"}
    if subscriber is not None:
        context["preferences_url"] = reverse(
            "newsletters:preferences", args=[_preferences_token(subscriber)]
        )
        if request.method == "POST":
            services.subscriber_unsubscribe(
                subscriber=subscriber, newsletter_id=data.get("l")
            )
    return render(request, "newsletters/unsubscribe.html", context)
