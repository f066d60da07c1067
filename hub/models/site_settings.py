from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class AccessibilityStatus(models.TextChoices):
    """The RGAA's three conformity states; "non conforme" as long as no valid audit exists."""

    NONE = "non", _("non conforme")
    PARTIAL = "partiel", _("partiellement conforme")
    FULL = "total", _("totalement conforme")


@register_setting(icon="site")
class SiteIdentity(BaseGenericSetting):
    site_name = models.CharField(_("nom du site"), max_length=80, default="Coopérer")
    tagline_fr = models.CharField(
        _("accroche (français)"),
        max_length=200,
        default="Le centre de ressources de la coopération socio-éducative de territoire",
    )
    tagline_en = models.CharField(
        _("accroche (anglais)"),
        max_length=200,
        default="The resource centre for socio-educational cooperation in local areas",
    )
    footer_text_fr = models.TextField(_("pied de page (français)"), blank=True)
    footer_text_en = models.TextField(_("pied de page (anglais)"), blank=True)
    contact_email = models.EmailField(_("adresse de contact"), blank=True)

    # What only the operator of the site knows: shown in the legal notice once filled in.
    publisher = models.TextField(
        _("éditeur du site"),
        blank=True,
        help_text=_("Nom ou dénomination, adresse et téléphone de l'organisme qui publie le site."),
    )
    publication_director = models.CharField(_("directeur ou directrice de la publication"), max_length=200, blank=True)
    host = models.TextField(
        _("hébergeur"),
        blank=True,
        help_text=_("Nom ou dénomination, adresse et téléphone de l'hébergeur du site."),
    )
    accessibility_status = models.CharField(
        _("état de conformité au RGAA"),
        max_length=10,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NONE,
        help_text=_(
            "Affiché dans le pied de page. « Non conforme » tant qu'aucun audit RGAA en cours de validité "
            "n'a été réalisé ; mettez aussi à jour la déclaration d'accessibilité."
        ),
    )

    # The pages every page links to from its footer; the French pages, each reader gets the translation.
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page des mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de la déclaration d'accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sitemap_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page du plan du site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("tagline_fr"), FieldPanel("tagline_en")], heading=_("Identité")
        ),
        MultiFieldPanel(
            [FieldPanel("footer_text_fr"), FieldPanel("footer_text_en"), FieldPanel("contact_email")],
            heading=_("Pied de page et contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("publisher"), FieldPanel("publication_director"), FieldPanel("host")],
            heading=_("Mentions légales"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_status"),
                FieldPanel("legal_notice_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("sitemap_page"),
            ],
            heading=_("Pages du pied de page"),
        ),
    ]

    class Meta:
        verbose_name = _("identité du site")

    def tagline(self, language_code):
        return self.tagline_en if language_code == "en" else self.tagline_fr

    def footer_text(self, language_code):
        return self.footer_text_en if language_code == "en" else self.footer_text_fr

    def has_legal_details(self):
        return bool(self.publisher or self.publication_director or self.host)
