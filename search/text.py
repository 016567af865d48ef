"""Text helpers for the site search: cleaning the query, plain text, highlighted excerpts."""

import html
import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

#: Longest query searched; longer input is cut (and the visitor told), not refused.
MAX_QUERY_LENGTH = 200
#: Characters of context shown in an excerpt.
EXCERPT_LENGTH = 240

_WORD = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s+")
# Anything that is not a letter, a digit, an apostrophe, a hyphen or a double quote (phrases)
# becomes a space: the search backends then only ever see words, whatever was typed.
_NOT_QUERY_CHARACTER = re.compile(r"[^\w\s'’\"-]", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')


def _clean_phrase(match):
    # Inside a phrase, SQLite's FTS5 refuses an apostrophe or a hyphen; its tokenizer splits
    # words there anyway, so "l'asile" as a phrase is the phrase "l asile".
    words = _SPACES.sub(" ", re.sub(r"['’-]", " ", match[1])).strip()
    return f' "{words}" ' if words else " "


def clean_query(raw):
    """Return ``(query, was_shortened)``: printable words only, at most MAX_QUERY_LENGTH characters."""
    text = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C" or ch in " \t\n")
    text = _NOT_QUERY_CHARACTER.sub(" ", text)
    # Lone hyphens, quotes and apostrophes would become operators or empty phrases.
    text = re.sub(r"(?<!\w)['’-]+|['’-]+(?!\w)", " ", text)
    text = _SPACES.sub(" ", text).strip()
    shortened = len(text) > MAX_QUERY_LENGTH
    if shortened:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0].strip() or text[:MAX_QUERY_LENGTH]
    # Quotes are balanced after the cut, which may fall inside a phrase; an empty phrase goes too.
    if text.count('"') % 2:
        text = text.replace('"', " ")
    text = _PHRASE.sub(_clean_phrase, text)
    return _SPACES.sub(" ", text).strip(), shortened


def html_to_text(value):
    """Markup → plain text: tags removed, entities decoded, whitespace collapsed."""
    return _SPACES.sub(" ", html.unescape(strip_tags(value or ""))).strip()


class _FoldTable(dict):
    """Each character's folded form, worked out the first time it is met: ``str.translate`` then
    folds a text in one pass, where a loop in Python over its characters costs a search milliseconds."""

    def __missing__(self, code):
        folded = unicodedata.normalize("NFD", chr(code).lower())[0]
        self[code] = folded
        return folded


_FOLDED = _FoldTable()


def fold(text):
    """Lower-case and drop accents, one character for one character (positions stay valid)."""
    return text.translate(_FOLDED)


def query_terms(query):
    """The words of ``query`` worth highlighting, folded, as prefixes that also catch plurals and stems."""
    terms = set()
    for word in _WORD.findall(fold(query)):
        if len(word) < 2:
            continue
        # "réinstallations" should light up "réinstallation", "detention" "détentions".
        terms.add(word[: max(4, len(word) - 3)] if len(word) > 5 else word)
    return sorted(terms, key=len, reverse=True)


def highlight(text, query, length=EXCERPT_LENGTH):
    """An excerpt of ``text`` around the first match, escaped, matched words wrapped in ``<mark>``."""
    text = text or ""
    terms = query_terms(query)
    folded = fold(text)
    spans = []
    if terms:
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(term) for term in terms) + r")\w*", re.UNICODE)
        spans = [match.span() for match in pattern.finditer(folded)]
    start = 0
    if spans and spans[0][0] > length // 3:
        start = spans[0][0] - length // 3
        # Start on a word boundary.
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces = ["…"] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(escape(text[cursor:span_start]))
        pieces.append("<mark>" + escape(text[span_start:span_end]) + "</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308  # nosec B308 B703 - every piece above went through escape().
