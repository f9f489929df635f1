from django import template

from articles.formats import french_date, french_datetime

register = template.Library()


@register.filter
def fr_datetime(value):
    """« 3 novembre 2024 à 14 h 05 » (Europe/Paris)."""
    return french_datetime(value) if value else ""


@register.filter
def fr_date(value):
    return french_date(value) if value else ""


@register.filter
def user_label(user):
    if user is None:
        return "Automatique"
    return user.get_full_name() or user.get_username()
