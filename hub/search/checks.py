"""System check: the search tuning runs only on the django-modelsearch version it was tested with."""

from django.conf import settings
from django.core.checks import Error, Tags, register

import modelsearch

from hub.search import backends


@register(Tags.compatibility)
def modelsearch_version_is_tested(app_configs=None, **kwargs):
    tuned = [
        alias
        for alias, params in settings.WAGTAILSEARCH_BACKENDS.items()
        if params["BACKEND"] in backends.TUNED_BACKENDS
    ]
    if not tuned or modelsearch.__version__ in backends.TESTED_MODELSEARCH:
        return []
    tested = ", ".join(sorted(backends.TESTED_MODELSEARCH))
    return [
        Error(
            f"django-modelsearch {modelsearch.__version__} is installed; the search tuning of "
            f"hub/search/backends/ (search backend {', '.join(tuned)}) was tested with {tested} only.",
            hint=(
                "Pin the tested version in requirements.txt, or run the search tests and `make bench` with "
                "this one and add it to TESTED_MODELSEARCH in hub/search/backends/__init__.py."
            ),
            id="hub.E001",
        )
    ]
