"""Parts of pages rendered once per content version and taken from the shared cache.

`{% cached_fragment %}` (hub/templatetags/hub_tags.py) stores them. A page whose main content is
already cached does not compute that content's context at all (`BasePage.serve`): the listing, the
related pages, the filter counts and "where this term appears" cost nothing until the next change.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils.translation import get_language

from hub.content_cache import request_content_version

FRAGMENT_SECONDS = 60 * 60 * 24
CONTENT = "content"


def fragment_key(request, name, vary_on):
    vary = "|".join(str(value) for value in vary_on)
    digest = hashlib.sha256(vary.encode()).hexdigest()
    return f"hub:fragment:{request_content_version(request)}:{get_language()}:{name}:{digest}"


def fragments_allowed(request):
    """Never for a preview (it shows a draft) or a POST (it answers one reader)."""
    return request is not None and not getattr(request, "is_preview", False) and request.method in ("GET", "HEAD")


def content_vary_on(request, page):
    return [page.pk, request.get_full_path()]


def prefetch_content(request, page):
    """The page's cached main content, kept on the request for the template; None when not cached."""
    if not fragments_allowed(request):
        return None
    key = fragment_key(request, CONTENT, content_vary_on(request, page))
    html = cache.get(key)
    if html is not None:
        request.prefetched_fragments = {key: html}
    return html


def cached_fragment(request, name, vary_on, render):
    key = fragment_key(request, name, vary_on)
    html = getattr(request, "prefetched_fragments", {}).get(key)
    if html is None:
        html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, FRAGMENT_SECONDS)
    return html


def cached_route(root, request, path_components, route):
    """Wagtail's routing below `root`, remembered per content version: one query instead of two per level.

    What is kept is the page that the normal routing reached and how many path components its
    ancestors took; the page routes what is left itself (a routable page's sub-pages, the live
    check). A 404 is not kept. Any publication, move or renaming replaces the content version.
    """
    if not path_components or not fragments_allowed(request):
        return route(request, path_components)
    path = "/".join(path_components)
    key = f"hub:route:{request_content_version(request)}:{root.pk}:{hashlib.sha256(path.encode()).hexdigest()}"
    found = cache.get(key)
    if found is not None:
        content_type_id, page_id, consumed = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id).first() if model is not None else None
        if page is not None:
            return page.route(request, path_components[consumed:])
    result = route(request, path_components)
    page = result[0]
    cache.set(key, (page.content_type_id, page.pk, page.depth - root.depth), FRAGMENT_SECONDS)
    return result
