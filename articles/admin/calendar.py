"""The editorial calendar: what goes live or changes each day, quick
rescheduling, and the overdue scheduled events handled on demand."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone

from articles import services
from articles.admin.forms import RescheduleForm
from articles.admin.pages import message_of, require_post
from articles.models import Article, ScheduledChange
from articles.services.checks import in_schedule_years
from articles.services.scheduled_events import overdue_events
from core.adminpages import admin_url
from core.formats import MONTHS, french_date, french_datetime

Status = Article.Status
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def _midnight(day: dt.date) -> dt.datetime:
    # Midnight in Paris, whatever the daylight-saving offset that day.
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


class CalendarViews:
    """Mixed into ``ArticleAdmin``."""

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
        if not in_schedule_years(day):
            # Nothing is ever scheduled then, and the days around 9999-12-31
            # do not exist.
            raise Http404("Date hors du calendrier.")
        view = "jour" if request.GET.get("vue") == "jour" else "semaine"
        start = day if view == "jour" else day - dt.timedelta(days=day.weekday())
        days = [start + dt.timedelta(days=n) for n in range(1 if view == "jour" else 7)]
        begin, end = _midnight(days[0]), _midnight(days[-1] + dt.timedelta(days=1))
        can_reschedule = request.user.has_perm("articles.schedule_article")
        entries = self._calendar_entries(days, begin, end, can_reschedule)
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

    @staticmethod
    def _calendar_entries(days, begin, end, can_reschedule) -> dict:
        """{day: [entry]}: articles going live and new versions due that day."""
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
        return entries

    def reschedule_view(self, request, pk):
        require_post(request)
        article = self.article_or_404(request, str(pk))
        back = request.POST.get("next") or admin_url(Article, "calendar")
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

    def run_overdue_view(self, request):
        require_post(request)
        if not request.user.has_perm("articles.publish_article"):
            raise PermissionDenied
        events = services.scheduled_events_run()
        self.message_user(
            request,
            f"{len(events)} évènement(s) programmé(s) traité(s).",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            request.POST.get("next") or admin_url(Article, "changelist")
        )
