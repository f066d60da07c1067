"""The search page and its JSON API: results, filters, privacy, suggestions, bad input."""

from django.contrib.auth.models import Group

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from hub.models.search_log import SearchMiss
from hub.search.query import MAX_QUERY_LENGTH
from hub.search.service import SearchService
from hub.validation import folded_length
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_search_page_shows_count_snippets_and_highlights(client):
    html = client.get("/fr/recherche/?q=libre+adh%C3%A9sion").content.decode()
    assert "résultats pour «\u00a0libre adhésion\u00a0»" in html  # French spacing: no break inside the quotes
    assert "<mark>" in html
    assert 'class="search-result__title"' in html


def test_english_search_page(client):
    response = client.get("/en/search/?q=Brest")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_every_page_has_a_search_box(client):
    for path in ("/fr/", "/en/", "/fr/glossaire/", "/fr/territoires/brest/"):
        html = client.get(path).content.decode()
        assert 'role="search"' in html
        assert 'name="q"' in html


def test_filters_by_type_with_counts(client):
    data = client.get("/api/search/?q=mediation&locale=fr&type=term").json()
    assert data["count"] > 0
    assert {result["type"] for result in data["results"]} == {"term"}
    html = client.get("/fr/recherche/?q=mediation").content.decode()
    assert "Type de contenu" in html
    assert 'Glossaire <span class="facet-list__count">(' in html


def test_filter_by_theme_and_territory(client, french):
    html = client.get("/fr/recherche/?q=cooperation&theme=confiance").content.decode()
    assert 'aria-current="true">confiance' in html
    brest = client.get("/fr/recherche/?q=Brest&territory=brest").content.decode()
    assert "/fr/territoires/brest/" in brest


def test_a_facets_counts_are_what_choosing_each_option_gives_with_the_other_filters_kept():
    service = SearchService("fr")
    everything = service.search("cooperation", record=False)
    practices = service.search("cooperation", type="practice", record=False)
    # The type facet ignores its own filter; the theme facet counts only the practices.
    assert {o.value: o.count for o in practices.facets["type"]} == {o.value: o.count for o in everything.facets["type"]}
    themes = {option.value: option.count for option in practices.facets["theme"]}
    assert len(themes) >= 3
    for theme, count in themes.items():
        assert service.search("cooperation", type="practice", theme=theme, record=False).count == count


def test_api_shape_and_pagination(client):
    data = client.get("/api/search/?q=cooperation&locale=fr").json()
    assert set(data) >= {"count", "results"}
    assert data["count"] > 10
    assert set(data["results"][0]) == {"title", "url", "type", "snippet", "highlights"}
    second = client.get("/api/search/?q=cooperation&locale=fr&page=2").json()
    assert second["results"] and second["results"][0]["url"] != data["results"][0]["url"]


def test_the_api_gives_plain_text_snippets_with_the_offsets_of_the_matched_words(client):
    result = client.get("/api/search/?q=m%C3%A9diation&locale=fr").json()["results"][0]
    assert "<" not in result["snippet"]
    marked = [result["snippet"][start:end] for start, end in result["highlights"]]
    assert marked
    assert all(word.lower().startswith(("médiat", "mediat")) for word in marked)


def test_suggestions_as_you_type(client):
    data = client.get("/api/search/suggest/?q=medi&locale=fr").json()
    titles = [item["title"] for item in data["suggestions"]]
    assert 0 < len(titles) <= 8
    assert "médiation sociale" in titles


def test_nothing_found_suggests_the_closest_titles_and_is_recorded(client):
    html = client.get("/fr/recherche/?q=mediaton").content.decode()
    assert "Aucun résultat pour cette recherche." in html
    assert "Vouliez-vous dire" in html
    assert "médiation sociale" in html
    assert SearchMiss.objects.filter(query_string="mediaton", language_code="fr", hits=1).exists()
    assert Query.get("mediaton").hits >= 1


def test_editors_can_pin_a_result(client, french):
    pinned = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    SearchPromotion.objects.create(query=Query.get("mediation"), page=pinned, sort_order=0, description="")
    data = client.get("/api/search/?q=mediation&locale=fr").json()
    assert data["results"][0]["url"].endswith(pinned.url)


def test_a_pin_added_after_a_search_leads_the_next_search(client, french):
    pinned = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    first = client.get("/api/search/?q=mediation&locale=fr").json()
    assert not first["results"][0]["url"].endswith(pinned.url)
    SearchPromotion.objects.create(query=Query.get("mediation"), page=pinned, sort_order=0, description="")
    data = client.get("/api/search/?q=mediation&locale=fr").json()
    assert data["results"][0]["url"].endswith(pinned.url)


def test_a_restriction_added_after_a_search_hides_the_page_from_the_next_search(client, french):
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    urls = [result["url"] for result in client.get("/api/search/?q=annuaire&locale=fr").json()["results"]]
    assert any(url.endswith(page.url) for url in urls)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    urls = [result["url"] for result in client.get("/api/search/?q=annuaire&locale=fr").json()["results"]]
    assert not any(url.endswith(page.url) for url in urls)


def editor_with(*permissions):
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user("redaction", password="x")  # noqa: S106 - a test account
    codenames = ["wagtailadmin.access_admin", *permissions]
    for label in codenames:
        app_label, codename = label.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


def test_the_search_miss_report_is_refused_to_an_editor_without_its_permission(client):
    SearchMiss.record("introuvable", "fr")
    client.force_login(editor_with())
    response = client.get("/admin/reports/search-misses/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_the_search_miss_report_lists_misses_to_an_editor_with_its_permission(client):
    SearchMiss.record("introuvable", "fr")
    client.force_login(editor_with("hub.view_searchmiss"))
    html = client.get("/admin/reports/search-misses/").content.decode()
    assert "introuvable" in html


# Privacy: one unique marker word per case --------------------------------------------------
def add_practice(title, marker, french, live=True):
    index = PracticePage.objects.filter(locale=french).first().get_parent()
    page = PracticePage(
        title=title, slug=marker.lower(), problem=f"<p>{marker}</p>", what_is_done="<p>Rien.</p>", live=live
    )
    index.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.save_revision()
    return page


def invisible_everywhere(client, marker):
    for locale in ("fr", "en"):
        data = client.get(f"/api/search/?q={marker}&locale={locale}").json()
        assert data["count"] == 0, data
        assert marker.lower() not in str(data).lower() or data["count"] == 0
        suggestions = client.get(f"/api/search/suggest/?q={marker}&locale={locale}").json()["suggestions"]
        assert suggestions == []
    html = client.get(f"/fr/recherche/?q={marker}").content.decode()
    assert "search-result__title" not in html


def test_drafts_never_appear(client, french):
    add_practice("Brouillon XYLODRAFT", "XYLODRAFT", french, live=False)
    invisible_everywhere(client, "XYLODRAFT")


@pytest.mark.parametrize("restriction", ["login", "groups", "password"])
def test_private_pages_never_appear(client, french, restriction):
    marker = f"XYLOPRIVE{restriction.upper()}"
    page = add_practice(f"Privée {marker}", marker, french)
    view = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction, password="secret" if restriction == "password" else ""
    )
    if restriction == "groups":
        view.groups.add(Group.objects.create(name=f"Groupe {marker}"))
    invisible_everywhere(client, marker)


def test_unpublished_terms_never_appear(client, french):
    index = GlossaryIndexPage.objects.get(locale=french)
    term = GlossaryTermPage(title="XYLOTERME", slug="xyloterme", definition="Terme dépublié.")
    index.add_child(instance=term)
    term.save_revision().publish()
    term.unpublish()
    invisible_everywhere(client, "XYLOTERME")


def test_other_locales_never_appear(client, french):
    add_practice("Seulement en français XYLOFR", "XYLOFR", french)
    assert client.get("/api/search/?q=XYLOFR&locale=fr").json()["count"] == 1
    assert client.get("/api/search/?q=XYLOFR&locale=en").json()["count"] == 0


# Bad input -------------------------------------------------------------------------------------
ODD_QUERIES = [
    "",
    "   ",
    '"',
    '"unclosed phrase',
    "AND OR NOT",
    "-foo +bar *",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert('x')</script>",
    "%00",
    "😀 ∑ 中文 عربى",
    "a" * 200,
]
# The APIs refuse these with a 400 naming `q` (hub/validation.py); the page drops what it cannot use.
REFUSED_QUERIES = ["x" * 10_000, "\x00\x01", "a" * 201]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_are_answered_by_the_page_and_the_apis(client, query):
    page = client.get("/fr/recherche/", {"q": query})
    assert page.status_code == 200
    assert "<script>alert" not in page.content.decode()
    api = client.get("/api/search/", {"q": query, "locale": "fr"})
    assert api.status_code == 200
    suggest = client.get("/api/search/suggest/", {"q": query, "locale": "fr"})
    assert suggest.status_code == 200


@pytest.mark.parametrize("query", REFUSED_QUERIES)
def test_control_characters_and_overlong_queries_are_refused_by_the_apis(client, query):
    assert client.get("/fr/recherche/", {"q": query}).status_code == 200
    for url in ("/api/search/", "/api/search/suggest/"):
        api = client.get(url, {"q": query, "locale": "fr"})
        assert api.status_code == 400
        assert api.json()["error"].startswith("q ")


def test_an_empty_or_useless_query_says_so(client):
    html = client.get("/fr/recherche/?q=%22%22").content.decode()
    assert "Saisissez au moins un mot à chercher." in html
    assert client.get("/api/search/?q=&locale=fr").json()["count"] == 0


@pytest.mark.parametrize(
    "params",
    [{"page": "abc"}, {"page": "-1"}, {"page": "0"}, {"type": "nope"}, {"locale": "xx"}],
)
def test_invalid_api_parameters_get_a_clear_400(client, params):
    response = client.get("/api/search/", {"q": "PRE", "locale": "fr", **params})
    assert response.status_code == 400
    assert "error" in response.json()


@pytest.mark.parametrize("params", [{"page": "abc"}, {"page": "99999"}, {"type": "nope"}, {"territory": "\x00"}])
def test_invalid_page_parameters_are_ignored(client, params):
    assert client.get("/fr/recherche/", {"q": "PRE", **params}).status_code == 200


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=300).filter(
        lambda text: folded_length(text) <= MAX_QUERY_LENGTH
    )
)
def test_arbitrary_text_never_breaks_search(client, text):
    page = client.get("/fr/recherche/", {"q": text})
    assert page.status_code == 200
    api = client.get("/api/search/", {"q": text, "locale": "fr"})
    assert api.status_code == 200
    assert isinstance(api.json()["count"], int)


def test_search_only_returns_readable_page_types(french):
    from hub.search.service import SearchService

    service = SearchService("fr")
    readable = service.readable_pages()
    assert not readable.filter(depth__lte=2).exists()
    assert Page.objects.live().filter(locale=french).count() > readable.count()


# At scale: a capped result set, cached page texts, a bounded number of queries -----------------
def test_a_capped_search_says_that_more_pages_match(client, monkeypatch):
    from hub.search import service

    monkeypatch.setattr(service, "MAX_RESULTS", 5)
    html = client.get("/fr/recherche/?q=cooperation").content.decode()
    assert "Plus de 5 résultats pour «\u00a0cooperation\u00a0»" in html
    assert "Seuls les 5 résultats les plus pertinents sont affichés" in html
    data = client.get("/api/search/?q=cooperation&locale=fr").json()
    assert data["count"] == 5
    assert data["capped"] is True
    english = client.get("/en/search/?q=cooperation").content.decode()
    assert "More than 5 results for “cooperation”" in english


def test_an_uncapped_search_gives_the_exact_count(client):
    data = client.get("/api/search/?q=CNLAPS&locale=fr").json()
    assert "capped" not in data
    html = client.get("/fr/recherche/?q=CNLAPS").content.decode()
    assert "Plus de" not in html
    assert f"{data['count']} résultat" in html


def test_as_many_matches_as_the_cap_is_not_capped(monkeypatch):
    from hub.search import service

    total = service.SearchService("fr").search("médiation sociale", record=False).count
    assert total >= 2
    monkeypatch.setattr(service, "MAX_RESULTS", total)
    assert not service.SearchService("fr").search("médiation sociale", record=False).capped
    monkeypatch.setattr(service, "MAX_RESULTS", total - 1)
    assert service.SearchService("fr").search("médiation sociale", record=False).capped


def test_a_snippet_follows_the_published_text(client, french):
    page = add_practice("Fiche XYLOSNIPPET", "XYLOSNIPPET", french)
    first = client.get("/api/search/?q=XYLOSNIPPET&locale=fr").json()["results"][0]["snippet"]
    assert "XYLOSNIPPET" in first
    page.problem = "<p>XYLOSNIPPET est désormais suivi d'un texte révisé.</p>"
    page.save_revision().publish()
    second = client.get("/api/search/?q=XYLOSNIPPET&locale=fr").json()["results"][0]["snippet"]
    assert "texte révisé" in second


# PostgreSQL: the tuned database backend ---------------------------------------------------------
def french_pages():
    from wagtail.models import Locale

    return Page.objects.live().filter(locale=Locale.objects.get(language_code="fr"))


@pytest.mark.postgres_only
def test_postgres_ranks_bodies_within_a_window_of_the_best_titles():
    from modelsearch.backends import get_search_backend

    from hub.text import fold_text

    narrow = get_search_backend("hub.search.backends.postgres", SEARCH_CONFIG="cooperer_french", RANK_WINDOW=3)
    results = list(narrow.search("coopération", french_pages())[:3])
    assert len(results) == 3
    assert all("coop" in fold_text(page.title) for page in results), [page.title for page in results]


@pytest.mark.postgres_only
@pytest.mark.parametrize("query", ["libre adhésion", "Brest", "réussite éducative"])
def test_postgres_window_keeps_every_match_of_a_smaller_result_set(query):
    from modelsearch.backends import get_search_backend

    stock = get_search_backend("modelsearch.backends.database", SEARCH_CONFIG="cooperer_french")
    ours = get_search_backend("default")
    expected = {page.pk for page in stock.search(query, french_pages())}
    assert 0 < len(expected) < 500
    assert {page.pk for page in ours.search(query, french_pages())[:10_000]} == expected
    assert ours.search(query, french_pages()).count() == len(expected)


@pytest.mark.postgres_only
def test_postgres_search_restores_the_settings_it_changes():
    from django.db import connection

    from hub.search.service import SearchService

    assert list(french_pages().search("coopération")[:10])
    assert french_pages().search("coopération").count() > 0
    assert SearchService("fr").search("mediaton", record=False).did_you_mean  # pg_trgm's threshold
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
        cursor.execute("SHOW pg_trgm.word_similarity_threshold")
        assert cursor.fetchone()[0] == "0.6"


@pytest.mark.parametrize("query", ["coopération", "médiation sociale", "PRE", "Brest"])
def test_sqlite_scores_a_slice_in_one_pass_with_wagtails_own_order(query):
    from django.db import connection

    from modelsearch.backends import get_search_backend

    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backend's tuning")
    stock = get_search_backend("modelsearch.backends.database")
    ours = get_search_backend("default")
    expected = [page.pk for page in stock.search(query, french_pages())[:25]]
    assert expected
    assert [page.pk for page in ours.search(query, french_pages())[:25]] == expected
    assert [page.pk for page in ours.search(query, french_pages())[5:15]] == expected[5:15]


# The search page's layout and the suggestions --------------------------------------------------
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_exact_acronym_is_suggested_first(client, language):
    suggestions = client.get("/api/search/suggest/", {"q": "PRE", "locale": language}).json()["suggestions"]
    assert suggestions[0]["title"] == "PRE"
    assert suggestions[0]["url"].endswith("/pre/")
    assert suggestions[0]["type"] == "term"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pre", "PRE"),  # the acronym typed in lower case on a phone
        ("programme de réussite éducative", "PRE"),  # its expansion names it too
        ("Brest", "Brest"),
    ],
)
def test_what_the_query_names_is_suggested_first(client, query, expected):
    suggestions = client.get("/api/search/suggest/", {"q": query, "locale": "fr"}).json()["suggestions"]
    assert suggestions[0]["title"] == expected


def test_an_accented_word_is_not_taken_for_the_acronym(client):
    suggestions = client.get("/api/search/suggest/", {"q": "pré", "locale": "fr"}).json()["suggestions"]
    assert suggestions
    assert suggestions[0]["title"] != "PRE"


@pytest.mark.parametrize(("language", "label"), [("fr", "Glossaire"), ("en", "Glossary")])
def test_a_suggested_term_shows_its_expansion_and_its_type(client, language, label):
    term = GlossaryTermPage.objects.get(slug="pre", locale__language_code=language)
    first = client.get("/api/search/suggest/", {"q": "PRE", "locale": language}).json()["suggestions"][0]
    assert first["detail"] == term.expansion
    assert first["type_label"] == label


def test_the_filters_fold_between_the_count_and_the_results(client):
    html = client.get("/fr/recherche/?q=cooperation&type=practice&theme=confiance").content.decode()
    count = html.index('id="search-count"')
    disclosure = html.index("<details")
    first_result = html.index('class="search-result"')
    first_facet = html.index('class="facet-list"')
    assert count < disclosure < first_facet < first_result
    summary = html[disclosure:].split("<summary", 1)[1].split("</summary>", 1)[0]
    assert "Filtres" in summary
    assert "(2" in summary  # two filters applied


def test_without_filters_the_disclosure_shows_no_count(client):
    html = client.get("/fr/recherche/?q=cooperation").content.decode()
    summary = html.split("<summary", 1)[1].split("</summary>", 1)[0]
    assert "(" not in summary


def test_every_search_form_of_the_search_page_is_a_named_landmark(client):
    html = client.get("/en/search/?q=cooperation").content.decode()
    forms = [tag.split(">", 1)[0] for tag in html.split("<form")[1:]]
    searches = [tag for tag in forms if 'role="search"' in tag]
    assert any('class="search-page__form"' in tag for tag in searches)
    assert all("aria-label=" in tag or "aria-labelledby=" in tag for tag in searches)


# The tuning's guard ------------------------------------------------------------------------------
def test_the_tuned_backend_of_the_database_in_use_is_configured():
    from importlib import import_module

    from django.conf import settings
    from django.db import connection

    from modelsearch.backends import get_search_backend

    # Each vendor's module is importable on that vendor only: modelsearch defines its models per database.
    module, name = {"postgresql": ("postgres", "PostgresSearchBackend"), "sqlite": ("sqlite", "SQLiteSearchBackend")}[
        connection.vendor
    ]
    expected = getattr(import_module(f"hub.search.backends.{module}"), name)
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == expected.__module__
    assert type(get_search_backend()) is expected


def test_an_untested_modelsearch_version_stops_the_site_at_the_system_checks(monkeypatch):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from hub.search import backends

    monkeypatch.setattr(backends, "TESTED_MODELSEARCH", {"0.9.0"})
    with pytest.raises(SystemCheckError, match="hub.E001"):
        call_command("check")
