"""Purging the HTTP cache in front of the site (Varnish) when content changes.

Wagtail's frontend_cache app sends the purge requests (`FRONTEND_CACHE_PURGE_URL` configures its
HTTP backend, see hub/settings/base.py); it purges the pages it knows changed, and this module
purges each site's root after every change that `hub.content_cache` sees, because a page's title
and links also show in menus, listings and asides of other pages. The Varnish configuration shipped
in deploy/varnish/default.vcl treats a PURGE as a ban of every address below it, so that purging
the root drops the whole site, filtered listings and feeds included.
"""

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site


def purge_site():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    purge_urls_from_cache([site.root_url.rstrip("/") + "/" for site in Site.objects.all()])
