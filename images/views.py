from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control

from core.staff import is_verified_staff
from images.models import Image
from images.renditions import applies_to, get_spec, rendition_get_or_create
from images.usage import is_shown_to_readers

# Images a visitor's session may see before readers do: {pk: until (POSIX time)}.
PREVIEW_GRANTS = "images:preview-grants"


def preview_grant(request, image_pks, *, until) -> None:
    """Let this visitor open the renditions of ``image_pks`` until ``until``,
    though readers cannot yet: a shared preview link shows someone without
    an account an unpublished article, images included."""
    now = timezone.now().timestamp()
    grants = {
        pk: end
        for pk, end in request.session.get(PREVIEW_GRANTS, {}).items()
        if end > now
    }
    grants |= {str(pk): until.timestamp() for pk in image_pks if pk}
    request.session[PREVIEW_GRANTS] = grants


def is_granted(request, image) -> bool:
    grants = (
        request.session.get(PREVIEW_GRANTS, {}) if hasattr(request, "session") else {}
    )
    return grants.get(str(image.pk), 0) > timezone.now().timestamp()


def rendition(request, pk, spec):
    """Send the browser to a rendition's file, making it first if needed.

    Pages link straight to stored files; this view only answers for
    renditions not made yet. Sizes outside the allow-list are 404 before any
    query. Readers only get images of published articles whose licence is
    valid; staff (previews) get any, once verified with a code when two-factor
    authentication is required (``core.staff``); the holder of a shared
    preview link gets the images of its article (``preview_grant``).
    """
    spec = get_spec(spec)
    if spec is None:
        raise Http404("Format d’image inconnu.")
    image = get_object_or_404(Image, pk=pk)
    if not applies_to(spec, image):
        raise Http404("Format d’image indisponible pour cette photo.")
    public = not image.is_licence_expired() and is_shown_to_readers(image)
    previewed = (
        not public and not image.is_licence_expired() and is_granted(request, image)
    )
    if not public and not previewed and not request.user.is_staff:
        raise Http404("Image introuvable.")
    if not public and not previewed and not is_verified_staff(request.user):
        # Staff whose session lacks the code the admin now requires.
        raise PermissionDenied(
            "Connectez-vous à nouveau avec votre code à usage unique pour voir cette image."
        )
    response = HttpResponseRedirect(rendition_get_or_create(image=image, spec=spec).url)
    if public:
        patch_cache_control(response, public=True, max_age=86400)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
