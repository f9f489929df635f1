"""Uploaded files (photos and their renditions) served by the app itself, for
a deployment on one machine without nginx (SERVE_MEDIA). When nginx is in
front it answers ``/media/`` first (deploy/nginx/newsday.conf) and this view
is never reached.

whitenoise cannot do this: it lists its files when the process starts, and
photos are uploaded, and renditions made, afterwards.
"""

import errno

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.views import static
from django.views.decorators.http import require_safe

# A rendition's name changes with its source file and its crop
# (images/renditions.py), so a rendition file never changes: kept for a year.
RENDITIONS = "images/renditions/"
IMMUTABLE = "public, max-age=31536000, immutable"
# An original keeps its name for its whole life but may be deleted (rights
# withdrawn): a week, as nginx does.
OTHER_FILES = "public, max-age=604800"


@require_safe
def serve(request, path):
    try:
        # Django's view: normalises the path, refuses to leave MEDIA_ROOT and
        # to list folders, answers If-Modified-Since, streams the file.
        response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    except SuspiciousFileOperation:
        # « ../ » out of MEDIA_ROOT: as if the file did not exist.
        raise Http404("Fichier introuvable.") from None
    except OSError as error:
        # A name longer than the file system allows cannot be a file either.
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404("Fichier introuvable.") from None
    response["Cache-Control"] = (
        IMMUTABLE if path.startswith(RENDITIONS) else OTHER_FILES
    )
    return response
