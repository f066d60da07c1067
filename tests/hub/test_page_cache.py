"""The page cache: anonymous readers are served from it, nobody else is, and nothing in it is ever stale.

Every change goes through the admin's own views (the bulk publish action, unpublish, delete, move,
privacy, snippet and settings forms), then the pages are read back as an anonymous reader.
"""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction

import pytest

from glossary.models import GlossaryTermPage
from hub.models.content import ContentPage
from hub.models.site_settings import SiteIdentity
from hub.page_cache import STATUS_HEADER, cacheable_response, normalised_query
from practices.models import PracticePage
from practices.models.taxonomy import Stage

pytestmark = pytest.mark.django_db

PRACTICE = "annuaire-des-acteurs"
LINKED_TERM, LINKING_PRACTICE = "pre", "diagnostic-permanent"


def cache_status(response):
    return response.headers.get(STATUS_HEADER)


def practice(french, slug=PRACTICE):
    return PracticePage.objects.get(slug=slug, locale=french)


def publish_through_admin(admin_client, page):
    """Publish the page's latest revision with the admin's bulk action, as an editor does from a listing."""
    response = admin_client.post(f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {"include_descendants": ""})
    assert response.status_code == 302, response.content[:500]


def retitle_and_publish(admin_client, admin_user, page, title):
    page.title = title
    page.save_revision(user=admin_user)
    publish_through_admin(admin_client, page)


@pytest.fixture
def admin_client(client, admin_user):
    from django.test import Client

    editor = Client()
    editor.force_login(admin_user)
    return editor


def test_an_anonymous_reader_gets_the_page_again_from_the_cache_without_a_query(
    client, french, django_assert_num_queries
):
    url = practice(french).url
    first = client.get(url)
    assert cache_status(first) == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert cache_status(second) == "hit"
    assert second.content == first.content


def test_parameters_in_another_order_and_tracking_parameters_share_one_entry(client):
    client.get("/fr/bonnes-pratiques/?theme=prevention&page=1")
    response = client.get("/fr/bonnes-pratiques/?page=1&utm_source=lettre&theme=prevention&fbclid=x")
    assert cache_status(response) == "hit"


def test_the_normalised_query_keeps_the_order_of_one_parameters_values():
    assert normalised_query("b=2&a=3&a=1&utm_medium=mail") == "a=3&a=1&b=2"


def test_each_language_has_its_own_entries(client):
    client.get("/fr/")
    assert cache_status(client.get("/en/")) == "miss"


def test_a_signed_in_editor_is_never_served_from_the_cache_nor_fills_it(client, admin_client, french):
    url = practice(french).url
    client.get(url)  # an anonymous reader fills the cache
    editor_view = admin_client.get(url)
    assert cache_status(editor_view) is None
    assert cache_status(client.get(url)) == "hit"  # the reader's entry was neither used nor replaced


def test_a_page_under_a_password_is_never_cached(client, french):
    page = practice(french)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    first = client.get(page.url)
    second = client.get(page.url)
    assert "password" in first.content.decode().lower()
    assert (cache_status(first), cache_status(second)) == (None, None)
    assert "no-store" in second["Cache-Control"]


def test_search_results_are_never_cached_because_each_search_is_recorded(client):
    client.get("/fr/recherche/?q=m%C3%A9diation")
    response = client.get("/fr/recherche/?q=m%C3%A9diation")
    assert cache_status(response) is None
    assert "no-store" in response["Cache-Control"]


def test_a_missing_page_is_not_cached(client):
    client.get("/fr/nulle-part/")
    assert cache_status(client.get("/fr/nulle-part/")) is None


def test_a_post_is_not_cached(client):
    response = client.post("/fr/glossaire/decodeur/", {"text": "Le PRE et la CAF."})
    assert response.status_code == 200
    assert cache_status(response) is None


def test_a_response_that_sets_a_cookie_is_not_stored():
    request = RequestFactory().get("/fr/")
    response = HttpResponse("<p>jeton</p>")
    response.set_cookie("csrftoken", "abc")
    assert cacheable_response(request, response) is False


def test_a_page_in_a_preview_is_not_stored():
    request = RequestFactory().get("/fr/")
    request.is_preview = True
    assert cacheable_response(request, HttpResponse("brouillon")) is False


def test_without_a_purged_front_end_cache_shared_caches_must_revalidate(client):
    assert client.get("/fr/")["Cache-Control"] == "public, max-age=0, s-maxage=0"


@override_settings(PAGE_CACHE_SHARED_MAX_AGE=86400)
def test_with_a_purged_front_end_cache_it_may_keep_pages_a_day(client):
    assert client.get("/fr/")["Cache-Control"] == "public, max-age=0, s-maxage=86400"


def test_a_browser_revalidating_a_cached_page_gets_a_304(client):
    first = client.get("/fr/")
    assert client.get("/fr/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


# Never stale: each change shows at once on every page that shows it.


def test_publishing_shows_the_new_title_on_the_page_its_listing_and_its_section(
    client, admin_client, admin_user, french
):
    page = practice(french)
    index = page.get_parent()
    for url in (page.url, index.url, "/fr/plan-du-site/"):
        client.get(url)
    retitle_and_publish(admin_client, admin_user, page, "Annuaire partagé des acteurs du territoire")
    for url in (page.url, index.url, "/fr/plan-du-site/"):
        assert "Annuaire partagé des acteurs du territoire" in client.get(url).content.decode(), url


def test_saving_a_draft_changes_nothing_readers_see(client, admin_user, french):
    page = practice(french)
    client.get(page.url)
    page.title = "Titre de brouillon"
    page.save_revision(user=admin_user)
    response = client.get(page.url)
    assert cache_status(response) == "hit"
    assert "Titre de brouillon" not in response.content.decode()


def test_unpublishing_removes_the_page_and_its_entry_in_the_listing(client, admin_client, french):
    page = practice(french)
    index_url = page.get_parent().url
    client.get(page.url)
    client.get(index_url)
    response = admin_client.post(f"/admin/pages/{page.pk}/unpublish/", {})
    assert response.status_code == 302
    assert client.get(page.url).status_code == 404
    assert page.url not in client.get(index_url).content.decode()


def test_deleting_removes_the_page_from_every_listing(client, admin_client, french):
    page = practice(french)
    url, index_url = page.url, page.get_parent().url
    client.get(url)
    client.get(index_url)
    assert admin_client.post(f"/admin/pages/{page.pk}/delete/", {}).status_code == 302
    assert client.get(url).status_code == 404
    assert url not in client.get(index_url).content.decode()


def test_moving_a_page_moves_its_address_in_every_page(client, admin_client, french):
    page = ContentPage.objects.get(slug="role-du-facilitateur", locale=french)
    new_parent = ContentPage.objects.get(slug="fondements-de-la-cooperation", locale=french)
    old_url = page.url
    client.get(old_url)
    client.get("/fr/plan-du-site/")
    response = admin_client.post(f"/admin/pages/{page.pk}/move/{new_parent.pk}/confirm/", {})
    assert response.status_code == 302
    new_url = Page.objects.get(pk=page.pk).url
    assert new_url == f"{new_parent.url}role-du-facilitateur/"
    assert client.get(old_url).status_code != 200
    assert client.get(new_url).status_code == 200
    assert f'href="{new_url}"' in client.get("/fr/plan-du-site/").content.decode()


def test_restricting_a_page_to_signed_in_readers_takes_it_from_anonymous_readers_at_once(client, admin_client, french):
    page = practice(french)
    client.get(page.url)
    response = admin_client.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=page).exists()
    refused = client.get(page.url)
    assert refused.status_code == 302
    assert refused["Location"] == f"/fr/_util/login/?next={page.url}"


def test_renaming_a_stage_in_the_snippets_shows_on_the_practices_that_use_it(client, admin_client, french):
    page = practice(french)
    stage = page.stages.first()
    client.get(page.url)
    url = reverse("wagtailsnippets_practices_stage:edit", args=[stage.pk])
    data = {
        "slug": stage.slug,
        "name": "Étape renommée par la rédaction",
        "description": stage.description,
        "sort_order": stage.sort_order,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    assert Stage.objects.get(pk=stage.pk).name == "Étape renommée par la rédaction"
    assert "Étape renommée par la rédaction" in client.get(page.url).content.decode()


def test_changing_the_site_settings_shows_in_every_footer(client, admin_client):
    client.get("/fr/")
    identity = SiteIdentity.load()
    url = reverse("wagtailsettings:edit", args=["hub", "siteidentity", identity.pk])
    assert admin_client.get(url).status_code == 200
    data = {
        field.name: getattr(identity, field.attname)
        for field in SiteIdentity._meta.concrete_fields
        if field.name != "id" and getattr(identity, field.attname) is not None
    }
    data["tagline_fr"] = "Une accroche changée dans les réglages"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    assert "Une accroche changée dans les réglages" in client.get("/fr/").content.decode()


def test_unpublishing_a_term_removes_its_links_from_the_pages_that_used_it(client, admin_client, french):
    term = GlossaryTermPage.objects.get(slug=LINKED_TERM, locale=french)
    url = practice(french, LINKING_PRACTICE).url
    term_link = f'href="{term.url}"'
    assert term_link in client.get(url).content.decode()
    assert admin_client.post(f"/admin/pages/{term.pk}/unpublish/", {}).status_code == 302
    assert term_link not in client.get(url).content.decode()


class PurgeRecorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the standard library's signature
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.received = []
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def test_a_publication_purges_the_front_end_cache_from_the_site_root(
    purge_server, admin_client, admin_user, french, django_capture_on_commit_callbacks
):
    location = f"http://127.0.0.1:{purge_server.server_port}"
    frontend = {"varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}}
    page = practice(french)
    with override_settings(WAGTAILFRONTENDCACHE=frontend), django_capture_on_commit_callbacks(execute=True):
        retitle_and_publish(admin_client, admin_user, page, "Annuaire purgé")
    paths = {path for _host, path in PurgeRecorder.received}
    assert "/" in paths  # deploy/varnish/default.vcl bans everything below a purged address
    assert page.url in paths  # Wagtail's own purge of the page itself


def test_a_page_from_the_cache_carries_the_cache_control_of_the_current_settings(client, settings):
    client.get("/fr/")
    settings.PAGE_CACHE_SHARED_MAX_AGE = 600  # a front-end cache configured since the page was stored
    response = client.get("/fr/")
    assert (cache_status(response), response["Cache-Control"]) == ("hit", "public, max-age=0, s-maxage=600")
