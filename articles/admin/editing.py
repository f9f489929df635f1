"""What the edit page's scripts call in the background: autosave, who else
has the article open, and tag suggestions."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse

from articles import services
from articles.admin.forms import AUTOSAVED_FIELDS
from articles.models import Autosave
from articles.services.rights import sees_all_articles, visible_articles
from articles.tags import tags_folding_to
from core.formats import french_time, person_name


class EditingViews:
    """Mixed into ``ArticleAdmin``."""

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
        # Whole: the request's size is already bounded (ARTICLE_POST_MAX_MB),
        # and a cut would lose the end of a long article. Without NUL bytes,
        # which nobody types and PostgreSQL's JSON cannot hold (a 500).
        data = {
            name: request.POST[name].replace("\x00", "")
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
                "label": f"Enregistré automatiquement à {french_time(autosave.saved_at)}",
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
        return JsonResponse({"others": [person_name(user) for user in others]})

    def tag_suggestions(self, request):
        """Existing tags that start with ``q``, for the tag field's suggestions."""
        if not self.has_change_permission(request) and not self.has_add_permission(
            request
        ):
            return JsonResponse({"results": []}, status=403)
        term = request.GET.get("q", "").strip()[:100]
        if not term:
            return JsonResponse({"results": []})
        tags = tags_folding_to(term, prefix=True)
        if not sees_all_articles(request.user):
            # A tag used only on someone else's draft would reveal its subject.
            tags = tags.filter(article__in=visible_articles(request.user))
        names = tags.order_by("name").values_list("name", flat=True).distinct()
        return JsonResponse({"results": list(names[:20])})
