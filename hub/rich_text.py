"""Rich text that does not come through the editor (an import file, a content file) is cleaned to
exactly what the editor's rich-text fields can hold, with a kept sanitiser (nh3), never by hand."""

import nh3

from hub.blocks import RICH_TEXT_FEATURES

# The tags and attributes each editor feature stores in Wagtail's database format.
FEATURE_TAGS = {
    "bold": {"b": set()},
    "italic": {"i": set()},
    "ol": {"ol": set(), "li": set()},
    "ul": {"ul": set(), "li": set()},
    "link": {"a": {"href", "linktype", "id"}},
    "document-link": {"a": {"linktype", "id"}},
}
ALWAYS = {"p": set(), "br": set()}
# Removed with what they hold: their text is code or markup, not prose.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "noscript", "template", "object", "svg", "math"}


def allowed_markup(features):
    attributes = {tag: set(names) for tag, names in ALWAYS.items()}
    for feature in features:
        for tag, names in FEATURE_TAGS[feature].items():
            attributes.setdefault(tag, set()).update(names)
    return attributes


def clean_rich_text(html, features=RICH_TEXT_FEATURES):
    """`html` reduced to the tags, attributes and link schemes that `features` allow."""
    attributes = allowed_markup(features)
    return nh3.clean(
        html,
        tags=set(attributes),
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes={tag: names for tag, names in attributes.items() if names},
        url_schemes={"http", "https", "mailto"},
        url_relative="deny",
        link_rel=None,
    )
