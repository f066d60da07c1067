"""Factories for pages and vocabulary rows that tests create beside the loaded content."""

from wagtail.models import Locale

import factory
import wagtail_factories

from practices.models import PracticeIndexPage, PracticePage, Stage


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Index de test {n}")
    slug = factory.Sequence(lambda n: f"index-de-test-{n}")

    class Meta:
        model = PracticeIndexPage


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pratique de test {n}")
    slug = factory.Sequence(lambda n: f"pratique-de-test-{n}")
    listing_summary = "Une pratique créée pour les tests."
    problem = "<p>Un problème que la coopération aide à résoudre.</p>"
    what_is_done = "<p>Ce que les partenaires font ensemble.</p>"

    class Meta:
        model = PracticePage

    @factory.post_generation
    def stages(self, create, extracted, **kwargs):
        if create and extracted:
            self.stages.set(extracted)
            self.save()

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
            self.save()


def french_stage(number):
    return Stage.objects.get(slug=str(number), locale=Locale.objects.get(language_code="fr"))
