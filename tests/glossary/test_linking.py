"""The matching and linking rules, one test each, on the real matcher and linker."""

import pytest

from glossary.linker import TermInfo, link_terms
from glossary.matcher import Matcher, Term


def term(slug, *forms, expansion=""):
    info = TermInfo(slug, forms[0], expansion, f"Définition de {forms[0]}.", f"/fr/glossaire/{slug}/")
    return Term(key=slug, forms=(*forms, *([expansion] if expansion else [])), payload=info)


@pytest.fixture
def matcher():
    return Matcher(
        [
            term("pre", "PRE", expansion="Programme de réussite éducative"),
            term("cite", "Cité"),
            term("cite-educative", "Cité éducative", "Cités éducatives"),
            term("aller-vers", "aller-vers"),
            term("libre-adhesion", "libre adhésion", "l'aller-vers"),
            term("sg-cipdr", "SG-CIPDR"),
            term("diagnostic-partage", "diagnostic partagé"),
        ]
    )


def found(matcher, text):
    return [(match.term.key, match.text) for match in matcher.find(text)]


def test_acronyms_match_case_sensitively_and_as_whole_words(matcher):
    assert found(matcher, "Le PRE de la ville.") == [("pre", "PRE")]
    assert found(matcher, "Un pré, la PRESSE, le Pre.") == []


def test_expressions_ignore_case_and_accents(matcher):
    assert found(matcher, "la LIBRE ADHESION du jeune") == [("libre-adhesion", "LIBRE ADHESION")]
    assert found(matcher, "un diagnostic partage") == [("diagnostic-partage", "diagnostic partage")]


def test_hyphens_and_spaces_are_the_same_word_break(matcher):
    assert found(matcher, "faire de l'aller vers") == [("aller-vers", "aller vers")]
    assert found(matcher, "l'aller-vers") == [("aller-vers", "aller-vers")]
    assert found(matcher, "le SG-CIPDR finance") == [("sg-cipdr", "SG-CIPDR")]


def test_plurals_and_variants_match(matcher):
    assert found(matcher, "des diagnostics partagés") == [("diagnostic-partage", "diagnostics partagés")]
    assert found(matcher, "Les Cités éducatives") == [("cite-educative", "Cités éducatives")]


def test_the_expansion_finds_the_acronym(matcher):
    assert found(matcher, "un programme de réussite éducative") == [("pre", "programme de réussite éducative")]


def test_the_longest_term_wins_when_two_overlap(matcher):
    assert found(matcher, "La Cité éducative et la cité.") == [("cite-educative", "Cité éducative"), ("cite", "cité")]


def test_punctuation_breaks_a_multi_word_term(matcher):
    assert found(matcher, "libre. Adhésion") == []


def test_a_leading_article_is_not_part_of_a_term(matcher):
    assert found(matcher, "la libre adhésion") == [("libre-adhesion", "libre adhésion")]


def test_only_the_first_occurrence_is_linked(matcher):
    html = link_terms("<p>Le PRE, puis le PRE encore.</p>", matcher)
    assert html.count('href="/fr/glossaire/pre/"') == 1


def test_acronyms_are_wrapped_in_abbr_with_their_expansion(matcher):
    html = link_terms("<p>Le PRE.</p>", matcher)
    assert '<abbr title="Programme de réussite éducative">PRE</abbr>' in html
    expanded = link_terms("<p>Le programme de réussite éducative.</p>", matcher)
    assert "<abbr" not in expanded
    assert 'href="/fr/glossaire/pre/"' in expanded


def test_never_inside_a_heading(matcher):
    html = link_terms("<h2>Le PRE</h2><p>Le PRE.</p>", matcher)
    assert html.startswith("<h2>Le PRE</h2>")
    assert html.count("term-link") == 1


def test_never_inside_an_existing_link_code_or_pre(matcher):
    html = link_terms('<p><a href="/x/">le PRE</a> <code>PRE</code></p><pre>PRE</pre>', matcher)
    assert "term-link" not in html


def test_never_inside_an_attribute(matcher):
    html = link_terms('<p title="PRE et Cité éducative"><img alt="PRE" src="/a.png"> texte</p>', matcher)
    assert html == '<p title="PRE et Cité éducative"><img alt="PRE" src="/a.png"> texte</p>'


def test_linking_resumes_after_a_closed_heading(matcher):
    html = link_terms("<h3>Cité éducative</h3><p>Une Cité éducative.</p>", matcher)
    assert html.count("term-link") == 1
    assert html.startswith("<h3>Cité éducative</h3>")


def test_a_page_does_not_link_to_its_own_term(matcher):
    html = link_terms("<p>Le PRE.</p>", matcher, exclude={"pre"})
    assert "term-link" not in html


def test_escaped_apostrophes_in_rendered_text_still_match(matcher):
    html = link_terms("<p>faire de l&#x27;aller-vers</p>", matcher)
    assert 'href="/fr/glossaire/aller-vers/"' in html


def test_definitions_are_escaped_in_attributes():
    info = TermInfo("x", "XYZ", "", 'Un "terme" <b>', "/fr/glossaire/x/")
    html = link_terms("<p>XYZ</p>", Matcher([Term("x", ("XYZ",), info)]))
    assert 'data-definition="Un &quot;terme&quot; &lt;b&gt;"' in html


def test_a_term_in_a_paragraph_is_linked_but_not_in_an_h2_a_chip_a_fact_label_or_a_nav(matcher):
    html = link_terms(
        '<nav aria-label="Sections"><ul><li><a href="/a/">Sommaire</a> PRE</li></ul></nav>'
        "<h2>Le PRE</h2>"
        '<dl class="facts"><div><dt>PRE</dt><dd>oui</dd></div></dl>'
        '<ul class="tag-list"><li class="tag">PRE</li></ul>'
        "<p>Le PRE de la ville.</p>",
        matcher,
    )
    assert html.count("term-link") == 1
    assert '<p>Le <a class="term-link" href="/fr/glossaire/pre/"' in html


def test_a_term_in_a_tag_chip_is_not_linked_even_with_no_other_occurrence(matcher):
    html = link_terms('<ul class="tag-list"><li class="tag">Cité éducative</li></ul>', matcher)
    assert "term-link" not in html


def test_a_chip_is_recognised_by_its_class_whatever_the_element(matcher):
    html = link_terms('<p>Thème : <span class="card__meta tag">diagnostic partagé</span></p>', matcher)
    assert "term-link" not in html


def test_a_fact_label_is_not_linked_but_its_value_is(matcher):
    html = link_terms("<dl><div><dt>Cité éducative</dt><dd>Une Cité éducative depuis 2019</dd></div></dl>", matcher)
    assert "<dt>Cité éducative</dt>" in html
    assert '<dd>Une <a class="term-link" href="/fr/glossaire/cite-educative/"' in html


@pytest.mark.parametrize(
    "html",
    [
        "<button>Le PRE</button>",
        "<label>PRE</label>",
        "<details><summary>Le PRE</summary></details>",
        "<p>Le <mark>PRE</mark></p>",
        "<p><abbr>PRE</abbr></p>",
        "<aside><p>Le PRE</p></aside>",
        "<form><select><option>PRE</option></select><textarea>PRE</textarea></form>",
    ],
)
def test_interface_text_is_never_linked(matcher, html):
    assert link_terms(html, matcher) == html


def test_linking_resumes_after_a_chip_list_left_with_unclosed_items(matcher):
    html = link_terms('<ul class="tag-list"><li class="tag">PRE<li class="tag">QPV</ul><p>Le PRE.</p>', matcher)
    assert html.count("term-link") == 1
    assert '<p>Le <a class="term-link"' in html


def test_an_end_tag_that_closes_nothing_does_not_unblock_a_heading(matcher):
    html = link_terms("<h2>Le </p>PRE</h2><p>PRE</p>", matcher)
    assert html.startswith("<h2>Le </p>PRE</h2>")
    assert html.count("term-link") == 1
