from django import template

from articles.formats import person_name

register = template.Library()

register.filter("user_label", person_name)
