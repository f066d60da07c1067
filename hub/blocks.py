"""The shared body StreamBlock and the blocks it is made of. Defined once, reused by every page."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

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


class LinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), default="Pour aller plus loin", max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Liens"))

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/links_block.html"
        label = _("Liste de liens")
        description = _("Des liens vers d'autres pages du site ou des termes du glossaire.")
        preview_value = {"title": "Pour aller plus loin", "links": []}


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = TextBlock()
    findings = KeyFindingsBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    document = DocumentBlock()
    links = LinksBlock()

    class Meta:
        block_counts = {}
