from django import template

register = template.Library()


@register.filter
def user_label(user):
    if user is None:
        return "Automatique"
    return user.get_full_name() or user.get_username()
