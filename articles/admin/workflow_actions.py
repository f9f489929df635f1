"""The workflow's buttons on the edit page (« Soumettre », « Programmer »,
« Publier maintenant »…): in the side panel, buttons of the article form
that save it and then call the service; beside them, links to a page of
each action that asks for a comment or a date first."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404

from articles import services
from articles.admin.forms import CommentForm, ScheduleForm, SendBackForm, UnpublishForm
from articles.admin.pages import message_of
from articles.models import Article
from articles.services import transitions
from articles.services.checks import publication_problems
from articles.services.rights import can_submit
from articles.services.transitions import Live
from core.formats import french_datetime


@dataclass(frozen=True)
class WorkflowAction:
    slug: str
    label: str
    perm: str
    form: type
    service: Callable
    # When the transition fits the article: see articles.services.transitions.
    applies: Callable
    done: str
    style: str = ""
    # Beyond the permission: whether this user may act on this article.
    user_may: Callable = lambda user, article: True
    # On the edit page's side panel, a button of the article form that saves
    # first (``panel_label``, what it says after: ``panel_done``).
    panel_label: str = ""
    panel_done: str = ""

    def is_available(self, user, article, live: Live) -> bool:
        return (
            user.has_perm(f"articles.{self.perm}")
            and self.applies(article, live)
            and self.user_may(user, article)
        )


WORKFLOW_ACTIONS = {
    action.slug: action
    for action in [
        WorkflowAction(
            "soumettre",
            "Soumettre",
            "submit_article",
            CommentForm,
            services.article_submit,
            transitions.submit_applies,
            "Article soumis à la relecture.",
            "default",
            user_may=can_submit,
            panel_label="Soumettre",
            panel_done="Article enregistré et soumis à la relecture.",
        ),
        WorkflowAction(
            "renvoyer",
            "Renvoyer au journaliste",
            "send_back_article",
            SendBackForm,
            services.article_send_back,
            transitions.send_back_applies,
            "Article renvoyé au journaliste.",
            panel_label="Renvoyer",
            panel_done="Article enregistré et renvoyé au journaliste.",
        ),
        WorkflowAction(
            "programmer",
            "Programmer",
            "schedule_article",
            ScheduleForm,
            services.article_schedule,
            transitions.schedule_applies,
            "Article programmé.",
            "default",
            panel_label="Programmer",
            panel_done="Article enregistré et programmé.",
        ),
        WorkflowAction(
            "deprogrammer",
            "Déprogrammer",
            "schedule_article",
            CommentForm,
            services.article_unschedule,
            transitions.unschedule_applies,
            "Programmation annulée ; l’article est de nouveau à relire.",
        ),
        WorkflowAction(
            "publier",
            "Publier maintenant",
            "publish_article",
            CommentForm,
            services.article_publish,
            transitions.publish_applies,
            "Article publié.",
            "default",
            panel_label="Publier maintenant",
            panel_done="Article enregistré et publié.",
        ),
        WorkflowAction(
            "depublier",
            "Dépublier",
            "unpublish_article",
            UnpublishForm,
            services.article_unpublish,
            transitions.unpublish_applies,
            "Dépublication enregistrée.",
            "danger",
        ),
    ]
}
# The side panel's buttons, in this order.
PANEL_ORDER = ("publier", "programmer", "soumettre", "renvoyer")


class WorkflowActionViews:
    """Mixed into ``ArticleAdmin``."""

    def available_actions(self, request, article):
        live = partial(self.is_live, request, article)
        return [
            action
            for action in WORKFLOW_ACTIONS.values()
            if action.is_available(request.user, article, live)
        ]

    def panel_actions(self, request, article):
        """The side panel's buttons ``request.user`` may press on ``article``
        (None: a new article), most decisive first. Each saves the form, so
        none is offered to someone who may not edit."""
        if article is None:
            if not self.has_add_permission(request):
                return []
            article, live = Article(status=Article.Status.DRAFT), lambda: False
        else:
            if not self.has_change_permission(request, article):
                return []
            live = partial(self.is_live, request, article)
        return [
            WORKFLOW_ACTIONS[slug]
            for slug in PANEL_ORDER
            if WORKFLOW_ACTIONS[slug].is_available(request.user, article, live)
        ]

    def apply_panel_action(self, request, article, action: str, kwargs: dict):
        """After the form's save: the transition of the panel's button, then
        back to the edit page with what happened."""
        spec = WORKFLOW_ACTIONS[action]
        try:
            spec.service(article=article, user=request.user, **kwargs)
        except (services.WorkflowError, PermissionDenied) as error:
            self.message_user(
                request,
                f"Article enregistré, mais « {spec.panel_label} » a été refusé : "
                f"{message_of(error)}",
                messages.ERROR,
            )
        else:
            done = spec.panel_done
            if action == "programmer":
                done = f"Article enregistré et programmé pour le {french_datetime(kwargs['publish_at'])}."
            self.message_user(request, done, messages.SUCCESS)
        return self.redirect_to_change(article)

    def workflow_view(self, request, object_id, action):
        spec = WORKFLOW_ACTIONS.get(action)
        if spec is None:
            raise Http404("Action inconnue.")
        article = self.article_or_404(request, object_id)
        if not request.user.has_perm(f"articles.{spec.perm}"):
            raise PermissionDenied
        form = spec.form(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            kwargs = {k: v for k, v in form.cleaned_data.items() if v is not None}
            try:
                spec.service(article=article, user=request.user, **kwargs)
            except (services.WorkflowError, PermissionDenied) as error:
                form.add_error(None, message_of(error))
            else:
                self.message_user(request, spec.done, messages.SUCCESS)
                return self.redirect_to_change(article)
        return self.page(
            request,
            "workflow_action.html",
            f"{spec.label} « {article.title} »",
            article,
            form=form,
            spec=spec,
            problems=publication_problems(article)
            if spec.slug in ("programmer", "publier")
            else [],
        )
