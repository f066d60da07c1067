"""The two faces of the search service: the HTML page and the JSON API."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from hub.search.query import MAX_QUERY_LENGTH
from hub.search.service import SearchService
from hub.search.types import RESULT_TYPES
from hub.validation import (
    InvalidInput,
    LocaleField,
    OneOfField,
    Parameters,
    TextField,
    WholeNumberField,
    clean_text,
    page_number,
)

PER_PAGE = 10


def params(request):
    """The page's filters: the service ignores a value that is not one of its options (hub.facets.clean_param)."""
    return {name: request.GET.get(name, "") for name in ("type", "territory", "theme")}


@require_GET
def search_page(request):
    # A reader's query: control characters dropped, cut where its folded form reaches the limit.
    query = clean_text(request.GET.get("q", ""), MAX_QUERY_LENGTH)
    service = SearchService(get_language())
    outcome = (
        service.search(query, page=page_number(request.GET.get("page")), per_page=PER_PAGE, **params(request))
        if query
        else None
    )
    filters = {name: value for name, value in (outcome.filters if outcome else {}).items() if value}
    base = {"q": outcome.query} if outcome else {}
    context = {
        "outcome": outcome,
        "query": outcome.query if outcome else "",
        "querystring": urlencode({**base, **filters}),
        "filter_links": filter_links(outcome, base) if outcome else {},
    }
    response = TemplateResponse(request, "hub/search.html", context)
    if query:
        add_never_cache_headers(response)  # each search is recorded (hub/search/log.py): never from a cache
    return response


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


class SuggestParameters(Parameters):
    q = TextField(max_length=MAX_QUERY_LENGTH)
    locale = LocaleField()


class SearchParameters(SuggestParameters):
    type = OneOfField(choices=RESULT_TYPES)
    page = WholeNumberField(min_value=1)


@require_GET
def search_api(request):
    """GET ?q=...&locale=fr[&type=&page=] -> {"count": N, "results": [{title, url, type, snippet, highlights}]}.

    A snippet is plain text; "highlights" lists the [start, end) offsets of its words that match the query.

    Beyond the service's MAX_RESULTS most relevant results, "capped": true says that more pages match.
    """
    try:
        params = SearchParameters.read(request.GET)
    except InvalidInput as error:
        return error.response()
    page = params["page"] or 1
    outcome = SearchService(params["locale"]).search(params["q"], type=params["type"], page=page)
    results = []
    if outcome.page is not None and page <= outcome.page.paginator.num_pages:
        results = [
            {
                "title": result.title,
                "url": request.build_absolute_uri(result.url),
                "type": result.type,
                "snippet": result.snippet.text,
                "highlights": [list(span) for span in result.snippet.marks],
            }
            for result in outcome.results
        ]
    payload = {"count": outcome.count, "results": results}
    if outcome.capped:
        payload["capped"] = True  # "count" covers the most relevant results only: more pages match
    if outcome.message:
        payload["message"] = str(outcome.message)
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    add_never_cache_headers(response)  # recorded like the search page's
    return response


@require_GET
def suggest_api(request):
    """GET ?q=...&locale=fr -> {"suggestions": [{title, url, type}]}, at most 8."""
    try:
        params = SuggestParameters.read(request.GET)
    except InvalidInput as error:
        return error.response()
    suggestions = SearchService(params["locale"]).suggest(params["q"])
    return JsonResponse({"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
