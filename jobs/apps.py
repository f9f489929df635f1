from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Tâches de fond"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from jobs import failures

        failures.connect()
