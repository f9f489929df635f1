from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from anymail.signals import tracking

        from articles.admin.article import ArticleAdmin
        from newsletters import webhooks
        from newsletters.admin.alerts import send_alert_action

        # Bounces and complaints reported by the provider suppress the address.
        tracking.connect(webhooks.on_tracking_event, dispatch_uid="newsletters")
        # « Envoyer l'alerte » on the article list: the article admin knows
        # nothing of newsletters, so the action is added from here.
        if send_alert_action not in ArticleAdmin.actions:
            ArticleAdmin.actions = [*ArticleAdmin.actions, send_alert_action]
