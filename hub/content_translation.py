"""Content files' English applied as real wagtail-localize translations.

The French page is the TranslationSource, each English string a StringTranslation, and the
translated page is saved by wagtail-localize itself, so translators find a normal synchronised
translation in the admin.
"""

from modelcluster.models import get_all_child_relations
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail_localize.models import String, StringTranslation, Translation, TranslationContext, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from hub.content_io import ContentError


def string_segments(instance):
    by_path = {}
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            by_path.setdefault(segment.path, []).append(segment)
    return by_path


def apply_translation(source_instance, translated_values, target_locale, publish=True):
    """Translate `source_instance` into `target_locale` with wagtail-localize.

    `translated_values` maps field names to their translated values, shaped exactly as the source
    fields (same blocks with the same ids, same paragraphs and list items); every source string
    is paired with the string at the same place in the translated values.
    """
    source, _ = TranslationSource.update_or_create_from_instance(source_instance)
    shadow = source.as_instance()
    child_relations = {relation.name for relation in get_all_child_relations(type(shadow))}
    for name, value in translated_values.items():
        if name in child_relations:
            for child, child_values in zip(getattr(shadow, name).all(), value, strict=True):
                for attribute, attribute_value in child_values.items():
                    setattr(child, attribute, attribute_value)
        else:
            setattr(shadow, name, value)
    original = string_segments(source.as_instance())
    translated = string_segments(shadow)
    contexts = {context.path: context for context in TranslationContext.objects.filter(object_id=source.object_id)}
    for path, segments in original.items():
        targets = translated.get(path, [])
        if not targets:
            continue  # Not translated: wagtail-localize falls back to the source text.
        if len(targets) != len(segments):
            raise ContentError(
                f"{source_instance}: the English text of {path!r} has {len(targets)} segment(s) "
                f"where the French has {len(segments)}; give both the same paragraphs and list items."
            )
        for segment, target in zip(segments, targets, strict=True):
            if target.string.data == segment.string.data and path == "slug":
                continue
            string = String.from_value(source.locale, segment.string)
            StringTranslation.objects.update_or_create(
                translation_of=string,
                locale=target_locale,
                context=contexts[path],
                defaults={"data": target.string.data, "translation_type": "manual", "has_error": False},
            )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=target_locale, defaults={"enabled": True}
    )
    translation.save_target(publish=publish)
    if isinstance(source_instance, Page):
        redirect_source_slug(source_instance, translation.get_target_instance())
    return translation


def redirect_source_slug(source_page, translated_page):
    """A translated page with a slug of its own is also reached at the address it had before it got one.

    Until it had its own slug, the translation (or, for a page not yet translated, its index's
    fallback) answered at the source slug under the translated parent: links to that address lead
    to the translation, permanently.
    """
    if translated_page.slug == source_page.slug:
        return
    # Read from the tree rather than page.url: a translation loaded in the same run as its language's
    # home page is not found in Wagtail's cached site root paths yet. Addresses are /<language>/<path>/.
    home = translated_page.get_ancestors().filter(depth=2).first()
    section = translated_page.get_parent().url_path.removeprefix(home.url_path) if home else ""
    old_path = Redirect.normalise_path(f"/{translated_page.locale.language_code}/{section}{source_page.slug}/")
    Redirect.objects.update_or_create(
        old_path=old_path, site=None, defaults={"redirect_page": translated_page, "is_permanent": True}
    )
