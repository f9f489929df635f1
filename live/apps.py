from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = "Directs"

    def ready(self):
        from images import usage
        from live.image_usage import EntryImageUsage

        usage.register(EntryImageUsage())
