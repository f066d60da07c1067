"""Loading content files into Wagtail pages: idempotent, and never over an editor's work.

Each loaded page is recorded with a digest of the data it was built from and the revision the
loader published. On the next run:
- same digest: nothing to do;
- new digest, and the page's latest revision is still the loader's: the page is updated;
- new digest, but an editor has saved the page since: the page is left alone (unless --force).

English versions are applied as real wagtail-localize translations: the French page is the
TranslationSource, each English string a StringTranslation, and the translated page is saved
by wagtail-localize itself, so translators find a normal synchronised translation in the admin.
"""

import hashlib
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import String, StringTranslation, Translation, TranslationContext, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from hub.content_io import ContentError, rich_text


class ContentImport(models.Model):
    """What the content loader last wrote for one item of a content file."""

    key = models.CharField(max_length=255, unique=True)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    revision_id = models.BigIntegerField(null=True, blank=True)
    digest = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "hub"
        verbose_name = "content import"

    def __str__(self):
        return self.key


def digest_of(data):
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def locales():
    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return french, english


@dataclass
class PageSpec:
    """Everything the loader needs to create or update one page.

    `build(resolve)` returns the page's field values; `resolve(reference)` turns "practice:slug"
    into a page id and records references that do not exist yet, so that the page is built
    again once every file is loaded.
    """

    key: str
    parent: object
    model: type
    slug: str
    data: dict
    build: object
    translate: object = None
    relations: dict = field(default_factory=dict)
    tags: list = field(default_factory=list)


class ContentSync:
    def __init__(self, force=False, log=None):
        self.force = force
        self.log = log or (lambda message: None)
        self.stats = Counter()
        self.references = {}
        self.deferred = []
        self.french, self.english = locales()

    # References between pages -----------------------------------------------------------
    def register(self, reference, page):
        self.references[reference] = page.pk

    def resolver(self, misses):
        def resolve(reference):
            page_id = self.references.get(reference)
            if page_id is None:
                misses.append(reference)
            return page_id

        return resolve

    # Pages ---------------------------------------------------------------------------------
    def page(self, spec):
        record = ContentImport.objects.filter(key=spec.key).first()
        existing = spec.model.objects.child_of(spec.parent).filter(slug=spec.slug).first()
        digest = digest_of(spec.data)

        if existing is not None and record is not None and record.digest == digest and not self.force:
            self.stats["unchanged"] += 1
            return existing
        if existing is not None and not self.force:
            edited = record is None or existing.latest_revision_id != record.revision_id
            if edited:
                self.stats["kept (edited in the admin)"] += 1
                self.log(f"kept {spec.key}: edited in the admin since it was loaded (use --force to overwrite)")
                return existing

        misses = []
        values = spec.build(self.resolver(misses))
        page = self._write(spec, existing, values)
        if misses:
            # Translated later, once the pages it refers to exist and its text is complete.
            self.deferred.append((spec, page, set(misses)))
        else:
            self._translate(spec, page)
        ContentImport.objects.update_or_create(
            key=spec.key, defaults={"page": page, "revision_id": page.latest_revision_id, "digest": digest}
        )
        self.stats["created" if existing is None else "updated"] += 1
        return page

    def _write(self, spec, page, values):
        relations = values.pop("relations", {})
        children = values.pop("children", {})
        tags = values.pop("tags", [])
        if page is None:
            page = spec.model(slug=spec.slug, locale=spec.parent.locale, **values)
            spec.parent.add_child(instance=page)
        else:
            page = page.specific
            for name, value in values.items():
                setattr(page, name, value)
        self._set_relations(page, relations, children, tags)
        page.save_revision().publish()
        return spec.model.objects.get(pk=page.pk)

    @staticmethod
    def _set_relations(page, relations, children, tags):
        for name, ids in relations.items():
            ids = [pk for pk in ids if pk is not None]
            related = page._meta.get_field(name).related_model.objects.in_bulk(ids)
            setattr(page, name, [related[pk] for pk in ids if pk in related])
        for name, rows in children.items():
            model = page._meta.get_field(name).related_model
            if issubclass(model, TranslatableMixin):
                # Keep the rows' identity, which wagtail-localize uses to pair them with their translations.
                existing = {child.translation_key: child.pk for child in getattr(page, name).all()} if page.pk else {}
                rows = [
                    {"locale": page.locale, "pk": existing.get(uuid.UUID(str(row["translation_key"]))), **row}
                    for row in rows
                ]
            setattr(page, name, [model(**row) for row in rows])
        if hasattr(page, "tags"):
            page.tags.set(tags, clear=True)

    def finish(self):
        """Build again the pages that referred to pages loaded after them."""
        for spec, page, _misses in self.deferred:
            values = spec.build(self.resolver([]))
            page = self._write(spec, page, values)
            self._translate(spec, page)
            ContentImport.objects.filter(key=spec.key).update(revision_id=page.latest_revision_id)
        unresolved = {reference for _spec, _page, misses in self.deferred for reference in misses} - set(
            self.references
        )
        if unresolved:
            raise ContentError(f"unknown references in the content files: {', '.join(sorted(unresolved))}")
        self.deferred = []

    # Translations --------------------------------------------------------------------------
    def _translate(self, spec, page):
        if spec.translate is None:
            return
        translated_values = spec.translate()
        if translated_values:
            apply_translation(page, translated_values, self.english)
            self.stats["translated"] += 1

    def snippet(self, model, slug, values, translated_values=None):
        """Create or update a vocabulary row and its English translation."""
        obj, created = model.objects.get_or_create(slug=slug, locale=self.french, defaults=values)
        if not created and self.force:
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
        if created or self.force:
            self.stats["vocabulary rows written"] += 1
            if translated_values:
                apply_translation(obj, translated_values, self.english)
        return obj


def string_segments(instance):
    by_path = {}
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            by_path.setdefault(segment.path, []).append(segment)
    return by_path


def apply_translation(source_instance, translated_values, target_locale):
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
    translation.save_target(publish=True)
    return translation


def index_page_spec(key, parent, model, data):
    """An index page described by slug, title, summary, intro and their `en:` translation."""

    def build(resolve):
        return {
            "title": data["title"],
            "listing_summary": data.get("summary", ""),
            "intro": rich_text(data.get("intro", "")),
            "show_in_menus": True,
        }

    def translate():
        english = data.get("en")
        if not english:
            return None
        return {
            "title": english["title"],
            "slug": english.get("slug", data["slug"]),
            "listing_summary": english.get("summary", ""),
            "intro": rich_text(english.get("intro", "")),
        }

    return PageSpec(key=key, parent=parent, model=model, slug=data["slug"], data=data, build=build, translate=translate)
