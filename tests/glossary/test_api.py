"""The glossary's JSON API: decode and terms, with clear errors for bad input."""

import re

import pytest

pytestmark = pytest.mark.django_db
DECODE = "/api/glossary/decode/"


def post(client, payload, **extra):
    return client.post(DECODE, payload, content_type="application/json", **extra)


def test_decode_returns_terms_in_text_order_with_offsets(client):
    text = "Le PRE et la libre adhésion, puis encore le PRE."
    response = post(client, {"text": text, "locale": "fr"})
    assert response.status_code == 200
    terms = response.json()["terms"]
    assert [item["term"] for item in terms] == ["PRE", "libre adhésion", "PRE"]
    first = terms[0]
    assert text[first["start"] : first["end"]] == first["match"] == "PRE"
    assert first["expansion"] == "Programme de réussite éducative"
    assert first["url"] == "/fr/glossaire/pre/"
    assert set(first) == {"term", "expansion", "definition", "url", "start", "end", "match"}


@pytest.mark.parametrize("payload", [{}, {"text": 12}, {"text": None}, {"text": ["PRE"]}, [], "PRE"])
def test_decode_rejects_a_missing_or_non_string_text(client, payload):
    response = post(client, payload)
    assert response.status_code == 400
    assert "text" in response.json()["error"]


def test_decode_rejects_malformed_json(client):
    response = client.post(DECODE, "{not json", content_type="application/json")
    assert response.status_code == 400


def test_decode_refuses_texts_over_100000_characters(client):
    response = post(client, {"text": "a" * 100_001})
    assert response.status_code == 413
    assert "100000" in response.json()["error"]
    assert post(client, {"text": "a" * 100_000}).status_code == 200


def test_decode_rejects_an_unknown_locale(client):
    response = post(client, {"text": "PRE", "locale": "xx"})
    assert response.status_code == 400
    assert "locale" in response.json()["error"]


def test_decode_only_accepts_post(client):
    assert client.get(DECODE).status_code == 405


def test_terms_api_lists_published_terms_and_filters(client):
    data = client.get("/api/glossary/terms/?locale=fr").json()
    assert data["count"] >= 150
    assert data["count"] == len(data["terms"])
    pre = next(term for term in data["terms"] if term["slug"] == "pre")
    assert pre["expansion"] == "Programme de réussite éducative"
    assert pre["url"].endswith("/fr/glossaire/pre/")
    assert {term["slug"] for term in client.get("/api/glossary/terms/?locale=fr&letter=q").json()["terms"]} >= {"qpv"}
    expressions = client.get("/api/glossary/terms/?locale=fr&kind=expression").json()["terms"]
    assert expressions and all(term["kind"] == "expression" for term in expressions)
    youth_justice = client.get("/api/glossary/terms/?locale=fr&domain=justice-mineurs").json()["terms"]
    assert "pjj" in {term["slug"] for term in youth_justice}
    assert client.get("/api/glossary/terms/?locale=fr&q=reussite").json()["count"] >= 1


def test_terms_api_in_english(client):
    data = client.get("/api/glossary/terms/?locale=en").json()
    pre = next(term for term in data["terms"] if term["slug"] == "pre")
    assert pre["expansion"] == "Educational Success Programme"


@pytest.mark.parametrize("query", ["?locale=xx", "?locale=fr&kind=nope"])
def test_terms_api_rejects_bad_parameters_clearly(client, query):
    response = client.get("/api/glossary/terms/" + query)
    assert response.status_code == 400
    assert "error" in response.json()


def test_wagtail_api_exposes_terms(client):
    response = client.get("/api/v2/pages/?type=glossary.GlossaryTermPage&fields=expansion,definition&limit=5")
    assert response.status_code == 200
    items = response.json()["items"]
    assert items and "definition" in items[0]


@pytest.mark.parametrize(
    "filters",
    [
        "",
        "letter=c",
        "kind=acronyme",
        "domain=justice-mineurs",
        "q=reussite",
        "q=  Réussite  éducative ",
        "kind=expression&q=d",
    ],
)
def test_the_api_and_the_glossary_page_keep_the_same_terms_in_the_same_order(client, filters):
    api = [term["url"] for term in client.get(f"/api/glossary/terms/?locale=fr&{filters}").json()["terms"]]
    html = client.get(f"/fr/glossaire/?{filters}").content.decode()
    listed = re.findall(r'<dt[^>]*>\s*<a href="(/fr/glossaire/[^"]+/)"', html)
    assert api
    assert [url.removeprefix("http://testserver") for url in api] == listed


def test_a_value_the_api_refuses_is_dropped_by_the_page(client):
    assert client.get("/api/glossary/terms/?locale=fr&kind=nope").status_code == 400
    assert client.get("/api/glossary/terms/?locale=fr&letter=ab").status_code == 400
    everything = client.get("/fr/glossaire/").content.decode().count("<dt")
    assert client.get("/fr/glossaire/?kind=nope&letter=ab").content.decode().count("<dt") == everything
