"""CORS for the API's GETs, and problem details for what the API's own
handlers never see (an unknown address, a method other than GET)."""

from django.conf import settings
from django.http import HttpResponse

from api.problems import PROBLEM_TYPE, problem

ALLOW_METHODS = "GET, HEAD, OPTIONS"
ALLOW_HEADERS = "Authorization, Accept, If-None-Match, If-Modified-Since"
EXPOSE_HEADERS = (
    "ETag, Last-Modified, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
    "RateLimit-Reset, Link"
)
# Browsers may keep a preflight answer this long (seconds).
PREFLIGHT_MAX_AGE = 86400


class ApiCorsMiddleware:
    """``Access-Control-Allow-Origin: *`` on every answer under
    ``API_PATH_PREFIX``: the API is public and reads no cookie, so any site
    may call it from a browser. Preflights are answered here."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = settings.API_PATH_PREFIX

    def __call__(self, request):
        if not request.path.startswith(self.prefix):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response.headers["Access-Control-Allow-Methods"] = ALLOW_METHODS
            response.headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS
            response.headers["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
            response.headers["Cache-Control"] = f"public, max-age={PREFLIGHT_MAX_AGE}"
        else:
            head = request.method == "HEAD"
            if head:
                # Answered as a GET (headers, ETag, limits), without the body:
                # what Django's generic views do for HEAD.
                request.method = "GET"
            response = self.get_response(request)
            if head:
                response.headers["Content-Length"] = str(len(response.content))
                response.content = b""
            if response.status_code >= 400 and not response.get(
                "Content-Type", ""
            ).startswith((PROBLEM_TYPE, "application/json")):
                response = self._as_problem(request, response)
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
        return response

    @staticmethod
    def _as_problem(request, response):
        status = response.status_code
        details = {
            400: "Requête invalide : elle contient un caractère non permis (NUL ou caractère de contrôle) ou elle est mal formée.",
            404: "Rien à cette adresse. Les adresses de l’API sont décrites par /api/v1/schema/.",
            405: "L’API se lit seulement (GET, HEAD, OPTIONS).",
        }
        replaced = problem(
            status,
            details.get(status, "La requête n’a pas pu aboutir."),
        )
        for name in ("Allow", "Retry-After", "Cache-Control"):
            if name in response:
                replaced.headers[name] = response[name]
        if "Cache-Control" not in replaced:
            replaced.headers["Cache-Control"] = "no-store"
        return replaced
