"""The shared body StreamBlock and the blocks it is made of. Defined once, reused by every page."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from hub.localization import localize

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", _("Niveau 2")), ("h3", _("Niveau 3"))], default="h2")

    class Meta:
        icon = "title"
        template = "components/streamfield/heading_block.html"
        label = _("Intertitre")
        description = _("Un intertitre qui structure la page et apparaît dans son sommaire.")
        preview_value = {"text": "Les conditions de la coopération", "level": "h2"}


class TextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "components/streamfield/text_block.html"
        label = _("Texte")
        description = _("Paragraphes et listes.")
        preview_value = "<p>La coopération suppose du temps, de la méthode et des espaces de rencontre.</p>"

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)


class KeyFindingsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), default="Ce qu'il faut retenir", max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Constat"), max_length=500), label=_("Constats"))

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/key_findings_block.html"
        label = _("Constats clés")
        description = _("Un encadré qui résume les constats essentiels d'une section.")
        preview_value = {
            "title": "Ce qu'il faut retenir",
            "items": ["La confiance ne se décrète pas.", "La coopération demande des moyens dédiés."],
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"), help_text=_("Uniquement un passage cité mot pour mot d'une source."))
    source = blocks.CharBlock(label=_("Source"), max_length=200)

    class Meta:
        icon = "openquote"
        template = "components/streamfield/quote_block.html"
        label = _("Citation")
        description = _("Un passage cité exactement, avec sa source.")
        preview_value = {
            "text": "entente entre les membres d'un groupe dans le but d'accéder à un ou des buts communs",
            "source": "Synthèse de la recherche-action, 2021",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Texte alternatif"),
        max_length=250,
        help_text=_("Décrit ce que l'image apporte au texte, pour les personnes qui ne la voient pas."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/streamfield/image_block.html"
        label = _("Image")
        description = _("Une image avec son texte alternatif obligatoire et une légende facultative.")

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError({"alt_text": ValidationError(_("Le texte alternatif est requis."))})
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Intitulé du lien"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/document_block.html"
        label = _("Document à télécharger")
        description = _("Un lien de téléchargement vers un document de la médiathèque.")


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page ou terme du glossaire"))
    label = blocks.CharBlock(label=_("Intitulé"), required=False, max_length=200)

    class Meta:
        icon = "link"
        label = _("Lien")


def readable_links(links):
    """(label, page) for each linked page a reader may open, in the reader's language: a page that
    was unpublished or restricted since the link was made is left out, title included."""
    chosen = [(link["label"], link["page"]) for link in links if link["page"] is not None]
    pages = localize([page for _label, page in chosen])
    readable = set(Page.objects.filter(pk__in=[page.pk for page in pages]).live().public().values_list("pk", flat=True))
    labelled = zip((label for label, _source in chosen), pages, strict=True)
    return [(label or page.title, page) for label, page in labelled if page.pk in readable]


class LinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), default="Pour aller plus loin", max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Liens"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["readable_links"] = readable_links(value["links"])
        return context

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/links_block.html"
        label = _("Liste de liens")
        description = _("Des liens vers d'autres pages du site ou des termes du glossaire.")
        preview_value = {"title": "Pour aller plus loin", "links": []}


class SiteDetailsBlock(blocks.StructBlock):
    """What the operator of the site entered in its settings, shown where a page needs it."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("legal", _("Éditeur, direction de la publication et hébergeur")),
            ("contact", _("Adresse de contact")),
        ],
        default="contact",
        label=_("Informations"),
    )

    class Meta:
        icon = "site"
        template = "components/streamfield/site_details_block.html"
        label = _("Informations du site")
        description = _("Reprend les informations saisies dans Paramètres › Identité du site.")
        preview_value = {"kind": "contact"}


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = TextBlock()
    findings = KeyFindingsBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    document = DocumentBlock()
    links = LinksBlock()
    site_details = SiteDetailsBlock()

    class Meta:
        block_counts = {}
