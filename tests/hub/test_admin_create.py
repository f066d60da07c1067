"""Editors can create every page type in the Wagtail admin."""

from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from hub.models import ContentPage, HomePage
from practices.models import (
    ObstacleIndexPage,
    ObstaclePage,
    PerspectiveIndexPage,
    PerspectivePage,
    PracticeIndexPage,
    PracticePage,
    TrainingModuleIndexPage,
    TrainingModulePage,
)
from territories.models import CooperatingActorsPage, TerritoryIndexPage, TerritoryPage


class AdminCreationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.french = Locale.objects.get(language_code="fr")

    def setUp(self):
        self.login()

    def index(self, model):
        return model.objects.get(locale=self.french)

    def test_content_page(self):
        home = HomePage.objects.get(locale=self.french)
        data = nested_form_data(
            {
                "title": "Nous contacter",
                "slug": "nous-contacter",
                "body": streamfield([("text", rich_text("<p>Écrivez-nous.</p>"))]),
            }
        )
        self.assertCanCreate(home, ContentPage, data)

    def test_territory_page(self):
        data = nested_form_data(
            {
                "title": "Territoire de test",
                "slug": "territoire-de-test",
                "department_name": "Loire",
                "department_number": "42",
                "region": "Auvergne-Rhône-Alpes",
                "latitude": "45.40",
                "longitude": "4.30",
                "kind": "petite-ville-d-agglomeration",
                "seed_mention": "Territoire de test (42)",
                "summary_provenance": "redaction",  # preselected in the form (the model default)
                "body": streamfield([]),
                "facts": inline_formset(
                    [
                        {
                            "text": "Une commune de la Loire.",
                            "source_title": "Code officiel géographique",
                            "source_publisher": "Insee",
                            "source_url": "https://www.insee.fr/fr/information/2560452",
                            "source_date": "",
                            "consulted_on": "2026-11-27",
                        }
                    ]
                ),
                "cooperation_bodies": inline_formset(
                    [{"level": "pilotage", "name": "Comité de pilotage", "description": ""}]
                ),
                "related_links": inline_formset([]),
            }
        )
        self.assertCanCreate(self.index(TerritoryIndexPage), TerritoryPage, data)

    def test_practice_page(self):
        data = nested_form_data(
            {
                "title": "Une pratique",
                "slug": "une-pratique",
                "problem": rich_text("<p>Le problème.</p>"),
                "what_is_done": rich_text("<p>Ce qui est fait.</p>"),
                "synthesis_section": "Des outils communs comme pour faciliter les échanges entre partenaires",
                "guidance_provenance": "redaction",  # preselected in the form (the model default)
                "success_conditions": rich_text(""),
                "pitfalls": rich_text(""),
                "effect_indicators": rich_text(""),
                "result_indicators": rich_text(""),
                "body": streamfield([]),
                "tags": "confiance, gouvernance",
            }
        )
        self.assertCanCreate(self.index(PracticeIndexPage), PracticePage, data)

    def test_perspective_page(self):
        data = nested_form_data(
            {
                "title": "Une perspective",
                "slug": "une-perspective",
                "number": "9",
                "short_title": "Perspective de test",
                "context": rich_text("<p>Le constat.</p>"),
                "actions": rich_text("<ul><li>Agir.</li></ul>"),
                "body": streamfield([]),
                "tags": "",
            }
        )
        self.assertCanCreate(self.index(PerspectiveIndexPage), PerspectivePage, data)

    def test_obstacle_page(self):
        data = nested_form_data(
            {
                "title": "Un frein",
                "slug": "un-frein",
                "description": rich_text("<p>Ce qui bloque.</p>"),
                "body": streamfield([]),
                "tags": "",
            }
        )
        self.assertCanCreate(self.index(ObstacleIndexPage), ObstaclePage, data)

    def test_training_module_page(self):
        data = nested_form_data(
            {
                "title": "Un module",
                "slug": "un-module",
                "audience": rich_text("<p>Étudiants DEES.</p>"),
                "diploma_level": "niveau-6",
                "duration_minutes": "120",
                "objectives": rich_text("<ul><li>Savoir coopérer.</li></ul>"),
                "prerequisites": rich_text(""),
                "sections": streamfield(
                    [("section", {"title": "Introduction", "text": rich_text("<p>Pourquoi coopérer.</p>")})]
                ),
                "activities": streamfield([]),
                "quiz": streamfield([]),
                "plan": streamfield(
                    [
                        ("step", {"kind": "opening", "number": "", "title": "Accueil", "minutes": "15"}),
                        ("step", {"kind": "section", "number": "1", "title": "", "minutes": "90"}),
                        ("step", {"kind": "debrief", "number": "", "title": "Bilan", "minutes": "15"}),
                    ]
                ),
                "guide": streamfield([]),
                "rubric": streamfield([]),
                "handout": streamfield([]),
                "diplomas": inline_formset([]),
                "tags": "",
            }
        )
        self.assertCanCreate(self.index(TrainingModuleIndexPage), TrainingModulePage, data)

    def test_a_module_whose_plan_exceeds_its_duration_is_refused_by_the_editor(self):
        index = self.index(TrainingModuleIndexPage)
        data = nested_form_data(
            {
                "title": "Un module trop long",
                "slug": "un-module-trop-long",
                "audience": rich_text("<p>Étudiants.</p>"),
                "diploma_level": "niveau-6",
                "duration_minutes": "60",
                "objectives": rich_text("<p>Coopérer.</p>"),
                "prerequisites": rich_text(""),
                "sections": streamfield([("section", {"title": "Introduction", "text": rich_text("<p>Texte.</p>")})]),
                "activities": streamfield([]),
                "quiz": streamfield([]),
                "plan": streamfield([("step", {"kind": "section", "number": "1", "title": "", "minutes": "90"})]),
                "guide": streamfield([]),
                "rubric": streamfield([]),
                "handout": streamfield([]),
                "diplomas": inline_formset([]),
                "tags": "",
                "action-publish": "publish",
            }
        )
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("practices", "trainingmodulepage", index.pk)), data
        )
        self.assertEqual(response.status_code, 200)
        # The StreamField's errors reach the editor through the form (its widget renders them in JavaScript).
        self.assertFormError(response.context["form"], "plan", "Le déroulé totalise 90 minutes ; le module en dure 60.")
        self.assertFalse(TrainingModulePage.objects.filter(slug="un-module-trop-long").exists())

    def test_glossary_term_page(self):
        data = nested_form_data(
            {
                "title": "TEST",
                "slug": "test-term",
                "expansion": "Terme d'essai",
                "kind": "acronyme",
                "explanation_provenance": "redaction",  # preselected in the form (the model default)
                "definition": "Un terme pour les tests.",
                "explanation": rich_text(""),
                "variants": "",
                "source": "",
            }
        )
        self.assertCanCreate(self.index(GlossaryIndexPage), GlossaryTermPage, data)

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(TerritoryPage, {TerritoryIndexPage})
        self.assertAllowedSubpageTypes(TerritoryIndexPage, {TerritoryPage, CooperatingActorsPage})
        self.assertAllowedSubpageTypes(PracticePage, set())
        self.assertAllowedParentPageTypes(GlossaryTermPage, {GlossaryIndexPage})
