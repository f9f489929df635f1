"""Errors as RFC 9457 problem details (``application/problem+json``), in French."""

import json

from django.http import HttpResponse

PROBLEM_TYPE = "application/problem+json"

TITLES = {
    400: "Requête invalide",
    401: "Clé d’API invalide",
    403: "Accès refusé",
    404: "Introuvable",
    405: "Méthode non autorisée",
    406: "Format non disponible",
    410: "Supprimé",
    429: "Trop de requêtes",
    500: "Erreur du serveur",
    503: "Service indisponible",
}


def problem(status: int, detail: str, *, errors=None, headers=None) -> HttpResponse:
    body = {
        "type": "about:blank",
        "title": TITLES.get(status, "Erreur"),
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=f"{PROBLEM_TYPE}; charset=utf-8",
        headers=headers,
    )
    return response
