from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Coopérer"

    def ready(self):
        from hub import content_cache, restrictions
        from hub.search import checks  # noqa: F401 - registers the system check of the search tuning

        restrictions.connect()
        content_cache.connect()
