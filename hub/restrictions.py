"""A view restriction holds for every translation of a page.

Wagtail keeps restrictions per page, and each translation is a page of its own: a French page
made private after it was translated would stay public at its English address. Whenever a
restriction is added, changed or removed, the page's translations are given the same set.
"""

import threading

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from wagtail.models import Page, PageViewRestriction

from hub.content_cache import remembered

_state = threading.local()


def group_ids(restriction):
    return tuple(sorted(group.pk for group in restriction.groups.all()))


def restriction_set(page):
    return sorted(
        (
            restriction.restriction_type,
            restriction.password,
            tuple(sorted(group.pk for group in restriction.groups.all())),
        )
        for restriction in page.view_restrictions.prefetch_related("groups")
    )


def mirror_restrictions(page):
    """Give every translation of `page` exactly the view restrictions that `page` has."""
    wanted = restriction_set(page)
    _state.mirroring = True
    try:
        for translation in page.get_translations():
            if restriction_set(translation) == wanted:
                continue
            for restriction in translation.view_restrictions.all():
                restriction.delete()
            for restriction_type, password, groups in wanted:
                copy = PageViewRestriction(page=translation, restriction_type=restriction_type, password=password)
                copy.save()
                copy.groups.set(groups)
    finally:
        _state.mirroring = False


def restricted_paths():
    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


def public(pages):
    """`pages.public()` without its query of every restriction: their paths are remembered per content version."""
    paths = remembered("restricted-paths", restricted_paths)
    hidden = Q()
    for path in paths:
        hidden &= ~Q(path__startswith=path)
    return pages.filter(hidden)


def pages_being_deleted():
    if not hasattr(_state, "deleting"):
        _state.deleting = set()
    return _state.deleting


def on_restriction_changed(instance, page_id):
    # The copies made here send the same signals; a page being deleted takes its restrictions with it
    # and must not strip its translations of theirs.
    if getattr(_state, "mirroring", False) or page_id in pages_being_deleted():
        return
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        mirror_restrictions(page)


def on_restriction_saved(sender, instance, **kwargs):
    on_restriction_changed(instance, instance.page_id)


def on_restriction_groups_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        on_restriction_changed(instance, instance.page_id)


def on_page_pre_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        pages_being_deleted().add(instance.pk)


def on_page_post_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        pages_being_deleted().discard(instance.pk)


def connect():
    post_save.connect(on_restriction_saved, sender=PageViewRestriction, dispatch_uid="hub-restriction-saved")
    post_delete.connect(on_restriction_saved, sender=PageViewRestriction, dispatch_uid="hub-restriction-deleted")
    m2m_changed.connect(
        on_restriction_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="hub-restriction-groups"
    )
    # Django sends a deleted page's signals for each of its models, Page included.
    pre_delete.connect(on_page_pre_delete, sender=Page, dispatch_uid="hub-page-pre-delete")
    post_delete.connect(on_page_post_delete, sender=Page, dispatch_uid="hub-page-post-delete")
