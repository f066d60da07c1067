"""The content loader's records survive the deletion of their page, and remember English translations.

A record whose page is deleted in the admin now keeps its key with an empty page, so that the
next `load_hub_content` knows the page was deleted and does not create it again. Records of an
existing database get their page's translation key (a restored page takes it back, and so finds
its English translation again), and are marked `translated` where the page has an English
translation, so that an English translation deleted later is not created again either.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import Exists, OuterRef, Subquery


def record_translations(apps, schema_editor):
    content_import = apps.get_model("hub", "ContentImport")
    page = apps.get_model("wagtailcore", "Page")
    content_import.objects.filter(page__isnull=False).update(
        translation_key=Subquery(page.objects.filter(pk=OuterRef("page_id")).values("translation_key")[:1])
    )
    english = page.objects.filter(translation_key=OuterRef("page__translation_key"), locale__language_code="en")
    content_import.objects.filter(page__isnull=False).filter(Exists(english)).update(translated=True)


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0008_search_miss_daily"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="contentimport",
            name="translation_key",
            field=models.UUIDField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="contentimport",
            name="translated",
            field=models.BooleanField(default=False),
        ),
        migrations.AlterField(
            model_name="contentimport",
            name="page",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.WAGTAIL_PAGE_MODEL,
            ),
        ),
        migrations.RunPython(record_translations, migrations.RunPython.noop),
    ]
