"""The terms readers may see changed: every process's matcher is stale.

The terms version in the shared cache changes at once (so that this process sees the change) and
again once the transaction commits: a process that rebuilt in between read the old rows. What
depends on every page (where each term appears) follows the content version (`hub.content_cache`).
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from glossary import linker


def terms_changed():
    linker.invalidate()
    transaction.on_commit(linker.invalidate)


def on_page_changed(sender, instance, **kwargs):
    from glossary.models import GlossaryTermPage

    if isinstance(instance, GlossaryTermPage) or sender is GlossaryTermPage:
        terms_changed()


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        on_page_changed(sender, instance)


def on_restriction_changed(sender, instance=None, **kwargs):
    # A restriction hides the page and everything below it, terms included.
    terms_changed()


def on_restriction_groups_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        terms_changed()


def connect():
    page_published.connect(on_page_changed, dispatch_uid="glossary-page-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="glossary-page-unpublished")
    page_slug_changed.connect(on_page_changed, dispatch_uid="glossary-page-slug-changed")
    post_page_move.connect(on_page_changed, dispatch_uid="glossary-page-moved")
    post_delete.connect(on_deleted, dispatch_uid="glossary-page-deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="glossary-restriction-saved")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="glossary-restriction-deleted")
    m2m_changed.connect(
        on_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="glossary-restriction-groups",
    )
