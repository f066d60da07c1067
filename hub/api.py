"""Wagtail API v2: published pages, glossary terms included, read-only, its parameters checked first."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet

from rest_framework.renderers import JSONRenderer

from hub.search.query import MAX_QUERY_LENGTH, normalize
from hub.validation import check_text, whole_number

MAX_VALUE_LENGTH = 1000  # any parameter: a page path, a list of fields, a filter on a field
MAX_NAME_LENGTH = 100
MAX_OFFSET = 100_000  # far past the last page of the site
MAX_ID = 2**63 - 1  # the largest primary key a database holds
MAX_FIELDS_NESTING = 5  # fields=a(b(c)): Wagtail parses the nesting recursively
PAGE_IDS = ("id", "child_of", "ancestor_of", "descendant_of", "translation_of")
ROOT_ALLOWED = ("child_of", "descendant_of", "translation_of")


def fields_nesting(value):
    depth = deepest = 0
    for bracket in re.findall(r"[()]", value):
        depth += 1 if bracket == "(" else -1
        deepest = max(deepest, depth)
    return deepest


def checked_parameters(query):
    """The query parameters of a request to the pages endpoint, checked, with `search` reduced to its words.

    Raises Wagtail's BadRequestError (a 400 with {"message": ...}) for the first bad one. Wagtail
    checks the names and the values it knows how to read; what it passes on unread (a NUL to
    PostgreSQL, a quote to SQLite's full-text syntax, an operator other than "and" and "or" to
    the search backend, an offset past what SQLite's integers hold, a path of unbounded
    length, a fields list nested past Python's recursion limit) is stopped here.
    """
    cleaned = query.copy()
    for name, values in query.lists():  # every value of a repeated parameter, though Wagtail reads the last
        try:
            check_text(name, MAX_NAME_LENGTH)
        except ValidationError as error:
            raise BadRequestError(f"a parameter name {error.messages[0]}") from error
        limit = MAX_QUERY_LENGTH if name == "search" else MAX_VALUE_LENGTH
        for value in values:
            try:
                check_text(value, limit)
            except ValidationError as error:
                raise BadRequestError(f"{name} {error.messages[0]}") from error

    if "search" in query:
        cleaned["search"] = normalize(query["search"])
    if query.get("search_operator", "and") not in ("and", "or"):
        raise BadRequestError('search_operator must be "and" or "or"')
    if "offset" in query and whole_number(query["offset"], 0, MAX_OFFSET) is None:
        raise BadRequestError(f"offset must be a whole number from 0 to {MAX_OFFSET}, written with the digits 0-9")
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    if "limit" in query and whole_number(query["limit"], 0, limit_max) is None:
        raise BadRequestError(f"limit must be a whole number from 0 to {limit_max}, written with the digits 0-9")
    for name in PAGE_IDS:
        if name in query and whole_number(query[name], 0, MAX_ID) is None:
            if not (name in ROOT_ALLOWED and query[name] == "root"):
                alternative = ' or "root"' if name in ROOT_ALLOWED else ""
                raise BadRequestError(f"{name} must be a page id (digits 0-9){alternative}")
    languages = [code for code, _name in settings.LANGUAGES]
    if "locale" in query and query["locale"] not in languages:
        raise BadRequestError(f"unknown locale: use one of {', '.join(languages)}")
    if "fields" in query and fields_nesting(query["fields"]) > MAX_FIELDS_NESTING:
        raise BadRequestError(f"fields nest at most {MAX_FIELDS_NESTING} levels deep")
    if query.get("format", "json") != "json":
        raise BadRequestError('format must be "json"')
    return cleaned


class PagesAPIViewSet(WagtailPagesAPIViewSet):
    """Wagtail's pages endpoint, JSON only, with every query parameter checked before Wagtail reads it."""

    # Wagtail adds DRF's browsable HTML API, which sets a CSRF cookie; the site serves JSON (settings.REST_FRAMEWORK).
    renderer_classes = [JSONRenderer]

    def initial(self, request, *args, **kwargs):
        # Before DRF's content negotiation, which reads `format`. Wagtail's filters and paginator
        # read the Django request's GET.
        request._request.GET = checked_parameters(request._request.GET)
        super().initial(request, *args, **kwargs)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
