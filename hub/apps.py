from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Coopérer"

    def ready(self):
        from hub import content_cache, restrictions

        restrictions.connect()
        content_cache.connect()
