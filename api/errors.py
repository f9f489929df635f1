"""The API's exceptions as French problem details (``api.problems``)."""

from django.http import Http404
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from api.access import InvalidKey
from api.cursors import BadCursor
from api.problems import problem

MESSAGES = {
    "int_parsing": "doit être un nombre entier",
    "int_type": "doit être un nombre entier",
    "string_too_long": "est trop long ({max_length} caractères au plus)",
    "string_too_short": "est trop court",
    "string_pattern_mismatch": "contient des caractères non permis",
    "datetime_parsing": "doit être une date ISO 8601, par exemple 2026-12-06T08:00:00+01:00",
    "datetime_from_date_parsing": "doit être une date ISO 8601, par exemple 2026-12-06T08:00:00+01:00",
    "datetime_type": "doit être une date ISO 8601, par exemple 2026-12-06T08:00:00+01:00",
    "missing": "est obligatoire",
    "literal_error": "n’accepte que {expected}",
    "enum": "n’accepte que {expected}",
}


def _message(error):
    context = error.get("ctx") or {}
    kind = error.get("type", "")
    if kind == "greater_than_equal":
        return f"doit valoir au moins {context.get('ge')}"
    if kind == "less_than_equal":
        return f"doit valoir au plus {context.get('le')}"
    template = MESSAGES.get(kind)
    if template is None:
        return "a une valeur invalide"
    try:
        return template.format(**context)
    except (KeyError, IndexError, ValueError):
        return "a une valeur invalide"


class BadParameter(Exception):
    """A parameter the schema accepts but the data refuses (an unknown
    rubrique, a search with no word)."""

    def __init__(self, name, message):
        super().__init__(message)
        self.name, self.message = name, message


class Gone(Exception):
    """What readers could see and will not again (a trashed article): 410."""


def install(api):
    """Register the handlers on ``api`` (a ``NinjaAPI``)."""

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        errors = []
        for error in exc.errors:
            location = [str(part) for part in error.get("loc", ())]
            name = location[-1] if location else "?"
            errors.append({"parameter": name, "message": _message(error)})
        detail = " ".join(
            f"Paramètre « {e['parameter']} » : {e['message']}." for e in errors
        )
        return problem(400, detail or "Paramètres invalides.", errors=errors)

    @api.exception_handler(BadParameter)
    def bad_parameter(request, exc):
        return problem(
            400,
            f"Paramètre « {exc.name} » : {exc.message}",
            errors=[{"parameter": exc.name, "message": exc.message}],
        )

    @api.exception_handler(BadCursor)
    def bad_cursor(request, exc):
        return problem(
            400,
            "Paramètre « cursor » : ce curseur n’est pas valide ; reprenez la "
            "liste depuis le début ou suivez le lien « next » d’une page.",
            errors=[{"parameter": "cursor", "message": "curseur invalide"}],
        )

    @api.exception_handler(InvalidKey)
    @api.exception_handler(AuthenticationError)
    def invalid_key(request, exc):
        return problem(
            401,
            "Cette clé d’API n’est pas valide ou a été révoquée. Sans clé, "
            "l’API reste ouverte avec une limite plus basse.",
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        return problem(
            429,
            "Trop de requêtes : réessayez après le délai indiqué par "
            "l’en-tête Retry-After.",
        )

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return problem(404, str(exc) or "Rien à cette adresse.")

    @api.exception_handler(Gone)
    def gone(request, exc):
        return problem(410, str(exc))

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return problem(exc.status_code, str(exc))
