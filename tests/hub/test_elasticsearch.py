"""Elasticsearch: what can be checked without a server, and a live test when ELASTICSEARCH_URL is set."""

import os

from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend
from wagtail.search.query import PlainText

import pytest

from hub.search.query import build_query
from hub.search_backend import elasticsearch_backend_settings, elasticsearch_backends
from practices.models import PracticePage

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.fixture
def backend():
    # Building the backend makes no connection: it only prepares settings, mappings and queries.
    return Elasticsearch9SearchBackend(elasticsearch_backend_settings("http://127.0.0.1:9200", index="cooperer_test"))


def test_index_settings_have_a_french_default_analyzer(backend):
    analysis = backend.settings["settings"]["analysis"]
    analyzer = analysis["analyzer"]["default"]
    assert analyzer["filter"] == ["french_elision", "lowercase", "asciifolding", "french_stop", "french_stemmer"]
    assert analysis["filter"]["french_stemmer"]["language"] == "light_french"
    assert "l" in analysis["filter"]["french_elision"]["articles"]
    # Wagtail's own analyzers for autocomplete stay available.
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_english_has_its_own_index_with_an_english_default_analyzer():
    backends = elasticsearch_backends("http://127.0.0.1:9200", index="cooperer_test")
    french, english = (Elasticsearch9SearchBackend(backends[name]) for name in ("default", "en"))
    names = {backend.get_index_for_model(PracticePage).name for backend in (french, english)}
    assert names == {"cooperer_test_wagtailcore_page", "cooperer_test-en_wagtailcore_page"}
    analysis = english.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"] == [
        "english_possessive",
        "lowercase",
        "asciifolding",
        "english_stop",
        "english_stemmer",
    ]
    assert analysis["filter"]["english_stemmer"]["language"] == "english"


def test_mapping_indexes_the_practice_fields_and_roots(backend):
    mapping = backend.mapping_class(PracticePage).get_mapping()
    properties = mapping["properties"]
    text = str(properties)
    for field in ("problem", "what_is_done", "search_roots", "listing_summary"):
        assert field in text


@pytest.mark.django_db
def test_query_expands_acronyms_for_elasticsearch(backend):
    query = build_query("PRE", "fr")
    compiler = backend.query_compiler_class(PracticePage.objects.live(), query)
    compiled = str(compiler.get_query())
    assert "programme de réussite éducative" in compiled.lower()
    assert "PRE" in compiled


def test_plain_query_is_a_multi_match_over_the_indexed_fields(backend):
    compiler = backend.query_compiler_class(PracticePage.objects.all(), PlainText("médiateurs"))
    compiled = compiler.get_query()
    assert "médiateurs" in str(compiled)


@pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch server to test")
@pytest.mark.django_db
def test_live_elasticsearch_finds_stems_and_accents():
    live = Elasticsearch9SearchBackend(elasticsearch_backend_settings(ELASTICSEARCH_URL, index="cooperer_test"))
    index = live.get_index_for_model(PracticePage)
    live.reset_index()
    index.add_model(PracticePage)
    index.add_items(PracticePage, list(PracticePage.objects.live()))
    index.refresh()
    titles = [page.title for page in live.search("mediation", PracticePage.objects.live())]
    assert any("médiation" in title.lower() for title in titles)
