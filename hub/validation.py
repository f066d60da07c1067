"""What a client sends, checked once at the edge: query parameters, form fields and JSON bodies.

The public views declare what they accept with a small Django form built from the fields below (the
APIs) or call the cleaning functions (the HTML pages), so that no malformed value reaches the
database, the search backend or the glossary matcher:

- **text**: no NUL or other control character (tab, line feed and carriage return only where a text
  may have lines) and no lone surrogate (JSON's "\\ud800" escape makes one; PostgreSQL refuses it);
  lengths are measured on the case-folded and normalised forms too, because "İ" is one character
  that lowercases to two and "ﷺ" normalises to eighteen: a value cut to 255 characters before
  folding can be 510 after it, past a database column or a unique key;
- **whole numbers**: the ASCII digits 0-9 only, a few of them, within bounds ("²" passes
  `str.isdigit()` and fails `int()`; `int()` reads "٣" as 3 and "1_000" as 1000);
- **JSON bodies** (`hub.json_body`): a JSON content type, a size limit, strict UTF-8, a nesting
  limit, integers of at most 20 digits (past 4,300 Python refuses to convert them), no NaN or Infinity.

An API answers a bad value with 400 and a message naming the parameter; an HTML page drops what it
cannot use (control characters, an unusable filter or page number) and carries on, as a reader
expects from a link with a stray character in it.
"""

import re
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import JsonResponse

MAX_INTEGER_DIGITS = 20
MAX_PAGE = 10_000  # far beyond any listing of the site: a bound for the page number, not a limit met in use
# Tab, line feed and carriage return are the only control characters a text with lines may hold.
LINE_CONTROLS = "\t\n\r"
ASCII_WHOLE_NUMBER = re.compile(r"[0-9]+")


class InvalidInput(Exception):
    """A request the API refuses, with the message and status to answer."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status

    def response(self):
        return JsonResponse({"error": self.message}, status=self.status)


# Text ------------------------------------------------------------------------------------------


def is_forbidden_character(char, multiline=False):
    category = unicodedata.category(char)
    if category == "Cc":
        return not (multiline and char in LINE_CONTROLS)
    return category == "Cs"


def has_forbidden_characters(value, multiline=False):
    if value.isprintable():  # the common case, in C: no control character, no surrogate
        return False
    return any(is_forbidden_character(char, multiline) for char in value)


def strip_forbidden_characters(value, multiline=False):
    if not has_forbidden_characters(value, multiline):
        return value
    return "".join(char for char in value if not is_forbidden_character(char, multiline))


def folded_length(value):
    """The length of the longest form the value takes once lowercased, case-folded or normalised."""
    if value.isascii():
        return len(value)
    folded = value.casefold()  # never shorter than lower()
    return max(len(value), len(folded), len(unicodedata.normalize("NFKC", folded)))


def cut_to_folded_length(value, max_length):
    """The longest start of `value` whose folded forms have at most max_length characters."""
    value = value[:max_length]
    while folded_length(value) > max_length:
        value = value[: len(value) - max(1, (folded_length(value) - max_length) // 18)]
    return value


def clean_text(value, max_length, multiline=False):
    """For HTML pages: the value without control characters, cut to max_length folded characters."""
    if not isinstance(value, str):
        return ""
    return cut_to_folded_length(strip_forbidden_characters(value, multiline), max_length)


def is_clean_text(value, max_length):
    """A printable value (no control, format or separator character but the space) of a bounded length."""
    return isinstance(value, str) and value.isprintable() and folded_length(value) <= max_length


def check_text(value, max_length, multiline=False):
    """`value` if it is text without control characters, short enough once folded; else ValidationError.

    The messages are predicates that follow the parameter's name: "q is longer than 200 characters".
    """
    if not isinstance(value, str):
        raise ValidationError("must be a string", code="invalid")
    if has_forbidden_characters(value, multiline):
        allowed = " (tabs and line breaks aside)" if multiline else ""
        raise ValidationError(f"must not contain control characters{allowed}", code="control_characters")
    if folded_length(value) > max_length:
        raise ValidationError(f"is longer than {max_length} character{'s' if max_length > 1 else ''}", code="too_long")
    return value


# Whole numbers ----------------------------------------------------------------------------------


def whole_number(value, minimum=0, maximum=MAX_PAGE):
    """The integer written in ASCII digits in `value`, within bounds; None for anything else."""
    if not isinstance(value, str) or len(value) > MAX_INTEGER_DIGITS or not ASCII_WHOLE_NUMBER.fullmatch(value):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def page_number(value):
    """For HTML listings: the page asked for, or None (the first page) when it is not a page number."""
    return whole_number(value, minimum=1, maximum=MAX_PAGE)


# Form fields for the APIs ------------------------------------------------------------------------
# Their messages are predicates: Parameters.read puts the parameter's name in front.


class TextField(forms.CharField):
    """Text without control characters whose folded length is at most max_length; never a number or a list."""

    default_error_messages = {"required": "is required"}

    def __init__(self, *, max_length, multiline=False, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(strip=False, **kwargs)
        self.folded_max_length = max_length
        self.multiline = multiline

    def to_python(self, value):
        if value in self.empty_values:
            return ""
        return check_text(value, self.folded_max_length, self.multiline)


class WholeNumberField(forms.Field):
    """A whole number written with the ASCII digits 0-9, within [min_value, max_value]; None when absent."""

    default_error_messages = {"required": "is required"}

    def __init__(self, *, min_value=0, max_value=MAX_PAGE, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.min_value = min_value
        self.max_value = max_value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = whole_number(value, self.min_value, self.max_value)
        if number is None:
            raise ValidationError(
                f"must be a whole number from {self.min_value} to {self.max_value}, written with the digits 0-9",
                code="invalid",
            )
        return number


class OneOfField(forms.Field):
    """One of a fixed set of values, or "" when absent; the message lists them."""

    default_error_messages = {"required": "is required"}

    def __init__(self, *, choices, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.allowed = list(choices)

    def to_python(self, value):
        if value in self.empty_values:
            return ""
        if not isinstance(value, str) or value not in self.allowed:
            listed = ", ".join(f'"{choice}"' for choice in self.allowed)
            raise ValidationError(f"must be one of {listed}", code="invalid_choice")
        return value


class LocaleField(OneOfField):
    """A language of the site; the default language when absent."""

    def __init__(self, **kwargs):
        super().__init__(choices=[code for code, _name in settings.LANGUAGES], **kwargs)

    def to_python(self, value):
        return super().to_python(value) or settings.LANGUAGE_CODE


class Parameters(forms.Form):
    """The parameters an API accepts: `Parameters.read(data)` gives them cleaned or raises InvalidInput.

    A parameter given twice counts once, with its last value (Django's QueryDict.get); parameters
    that the API does not know are ignored, as any web API does.
    """

    @classmethod
    def read(cls, data):
        form = cls(data=data)
        if form.is_valid():
            return form.cleaned_data
        name, errors = next(iter(form.errors.as_data().items()))
        status = 413 if any(error.code == "too_long" for error in errors) and name in cls.too_large else 400
        raise InvalidInput(f"{name} {errors[0].messages[0]}", status=status)

    @classmethod
    def read_or_drop(cls, data):
        """What a page does with the same parameters: a value it cannot use is dropped (its field's empty value)."""
        form = cls(data=data)
        form.is_valid()
        return {
            name: form.cleaned_data[name] if name in form.cleaned_data else field.to_python(None)
            for name, field in form.fields.items()
        }

    too_large = ()  # the fields whose excessive length is answered 413 Content Too Large rather than 400
