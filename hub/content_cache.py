"""One key for "what a reader may see has changed": the content version.

Every cache of what readers see (the page cache, the template fragments, the site settings, the
routing) puts the content version in its keys. Any change an anonymous
reader could see replaces it: a page published, unpublished, moved, renamed or deleted, a view
restriction added or removed, a snippet (stages, themes, actor types…), a tag, a site setting,
a site or a locale saved or deleted. Every process reads the version from the shared cache (Redis, or
files on one machine), so the change shows at once everywhere; old entries are never read again and
expire on their own.

The version changes at once, so that the process making the change never reads its old pages back,
and again when the transaction commits: another process that rendered in between read the old rows.
After the commit, a configured front-end cache (Varnish) is purged too (`hub.frontend_cache`).

Why everything at once rather than the pages that show the change: a page's title appears in the
menu, the breadcrumbs, listings, "related" asides, term links and the home page of every page; a
dependency graph for them would be larger than this module and wrong the day a template changes.
Editors publish a few times a day; readers read thousands of times between two publications.
"""

import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from hub.release import release

# Per release: pages cached by the previous code are never read by the new one.
VERSION_KEY = f"hub:content-version:{release()}"
# Apps whose rows readers see, besides pages: the site's own and the tags. Wagtail's sites, locales,
# view restrictions and search promotions are listed one by one below (its other tables are the admin's).
READER_APPS = {"hub", "glossary", "practices", "territories", "taggit"}
READER_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailsearchpromotions.searchpromotion",
}
# Rows of the reader apps that readers never see: logs, counters, and the glossary's usage rows
# (derived from pages; what changes them changes the version itself).
NOT_SHOWN = {"hub.searchmissdaily", "glossary.termusage", "glossary.termusagebuild"}


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def request_content_version(request):
    """The version read once per request, so that every cached part of one response agrees."""
    if request is None:
        return content_version()
    version = getattr(request, "content_version", None)
    if version is None:
        version = request.content_version = content_version()
    return version


_remembered = {}


def remembered(name, compute):
    """compute(), kept in this process until the content version changes.

    For what readers' requests read again and again and any change of content may change (a
    locale's facet memberships, the restricted paths): one query per content version and process,
    and never stale, since the version is read from the shared cache on every call.
    """
    version = content_version()
    found = _remembered.get(name)
    if found is not None and found[0] == version:
        return found[1]
    value = compute()
    _remembered[name] = (version, value)
    return value


def _replace_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _after_commit():
    from hub import frontend_cache

    _replace_version()
    frontend_cache.purge_site()


def content_changed():
    _replace_version()
    transaction.on_commit(_after_commit)


def shown_to_readers(model):
    label = model._meta.label_lower
    if label in NOT_SHOWN:
        return False
    return label in READER_MODELS or model._meta.app_label in READER_APPS


def on_page_event(sender, **kwargs):
    content_changed()


def on_row_saved(sender, instance, raw=False, **kwargs):
    # A page saved without being published (a draft) changes nothing readers see; publishing sends
    # page_published. Its deletion does, and goes through on_row_deleted.
    if raw or isinstance(instance, Page) or not shown_to_readers(sender):
        return
    content_changed()


def on_row_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or shown_to_readers(sender):
        content_changed()


def on_m2m_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        content_changed()


def connect():
    page_published.connect(on_page_event, dispatch_uid="hub-content-published")
    page_unpublished.connect(on_page_event, dispatch_uid="hub-content-unpublished")
    page_slug_changed.connect(on_page_event, dispatch_uid="hub-content-slug-changed")
    post_page_move.connect(on_page_event, dispatch_uid="hub-content-moved")
    post_save.connect(on_row_saved, dispatch_uid="hub-content-row-saved")
    # One receiver per model, not one for all: a model with a delete receiver loses Django's fast
    # bulk delete (each row is fetched and signalled), which the glossary's usage rows rely on.
    rows = [model for model in apps.get_models() if shown_to_readers(model) and not issubclass(model, Page)]
    for model in [Page, *rows]:
        post_delete.connect(on_row_deleted, sender=model, dispatch_uid=f"hub-content-deleted-{model._meta.label_lower}")
    m2m_changed.connect(on_m2m_changed, sender=PageViewRestriction.groups.through, dispatch_uid="hub-content-groups")
    for model in apps.get_models():
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if shown_to_readers(model) and not isinstance(through, str):
                uid = f"hub-content-m2m-{through._meta.label}"
                m2m_changed.connect(on_m2m_changed, sender=through, dispatch_uid=uid)
