"""Restrictions set before hub/restrictions.py existed reach the translations of their pages.

A translation that has no restriction of its own gets a copy of each restriction of a restricted
page with the same translation key. Nothing is ever lifted.
"""

from django.db import migrations


def mirror(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    restricted = Page.objects.filter(view_restrictions__isnull=False).distinct()
    for page in restricted:
        translations = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
        for translation in translations.filter(view_restrictions__isnull=True):
            for restriction in PageViewRestriction.objects.filter(page=page):
                copy = PageViewRestriction.objects.create(
                    page=translation, restriction_type=restriction.restriction_type, password=restriction.password
                )
                copy.groups.set(restriction.groups.all())


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0010_site_frame"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(mirror, migrations.RunPython.noop)]
