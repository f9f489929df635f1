"""The workflow's buttons on the edit page (« Soumettre », « Programmer »,
« Publier maintenant »…), each leading to a page that asks for a comment or
a date and calls its service."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404

from articles import services
from articles.admin.forms import CommentForm, ScheduleForm, SendBackForm, UnpublishForm
from articles.admin.pages import message_of
from articles.services import transitions
from articles.services.checks import publication_problems
from articles.services.rights import can_submit
from articles.services.transitions import Live


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
        ),
        WorkflowAction(
            "renvoyer",
            "Renvoyer au journaliste",
            "send_back_article",
            SendBackForm,
            services.article_send_back,
            transitions.send_back_applies,
            "Article renvoyé au journaliste.",
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


class WorkflowActionViews:
    """Mixed into ``ArticleAdmin``."""

    def available_actions(self, request, article):
        live = partial(self.is_live, request, article)
        return [
            action
            for action in WORKFLOW_ACTIONS.values()
            if action.is_available(request.user, article, live)
        ]

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
