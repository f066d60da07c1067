"""A JSON request body, checked before anything reads it (see `hub.validation` for the rest of the edge).

415 for another content type, 413 past the size given, 400 for anything that is not strict JSON of
a reasonable shape: strict UTF-8, at most 20 levels of nesting, integers of at most 20 digits
(past 4,300 Python refuses to convert them), no NaN or Infinity.
"""

import json
import math

from hub.validation import MAX_INTEGER_DIGITS, InvalidInput, whole_number

MAX_JSON_DEPTH = 20


def is_json_content_type(content_type):
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


def refuse_constant(name):
    raise InvalidInput(f"the request body must be JSON: {name} is not a JSON number")


def bounded_int(digits):
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise InvalidInput(f"numbers in the request body have at most {MAX_INTEGER_DIGITS} digits")
    return int(digits)


def finite_float(text):
    number = float(text)
    if not math.isfinite(number):
        raise InvalidInput("numbers in the request body must be finite")
    return number


def depth_of(value):
    """How deeply lists and objects nest in a parsed JSON value, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def read_json(request, max_bytes, example):
    """The JSON value of the request's body, or InvalidInput with the status to answer.

    415 for another content type, 413 past max_bytes, 400 for anything that is not strict JSON
    of a reasonable shape. `example` is shown in the messages.
    """
    if not is_json_content_type(request.content_type or ""):
        raise InvalidInput(f"send the body as JSON with the header Content-Type: application/json: {example}", 415)
    length = request.META.get("CONTENT_LENGTH") or "0"
    if whole_number(length, maximum=10**18) is None:
        raise InvalidInput("the Content-Length header must be a whole number")
    if int(length) > max_bytes:
        raise InvalidInput(f"the request body is larger than {max_bytes} bytes", 413)
    body = request.body
    if len(body) > max_bytes:
        raise InvalidInput(f"the request body is larger than {max_bytes} bytes", 413)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput("the request body must be UTF-8 text") from error
    try:
        payload = json.loads(text, parse_int=bounded_int, parse_float=finite_float, parse_constant=refuse_constant)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"the request body must be JSON: {example}") from error
    except RecursionError as error:  # the C parser gives up near 1,000 levels: far past our limit
        raise InvalidInput(f"the request body nests deeper than {MAX_JSON_DEPTH} levels") from error
    if depth_of(payload) > MAX_JSON_DEPTH:
        raise InvalidInput(f"the request body nests deeper than {MAX_JSON_DEPTH} levels")
    return payload
