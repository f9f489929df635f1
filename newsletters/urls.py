from django.urls import include, path

from newsletters import views

app_name = "newsletters"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="index"),
    path("merci/", views.ThanksView.as_view(), name="thanks"),
    path("confirmation/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path(
        "preferences/<str:token>/", views.PreferencesView.as_view(), name="preferences"
    ),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # The providers' tracking webhooks (bounces, complaints): django-anymail,
    # e.g. /newsletters/webhooks/brevo/tracking/.
    path("webhooks/", include("newsletters.webhook_urls")),
]
