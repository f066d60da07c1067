from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from glossary.models import GlossaryTermPage
from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES
from hub.localization import localized_pages
from hub.routed_page import RoutedViewsMixin
from practices.blocks import (
    ActivitiesBlock,
    HandoutBlock,
    ModuleSectionsBlock,
    PlanBlock,
    QuizBlock,
    RubricStreamBlock,
    TeacherGuideBlock,
)
from practices.exports import cartridge, quiz
from practices.module_plan import plan_problems, timeline

from .taxonomy import Diploma


class DiplomaLevel(models.TextChoices):
    LEVEL_4 = "niveau-4", _("Niveau 4 (baccalauréat)")
    LEVEL_5 = "niveau-5", _("Niveau 5 (bac + 2)")
    LEVEL_6 = "niveau-6", _("Niveau 6 (licence, bac + 3)")
    LEVEL_7 = "niveau-7", _("Niveau 7 (master, bac + 5)")


class TrainingModulePageTag(TaggedItemBase):
    content_object = ParentalKey("practices.TrainingModulePage", related_name="tagged_items", on_delete=models.CASCADE)


class TrainingModulePage(RoutedViewsMixin, BasePage):
    """A training module for schools of social work, built from the research-action's findings.

    Besides the students' page it answers, on addresses of its own, with the teacher's guide (not
    linked from the page, never indexed), a printable handout, and its exports for Moodle.
    """

    audience = RichTextField(_("public"), features=RICH_TEXT_FEATURES)
    diploma_level = models.CharField(_("niveau de diplôme visé"), max_length=10, choices=DiplomaLevel.choices)
    duration_minutes = models.PositiveIntegerField(_("durée (minutes)"))
    objectives = RichTextField(_("objectifs pédagogiques"), features=RICH_TEXT_FEATURES)
    prerequisites = RichTextField(_("prérequis"), features=RICH_TEXT_FEATURES, blank=True)
    sections = StreamField(ModuleSectionsBlock(), verbose_name=_("séquences"))
    activities = StreamField(ActivitiesBlock(), blank=True, verbose_name=_("activités"))
    quiz = StreamField(QuizBlock(), blank=True, verbose_name=_("quiz"))
    plan = StreamField(PlanBlock(), blank=True, verbose_name=_("déroulé minuté"))
    guide = StreamField(
        TeacherGuideBlock(),
        blank=True,
        verbose_name=_("guide du formateur"),
        help_text=_("Réservé aux formateurs : une adresse à part, non liée depuis la page et non indexée."),
    )
    rubric = StreamField(RubricStreamBlock(), blank=True, max_num=1, verbose_name=_("grille d'évaluation"))
    handout = StreamField(HandoutBlock(), blank=True, verbose_name=_("fiche à emporter"))
    practices = ParentalManyToManyField(
        "practices.PracticePage", blank=True, related_name="modules", verbose_name=_("pratiques liées")
    )
    perspectives = ParentalManyToManyField(
        "practices.PerspectivePage", blank=True, related_name="modules", verbose_name=_("perspectives liées")
    )
    terms = ParentalManyToManyField(
        GlossaryTermPage, blank=True, related_name="modules", verbose_name=_("termes du glossaire")
    )
    tags = ClusterTaggableManager(through=TrainingModulePageTag, blank=True, verbose_name=_("thèmes"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("audience"), FieldRowPanel([FieldPanel("diploma_level"), FieldPanel("duration_minutes")])],
            heading=_("Public et format"),
        ),
        FieldPanel("objectives"),
        FieldPanel("prerequisites"),
        FieldPanel("sections"),
        FieldPanel("activities"),
        FieldPanel("quiz"),
        FieldPanel("plan"),
        InlinePanel("diplomas", label=_("Diplômes et blocs de compétences")),
        MultiFieldPanel(
            [FieldPanel("guide"), FieldPanel("rubric")],
            heading=_("Guide du formateur"),
            classname="collapsed",
        ),
        FieldPanel("handout"),
        MultiFieldPanel(
            [FieldPanel("practices"), FieldPanel("perspectives"), FieldPanel("terms"), FieldPanel("tags")],
            heading=_("Liens"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("objectives"),
        index.SearchField("sections"),
        index.SearchField("activities"),
        index.FilterField("diploma_level"),
    ]
    parent_page_types = ["practices.TrainingModuleIndexPage"]
    subpage_types = []
    # The exports keep one address in both languages: they are files.
    translated_routes = ("guide", "handout")
    switched_routes = ("guide", "handout", "gift", "moodle-xml", "cartridge")

    class Meta:
        verbose_name = _("module de formation")
        verbose_name_plural = _("modules de formation")

    def clean(self):
        super().clean()
        problems = plan_problems(self)
        if problems:
            raise ValidationError({"plan": problems})

    def timeline(self):
        return timeline(self)

    def fictional_case(self):
        return self.get_parent().specific.fictional_case()

    @path("guide-formateur/", name="guide")
    @path("teacher-guide/", name="guide-en")
    def guide_view(self, request):
        response = self.render(request, template="practices/training_module_guide.html")
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    @path("fiche/", name="handout")
    @path("handout/", name="handout-en")
    def handout_view(self, request):
        return self.render(request, template="practices/training_module_handout.html")

    @path("export/gift/", name="gift")
    def gift_view(self, request):
        return download(quiz.gift(self), "text/plain; charset=utf-8", f"{self.slug}-quiz.gift.txt")

    @path("export/moodle-xml/", name="moodle-xml")
    def moodle_xml_view(self, request):
        return download(quiz.moodle_xml(self), "application/xml; charset=utf-8", f"{self.slug}-quiz-moodle.xml")

    @path("export/imscc/", name="cartridge")
    def cartridge_view(self, request):
        package = cartridge.cartridge(self, self.fictional_case(), self.get_site().root_url)
        return download(package, "application/zip", f"{self.slug}.imscc")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            diplomas=self.diplomas.select_related("diploma"),
            fictional_case=self.fictional_case(),
            practices=localized_pages(self.practices.order_by("title")),
            perspectives=localized_pages(self.perspectives.order_by("number")),
            terms=localized_pages(self.terms.order_by("title")),
        )
        return context

    @property
    def duration_hours(self):
        return round(self.duration_minutes / 60, 1)


def download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ModuleDiploma(TranslatableMixin, Orderable):
    """The competence blocks of one diploma that a module serves, as its reference text names them."""

    page = ParentalKey(TrainingModulePage, related_name="diplomas", on_delete=models.CASCADE)
    diploma = models.ForeignKey(Diploma, on_delete=models.PROTECT, related_name="modules", verbose_name=_("diplôme"))
    competences = models.TextField(
        _("blocs de compétences"), help_text=_("Un bloc par ligne, tel que le texte le nomme.")
    )
    reason = models.TextField(_("en quoi le module les sert"))

    panels = [FieldPanel("diploma"), FieldPanel("competences"), FieldPanel("reason")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("diplôme servi")
        verbose_name_plural = _("diplômes servis")

    def competence_list(self):
        return [line.strip() for line in self.competences.splitlines() if line.strip()]
