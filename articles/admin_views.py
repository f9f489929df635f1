"""The workflow's pages in the article admin: action pages, history and
diffs, corrections, preview links, the calendar, and the endpoints the edit
page's script calls (autosave, presence). Mixed into ``ArticleAdmin``.

Every view finds the article through ``get_object`` (so a journalist reaches
only their own) and checks rights again; the services check them a third
time.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from articles import services
from articles.formats import MONTHS, french_date, french_datetime
from articles.forms import (
    AUTOSAVED_FIELDS,
    CommentForm,
    CorrectionForm,
    PreviewLinkForm,
    RescheduleForm,
    ScheduleForm,
    SendBackForm,
    UnpublishForm,
)
from articles.models import (
    Article,
    AuditEvent,
    Autosave,
    PreviewLink,
    ScheduledChange,
)
from articles.permissions import can_edit, can_view, is_owner
from articles.preview import preview_link_url
from articles.revisions import article_snapshot, compare, fingerprint, forms_snapshot
from articles.scheduling import overdue_events

Status = Article.Status
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def message_of(error) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or "Vous n’avez pas le droit de faire cela."


@dataclass(frozen=True)
class WorkflowAction:
    slug: str
    label: str
    perm: str
    form: type
    service: object
    done: str
    style: str = ""

    def is_available(self, user, article, live: bool) -> bool:
        if not user.has_perm(f"articles.{self.perm}"):
            return False
        status = article.status
        match self.slug:
            case "soumettre":
                return status == Status.DRAFT and (
                    is_owner(user, article)
                    or user.has_perm("articles.change_any_article")
                )
            case "renvoyer":
                return status in (Status.REVIEW, Status.SCHEDULED) and not live
            case "programmer":
                return status != Status.PUBLISHED and not live
            case "deprogrammer":
                return status == Status.SCHEDULED and not live
            case "publier":
                return not (status == Status.PUBLISHED and live)
            case "depublier":
                return status in Status.visible()
        return False


WORKFLOW_ACTIONS = {
    action.slug: action
    for action in [
        WorkflowAction(
            "soumettre",
            "Soumettre",
            "submit_article",
            CommentForm,
            services.article_submit,
            "Article soumis à la relecture.",
            "default",
        ),
        WorkflowAction(
            "renvoyer",
            "Renvoyer au journaliste",
            "send_back_article",
            SendBackForm,
            services.article_send_back,
            "Article renvoyé au journaliste.",
        ),
        WorkflowAction(
            "programmer",
            "Programmer",
            "schedule_article",
            ScheduleForm,
            services.article_schedule,
            "Article programmé.",
            "default",
        ),
        WorkflowAction(
            "deprogrammer",
            "Déprogrammer",
            "schedule_article",
            CommentForm,
            services.article_unschedule,
            "Programmation annulée ; l’article est de nouveau à relire.",
        ),
        WorkflowAction(
            "publier",
            "Publier maintenant",
            "publish_article",
            CommentForm,
            services.article_publish,
            "Article publié.",
            "default",
        ),
        WorkflowAction(
            "depublier",
            "Dépublier",
            "unpublish_article",
            UnpublishForm,
            services.article_unpublish,
            "Dépublication enregistrée.",
            "danger",
        ),
    ]
}


class ArticleWorkflowViews:
    def get_urls(self):
        def view(func, name):
            return self.admin_site.admin_view(func), f"articles_article_{name}"

        def route(pattern, func, name):
            wrapped, full_name = view(func, name)
            return path(pattern, wrapped, name=full_name)

        return [
            route("mots-cles/", self.tag_suggestions, "tag_suggestions"),
            route("calendrier/", self.calendar_view, "calendar"),
            route(
                "calendrier/<int:pk>/reprogrammer/", self.reschedule_view, "reschedule"
            ),
            route("evenements/", self.run_overdue_view, "run_overdue"),
            route("add/autosave/", self.autosave_view, "autosave_new"),
            route(
                "<path:object_id>/workflow/<slug:action>/",
                self.workflow_view,
                "workflow",
            ),
            route("<path:object_id>/revisions/", self.compare_view, "compare"),
            route(
                "<path:object_id>/revisions/<int:number>/restaurer/",
                self.restore_view,
                "restore",
            ),
            route("<path:object_id>/rectificatif/", self.correction_view, "correct"),
            route(
                "<path:object_id>/partage/", self.preview_links_view, "preview_links"
            ),
            route(
                "<path:object_id>/partage/<uuid:link>/revoquer/",
                self.revoke_link_view,
                "revoke_link",
            ),
            route(
                "<path:object_id>/modifications/<int:change>/",
                self.scheduled_change_view,
                "scheduled_change",
            ),
            route("<path:object_id>/autosave/", self.autosave_view, "autosave"),
            route("<path:object_id>/presence/", self.presence_view, "presence"),
            *super().get_urls(),
        ]

    # --- Shared bits ----------------------------------------------------------------

    def redirect_to_change(self, article):
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk])
        )

    def article_or_404(self, request, object_id, *, edit=False) -> Article:
        """The article if this user may see it (and edit it, with ``edit``)."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("Cet article n’existe pas ou ne vous est pas accessible.")
        if not can_view(request.user, article):
            raise PermissionDenied
        if edit and not can_edit(request.user, article):
            raise PermissionDenied
        return article

    def page(self, request, template, title, article=None, **context):
        return TemplateResponse(
            request,
            f"admin/articles/article/{template}",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": title,
                "original": article,
                "article": article,
                **context,
            },
        )

    def is_live(self, request, article) -> bool:
        """Whether readers see ``article`` now (asked once per request)."""
        known = request.__dict__.setdefault("_articles_live", {})
        if article.pk not in known:
            known[article.pk] = (
                Article.objects.published().filter(pk=article.pk).exists()
            )
        return known[article.pk]

    def available_actions(self, request, article):
        live = self.is_live(request, article)
        return [
            action
            for action in WORKFLOW_ACTIONS.values()
            if action.is_available(request.user, article, live)
        ]

    # --- The change form's context ------------------------------------------------

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        user = request.user
        extra = {"autosave": self.autosave_for(request, obj, newer_only=True)}
        if obj is not None and not obj.revisions.exists():
            # An article made elsewhere (import, shell): keep the content this
            # page starts from, so history and conflicts can show what changed.
            services.article_revision_create(
                article=obj,
                user=None,
                note="État initial, avant toute modification ici",
            )
        if obj is not None:
            extra |= {
                "workflow_actions": self.available_actions(request, obj),
                "others_editing": services.presence_touch(article=obj, user=user)
                if can_edit(user, obj)
                else [],
                "sent_back": obj.audit_events.filter(
                    action=AuditEvent.Action.SENT_BACK
                ).first()
                if obj.status == Status.DRAFT
                else None,
                "pending_changes": obj.scheduled_changes.filter(
                    state=ScheduledChange.State.PENDING
                ),
                "overdue_events": overdue_events(article=obj),
                "problems": obj.publication_problems(),
                "can_schedule_change": self.can_schedule_change(request, obj),
                "can_correct": user.has_perm("articles.correct_article")
                and obj.first_published_at is not None,
                "can_share": user.has_perm("articles.share_preview_article"),
                "is_live": self.is_live(request, obj),
            }
        context.update(extra)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def autosave_for(self, request, obj, *, newer_only=False):
        """This user's autosave of ``obj`` (or of their new article), if any;
        with ``newer_only``, only if it holds something the article lacks."""
        autosave = Autosave.objects.filter(user=request.user, article=obj).first()
        if autosave is None or not newer_only:
            return autosave
        if obj is not None:
            if autosave.saved_at <= obj.modified_at:
                return None
            current = {
                "title": obj.title,
                "standfirst": obj.standfirst,
                "body": obj.body,
            }
            if all(
                (autosave.data.get(name) or "").strip() == (value or "").strip()
                for name, value in current.items()
            ):
                return None
        return autosave

    def keep_change_for_later(self, request, form, formsets):
        return services.article_schedule_change(
            article=form.instance,
            user=request.user,
            content=forms_snapshot(form, formsets),
            apply_at=form.cleaned_data["changes_apply_at"],
            base_fingerprint=form.cleaned_data.get("base_fingerprint", ""),
        )

    # --- Workflow actions ------------------------------------------------------------

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
            problems=article.publication_problems()
            if spec.slug in ("programmer", "publier")
            else [],
        )

    # --- History, diff, restore ------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        article = self.article_or_404(request, object_id)
        revisions = list(article.revisions.select_related("created_by"))
        return self.page(
            request,
            "history.html",
            f"Historique de « {article.title} »",
            article,
            revisions=revisions,
            events=article.audit_events.select_related("actor")[:200],
            can_restore=can_edit(request.user, article),
        )

    def compare_view(self, request, object_id):
        article = self.article_or_404(request, object_id)
        revisions = {
            r.number: r for r in article.revisions.select_related("created_by")
        }
        if not revisions:
            raise Http404("Cet article n’a pas encore de révision.")
        try:
            new = revisions[int(request.GET.get("b") or max(revisions))]
            old = revisions[int(request.GET.get("a") or new.number - 1)]
        except (KeyError, ValueError):
            raise Http404("Révision introuvable.") from None
        return self.page(
            request,
            "compare.html",
            f"Révisions n° {old.number} et n° {new.number} de « {article.title} »",
            article,
            old=old,
            new=new,
            changes=compare(old.content, new.content),
            old_label=f"Révision n° {old.number}",
            new_label=f"Révision n° {new.number}",
            revisions=sorted(revisions.values(), key=lambda r: -r.number),
            can_restore=can_edit(request.user, article),
        )

    @staticmethod
    def _post_only(request):
        if request.method != "POST":
            raise PermissionDenied("Utilisez le bouton prévu.")

    def restore_view(self, request, object_id, number):
        self._post_only(request)
        article = self.article_or_404(request, object_id, edit=True)
        revision = get_object_or_404(article.revisions, number=number)
        try:
            new = services.article_restore_revision(
                article=article, user=request.user, revision=revision
            )
        except (services.WorkflowError, PermissionDenied) as error:
            self.message_user(request, message_of(error), messages.ERROR)
        else:
            self.message_user(
                request,
                f"Révision n° {number} restaurée : elle devient la révision n° {new.number}.",
                messages.SUCCESS,
            )
        return self.redirect_to_change(article)

    # --- Corrections ------------------------------------------------------------------

    def correction_view(self, request, object_id):
        article = self.article_or_404(request, object_id)
        if not request.user.has_perm("articles.correct_article"):
            raise PermissionDenied
        form = CorrectionForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                correction = services.article_correct(
                    article=article,
                    user=request.user,
                    kind=form.cleaned_data["kind"],
                    text=form.cleaned_data["text"],
                )
            except (services.WorkflowError, PermissionDenied) as error:
                form.add_error(None, message_of(error))
            else:
                self.message_user(
                    request,
                    f"{correction.get_kind_display()} du {french_date(correction.created_at)} ajouté.",
                    messages.SUCCESS,
                )
                return self.redirect_to_change(article)
        return self.page(
            request,
            "correction.html",
            f"Rectificatif ou mise à jour de « {article.title} »",
            article,
            form=form,
            corrections=article.corrections.select_related("created_by"),
        )

    # --- Preview links -----------------------------------------------------------------

    def preview_links_view(self, request, object_id):
        article = self.article_or_404(request, object_id)
        if not request.user.has_perm("articles.share_preview_article"):
            raise PermissionDenied
        form = PreviewLinkForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            link = services.preview_link_create(
                article=article,
                user=request.user,
                lifetime=form.lifetime,
                note=form.cleaned_data["note"],
            )
            self.message_user(
                request,
                f"Lien créé, valable jusqu’au {french_datetime(link.expires_at)}.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        now = timezone.now()
        links = [
            (link, preview_link_url(link, request), link.is_active(now))
            for link in article.preview_links.select_related("created_by")
        ]
        return self.page(
            request,
            "preview_links.html",
            f"Partager un aperçu de « {article.title} »",
            article,
            form=form,
            links=links,
        )

    def revoke_link_view(self, request, object_id, link):
        self._post_only(request)
        article = self.article_or_404(request, object_id)
        preview_link = get_object_or_404(PreviewLink, pk=link, article=article)
        services.preview_link_revoke(link=preview_link, user=request.user)
        self.message_user(
            request, "Lien révoqué : il ne montre plus rien.", messages.SUCCESS
        )
        return HttpResponseRedirect(
            reverse("admin:articles_article_preview_links", args=[article.pk])
        )

    # --- A new version scheduled for later ----------------------------------------------

    def scheduled_change_view(self, request, object_id, change):
        article = self.article_or_404(request, object_id)
        scheduled = get_object_or_404(ScheduledChange, pk=change, article=article)
        if request.method == "POST":
            try:
                services.scheduled_change_cancel(change=scheduled, user=request.user)
            except (services.WorkflowError, PermissionDenied) as error:
                self.message_user(request, message_of(error), messages.ERROR)
            else:
                self.message_user(
                    request, "Nouvelle version annulée.", messages.SUCCESS
                )
            return self.redirect_to_change(article)
        return self.page(
            request,
            "scheduled_change.html",
            f"Nouvelle version de « {article.title} »",
            article,
            change=scheduled,
            changes=compare(article_snapshot(article), scheduled.content),
            stale=scheduled.base_fingerprint
            and scheduled.base_fingerprint != fingerprint(article_snapshot(article)),
        )

    # --- Endpoints for the edit page's script -------------------------------------------

    def autosave_view(self, request, object_id=None):
        if request.method != "POST":
            return JsonResponse({"error": "POST attendu."}, status=405)
        if object_id is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
            article = None
        else:
            article = self.article_or_404(request, object_id, edit=True)
        if "discard" in request.POST:
            Autosave.objects.filter(user=request.user, article=article).delete()
            return JsonResponse({"discarded": True})
        data = {
            name: request.POST[name][:200_000]
            for name in AUTOSAVED_FIELDS
            if name in request.POST
        }
        autosave = services.autosave_store(
            user=request.user,
            article=article,
            data=data,
            base_fingerprint=request.POST.get("base_fingerprint", "")[:64],
        )
        return JsonResponse(
            {
                "saved_at": autosave.saved_at.isoformat(),
                "label": f"Enregistré automatiquement à {french_datetime(autosave.saved_at).split(' à ')[1]}",
            }
        )

    def presence_view(self, request, object_id):
        if request.method != "POST":
            return JsonResponse({"error": "POST attendu."}, status=405)
        article = self.article_or_404(request, object_id)
        if "leave" in request.POST:
            services.presence_leave(article=article, user=request.user)
            return JsonResponse({"others": []})
        others = services.presence_touch(article=article, user=request.user)
        return JsonResponse(
            {"others": [user.get_full_name() or user.get_username() for user in others]}
        )

    # --- Overdue events --------------------------------------------------------------

    def run_overdue_view(self, request):
        self._post_only(request)
        if not request.user.has_perm("articles.publish_article"):
            raise PermissionDenied
        events = services.scheduled_events_run()
        self.message_user(
            request,
            f"{len(events)} évènement(s) programmé(s) traité(s).",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            request.POST.get("next") or reverse("admin:articles_article_changelist")
        )

    # --- Calendar ------------------------------------------------------------------

    def calendar_view(self, request):
        if not request.user.has_perm("articles.view_calendar_article"):
            raise PermissionDenied
        today = timezone.localdate()
        try:
            day = (
                dt.date.fromisoformat(request.GET.get("date", ""))
                if request.GET.get("date")
                else today
            )
        except ValueError:
            day = today
        view = "jour" if request.GET.get("vue") == "jour" else "semaine"
        start = day if view == "jour" else day - dt.timedelta(days=day.weekday())
        days = [start + dt.timedelta(days=n) for n in range(1 if view == "jour" else 7)]
        # Midnight in Paris, whatever the daylight-saving offset that day.
        begin = timezone.make_aware(dt.datetime.combine(days[0], dt.time()))
        end = timezone.make_aware(
            dt.datetime.combine(days[-1] + dt.timedelta(days=1), dt.time())
        )
        now = timezone.now()
        live_ids = set(
            Article.objects.published(at=now)
            .filter(publish_at__gte=begin, publish_at__lt=end)
            .values_list("pk", flat=True)
        )
        entries = {d: [] for d in days}
        articles = (
            Article.objects.filter(
                status__in=[Status.SCHEDULED, Status.PUBLISHED],
                publish_at__gte=begin,
                publish_at__lt=end,
            )
            .select_related("section")
            .order_by("publish_at")
        )
        can_reschedule = request.user.has_perm("articles.schedule_article")
        for article in articles:
            local = timezone.localtime(article.publish_at)
            entries[local.date()].append(
                {
                    "kind": "article",
                    "time": local,
                    "article": article,
                    "live": article.pk in live_ids,
                    "form": RescheduleForm(initial={"publish_at": local})
                    if can_reschedule and article.pk not in live_ids
                    else None,
                }
            )
        for change in ScheduledChange.objects.filter(
            state=ScheduledChange.State.PENDING, apply_at__gte=begin, apply_at__lt=end
        ).select_related("article"):
            local = timezone.localtime(change.apply_at)
            entries[local.date()].append(
                {
                    "kind": "change",
                    "time": local,
                    "article": change.article,
                    "change": change,
                }
            )
        columns = [
            {
                "date": d,
                "label": f"{WEEKDAYS[d.weekday()]} {french_date(d)}",
                "entries": sorted(entries[d], key=lambda e: e["time"]),
                "is_today": d == today,
            }
            for d in days
        ]
        step = dt.timedelta(days=1 if view == "jour" else 7)
        waiting = (
            Article.objects.filter(status=Status.REVIEW)
            .select_related("section")
            .order_by("modified_at")
            if can_reschedule
            else []
        )
        return self.page(
            request,
            "calendar.html",
            "Calendrier éditorial",
            columns=columns,
            view=view,
            day=day,
            previous=(start - step).isoformat(),
            next=(start + step).isoformat(),
            today=today.isoformat(),
            month_label=f"{MONTHS[start.month - 1]} {start.year}",
            waiting=[(a, RescheduleForm()) for a in waiting],
            overdue_events=overdue_events(),
        )

    def reschedule_view(self, request, pk):
        self._post_only(request)
        article = self.article_or_404(request, str(pk))
        back = request.POST.get("next") or reverse("admin:articles_article_calendar")
        form = RescheduleForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                self.message_user(
                    request, f"« {article.title} » : {' '.join(errors)}", messages.ERROR
                )
            return HttpResponseRedirect(back)
        publish_at = form.cleaned_data["publish_at"]
        unpublish_at = article.unpublish_at
        try:
            services.article_schedule(
                article=article,
                user=request.user,
                publish_at=publish_at,
                unpublish_at=unpublish_at
                if unpublish_at and unpublish_at > publish_at
                else None,
            )
        except (services.WorkflowError, PermissionDenied) as error:
            self.message_user(
                request, f"« {article.title} » : {message_of(error)}", messages.ERROR
            )
        else:
            self.message_user(
                request,
                f"« {article.title} » programmé pour le {french_datetime(publish_at)}.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(back)
