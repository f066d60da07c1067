from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


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

    class Meta:
        verbose_name = _("identité du site")

    def tagline(self, language_code):
        return self.tagline_en if language_code == "en" else self.tagline_fr

    def footer_text(self, language_code):
        return self.footer_text_en if language_code == "en" else self.footer_text_fr
