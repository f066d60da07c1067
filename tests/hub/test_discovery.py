"""What search engines read: robots.txt and the sitemap, in both languages, without private pages."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from wagtail.models import Page, PageViewRestriction

import pytest

from glossary.models import GlossaryTermPage

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_paths(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - the site's own output
    return [urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP}loc")]


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines == ["User-agent: *", "Disallow: /admin/", "Sitemap: http://testserver/sitemap.xml"]


def test_the_sitemap_lists_every_live_public_page_of_both_languages_once(client):
    paths = sitemap_paths(client)
    expected = {page.url for page in Page.objects.live().public().filter(depth__gt=1)}
    assert len(paths) == len(set(paths))
    assert set(paths) == expected
    assert "/fr/glossaire/pre/" in paths
    assert "/en/glossary/pre/" in paths


def test_a_withdrawn_or_restricted_page_leaves_the_sitemap(client, french):
    pre = GlossaryTermPage.objects.get(slug="pre", locale=french)
    caf = GlossaryTermPage.objects.get(slug="caf", locale=french)
    pre.unpublish()
    PageViewRestriction.objects.create(page=caf, restriction_type=PageViewRestriction.PASSWORD, password="x")
    paths = sitemap_paths(client)
    assert pre.url not in paths
    assert caf.url not in paths
    assert "/fr/glossaire/ase/" in paths
