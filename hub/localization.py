"""Relations point to source-language objects; readers see each object in their own language."""

from django.conf import settings

from wagtail.models import Locale, Page


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def localized_pages(queryset):
    """Live, public pages of `queryset`, each replaced by its translation in the active locale if one is live."""
    return localize(list(queryset.live().public()))


def localize(pages):
    """Each page of the list replaced by its live translation in the active locale, when there is one."""
    locale = _active_locale()
    if not pages or locale is None:
        return pages
    keys = [page.translation_key for page in pages if page.locale_id != locale.pk]
    translations = {}
    if keys:
        translated = (
            Page.objects.filter(translation_key__in=keys, locale=locale).live().public().select_related("locale")
        ).specific()
        translations = {page.translation_key: page for page in translated}
    return [translations.get(page.translation_key, page) for page in pages]


def localized_objects(queryset):
    """Rows of a translatable model in the active locale, falling back to the row itself."""
    objects = list(queryset)
    locale = _active_locale()
    if not objects or locale is None:
        return objects
    model = queryset.model
    keys = [obj.translation_key for obj in objects if obj.locale_id != locale.pk]
    translations = {}
    if keys:
        translations = {
            obj.translation_key: obj for obj in model.objects.filter(translation_key__in=keys, locale=locale)
        }
    return [translations.get(obj.translation_key, obj) for obj in objects]


def related_in_any_locale(page, related_name):
    """Pages that point to `page` or to any of its translations through the reverse relation `related_name`.

    Relations are set on the source-language pages (their translations copy them), so a translation
    finds its relatives this way; the source-language relatives are kept, once each.
    """
    relation = page._meta.get_field(related_name)
    relatives = relation.related_model.objects.filter(
        **{f"{relation.field.name}__translation_key": page.translation_key}
    )
    return relatives.filter(locale__language_code=settings.LANGUAGE_CODE).distinct()
