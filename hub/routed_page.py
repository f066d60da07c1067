"""A page with views of its own at addresses below it (Wagtail's routable pages), in two languages.

A view named "decoder" answers at its French path, and at its English one under the name
"decoder-en" when the English address differs (`translated_routes`). The language switcher keeps
the reader in the same view (`switched_routes`), and the page itself is served by the page's own
`serve`, where BasePage may take its main content from the cache.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class RoutedViewsMixin(RoutablePageMixin):
    translated_routes = ()  # views with an English address of their own, routed as "<name>-en"
    switched_routes = ()  # views the language switcher keeps the reader in

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super(RoutablePageMixin, self).serve(request, *args, **kwargs)

    def routed_url(self, name):
        """The address of the view `name` in this page's language."""
        english = self.locale.language_code == "en" and name in self.translated_routes
        return self.url + self.reverse_subpage(f"{name}-en" if english else name)

    def counterpart_url(self, translation, request):
        match = getattr(request, "routable_resolver_match", None)
        view = (match.url_name or "").removesuffix("-en") if match is not None else ""
        if view in self.switched_routes:
            return translation.routed_url(view)
        return super().counterpart_url(translation, request)
