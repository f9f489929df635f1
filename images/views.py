from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control

from images.models import Image
from images.renditions import applies_to, get_spec, rendition_get_or_create
from images.usage import is_shown_to_readers


def rendition(request, pk, spec):
    """Send the browser to a rendition's file, making it first if needed.

    Pages link straight to stored files; this view only answers for
    renditions not made yet. Sizes outside the allow-list are 404 before any
    query. Readers only get images of published articles whose licence is
    valid; staff (previews) get any.
    """
    spec = get_spec(spec)
    if spec is None:
        raise Http404("Format d’image inconnu.")
    image = get_object_or_404(Image, pk=pk)
    if not applies_to(spec, image):
        raise Http404("Format d’image indisponible pour cette photo.")
    public = not image.is_licence_expired() and is_shown_to_readers(image)
    if not public and not request.user.is_staff:
        raise Http404("Image introuvable.")
    response = HttpResponseRedirect(rendition_get_or_create(image=image, spec=spec).url)
    if public:
        patch_cache_control(response, public=True, max_age=86400)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
