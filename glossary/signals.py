"""The terms readers may see changed: every process's matcher is stale, and "where this term appears" too.

The terms version in the shared cache changes at once (so that this process sees the change) and
again once the transaction commits: a process that rebuilt in between read the old rows. The stored
usage rows (`glossary.usage`) follow every change of a page, a term or a view restriction.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from glossary import linker, usage
from glossary.models import GlossaryTermPage
from hub.restrictions import pages_being_deleted


def matchers_stale():
    linker.invalidate()
    transaction.on_commit(linker.invalidate)


def terms_changed(page):
    matchers_stale()
    if not usage.is_deferred():
        usage.update_language.enqueue(page.locale.language_code)


def on_published_or_withdrawn(sender, instance, **kwargs):
    if isinstance(instance, GlossaryTermPage):
        terms_changed(instance)
    else:
        usage.record_page(instance)


def on_slug_changed(sender, instance, **kwargs):
    # Term links carry the term's URL; usage rows name pages by id, so they stay right.
    if isinstance(instance, GlossaryTermPage):
        matchers_stale()


def on_moved(sender, instance, **kwargs):
    # A move can take pages (terms among them) under a view restriction, or out of one.
    page = Page.objects.get(pk=instance.pk)
    terms_changed(page)
    usage.record_subtree(page)


def on_page_deleted(sender, instance, **kwargs):
    # Sent once every deleted page's row is gone (a page's own usage rows went before, by cascade),
    # so that the rebuild reads only the pages that remain.
    if issubclass(instance.specific_class or Page, GlossaryTermPage):
        terms_changed(instance)


def on_restriction_changed(sender, instance, **kwargs):
    # A restriction hides the page and everything below it, terms included. A page being deleted
    # takes its restrictions with it: the page deletion itself updates what depends on it.
    if instance.page_id in pages_being_deleted():
        return
    terms_changed(instance.page)
    usage.record_subtree(instance.page)


def on_restriction_groups_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        on_restriction_changed(sender, instance)


def connect():
    page_published.connect(on_published_or_withdrawn, dispatch_uid="glossary-page-published")
    page_unpublished.connect(on_published_or_withdrawn, dispatch_uid="glossary-page-unpublished")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="glossary-page-slug-changed")
    post_page_move.connect(on_moved, dispatch_uid="glossary-page-moved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="glossary-page-deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="glossary-restriction-saved")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="glossary-restriction-deleted")
    m2m_changed.connect(
        on_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="glossary-restriction-groups",
    )
