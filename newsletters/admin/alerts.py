"""« Envoyer l'alerte »: an action of the article list that leads to a
confirmation page; the alert goes once per article."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404

from articles.models import Article
from core.adminpages import admin_page, admin_url
from newsletters import sending


@admin.action(permissions=["publish"], description="Envoyer l’alerte par e-mail")
def send_alert_action(model_admin, request, queryset):
    if queryset.count() != 1:
        model_admin.message_user(
            request,
            "Choisissez un seul article pour envoyer son alerte.",
            messages.ERROR,
        )
        return None
    from newsletters.models import Send

    return HttpResponseRedirect(admin_url(Send, "alert", queryset.get().pk))


def alert_view(model_admin, request, article_pk):
    if not request.user.has_perm("articles.publish_article"):
        raise PermissionDenied
    article = get_object_or_404(
        Article.objects.select_related("section"), pk=article_pk
    )
    if request.method == "POST":
        try:
            send = sending.send_create_alert(article=article, user=request.user)
        except sending.SendError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(admin_url(Article, "change", article.pk))
        messages.success(request, f"L’alerte « {article.title} » part maintenant.")
        return HttpResponseRedirect(admin_url(type(send), "change", send.pk))
    return admin_page(
        model_admin,
        request,
        "admin/newsletters/send/alert_confirm.html",
        "Envoyer l’alerte",
        article=article,
        problems=sending.alert_problems(article),
    )
