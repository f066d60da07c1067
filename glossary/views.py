"""The glossary's views that are not pages: the decoder, the flashcards and the JSON API."""

import random

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from wagtail import views as wagtail_views
from wagtail.models import Page

from glossary.linker import find_terms
from glossary.listing import folded_words, initial, search_text
from glossary.models import GlossaryIndexPage, GlossaryTermPage, TermKind
from hub.facets import MAX_PARAM_LENGTH
from hub.validation import (
    InvalidInput,
    LocaleField,
    OneOfField,
    Parameters,
    TextField,
    folded_length,
    is_clean_text,
    read_json,
    strip_forbidden_characters,
)

MAX_DECODE_LENGTH = 100_000
# Four bytes a character, the most UTF-8 takes, and room for the rest of the body.
MAX_DECODE_BODY = MAX_DECODE_LENGTH * 4 + 1000
MAX_TERM_QUERY_LENGTH = 200


def decode(text, language_code):
    """The recognised terms of `text`, in text order, with what the API and the decoder page show."""
    return [
        {
            "term": match.term.payload.title,
            "expansion": match.term.payload.expansion,
            "definition": match.term.payload.definition,
            "url": match.term.payload.url,
            "start": match.start,
            "end": match.end,
            "match": match.text,
            "slug": match.term.key,
        }
        for match in find_terms(text, language_code)
    ]


def highlighted(text, found):
    pieces, cursor = [], 0
    for item in found:
        pieces.append(escape(text[cursor : item["start"]]))
        title = f' title="{escape(item["expansion"])}"' if item["expansion"] else ""
        pieces.append(f'<mark><a href="{escape(item["url"])}#definition"{title}>{escape(item["match"])}</a></mark>')
        cursor = item["end"]
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(pieces).replace("\n", "<br>\n"))  # noqa: S308 - every piece is escaped


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


def decoder(request, index):
    context = {"page": index, "text": "", "error": "", "found": None}
    if request.method == "POST":
        # Control characters (a NUL pasted from a PDF...) are dropped; tabs and line breaks stay.
        text = strip_forbidden_characters(request.POST.get("text", ""), multiline=True)
        context["text"] = text
        if folded_length(text) > MAX_DECODE_LENGTH:
            context["error"] = _("Ce texte est trop long : le décodeur accepte au plus %(max)s caractères.") % {
                "max": f"{MAX_DECODE_LENGTH:,}".replace(",", "\u202f")
            }
        elif not text.strip():
            context["error"] = _("Collez un texte à décoder.")
        else:
            found = decode(text, index.locale.language_code)
            unique = {}
            for item in found:
                unique.setdefault(item["slug"], item)
            context.update(found=list(unique.values()), highlighted=highlighted(text, found))
    status = 413 if context["error"] and folded_length(context["text"]) > MAX_DECODE_LENGTH else 200
    return TemplateResponse(request, "glossary/decoder.html", context, status=status)


def flashcards(request, index):
    terms = list(index.terms().values_list("pk", flat=True))
    term = None
    requested = request.GET.get("terme") or request.GET.get("term")
    if is_clean_text(requested, MAX_PARAM_LENGTH):  # otherwise no such term: a random one
        term = index.terms().filter(slug=requested).first()
    if term is None and terms:
        term = GlossaryTermPage.objects.get(pk=random.choice(terms))  # noqa: S311 - not security-related
    return TemplateResponse(request, "glossary/flashcards.html", {"page": index, "term": term, "count": len(terms)})


class DecodeBody(Parameters):
    text = TextField(max_length=MAX_DECODE_LENGTH, multiline=True)
    locale = LocaleField()
    too_large = ("text",)


class TermsParameters(Parameters):
    locale = LocaleField()
    kind = OneOfField(choices=TermKind.values)
    domain = TextField(max_length=MAX_PARAM_LENGTH)
    letter = TextField(max_length=1)
    q = TextField(max_length=MAX_TERM_QUERY_LENGTH)


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
    terms = index.terms().prefetch_related("domains").order_by("title")
    if params["kind"]:
        terms = terms.filter(kind=params["kind"])
    if params["domain"]:
        terms = terms.filter(domains__slug=params["domain"])
    letter = params["letter"].upper()
    query = folded_words(params["q"])
    base_url = index.get_url(request)
    results = []
    for term in terms:
        if letter and initial(term.title) != letter:
            continue
        if query and query not in search_text(term):
            continue
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
