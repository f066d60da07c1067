from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Coopérer"

    def ready(self):
        from hub import restrictions

        restrictions.connect()
