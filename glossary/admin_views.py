from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from glossary.forms import GlossaryImportForm
from glossary.transfer import ImportRejected, export_glossary, import_glossary

IMPORT_PERMISSION = "glossary.import_glossary"


def import_view(request):
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    form = GlossaryImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        name, content = form.cleaned_data["file"]
        try:
            result = import_glossary(content, "json" if name.lower().endswith(".json") else "csv", user=request.user)
        except ImportRejected as error:
            errors = error.errors
        else:
            messages.success(request, _("Glossaire importé : %(summary)s.") % {"summary": result.summary()})
            return redirect("glossary_import")
    return TemplateResponse(
        request,
        "glossary/admin/import.html",
        {"form": form, "errors": errors, "header_title": _("Importer le glossaire")},
    )


def export_view(request, file_format):
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    content_type = "application/json" if file_format == "json" else "text/csv"
    response = HttpResponse(export_glossary(file_format), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="glossaire.{file_format}"'
    return response
