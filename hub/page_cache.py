"""The page cache: anonymous readers get a page rendered once, from Django's cache, until content changes.

Built on Django's cache framework (Redis when REDIS_URL is set, so that every worker and every
instance shares it); wagtail-cache, the kept library for this, supports Wagtail up to 7 only.
Entries are keyed by the content version (`hub.content_cache`), which every change readers could
see replaces: nothing is ever served stale, and nothing has to be deleted.

Never cached: anything but GET and HEAD, a request with a session (a signed-in editor, or a reader
who unlocked a password-protected page) or credentials, the admin and previews, responses that are
not 200, set a cookie (a CSRF token among them), vary on anything but compression, or say
private / no-store / no-cache (Wagtail says so for every page under a view restriction).
Keys hold the host, the language and the path with its query string normalised: parameters in
name order, tracking parameters (utm_*, fbclid…) left out.
"""

import hashlib
import re
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.translation import get_language_from_path

from hub.content_cache import request_content_version

STATUS_HEADER = "X-Page-Cache"
TRACKING_PARAMETER = re.compile(r"^(utm_\w+|fbclid|gclid|msclkid|mc_cid|mc_eid|_ga)$")
UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz")
REFUSING_DIRECTIVES = {"private", "no-store", "no-cache"}
# Headers that belong to one reply, or that follow the settings of the moment (Cache-Control).
NOT_STORED_HEADERS = {STATUS_HEADER.lower(), "set-cookie", "date", "expires", "cache-control"}


def normalised_query(query_string):
    pairs = [(name, value) for name, value in parse_qsl(query_string, keep_blank_values=True)]
    pairs = [(name, value) for name, value in pairs if not TRACKING_PARAMETER.match(name)]
    pairs.sort(key=lambda pair: pair[0])  # stable: the values of one parameter keep their order
    return urlencode(pairs)


def page_cache_key(request, version):
    language = get_language_from_path(request.path_info) or "-"
    query = normalised_query(request.META.get("QUERY_STRING", ""))
    address = f"{request.get_host()}|{language}|{request.path}|{query}"
    return f"hub:page:{version}:{language}:{hashlib.sha256(address.encode()).hexdigest()}"


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(UNCACHED_PREFIXES)
    )


def cacheable_response(request, response):
    directives = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    varies = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and not (directives & REFUSING_DIRECTIVES)
        and varies <= {"accept-encoding"}
    )


def shared_cache_headers(response):
    """Browsers revalidate every time (the ETag makes that a 304); a purged front-end cache keeps the page."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not cacheable_request(request):
            return self.get_response(request)
        key = page_cache_key(request, request_content_version(request))
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content, headers=headers)
            shared_cache_headers(response)
            response[STATUS_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if not cacheable_response(request, response):
            return response
        shared_cache_headers(response)
        headers = {name: value for name, value in response.items() if name.lower() not in NOT_STORED_HEADERS}
        cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
        response[STATUS_HEADER] = "miss"
        return response
