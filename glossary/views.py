"""The glossary's views that are not pages: the decoder's CSRF exemption and the JSON API."""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from wagtail import views as wagtail_views
from wagtail.models import Page

from glossary.listing import TermFilters, filter_terms, with_initial
from glossary.models import GlossaryIndexPage
from glossary.page_views import MAX_DECODE_LENGTH, decode
from hub.json_body import read_json
from hub.validation import (
    InvalidInput,
    LocaleField,
    Parameters,
    TextField,
)

# Four bytes a character, the most UTF-8 takes, and room for the rest of the body.
MAX_DECODE_BODY = MAX_DECODE_LENGTH * 4 + 1000


def is_decoder(request, path):
    """Whether Wagtail routes `path` to a glossary's decoder (GlossaryIndexPage.decoder_view)."""
    route = Page.route_for_request(request, path)  # Wagtail keeps it on the request: serve() reuses it
    if route is None:
        return False
    page, args, _kwargs = route
    view = args[0] if args else None
    return isinstance(page, GlossaryIndexPage) and getattr(view, "__func__", None) is GlossaryIndexPage.decoder_view


@csrf_exempt
def serve_decoder(request, path):
    """Wagtail's serve for the URLs that end like the decoder's, without Django's CSRF check for the decoder.

    The decoder changes nothing: it reads the posted text and answers, and keeps nothing. Exempt,
    its form needs no token, so that it sets no cookie (readers get none, README) and decodes a
    text posted without one. Any other page whose URL ends in "decodeur/" or "decoder/" keeps
    the check.
    """
    if is_decoder(request, path):
        return wagtail_views.serve(request, path)
    return csrf_protect(wagtail_views.serve)(request, path)


class DecodeBody(Parameters):
    text = TextField(max_length=MAX_DECODE_LENGTH, multiline=True)
    locale = LocaleField()
    too_large = ("text",)


class TermsParameters(TermFilters):
    locale = LocaleField()


@csrf_exempt
@require_POST
def decode_api(request):
    """POST {"text": "...", "locale": "fr"} -> {"terms": [{term, expansion, definition, url, start, end, match}]}.

    The body is JSON (Content-Type: application/json, else 415); "text" holds no control character
    but tabs and line breaks (400: the offsets would not point into the text sent) and at most
    100,000 characters (413).
    """
    try:
        payload = read_json(request, MAX_DECODE_BODY, example='{"text": "...", "locale": "fr"}')
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            raise InvalidInput('"text" is required and must be a string')
        params = DecodeBody.read(payload)
    except InvalidInput as error:
        return error.response()
    terms = [
        {key: value for key, value in item.items() if key != "slug"}
        for item in decode(params["text"], params["locale"])
    ]
    return JsonResponse({"terms": terms})


@require_GET
def terms_api(request):
    """GET ?locale=fr[&q=&letter=&domain=&kind=] -> {"count": N, "terms": [...]}, published terms only."""
    try:
        params = TermsParameters.read(request.GET)
    except InvalidInput as error:
        return error.response()
    index = GlossaryIndexPage.objects.live().filter(locale__language_code=params["locale"]).first()
    if index is None:
        return JsonResponse({"count": 0, "terms": []})
    terms = filter_terms(index.terms().prefetch_related("domains"), params)
    base_url = index.get_url(request)
    results = []
    for term in with_initial(terms, params["letter"]):
        results.append(
            {
                "term": term.title,
                "slug": term.slug,
                "expansion": term.expansion,
                "kind": term.kind,
                "domains": [domain.slug for domain in term.domains.all()],
                "definition": term.definition,
                "source": term.source,
                "uncertain": term.uncertain,
                "url": request.build_absolute_uri(f"{base_url}{term.slug}/"),
            }
        )
    response = JsonResponse({"count": len(results), "terms": results}, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
