"""Bad input at every public endpoint: a clear 400 from the APIs, a working page from the HTML views, never a 5xx.

The first tests reproduce, one by one, what the audit of issue 16 sent (each gave a 500 on
PostgreSQL, most on SQLite too); the matrices then send the same kinds of values to every
parameter of every public endpoint, each with the exact status it is designed to answer.
Run them on PostgreSQL too (DATABASE_URL): a NUL only breaks there.
"""

import json

from django.test import Client

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, PageViewRestriction

import pytest

from glossary.views import MAX_DECODE_BODY
from hub.models.search_log import SearchMiss

pytestmark = pytest.mark.django_db

DECODE = "/api/glossary/decode/"
NUL = "\x00"
CONTROLS = "a\x01b\x1bc\x7f"
LONG = "é" * 10_000
HUGE = "9" * 5_000
DOTTED_I = "İ" * 130  # 130 characters that lowercase to 260
UNICODE_DIGITS = ["²", "٣", "１"]  # superscript two, Arabic-Indic three, full-width one
BAD_TEXT = [NUL, CONTROLS, "a\x00b", LONG]
BAD_NUMBERS = [*UNICODE_DIGITS, "-1", HUGE, "1e23", "1.5", " 1", "1_000", "0x10", NUL, "9" * 30]


def post_json(client, payload, **extra):
    return client.post(DECODE, json.dumps(payload), content_type="application/json", **extra)


def post_raw(client, body, content_type="application/json"):
    return client.post(DECODE, body, content_type=content_type)


# The audit's list, one finding a test ------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/search/?q=PRE&locale=fr%00",
        "/api/search/suggest/?q=PRE&locale=%00",
        "/api/glossary/terms/?locale=%00",
        "/api/v2/pages/?locale=%00",
    ],
)
def test_a_nul_in_locale_is_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "locale" in response.content.decode()


def test_a_nul_in_the_terms_api_domain_is_a_400(client):
    response = client.get("/api/glossary/terms/", {"locale": "fr", "domain": "justice\x00"})
    assert response.status_code == 400
    assert response.json() == {"error": "domain must not contain control characters"}


def test_a_nul_in_the_glossary_page_domain_is_ignored(client):
    unfiltered = client.get("/fr/glossaire/").context["listing"].count
    response = client.get("/fr/glossaire/", {"domain": "justice-mineurs\x00"})
    assert response.status_code == 200
    assert response.context["listing"].count == unfiltered


@pytest.mark.parametrize("name", ["terme", "term"])
def test_a_nul_in_the_flashcards_term_gives_a_random_card(client, name):
    response = client.get("/fr/glossaire/reviser/", {name: "pre\x00"})
    assert response.status_code == 200
    assert response.context["term"] is not None


def test_a_nul_in_the_decode_body_is_a_400(client):
    response = post_json(client, {"text": "Le PRE\x00", "locale": "fr"})
    assert response.status_code == 400
    assert response.json() == {"error": "text must not contain control characters (tabs and line breaks aside)"}


@pytest.mark.parametrize(
    "url, message",
    [
        ("/api/v2/pages/?search=PRE%00", "search must not contain control characters"),
        ("/api/v2/pages/?locale=%00", "locale must not contain control characters"),
        ("/api/v2/pages/find/?html_path=/fr/glossaire/%00", "html_path must not contain control characters"),
    ],
)
def test_a_nul_in_the_pages_api_is_a_400(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_a_superscript_page_number_is_a_400_from_the_api(client):
    response = client.get("/api/search/", {"q": "PRE", "locale": "fr", "page": "²"})
    assert response.status_code == 400
    assert response.json() == {"error": "page must be a whole number from 1 to 10000, written with the digits 0-9"}


@pytest.mark.parametrize("url", ["/fr/recherche/?q=PRE&page=%C2%B2", "/fr/bonnes-pratiques/?page=%C2%B2"])
def test_a_superscript_page_number_gives_the_first_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = response.context["outcome"].page if "outcome" in response.context else response.context["listing"].page
    assert page.number == 1


def test_a_100000_deep_json_body_is_a_400(client):
    response = post_raw(client, '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert response.status_code == 400
    assert response.json() == {"error": "the request body nests deeper than 20 levels"}


def test_a_5000_digit_integer_in_the_body_is_a_400(client):
    response = post_raw(client, '{"text": "PRE", "n": ' + HUGE + "}")
    assert response.status_code == 400
    assert response.json() == {"error": "numbers in the request body have at most 20 digits"}


def test_130_dotted_capital_i_twice_on_the_search_page(client):
    """They lowercase to 260 characters: the second identical search used to fail on the unique key."""
    first = client.get("/fr/recherche/", {"q": DOTTED_I})
    second = client.get("/fr/recherche/", {"q": DOTTED_I})
    assert first.status_code == second.status_code == 200
    assert all(len(row.query_string) <= 255 for row in Query.objects.all())
    assert all(len(row.query_string) <= 255 for row in SearchMiss.objects.all())


def test_130_dotted_capital_i_is_a_400_from_the_api(client):
    response = client.get("/api/search/", {"q": DOTTED_I, "locale": "fr"})
    assert response.status_code == 400
    assert response.json() == {"error": "q is longer than 200 characters"}


def test_100_dotted_capital_i_are_searched(client):
    """200 characters once folded: at the limit, accepted, and recorded within the column."""
    for _ in range(2):
        assert client.get("/api/search/", {"q": "İ" * 100, "locale": "fr"}).status_code == 200
    assert all(len(row.query_string) <= 255 for row in Query.objects.all())


def test_an_unknown_search_operator_is_a_400(client):
    response = client.get("/api/v2/pages/", {"search": "PRE", "search_operator": "x"})
    assert response.status_code == 400
    assert response.json() == {"message": 'search_operator must be "and" or "or"'}


@pytest.mark.parametrize("offset", ["1e23", "1" + "0" * 23])
def test_a_huge_offset_is_a_400(client, offset):
    response = client.get("/api/v2/pages/", {"offset": offset})
    assert response.status_code == 400
    assert "offset must be a whole number" in response.json()["message"]


def test_a_400_word_search_is_a_400(client):
    response = client.get("/api/v2/pages/", {"search": " ".join(f"mot{number}" for number in range(400))})
    assert response.status_code == 400
    assert response.json() == {"message": "search is longer than 200 characters"}


# Good values still work: the checks refuse what they should and nothing more ---------------------------


def test_good_values_are_answered(client):
    assert client.get("/api/search/", {"q": "PRE", "locale": "fr", "page": "1", "type": "term"}).status_code == 200
    assert client.get("/api/search/suggest/", {"q": "coop", "locale": "en"}).status_code == 200
    terms = client.get("/api/glossary/terms/", {"locale": "fr", "letter": "p", "kind": "acronyme", "q": "réussite"})
    assert "pre" in {term["slug"] for term in terms.json()["terms"]}
    pages = client.get("/api/v2/pages/", {"search": "l'école", "search_operator": "or", "offset": "0", "limit": "20"})
    assert pages.status_code == 200
    assert client.get("/api/v2/pages/", {"locale": "en", "child_of": "root", "fields": "_,title"}).status_code == 200
    found = client.get("/api/v2/pages/find/", {"html_path": "/glossaire/pre/"})
    assert found.status_code == 302


def test_the_pages_api_search_keeps_the_words_only(client):
    """A quote is full-text syntax on SQLite: the search keeps the words, as the site's search does."""
    quoted = client.get("/api/v2/pages/", {"search": '"PRE'})
    plain = client.get("/api/v2/pages/", {"search": "PRE"})
    assert quoted.status_code == 200
    assert quoted.json()["meta"]["total_count"] == plain.json()["meta"]["total_count"] > 0


def test_the_pages_api_serves_json_only(client):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response["Content-Type"] == "application/json"
    assert not response.cookies
    assert client.get("/api/v2/pages/", {"format": "api"}).status_code == 400


# Every JSON API, every parameter ---------------------------------------------------------------------

API_TEXT_PARAMETERS = [
    ("/api/search/", {"locale": "fr"}, "q"),
    ("/api/search/suggest/", {"locale": "fr"}, "q"),
    ("/api/glossary/terms/", {}, "q"),
    ("/api/glossary/terms/", {}, "domain"),
    ("/api/glossary/terms/", {}, "letter"),
    ("/api/v2/pages/", {}, "search"),
    ("/api/v2/pages/", {}, "order"),
    ("/api/v2/pages/", {}, "type"),
    ("/api/v2/pages/", {}, "fields"),
    ("/api/v2/pages/", {}, "site"),
    ("/api/v2/pages/", {}, "rich_text_format"),
    ("/api/v2/pages/", {}, "title"),
    ("/api/v2/pages/", {}, "slug"),
    ("/api/v2/pages/", {"type": "glossary.GlossaryTermPage"}, "expansion"),
    ("/api/v2/pages/", {"type": "glossary.GlossaryTermPage"}, "uncertain"),
    ("/api/v2/pages/find/", {}, "html_path"),
]


@pytest.mark.parametrize("value", BAD_TEXT, ids=["nul", "controls", "inner-nul", "10000-chars"])
@pytest.mark.parametrize("url, base, name", API_TEXT_PARAMETERS)
def test_api_text_parameters_refuse_control_characters_and_length(client, url, base, name, value):
    response = client.get(url, {**base, name: value})
    assert response.status_code == 400
    body = response.json()
    assert (body.get("error") or body.get("message")).startswith(name)


API_CHOICE_PARAMETERS = [
    ("/api/search/", {}, "locale"),
    ("/api/search/", {}, "type"),
    ("/api/search/suggest/", {}, "locale"),
    ("/api/glossary/terms/", {}, "locale"),
    ("/api/glossary/terms/", {}, "kind"),
    ("/api/v2/pages/", {}, "locale"),
    ("/api/v2/pages/", {"search": "PRE"}, "search_operator"),
    ("/api/v2/pages/", {}, "format"),
]


@pytest.mark.parametrize("value", ["xx", NUL, LONG, "FR", "fr "], ids=["unknown", "nul", "long", "case", "space"])
@pytest.mark.parametrize("url, base, name", API_CHOICE_PARAMETERS)
def test_api_choices_refuse_anything_else(client, url, base, name, value):
    response = client.get(url, {**base, name: value})
    assert response.status_code == 400
    body = response.json()
    assert name in (body.get("error") or body.get("message"))


API_NUMBER_PARAMETERS = [
    ("/api/search/", {"q": "PRE"}, "page"),
    ("/api/v2/pages/", {}, "offset"),
    ("/api/v2/pages/", {}, "limit"),
    ("/api/v2/pages/", {}, "id"),
    ("/api/v2/pages/", {}, "child_of"),
    ("/api/v2/pages/", {}, "descendant_of"),
    ("/api/v2/pages/", {}, "ancestor_of"),
    ("/api/v2/pages/", {}, "translation_of"),
    ("/api/v2/pages/find/", {}, "id"),
]


@pytest.mark.parametrize("value", BAD_NUMBERS)
@pytest.mark.parametrize("url, base, name", API_NUMBER_PARAMETERS)
def test_api_numbers_are_ascii_digits_within_bounds(client, url, base, name, value):
    response = client.get(url, {**base, name: value})
    assert response.status_code == 400
    body = response.json()
    assert name in (body.get("error") or body.get("message"))


@pytest.mark.parametrize(
    "url", ["/api/search/?q=PRE&page=0", "/api/v2/pages/?limit=21", "/api/v2/pages/?offset=100001"]
)
def test_api_numbers_out_of_bounds_are_a_400(client, url):
    assert client.get(url).status_code == 400


def test_the_pages_api_detail_checks_its_parameters(client):
    page_id = Page.objects.live().filter(depth=3).values_list("pk", flat=True).first()
    assert client.get(f"/api/v2/pages/{page_id}/").status_code == 200
    assert client.get(f"/api/v2/pages/{page_id}/", {"fields": NUL}).status_code == 400
    assert client.get(f"/api/v2/pages/{page_id}/", {"fields": "title(" * 3000}).status_code == 400
    assert client.get("/api/v2/pages/999999999999999999999999/").status_code == 404


def test_a_parameter_name_with_a_nul_is_a_400(client):
    response = client.get("/api/v2/pages/find/?ht%00ml_path=/fr/")
    assert response.status_code == 400


def test_repeated_parameters_count_with_their_last_value(client):
    assert client.get("/api/search/?q=PRE&locale=fr&page=%C2%B2&page=1").status_code == 200
    assert client.get("/api/search/?q=PRE&locale=fr&page=1&page=%C2%B2").status_code == 400
    assert client.get("/api/glossary/terms/?kind=nope&kind=acronyme").status_code == 200


def test_the_pages_api_checks_every_value_of_a_repeated_parameter(client):
    assert client.get("/api/v2/pages/?search=%00&search=PRE").status_code == 400
    assert client.get("/api/v2/pages/?search=PRE&search=%00").status_code == 400


# The decode API's body ---------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_decode_refuses_another_content_type(client, content_type):
    response = client.generic("POST", DECODE, b'{"text": "PRE"}', content_type=content_type)
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]


def test_decode_accepts_json_with_a_charset(client):
    response = post_raw(client, '{"text": "Le PRE"}', content_type="application/json; charset=utf-8")
    assert [item["term"] for item in response.json()["terms"]] == ["PRE"]


@pytest.mark.parametrize(
    "body, message",
    [
        (b"{not json", 'the request body must be JSON: {"text": "...", "locale": "fr"}'),
        (b"  ", 'the request body must be JSON: {"text": "...", "locale": "fr"}'),
        (b'{"text": "caf\xe9"}', "the request body must be UTF-8 text"),
        (b'{"text": "PRE", "n": NaN}', "the request body must be JSON: NaN is not a JSON number"),
        (b'{"text": "PRE", "n": Infinity}', "the request body must be JSON: Infinity is not a JSON number"),
        (b'{"text": "PRE", "n": 1e400}', "numbers in the request body must be finite"),
        (b'{"text": "PRE", "n": -' + b"9" * 21 + b"}", "numbers in the request body have at most 20 digits"),
        (b'{"text": "PRE", "n": ' + b"[" * 21 + b"]" * 21 + b"}", "the request body nests deeper than 20 levels"),
        (b'{"text": "\\ud800"}', "text must not contain control characters (tabs and line breaks aside)"),
        (b'{"text": "PRE", "locale": "fr\\u0000"}', 'locale must be one of "fr", "en"'),
        (b'{"text": "PRE", "locale": ["fr"]}', 'locale must be one of "fr", "en"'),
        (b'{"text": "PRE", "locale": 12}', 'locale must be one of "fr", "en"'),
        (b'["PRE"]', '"text" is required and must be a string'),
        (b'{"text": 123456789012345678901}', "numbers in the request body have at most 20 digits"),
        (b'{"text": {"text": "PRE"}}', '"text" is required and must be a string'),
    ],
)
def test_decode_refuses_bodies_that_are_not_plain_json_with_a_clear_400(client, body, message):
    response = post_raw(client, body)
    assert response.status_code == 400
    assert response.json() == {"error": message}


def test_decode_accepts_twenty_levels_of_nesting(client):
    response = post_raw(client, b'{"text": "Le PRE", "n": ' + b"[" * 19 + b"]" * 19 + b"}")
    assert response.status_code == 200


def test_decode_keeps_tabs_and_line_breaks(client):
    response = post_json(client, {"text": "Le\tPRE\r\net la PJJ", "locale": "fr"})
    assert [item["match"] for item in response.json()["terms"]] == ["PRE", "PJJ"]


def test_decode_measures_the_length_of_the_folded_text(client):
    response = post_json(client, {"text": "İ" * 60_000})
    assert response.status_code == 413
    assert response.json() == {"error": "text is longer than 100000 characters"}


def test_decode_refuses_a_body_past_its_size_before_reading_it(client):
    response = post_raw(client, b'{"text": "' + b"a" * MAX_DECODE_BODY + b'"}')
    assert response.status_code == 413


def test_decode_with_a_repeated_key_takes_the_last(client):
    response = post_raw(client, b'{"text": "\\u0000", "text": "Le PRE"}')
    assert [item["term"] for item in response.json()["terms"]] == ["PRE"]


# The decoder page: no cookie, no token needed -----------------------------------------------------------


@pytest.mark.parametrize("url", ["/fr/glossaire/decodeur/", "/en/glossary/decoder/"])
def test_the_decoder_page_sets_no_cookie(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_decoder_decodes_a_text_posted_without_any_cookie():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/fr/glossaire/decodeur/", {"text": "Le PRE travaille avec la PJJ."})
    assert response.status_code == 200
    assert [item["term"] for item in response.context["found"]] == ["PRE", "PJJ"]
    assert not response.cookies


def test_other_pages_at_a_decoder_like_url_keep_the_csrf_check():
    client = Client(enforce_csrf_checks=True)
    assert client.post("/fr/a-propos/decodeur/", {"text": "PRE"}).status_code == 403


@pytest.mark.parametrize("text", ["Le PRE\x00", "Le\x01 PRE\x1b", "Le PRE\x7f"])
def test_the_decoder_page_drops_control_characters(client, text):
    response = client.post("/fr/glossaire/decodeur/", {"text": text})
    assert response.status_code == 200
    assert [item["term"] for item in response.context["found"]] == ["PRE"]
    assert "\x00" not in response.context["text"]


def test_the_decoder_page_measures_the_folded_length(client):
    response = client.post("/fr/glossaire/decodeur/", {"text": "İ" * 60_000})
    assert response.status_code == 413
    assert response.context["found"] is None


# Unknown API URLs stay 404 --------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/foo/", "/api/v2/foo/", "/api/glossary/nothing/", "/api/v2/pages/99999999/"])
def test_an_unknown_api_url_is_a_404_not_a_redirect(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Location" not in response


def test_a_reader_url_without_language_still_redirects(client):
    response = client.get("/glossaire/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/glossaire/"


# Every HTML page with parameters: bad values are dropped, the page answers --------------------------

HTML_PARAMETERS = [
    ("/fr/recherche/", {"q": "PRE"}, "q"),
    ("/fr/recherche/", {"q": "PRE"}, "page"),
    ("/fr/recherche/", {"q": "PRE"}, "type"),
    ("/fr/recherche/", {"q": "PRE"}, "territory"),
    ("/en/search/", {"q": "PRE"}, "theme"),
    ("/fr/glossaire/", {}, "q"),
    ("/fr/glossaire/", {}, "letter"),
    ("/en/glossary/", {}, "domain"),
    ("/fr/glossaire/", {}, "kind"),
    ("/fr/glossaire/reviser/", {}, "terme"),
    ("/en/glossary/flashcards/", {}, "term"),
    ("/fr/bonnes-pratiques/", {}, "theme"),
    ("/fr/bonnes-pratiques/", {}, "territory"),
    ("/fr/bonnes-pratiques/", {}, "stage"),
    ("/en/good-practices/", {}, "object"),
    ("/fr/bonnes-pratiques/", {}, "page"),
    ("/fr/perspectives/", {}, "page"),
    ("/fr/freins/", {}, "theme"),
    ("/fr/modules-de-formation/", {}, "page"),
    ("/fr/", {}, "q"),
    ("/fr/feed.atom", {}, "page"),
]
HTML_VALUES = [NUL, CONTROLS, LONG, DOTTED_I, *UNICODE_DIGITS, "-1", HUGE]


@pytest.mark.parametrize(
    "value", HTML_VALUES, ids=["nul", "controls", "long", "dotted-i", "sup2", "ar3", "fw1", "neg", "huge"]
)
@pytest.mark.parametrize("url, base, name", HTML_PARAMETERS)
def test_html_pages_drop_what_they_cannot_use(client, url, base, name, value):
    response = client.get(url, {**base, name: value})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


@pytest.mark.parametrize("value", [NUL, "²", HUGE, "-1", "0"])
def test_a_bad_sitemap_page_is_a_404(client, value):
    """Django's sitemap answers a page that does not exist with 404."""
    assert client.get("/sitemap.xml", {"p": value}).status_code == 404


@pytest.mark.parametrize("url", ["/healthz", "/robots.txt", "/sitemap.xml"])
def test_pages_without_parameters_ignore_them(client, url):
    assert client.get(url, {"x": NUL, "page": HUGE}).status_code == 200


@pytest.mark.parametrize("path", ["/fr/glossaire/pre%00/", "/fr/%C2%B2/", "/documents/1/a%00", "/media/images/a%00b"])
def test_bad_characters_in_a_path_are_a_404(client, path):
    assert client.get(path).status_code == 404


# The login and password forms ---------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/admin/login/", "/fr/_util/login/"])
def test_login_forms_refuse_control_characters(client, url):
    response = client.post(url, {"username": "admin\x00", "password": "x\x00"})
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


def test_the_page_password_form_refuses_control_characters(client):
    page = Page.objects.live().filter(depth=3).first()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    url = f"/fr/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    response = client.post(url, {"password": "secret\x00", "return_url": "/fr/\x00"})
    assert response.status_code == 200
