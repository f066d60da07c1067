"""A GIFT reader written for the tests from Moodle's documentation (docs.moodle.org, "GIFT format").

It reads what Moodle's importer reads for multiple-choice questions, and is stricter about escaping:
outside its markers, each of ~ = # { } : must be escaped with a backslash (as the documentation
asks), so an exporter that forgets one fails here instead of producing a question Moodle misreads.

    // comment
    $CATEGORY: $course$/top/Category/Sub
    ::Title::Question text {
        =right answer#optional feedback
        ~wrong answer
        ####general feedback
    }
"""

from dataclasses import dataclass, field

SPECIAL = set("~=#{}:")


class GiftSyntaxError(ValueError):
    pass


@dataclass
class Answer:
    text: str
    correct: bool
    feedback: str = ""


@dataclass
class Question:
    title: str
    text: str
    answers: list = field(default_factory=list)
    general_feedback: str = ""
    category: str = ""


def characters(text):
    """(character, escaped) pairs: a backslash escapes the next character; \\n is a newline."""
    out, index = [], 0
    while index < len(text):
        character = text[index]
        if character == "\\":
            if index + 1 >= len(text):
                raise GiftSyntaxError("a backslash ends the text")
            following = text[index + 1]
            out.append(("\n" if following == "n" else following, True))
            index += 2
        else:
            out.append((character, False))
            index += 1
    return out


def plain(pairs):
    text = "".join(character for character, _escaped in pairs)
    return " ".join(text.split())


def check_escaped(pairs, where):
    for character, escaped in pairs:
        if character in SPECIAL and not escaped:
            raise GiftSyntaxError(f"unescaped {character!r} in {where}: {plain(pairs)!r}")


def split_unescaped(pairs, marker):
    """Cut `pairs` at each unescaped occurrence of the one-character `marker`."""
    parts, current = [], []
    for pair in pairs:
        if pair == (marker, False):
            parts.append(current)
            current = []
        else:
            current.append(pair)
    parts.append(current)
    return parts


def parse_question(block, category):
    pairs = characters(block)
    # Title: ::title:: at the start.
    title = ""
    stripped = list(pairs)
    while stripped and stripped[0][0].isspace() and not stripped[0][1]:
        stripped.pop(0)
    if stripped[:2] == [(":", False), (":", False)]:
        rest = stripped[2:]
        for index in range(len(rest) - 1):
            if rest[index] == (":", False) and rest[index + 1] == (":", False):
                title_pairs, stripped = rest[:index], rest[index + 2 :]
                check_escaped(title_pairs, "a title")
                title = plain(title_pairs)
                break
        else:
            raise GiftSyntaxError("a title opened with :: is not closed")
    opening = [index for index, pair in enumerate(stripped) if pair == ("{", False)]
    closing = [index for index, pair in enumerate(stripped) if pair == ("}", False)]
    if len(opening) != 1 or len(closing) != 1 or closing[0] < opening[0]:
        raise GiftSyntaxError(f"a question needs exactly one {{...}} answer block: {plain(stripped)[:80]!r}")
    text_pairs = stripped[: opening[0]]
    after = stripped[closing[0] + 1 :]
    if plain(after):
        raise GiftSyntaxError("text after the answer block")
    check_escaped(text_pairs, "a question text")
    question = Question(title=title, text=plain(text_pairs), category=category)
    body = stripped[opening[0] + 1 : closing[0]]
    # General feedback: after an unescaped ####.
    for index in range(len(body) - 3):
        if all(body[index + offset] == ("#", False) for offset in range(4)):
            general = body[index + 4 :]
            check_escaped(general, "the general feedback")
            question.general_feedback = plain(general)
            body = body[:index]
            break
    # Answers: each starts with an unescaped = or ~.
    current = None
    for pair in body:
        if pair in (("=", False), ("~", False)):
            current = [pair[0], []]
            question.answers.append(current)
        elif current is None:
            if not pair[0].isspace():
                raise GiftSyntaxError("text before the first answer")
        else:
            current[1].append(pair)
    answers = []
    for marker, answer_pairs in question.answers:
        text_part, *feedback = split_unescaped(answer_pairs, "#")
        if len(feedback) > 1:
            raise GiftSyntaxError("an answer has two feedbacks")
        check_escaped(text_part, "an answer")
        answers.append(Answer(plain(text_part), marker == "=", plain(feedback[0]) if feedback else ""))
    question.answers = answers
    if not answers:
        raise GiftSyntaxError("a question without answers")
    return question


def parse_gift(text):
    """The questions of a GIFT file, or GiftSyntaxError."""
    questions, category, block = [], "", []
    for line in text.splitlines() + [""]:
        stripped = line.strip()
        if stripped.startswith("//") and not block:
            continue
        if stripped.startswith("$CATEGORY:") and not block:
            category = stripped.removeprefix("$CATEGORY:").strip()
            continue
        if stripped:
            block.append(line)
            continue
        if block:
            questions.append(parse_question("\n".join(block), category))
            block = []
    return questions
