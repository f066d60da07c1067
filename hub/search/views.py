"""The two faces of the search service: the HTML page and the JSON API."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from hub.search.service import RESULT_TYPES, SearchService

PER_PAGE = 10


def params(request):
    return {name: request.GET.get(name, "") for name in ("type", "territory", "theme")}


@require_GET
def search_page(request):
    query = request.GET.get("q", "")
    service = SearchService(get_language())
    outcome = (
        service.search(query, page=request.GET.get("page"), per_page=PER_PAGE, **params(request)) if query else None
    )
    filters = {name: value for name, value in (outcome.filters if outcome else {}).items() if value}
    base = {"q": outcome.query} if outcome else {}
    context = {
        "outcome": outcome,
        "query": outcome.query if outcome else "",
        "querystring": urlencode({**base, **filters}),
        "filter_links": filter_links(outcome, base) if outcome else {},
    }
    return TemplateResponse(request, "hub/search.html", context)


def filter_links(outcome, base):
    """For each facet option, the query string that selects it (or clears it when selected)."""
    links = {}
    for name, options in outcome.facets.items():
        for option in options:
            chosen = {key: value for key, value in outcome.filters.items() if value}
            if option.selected:
                chosen.pop(name, None)
            else:
                chosen[name] = option.value
            links[(name, option.value)] = urlencode({**base, **chosen})
    return links


def api_language(request):
    code = request.GET.get("locale") or "fr"
    if not isinstance(code, str) or not Locale.objects.filter(language_code=code).exists():
        return None
    return code


def bad_request(message):
    return JsonResponse({"error": message}, status=400)


@require_GET
def search_api(request):
    """GET ?q=...&locale=fr[&type=&page=] -> {"count": N, "results": [{title, url, type, snippet}]}.

    Beyond the service's MAX_RESULTS most relevant results, "capped": true says that more pages match.
    """
    language_code = api_language(request)
    if language_code is None:
        return bad_request('unknown locale: use "fr" or "en"')
    result_type = request.GET.get("type", "")
    if result_type and result_type not in RESULT_TYPES:
        return bad_request(f"unknown type: use one of {', '.join(RESULT_TYPES)}")
    page = request.GET.get("page", "1")
    if not page.isdigit() or int(page) < 1:
        return bad_request("page must be a positive whole number")
    outcome = SearchService(language_code).search(request.GET.get("q", ""), type=result_type, page=int(page))
    results = []
    if outcome.page is not None and int(page) <= outcome.page.paginator.num_pages:
        results = [
            {
                "title": result.title,
                "url": request.build_absolute_uri(result.url),
                "type": result.type,
                "snippet": str(result.snippet),
            }
            for result in outcome.results
        ]
    payload = {"count": outcome.count, "results": results}
    if outcome.capped:
        payload["capped"] = True  # "count" covers the most relevant results only: more pages match
    if outcome.message:
        payload["message"] = str(outcome.message)
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})


@require_GET
def suggest_api(request):
    """GET ?q=...&locale=fr -> {"suggestions": [{title, url, type}]}, at most 8."""
    language_code = api_language(request)
    if language_code is None:
        return bad_request('unknown locale: use "fr" or "en"')
    suggestions = SearchService(language_code).suggest(request.GET.get("q", ""))
    return JsonResponse({"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
