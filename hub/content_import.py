"""Loading content files into Wagtail pages: idempotent, and never over an editor's work.

Each item of a content file has a stable key ("glossary/term/pre", "hub/page/a-propos"); the
loader records, per key, the page it wrote, a digest of the data it was built from and the
revision it published. The page is found again by that record, not by its slug or place, so an
editor may rename or move it. On the next run:
- same digest: nothing to do;
- new digest, and the page's latest revision is still the loader's: the page is updated where
  it now is;
- new digest, but an editor has saved the page since: the page is left alone (unless --force);
- the page was deleted in the admin (the record lost its page): it is not created again, nor its
  English translation (unless --restore-deleted); an English translation deleted on its own is
  not created again either;
- no record (first load, or a key new in the files): the page is created, or a page already at
  its slug under its parent is adopted, and recorded from then on.
Every skipped or kept item is reported with its reason.

English versions are applied as real wagtail-localize translations (`hub.content_translation`).
What each app's loader describes a page with is a `hub.content_spec.PageSpec`.
"""

import hashlib
import json
import uuid
from collections import Counter

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from wagtail.models import Locale, Page, TranslatableMixin

from hub.content_io import ContentError
from hub.content_translation import apply_translation


class ContentImport(models.Model):
    """What the content loader last wrote for one item of a content file."""

    key = models.CharField(max_length=255, unique=True)
    # Emptied, not deleted, when an editor deletes the page: the record then says "deleted in the admin".
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The page's translation key: a restored page takes it back, and so finds its English translation again.
    translation_key = models.UUIDField(null=True, blank=True)
    # None for a page the loader adopted without having written it: it counts as edited.
    revision_id = models.BigIntegerField(null=True, blank=True)
    digest = models.CharField(max_length=64)
    # The loader has given the page an English translation: if it is missing later, an editor deleted it.
    translated = models.BooleanField(default=False)
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


class ContentSync:
    def __init__(self, force=False, restore_deleted=False, log=None):
        self.force = force
        self.restore_deleted = restore_deleted
        self.log = log or (lambda message: None)
        self.stats = Counter()
        self.references = {}
        self.deferred = []
        self.french, self.english = locales()
        self.records = {record.key: record for record in ContentImport.objects.all()}

    # References between pages -----------------------------------------------------------
    def register(self, reference, page):
        """Record what "practice:slug"... points to; None for an item skipped by this run."""
        self.references[reference] = page.pk if page is not None else None

    def resolver(self, misses):
        def resolve(reference):
            if reference not in self.references:
                misses.append(reference)
            return self.references.get(reference)

        return resolve

    def report(self, stat, message):
        """Count an item the loader did not write, and say which and why."""
        self.stats[stat] += 1
        self.log(message)

    # Pages ---------------------------------------------------------------------------------
    def page(self, spec):
        """Create, update or keep the page of `spec`; None when it is skipped (deleted in the admin)."""
        record = self.records.get(spec.key)
        digest = digest_of(spec.data)

        if record is not None and record.page_id is not None:
            existing = spec.model.objects.filter(pk=record.page_id).first()
            if existing is None:
                raise ContentError(f"{spec.key}: page {record.page_id} is no longer a {spec.model.__name__}")
            loaded = record.revision_id is not None
            was_translated = record.translated
        elif record is not None and not self.restore_deleted:
            self._skip_deleted(spec, record)
            return None
        elif spec.parent is None:
            self.report(
                "skipped (parent deleted in the admin)",
                f"skipped {spec.key}: its parent page was deleted in the admin (--restore-deleted creates both again)",
            )
            return None
        else:
            # First load of this key (or a restore): adopt a page already at its place, else create it.
            existing = spec.model.objects.child_of(spec.parent).filter(slug=spec.slug).first()
            loaded = False
            was_translated = False

        if existing is not None and not self.force:
            if loaded and record.digest == digest:
                self.stats["unchanged"] += 1
                return existing
            if not loaded:
                self.report(
                    "kept (not written by the loader)",
                    f"kept {spec.key}: the page at its place, {address(existing)}, was not written by the loader "
                    "(use --force to overwrite it)",
                )
                self._record(
                    spec.key,
                    page=existing,
                    translation_key=existing.translation_key,
                    revision_id=None,
                    digest="",
                    translated=False,
                )
                return existing
            if not existing.live:
                self.report(
                    "kept (unpublished in the admin)",
                    f"kept {spec.key}: unpublished in the admin, not published again (use --force to update it, "
                    "as a draft)",
                )
                return existing
            if existing.latest_revision_id != record.revision_id:
                self.report(
                    "kept (edited in the admin)",
                    f"kept {spec.key}: edited in the admin since it was loaded (use --force to overwrite)",
                )
                return existing

        misses = []
        values = spec.build(self.resolver(misses))
        # A restored page takes back its translation key, and with it an English translation left in place.
        translation_key = record.translation_key if existing is None and record is not None else None
        page = self._write(spec, existing, values, translation_key)
        if misses:
            # Translated later, once the pages it refers to exist and its text is complete.
            self.deferred.append((spec, page, set(misses), was_translated))
            translated = was_translated
        else:
            translated = self._translate(spec, page, was_translated)
        self._record(
            spec.key,
            page=page,
            translation_key=page.translation_key,
            revision_id=page.latest_revision_id,
            digest=digest,
            translated=translated,
        )
        self.stats["created" if existing is None else "updated"] += 1
        return page

    def _skip_deleted(self, spec, record):
        message = f"skipped {spec.key}: deleted in the admin, not created again (--restore-deleted creates it again)"
        english = record.translation_key and (
            Page.objects.filter(translation_key=record.translation_key, locale=self.english).first()
        )
        if english:
            message += f"; its English translation {address(english)} was not deleted"
        self.report("skipped (deleted in the admin)", message)

    def _record(self, key, **values):
        record = self.records.get(key) or ContentImport(key=key)
        for name, value in values.items():
            setattr(record, name, value)
        record.save()
        self.records[key] = record

    def _write(self, spec, page, values, translation_key=None):
        relations = values.pop("relations", {})
        children = values.pop("children", {})
        tags = values.pop("tags", [])
        if page is None:
            page = spec.model(slug=spec.slug, locale=spec.parent.locale, **values)
            if translation_key is not None:
                page.translation_key = translation_key
            spec.parent.add_child(instance=page)
        else:
            page = page.specific
            for name, value in values.items():
                setattr(page, name, value)
            if page.slug != spec.slug:
                self._restore_slug(spec, page)
        self._set_relations(page, relations, children, tags)
        revision = page.save_revision()
        if page.live:
            revision.publish()
        else:
            # Only --force gets here: a page an editor unpublished is updated as a draft, never published again.
            self.log(f"updated {spec.key} as a draft: unpublished in the admin, not published again")
        return spec.model.objects.get(pk=page.pk)

    def _restore_slug(self, spec, page):
        """Give an updated page its slug from the files, unless a sibling (where it now lives) has it."""
        if page.get_siblings(inclusive=False).filter(slug=spec.slug).exists():
            self.log(f"kept slug {page.slug!r} of {spec.key}: {spec.slug!r} is taken by another page beside it")
        else:
            page.slug = spec.slug

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
        for spec, page, _misses, was_translated in self.deferred:
            values = spec.build(self.resolver([]))
            page = self._write(spec, page, values)
            translated = self._translate(spec, page, was_translated)
            self._record(spec.key, revision_id=page.latest_revision_id, translated=translated)
        unresolved = {reference for _spec, _page, misses, _translated in self.deferred for reference in misses} - set(
            self.references
        )
        if unresolved:
            raise ContentError(f"unknown references in the content files: {', '.join(sorted(unresolved))}")
        self.deferred = []

    # Translations --------------------------------------------------------------------------
    def _translate(self, spec, page, was_translated):
        """Apply the English version; returns whether the page has (or had) the loader's translation."""
        if spec.translate is None:
            return False
        translated_values = spec.translate()
        if not translated_values:
            return False
        if (
            was_translated
            and not self.restore_deleted
            and not Page.objects.filter(translation_key=page.translation_key, locale=self.english).exists()
        ):
            self.report(
                "English translations skipped (deleted in the admin)",
                f"updated {spec.key} without its English translation: deleted in the admin, not created again "
                "(--restore-deleted creates it again)",
            )
            return True
        apply_translation(page, translated_values, self.english, publish=page.live)
        self.stats["translated"] += 1
        return True

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


def address(page):
    return page.get_url() or page.url_path
