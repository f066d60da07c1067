import django.db.models.deletion
from django.db import migrations, models


def count_existing_misses_on_their_last_day(apps, schema_editor):
    """The misses recorded before per-day counts: their total, on the day they were last searched."""
    SearchMiss = apps.get_model("hub", "SearchMiss")
    SearchMissDaily = apps.get_model("hub", "SearchMissDaily")
    SearchMissDaily.objects.bulk_create(
        SearchMissDaily(miss_id=miss.pk, date=miss.last_searched_at.date(), hits=miss.hits)
        for miss in SearchMiss.objects.all().iterator()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('hub', '0007_home_headline'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchMissDaily',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(verbose_name='jour')),
                ('hits', models.PositiveIntegerField(default=0, verbose_name='nombre de fois')),
                ('miss', models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE, related_name='daily_hits', to='hub.searchmiss',
                )),
            ],
            options={
                'verbose_name': 'recherche sans résultat, par jour',
                'verbose_name_plural': 'recherches sans résultat, par jour',
                'unique_together': {('miss', 'date')},
            },
        ),
        migrations.RunPython(count_existing_misses_on_their_last_day, migrations.RunPython.noop),
    ]
