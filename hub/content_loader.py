"""Loads hub/content/: the home page (the root of the site) and the "about" pages."""

from pathlib import Path

from django.db import transaction

from taggit.models import Tag
from wagtail.models import Page, Site

from glossary import content_loader as glossary_content
from glossary import usage
from hub.content_import import ContentSync
from hub.content_io import body_blocks, read_yaml, rich_text
from hub.content_spec import PageSpec
from hub.models import ContentPage, HomePage, SiteIdentity, SitemapPage
from hub.taxonomy import Theme
from practices import content_loader as practices_content
from territories import content_loader as territories_content

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def ensure_site(home):
    """Make the French home page the root of the default site, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Coopérer")
    elif site.root_page_id != home.pk:
        previous = site.root_page
        site.root_page = home
        site.save()
        if previous.depth == 2 and previous.specific_class is Page and not previous.get_children().exists():
            previous.delete()


def home_spec(root, data):
    def build(resolve):
        return {"title": data["title"], "headline": data.get("headline", ""), "intro": rich_text(data.get("intro", ""))}

    def translate():
        english = data.get("en")
        return english and {
            "title": english["title"],
            "headline": english.get("headline", ""),
            "intro": rich_text(english.get("intro", "")),
        }

    return PageSpec("hub/home", root, HomePage, "accueil", data, build, translate)


def content_page_spec(home, item, position):
    owner = f"page {item['slug']}"

    def build(resolve):
        return {
            "title": item["title"],
            "menu_title": item.get("menu_title", ""),
            "listing_summary": item.get("summary", "").strip(),
            "body": body_blocks(item.get("body"), owner, resolve),
            "show_in_menus": item["slug"] == "la-recherche-action",
        }

    def translate():
        english = item.get("en")
        if not english:
            return None
        values = {
            "title": english["title"],
            "menu_title": english.get("menu_title", ""),
            "listing_summary": english.get("summary", "").strip(),
            "body": body_blocks(english.get("body"), owner, lambda reference: 0),
        }
        if english.get("slug"):
            values["slug"] = english["slug"]
        return values

    return PageSpec(f"hub/page/{item['slug']}", home, ContentPage, item["slug"], item, build, translate)


def sitemap_spec(home, data):
    def build(resolve):
        return {
            "title": data["title"],
            "listing_summary": data.get("summary", "").strip(),
            "intro": rich_text(data.get("intro", "")),
        }

    def translate():
        english = data.get("en")
        return english and {
            "title": english["title"],
            "slug": english.get("slug", data["slug"]),
            "listing_summary": english.get("summary", "").strip(),
            "intro": rich_text(english.get("intro", "")),
        }

    return PageSpec("hub/sitemap", home, SitemapPage, data["slug"], data, build, translate)


def link_footer_pages(pages):
    """Point the site settings' footer links at the pages the files mark `footer:`, unless an editor chose others."""
    identity = SiteIdentity.load()
    changed = []
    for role, page in pages.items():
        field = f"{role}_page"
        if page is not None and getattr(identity, f"{field}_id") is None:
            setattr(identity, field, page)
            changed.append(field)
    if changed:
        identity.save(update_fields=changed)


def load_themes(sync):
    """Each theme's row, keyed by the slug django-taggit gives its tag, with its English name."""
    for position, item in enumerate(read_yaml(CONTENT_DIR / "themes.yaml")):
        slug = Tag().slugify(item["name"])
        sync.snippet(Theme, slug, {"name": item["name"], "sort_order": position}, {"name": item["en"]})


def load_hub_content(force=False, restore_deleted=False, log=None):
    """Load every app's content, in floor order, in one transaction: all of it or nothing."""
    with usage.deferred(), transaction.atomic():
        sync = ContentSync(force=force, restore_deleted=restore_deleted, log=log)
        data = read_yaml(CONTENT_DIR / "pages.yaml")
        home = sync.page(home_spec(Page.get_first_root_node(), data["home"]))
        if home is not None:  # None: deleted in the admin, and everything under it
            ensure_site(home)
        load_themes(sync)
        glossary_content.load(sync, home)
        territories_content.load(sync, home)
        practices_content.load(sync, home)
        footer_pages = {}
        for position, item in enumerate(data.get("pages", [])):
            page = sync.page(content_page_spec(home, item, position))
            sync.register(f"page:{item['slug']}", page)
            if item.get("footer"):
                footer_pages[item["footer"]] = page
        if data.get("sitemap"):
            footer_pages["sitemap"] = sync.page(sitemap_spec(home, data["sitemap"]))
        sync.finish()
        link_footer_pages(footer_pages)
        # wagtail-localize publishes new translations in on_commit hooks, from page objects saved
        # before their children were added in this same transaction: their stale child counts
        # would hide those children from routing. Recount once every hook has run.
        transaction.on_commit(lambda: Page.fix_tree(fix_paths=False))
        return sync.stats
