from django import forms
from django.utils.translation import gettext_lazy as _

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class GlossaryImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV ou JSON"),
        help_text=_("Le format de l'export du glossaire. Toutes les lignes sont vérifiées avant tout import."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 5 Mo."))
        if not upload.name.lower().endswith((".csv", ".json")):
            raise forms.ValidationError(_("Le fichier doit être au format CSV ou JSON."))
        try:
            return upload.name, upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("Le fichier doit être encodé en UTF-8.")) from error
