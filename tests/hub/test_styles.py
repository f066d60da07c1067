"""Every class the reader's side uses has a rule in a stylesheet: no component ships unstyled.

The classes come from the templates' class="..." attributes (and their body_class blocks), from
HTML built in Python (the glossary linker) and from the scripts (classList, className, class="..."
in strings, the selectors given to querySelector, closest and matches, and any string shaped like
a BEM element or modifier). The stylesheets are
every .css file under an app's static/ folder. Classes named `js-...` are hooks for scripts only
and need no style.
"""

import re
from collections import defaultdict
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
APPS = ("hub", "glossary", "practices", "territories")

# Admin-only templates render inside Wagtail's admin, which styles them with its own stylesheets.
ADMIN_TEMPLATES = ("templates/glossary/admin/", "templates/hub/admin/")

CLASS_ATTRIBUTE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.DOTALL)
BODY_CLASS_BLOCK = re.compile(r"{%-?\s*block\s+body_class\s*-?%}(.*?){%-?\s*endblock", re.DOTALL)
TEMPLATE_TAG = re.compile(r"{%-?\s*(\w+).*?-?%}|{{.*?}}|{#.*?#}", re.DOTALL)
# Tags that only decide whether the text around them is output: the class names beside them are whole.
CONTROL_TAGS = {
    "if", "elif", "else", "endif", "for", "empty", "endfor", "with", "endwith",
    "block", "endblock", "spaceless", "endspaceless", "comment", "endcomment",
}  # fmt: skip
BUILT = "\x00"  # stands for the output of an expression: a class name containing it is built by the template
CLASS_NAME = re.compile(r"-?[A-Za-z_][\w-]*")

JS_STRING = r"""(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|`([^`]*)`)"""
JS_CLASS_LIST = re.compile(r"classList\.(?:add|remove|toggle|contains|replace)\(([^)]*)\)")
JS_CLASS_NAME = re.compile(r"\.className\s*\+?=\s*" + JS_STRING)
JS_SELECTOR = re.compile(r"\.(?:querySelector|querySelectorAll|closest|matches)\(\s*" + JS_STRING)
# A string shaped like a BEM element or modifier ("suggestions__title") is a class name wherever it is
# passed, even through a helper such as part("suggestions__title", text).
JS_BEM_STRING = re.compile(r"""["'`]([a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:__|--)[a-z0-9]+(?:[-_]{1,2}[a-z0-9]+)*)["'`]""")
SELECTOR_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")


def relative(path):
    return str(path.relative_to(BASE))


def class_names(value):
    """The literal class names of an attribute value; names glued to an expression are built, so skipped."""

    def replace(match):
        return " " if match.group(1) in CONTROL_TAGS else BUILT

    value = TEMPLATE_TAG.sub(replace, value)
    return [name for name in value.split() if BUILT not in name and CLASS_NAME.fullmatch(name)]


def template_files():
    paths = sorted((BASE / "templates").rglob("*.html"))
    for app in APPS:
        paths += sorted((BASE / app / "templates").rglob("*.html"))
    return [path for path in paths if not relative(path).startswith(ADMIN_TEMPLATES)]


def script_files():
    return sorted(path for app in APPS for path in (BASE / app / "static").rglob("*.js"))


def python_files():
    return sorted(
        path
        for app in APPS
        for path in (BASE / app).rglob("*.py")
        if "migrations" not in path.parts and "management" not in path.parts and "settings" not in path.parts
    )


def stylesheets():
    return sorted(path for app in APPS for path in (BASE / app / "static").rglob("*.css"))


def used_classes():
    """{class name: [where it is used]} over the templates, Python-built HTML and scripts."""
    used = defaultdict(list)

    def add(names, path, text, offset):
        line = text.count("\n", 0, offset) + 1
        for name in names:
            used[name].append(f"{relative(path)}:{line}")

    for path in template_files():
        text = path.read_text(encoding="utf-8")
        text = re.sub(
            r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", lambda m: "\n" * m.group().count("\n"), text, flags=re.S
        )
        for match in CLASS_ATTRIBUTE.finditer(text):
            add(class_names(match.group(1) or match.group(2) or ""), path, text, match.start())
        for match in BODY_CLASS_BLOCK.finditer(text):
            add(class_names(match.group(1)), path, text, match.start())
    for path in python_files():
        text = path.read_text(encoding="utf-8")
        for match in CLASS_ATTRIBUTE.finditer(text):
            value = re.sub(r"{[^}]*}", BUILT, match.group(1) or match.group(2) or "")  # f-string fields
            add([name for name in value.split() if BUILT not in name], path, text, match.start())
    for path in script_files():
        text = path.read_text(encoding="utf-8")
        for match in CLASS_ATTRIBUTE.finditer(text):
            add(
                class_names(re.sub(r"\$\{[^}]*\}", BUILT, match.group(1) or match.group(2) or "")),
                path,
                text,
                match.start(),
            )
        for match in JS_CLASS_LIST.finditer(text):
            names = ["".join(groups) for groups in re.findall(JS_STRING, match.group(1))]
            add([name for name in names if CLASS_NAME.fullmatch(name)], path, text, match.start())
        for match in JS_CLASS_NAME.finditer(text):
            add(class_names("".join(group or "" for group in match.groups())), path, text, match.start())
        for match in JS_SELECTOR.finditer(text):
            selector = "".join(group or "" for group in match.groups())
            selector = re.sub(r"\[[^\]]*\]", "", selector)  # attribute values may contain dots
            add(SELECTOR_CLASS.findall(selector), path, text, match.start())
        for match in JS_BEM_STRING.finditer(text):
            add([match.group(1)], path, text, match.start())
    return used


def selector_preludes(css):
    """The text before each `{`: the selectors (and at-rule preludes), nested rules included."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r""""[^"]*"|'[^']*'""", '""', css)
    return re.findall(r"(?:^|(?<=[{};]))([^{};]*){", css)


def styled_classes():
    styled = set()
    for path in stylesheets():
        for prelude in selector_preludes(path.read_text(encoding="utf-8")):
            if prelude.lstrip().startswith("@"):
                continue  # @media (min-width: 40.5em) and the like hold no class
            styled.update(SELECTOR_CLASS.findall(re.sub(r"\[[^\]]*\]", "", prelude)))
    return styled


def test_the_collector_reads_literal_classes_and_skips_built_ones():
    assert class_names("card{% if wide %} card--wide{% endif %} {{ extra }} badge--{{ kind }} js-hook") == [
        "card",
        "card--wide",
        "js-hook",
    ]
    assert styled_classes(), "no stylesheet was found under the apps' static/ folders"
    assert {"term-link", "page-header"} <= set(used_classes()), "the collector missed classes every page uses"


def test_every_class_used_in_templates_and_scripts_is_styled():
    styled = styled_classes()
    unstyled = {
        name: places for name, places in used_classes().items() if name not in styled and not name.startswith("js-")
    }
    report = "\n".join(
        f"  .{name}: {', '.join(sorted(set(places))[:6])}{' …' if len(set(places)) > 6 else ''}"
        for name, places in sorted(unstyled.items())
    )
    assert not unstyled, f"{len(unstyled)} classes have no rule in any stylesheet (*/static/**/*.css):\n{report}"
