"""What every template may show: the site's identity (name, taglines, footer), from the shared cache."""

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from hub.content_cache import request_content_version
from hub.models.site_settings import SiteIdentity

IDENTITY_SECONDS = 60 * 60 * 24


def site_identity(request):
    def load():
        key = f"hub:identity:{request_content_version(request)}"
        identity = cache.get(key)
        if identity is None:
            identity = SiteIdentity.load()
            cache.set(key, identity, IDENTITY_SECONDS)
        return identity

    return {"identity": SimpleLazyObject(load)}
