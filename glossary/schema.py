"""schema.org DefinedTermSet / DefinedTerm descriptions of the glossary."""


def defined_term(term, term_url, term_set_url, language):
    data = {
        "@type": "DefinedTerm",
        "@id": term_url,
        "url": term_url,
        "name": term.title,
        "description": term.definition,
        "inDefinedTermSet": term_set_url,
        "inLanguage": language,
    }
    if term.expansion:
        data["alternateName"] = term.expansion
    return data


def defined_term_set(index, terms, request):
    """The listing's description: each term's name and URL only. Search engines need no more to find
    the terms, and each term page (and the API) carries its full description."""
    url = index.get_full_url(request)
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": url,
        "url": url,
        "name": index.title,
        "inLanguage": index.locale.language_code,
        "hasDefinedTerm": [{"@type": "DefinedTerm", "name": term.title, "url": f"{url}{term.slug}/"} for term in terms],
    }


def defined_term_page(term, request):
    index = term.get_parent()
    index_url = index.get_full_url(request)
    data = defined_term(term, term.get_full_url(request), index_url, term.locale.language_code)
    data["@context"] = "https://schema.org"
    data["inDefinedTermSet"] = {"@type": "DefinedTermSet", "@id": index_url, "name": index.title}
    return data
