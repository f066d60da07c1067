"""A property-based fuzz of every public endpoint: whatever a client sends, the answer is never a 5xx.

Each example picks one endpoint (JSON APIs, HTML pages with parameters, the decode body, the
forms, unknown paths) and sends it parameters drawn from values that broke the site before
(NUL and control characters, Unicode digits, huge numbers, 10,000-character strings, letters that
grow when lowercased), values each parameter expects, and arbitrary text, sometimes repeated.

The default run is bounded (FUZZ_CI_EXAMPLES) so that the suite stays fast; the "fuzz" profile
runs 10,000 examples: `HYPOTHESIS_PROFILE=fuzz pytest tests/hub/test_fuzz.py`, or `make fuzz`
(SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
"""

import json
import os
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FUZZ_CI_EXAMPLES = 400
FUZZ_EXAMPLES = 10_000
HEALTH_CHECKS = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "fuzz", max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=HEALTH_CHECKS, print_blob=True
)
settings.register_profile(
    "fuzz-ci", max_examples=FUZZ_CI_EXAMPLES, deadline=None, suppress_health_check=HEALTH_CHECKS, print_blob=True
)
FUZZ_SETTINGS = settings.get_profile("fuzz" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else "fuzz-ci")

# Values that broke the site or are known to break such code -------------------------------------------

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b\x7f",
    "\t\n\r",
    "\u0085\u2028\u2029",
    "\u200b\u200d\ufeff",
    "²",
    "٣",
    "１２",
    "Ⅻ",
    "-1",
    "0",
    "1e23",
    "1.5",
    "NaN",
    "Infinity",
    " 1",
    "1_000",
    "0x10",
    "9" * 30,
    "9" * 5_000,
    str(2**63),
    str(2**63 - 1),
    "İ" * 130,
    "ß" * 150,
    "ﷺ" * 20,
    "é" * 10_000,
    "a" * 10_000,
    "mot " * 400,
    '"',
    "'",
    "*",
    "(",
    "title(" * 50,
    "-",
    "%00",
    "%",
    "..",
    "../../etc/passwd",
    "/",
    "//example.com",
    "<script>alert(1)</script>",
    "'; DROP TABLE wagtailcore_page; --",
    "OR 1=1",
    "NEAR(a b)",
    "a AND b OR NOT c",
    "😀",
    "中文",
    "عربى",
    "root",
    "random",
    "true",
    "null",
]

EXPECTED = {
    "q": ["PRE", "coopération", "médiateurs", "l'école", "PJJ ASE", "zzzz"],
    "search": ["PRE", "coopération", "l'école"],
    "locale": ["fr", "en", "de", "FR"],
    "type": [
        "term",
        "practice",
        "module",
        "glossary.GlossaryTermPage",
        "practices.PracticePage,glossary.GlossaryTermPage",
        "wagtailcore.Page",
        "auth.User",
        "nope.Nope",
    ],
    "kind": ["acronyme", "dispositif", "expression", "nope"],
    "domain": ["justice-mineurs", "education", "nope"],
    "letter": ["A", "p", "#", "É"],
    "page": ["1", "2", "30", "10000", "10001"],
    "p": ["1", "2"],
    "offset": ["0", "20", "100000", "100001"],
    "limit": ["0", "1", "20", "21"],
    "search_operator": ["and", "or", "AND"],
    "fields": ["*", "_,title", "-title", "title,expansion", "parent(title)", "nope", "*,-locale"],
    "order": ["title", "-title", "random", "id,-title", "nope", "first_published_at"],
    "html_path": ["/", "/glossaire/", "/glossaire/pre/", "/fr/", "/nope/"],
    "site": ["localhost", "localhost:80", "nope", "a:b"],
    "rich_text_format": ["html", "raw", "nope"],
    "format": ["json", "api", "xml"],
    "theme": ["confiance", "nope"],
    "territory": ["brest", "nope"],
    "stage": ["1", "nope"],
    "object": ["nope"],
    "terme": ["pre", "pjj", "nope"],
    "term": ["pre", "nope"],
    "text": ["Le PRE et la PJJ.", "", "   "],
    "username": ["admin", ""],
    "password": ["admin", ""],
}
PAGE_IDS = ["child_of", "descendant_of", "ancestor_of", "translation_of", "id"]
for name in PAGE_IDS:
    EXPECTED[name] = ["root", "1", "2", "3", "99999"]

SEARCH_HTML = ("q", "page", "type", "territory", "theme")
GLOSSARY_HTML = ("q", "letter", "domain", "kind")
PAGES_API = (
    "search",
    "search_operator",
    "offset",
    "limit",
    "locale",
    "type",
    "fields",
    "order",
    *PAGE_IDS,
    "site",
    "rich_text_format",
    "format",
    "title",
    "slug",
    "expansion",
    "kind",
    "uncertain",
    "_",
)

# (method, path, parameters) for every public endpoint; "<id>" is replaced by a page id.
ENDPOINTS = [
    ("GET", "/api/search/", ("q", "locale", "type", "page")),
    ("GET", "/api/search/suggest/", ("q", "locale")),
    ("GET", "/api/glossary/terms/", ("locale", "q", "letter", "domain", "kind")),
    ("GET", "/api/v2/pages/", PAGES_API),
    ("GET", "/api/v2/pages/find/", ("html_path", "id", "fields")),
    ("GET", "/api/v2/pages/<id>/", ("fields", "rich_text_format", "format")),
    ("POST", "/api/glossary/decode/", ("text", "locale")),
    ("GET", "/fr/recherche/", SEARCH_HTML),
    ("GET", "/en/search/", SEARCH_HTML),
    ("GET", "/fr/glossaire/", GLOSSARY_HTML),
    ("GET", "/en/glossary/", GLOSSARY_HTML),
    ("GET", "/fr/glossaire/reviser/", ("terme", "term")),
    ("GET", "/en/glossary/flashcards/", ("terme", "term")),
    ("GET", "/fr/glossaire/decodeur/", ("text",)),
    ("POST", "/fr/glossaire/decodeur/", ("text",)),
    ("POST", "/en/glossary/decoder/", ("text",)),
    ("GET", "/fr/bonnes-pratiques/", ("theme", "territory", "stage", "object", "page")),
    ("GET", "/en/good-practices/", ("theme", "territory", "stage", "object", "page")),
    ("GET", "/fr/perspectives/", ("theme", "page")),
    ("GET", "/fr/freins/", ("theme", "page")),
    ("GET", "/en/training-modules/", ("theme", "page")),
    ("GET", "/fr/territoires/", ("page",)),
    ("GET", "/fr/", ("q", "page")),
    ("GET", "/sitemap.xml", ("p",)),
    ("GET", "/fr/feed.atom", ("page",)),
    ("GET", "/healthz", ("page",)),
    ("GET", "/robots.txt", ("page",)),
    ("POST", "/admin/login/", ("username", "password")),
    ("POST", "/fr/_util/login/", ("username", "password")),
]

# Strategies ------------------------------------------------------------------------------------------

# Any text a URL or a form can carry (surrogates cannot be encoded in UTF-8: the client refuses them).
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
long_text = st.builds(
    lambda char, count: char * count, st.characters(exclude_categories=["Cs"]), st.integers(0, 12_000)
)
numbers = st.one_of(st.integers(), st.integers(min_value=10**17, max_value=10**40)).map(str)


@st.composite
def value_for(draw, name):
    """Half the time a value the parameter expects (so that requests get past the first check), else anything."""
    if draw(st.booleans()):
        return draw(st.sampled_from(EXPECTED.get(name, ["PRE"])))
    return draw(st.one_of(st.sampled_from(NASTY), any_text, numbers, long_text))


@st.composite
def parameters_for(draw, names):
    """Up to four of the endpoint's parameters, one in five given twice or more; sometimes an unknown one."""
    params = {}
    for name in draw(st.lists(st.sampled_from(names), max_size=4, unique=True)):
        repeats = 1 if draw(st.integers(0, 4)) else draw(st.integers(2, 3))
        values = [draw(value_for(name)) for _ in range(repeats)]
        params[name] = values[0] if repeats == 1 else values
    if not draw(st.integers(0, 9)):
        params[draw(any_text)] = draw(any_text)
    return params


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), any_text),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(any_text, children, max_size=4)),
    max_leaves=20,
)
decode_bodies = st.one_of(
    st.fixed_dictionaries({}, optional={"text": value_for("text"), "locale": value_for("locale")}).map(json.dumps),
    st.dictionaries(st.sampled_from(["text", "locale", "n"]), json_values, max_size=3).map(json.dumps),
    json_values.map(json.dumps),
    st.sampled_from(
        [
            '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
            '{"text": "PRE", "n": ' + "9" * 5_000 + "}",
            '{"text": "\\ud800"}',
            '{"text": "\\u0000"}',
            '{"text": "PRE", "n": NaN}',
            '{"text": "PRE", "n": 1e999}',
            '{"text": "PRE"',
            "",
        ]
    ),
    st.binary(max_size=300),
)
content_types = st.sampled_from(
    ["application/json", "application/json; charset=utf-8", "application/ld+json", "text/plain", "", "application/x"]
)
unknown_paths = st.builds(
    lambda prefix, segment: prefix + quote(segment, safe="/") + "/",
    st.sampled_from(["/api/", "/api/v2/", "/api/v2/pages/", "/api/glossary/", "/fr/", "/en/glossary/", "/"]),
    any_text,
)


@st.composite
def requests(draw):
    """(method, path, data, content_type): one request to one public endpoint, or to an unknown path."""
    if draw(st.integers(0, 19)) == 0:
        return "GET", draw(unknown_paths), {}, None
    method, path, names = draw(st.sampled_from(ENDPOINTS))
    if "<id>" in path:
        path = path.replace("<id>", str(draw(st.one_of(st.integers(1, 1200), st.integers(0, 10**30)))))
    if path == "/api/glossary/decode/":
        return method, path, draw(decode_bodies), draw(content_types)
    return method, path, draw(parameters_for(names)), None


def send(client, method, path, data, content_type):
    if method == "GET":
        return client.get(path, data)
    if content_type is None:
        return client.post(path, data)
    body = data.encode() if isinstance(data, str) else data
    return client.generic("POST", path, body, content_type=content_type)


@FUZZ_SETTINGS
@given(sent=requests())
def test_no_input_makes_a_public_endpoint_fail(client, sent):
    response = send(client, *sent)
    event(f"answered {response.status_code}")  # the share of each status, in --hypothesis-show-statistics
    assert response.status_code < 500, sent
