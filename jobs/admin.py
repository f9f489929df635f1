"""« Tâches en échec »: jobs that failed for good, their error, « Relancer »."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django_tasks_db.models import DBTaskResult

from core.adminpages import admin_page, admin_route, admin_url
from jobs.failures import failed_task_retry, failed_tasks
from jobs.models import FailedTask

# django-tasks-db's own list of every job is in English and shows nothing an
# editor can act on; the failed ones are below, in French.
admin.site.unregister(DBTaskResult)


@admin.register(FailedTask)
class FailedTaskAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            admin_route(self, "<str:task_id>/relancer/", self.retry_view, "retry"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return admin_page(
            self,
            request,
            "admin/jobs/failedtask/list.html",
            "Tâches en échec",
            tasks=failed_tasks(),
            can_retry=self.has_change_permission(request),
        )

    def retry_view(self, request, task_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        try:
            failed_task_retry(task_id=task_id)
        except LookupError:
            messages.error(
                request, "Cette tâche n’est plus dans la liste : déjà relancée ?"
            )
        else:
            messages.success(request, "La tâche est relancée.")
        return HttpResponseRedirect(admin_url(FailedTask, "changelist"))
