from django.db.models.signals import post_delete

from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from glossary import linker, usage


def on_page_changed(sender, instance, **kwargs):
    from glossary.models import GlossaryTermPage

    if isinstance(instance, GlossaryTermPage) or sender is GlossaryTermPage:
        linker.invalidate()
    usage.content_changed()


def connect():
    page_published.connect(on_page_changed, dispatch_uid="glossary-page-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="glossary-page-unpublished")
    page_slug_changed.connect(on_page_changed, dispatch_uid="glossary-page-slug-changed")
    post_delete.connect(on_deleted, dispatch_uid="glossary-page-deleted")


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        on_page_changed(sender, instance)
