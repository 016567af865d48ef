"""The site search's ranked query: one relevance order, whatever the database.

A query is read as groups of words that must all be found (or any of them, when every word at
once found nothing); a group is one word, a quoted phrase, or a span the editors' synonyms match,
which any of its synonyms may stand for. Each match is then scored the same way on both databases:

1. the title is exactly the query's words (+40);
2. the title holds the query's words side by side (+20);
3. the title holds every group (+10), or with ``operator="or"``, any group; then the shorter
   that title, the better (up to +4: the share of the title's words the query names);
4. the body holds the query's words side by side (+3);
5. a kind of page that leads to the others (a working group's own page) gets its ``search_boost``;
6. the database's text rank, squashed below 1, orders the rest: FTS5's ``bm25`` on SQLite (lower
   is better there, so negated) and ``ts_rank`` on PostgreSQL, the title counting ten times the body.

SQLite matches the terms search.analysis writes to its index; PostgreSQL stems the words itself
with the active language's configuration (search.backends).
"""

import re
from dataclasses import dataclass

from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Q,
    Value,
    Window,
)
from django.db.models.functions import Cast

from .analysis import STOP_WORDS, current_language, language_of, stem, words

TITLE_EXACT, TITLE_PHRASE, TITLE_ALL, COVERAGE, BODY_PHRASE = 40.0, 20.0, 10.0, 4.0, 3.0
TITLE_WEIGHT = 10.0
_PHRASE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class Alternative:
    """One way to satisfy a group: ``words`` as typed (folded), ``terms`` as indexed, side by side if ``phrase``."""

    words: tuple
    terms: tuple
    phrase: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple  # of tuples of Alternative
    words: tuple  # every folded word typed, stop words included (PostgreSQL's phrases need them)
    terms: tuple  # the terms typed, in order
    operator: str = "and"

    def __bool__(self):
        return bool(self.groups)


def alternative(text, language, phrase=True):
    folded = tuple(words(text))
    stop = STOP_WORDS[language]
    terms = tuple(stem(word, language) for word in folded if word not in stop)
    return Alternative(folded, terms, phrase and len(terms) > 1) if terms else None


def parse(query, operator="and", language=None, synonyms=None):
    """``query`` (cleaned by search.text.clean_query) as a :class:`ParsedQuery` in ``language``.

    ``synonyms`` maps a tuple of terms to the :class:`Alternative` s that may stand for it.
    """
    language = language_of(language or current_language())
    synonyms = synonyms or {}
    stop = STOP_WORDS[language]
    groups = []
    for phrase in _PHRASE.findall(query):
        quoted = alternative(phrase, language)
        if quoted is not None:
            groups.append((quoted,))
    plain = _PHRASE.sub(" ", query)
    tokens = [(word, stem(word, language)) for word in words(plain) if word not in stop]
    longest = max((len(key) for key in synonyms), default=0)
    index = 0
    while index < len(tokens):
        for size in range(min(longest, len(tokens) - index), 0, -1):
            key = tuple(term for _word, term in tokens[index : index + size])
            if key in synonyms:
                span = tokens[index : index + size]
                own = Alternative(tuple(word for word, _term in span), key, False)
                groups.append((own, *[other for other in synonyms[key] if other.terms != key]))
                index += size
                break
        else:
            word, term = tokens[index]
            groups.append((Alternative((word,), (term,)),))
            index += 1
    all_words = tuple(words(query))
    all_terms = tuple(stem(word, language) for word in all_words if word not in stop)
    return ParsedQuery(tuple(groups), all_words, all_terms, operator)


# SQLite ---------------------------------------------------------------------------------------


def _fts_alternative(alternative):
    if alternative.phrase:
        return '"' + " ".join(alternative.terms) + '"'
    return "(" + " AND ".join(f'"{term}"' for term in alternative.terms) + ")"


def fts_expression(parsed):
    """The FTS5 MATCH string of ``parsed`` over the title and body columns."""
    joiner = " AND " if parsed.operator == "and" else " OR "
    core = joiner.join("(" + " OR ".join(_fts_alternative(alt) for alt in group) + ")" for group in parsed.groups)
    if len(parsed.terms) > 1:
        # The same rows match; those holding the words side by side rank higher.
        core = f'({core}) OR "{" ".join(parsed.terms)}"'
    return "{title body} : (" + core + ")"


class FTSMatch(Func):
    output_field = BooleanField()

    def __init__(self, expression):
        super().__init__()
        self.expression = expression

    def as_sql(self, compiler, connection, **extra_context):
        from modelsearch.backends.database.sqlite.query import SQLiteFTSIndexEntry

        return f"{SQLiteFTSIndexEntry._meta.db_table} MATCH %s", [self.expression]


class BM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        from modelsearch.backends.database.sqlite.query import SQLiteFTSIndexEntry

        # Columns: autocomplete, body, title.
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 0.0, 1.0, {TITLE_WEIGHT})", []


def _contains(haystack, needle):
    size = len(needle)
    return any(haystack[start : start + size] == needle for start in range(len(haystack) - size + 1))


def _alternative_in(alternative, title_terms, title_set):
    if alternative.phrase:
        return _contains(title_terms, alternative.terms)
    return all(term in title_set for term in alternative.terms)


def boosts():
    """``{content type id: boost}`` of the indexed models that declare a ``search_boost``."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    return {
        ContentType.objects.get_for_model(model).pk: float(model.search_boost)
        for model in apps.get_models()
        if getattr(model, "search_boost", None)
    }


def sqlite_score(parsed, title, body, rank, boost=0.0):
    title_terms = tuple(title.split())
    title_set = set(title_terms)
    terms = parsed.terms
    score = 0.0
    if terms and title_terms == terms:
        score += TITLE_EXACT
    if len(terms) > 1 and _contains(title_terms, terms):
        score += TITLE_PHRASE
    present = [any(_alternative_in(alt, title_terms, title_set) for alt in group) for group in parsed.groups]
    if present and (all(present) if parsed.operator == "and" else any(present)):
        score += TITLE_ALL + COVERAGE * min(1.0, len(parsed.groups) / max(len(title_set), 1))
    if len(terms) > 1 and body is not None and f" {' '.join(terms)} " in f" {body} ":
        score += BODY_PHRASE
    text = max(-rank, 0.0)
    return score + boost + text / (1.0 + text)


def _sqlite_entries(queryset, parsed):
    from modelsearch.backends.database.sqlite.query import SQLiteFTSIndexEntry

    object_ids = queryset.order_by().annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    return SQLiteFTSIndexEntry.objects.filter(
        FTSMatch(fts_expression(parsed)),
        index_entry__content_type__in=get_descendants_content_types_pks(queryset.model),
        index_entry__object_id__in=object_ids,
    )


def _sqlite_ranked(queryset, parsed, most):
    rows = list(
        # The FTS table leads the query: SQLite then runs the MATCH once, not once per row.
        _sqlite_entries(queryset, parsed)
        .annotate(rank=BM25())
        .order_by("rank", "-index_entry__object_id")
        .values_list(
            "index_entry__object_id",
            "index_entry__content_type_id",
            "title",
            # The body is read only when a phrase may be in it.
            "body" if len(parsed.terms) > 1 else "rank",
            "rank",
        )[:most]
    )
    boost = boosts()
    scored = [
        (
            object_id,
            sqlite_score(parsed, title, body if len(parsed.terms) > 1 else None, rank, boost.get(content_type, 0.0)),
        )
        for object_id, content_type, title, body, rank in rows
    ]
    scored.sort(key=lambda item: item[1], reverse=True)
    return scored, len(rows)


# PostgreSQL -----------------------------------------------------------------------------------


def _quote(word):
    return f"'{word}'"


def tsquery_text(parsed):
    """``parsed`` as the text of a ``to_tsquery``: words as typed, the configuration stems them."""

    def one(alt):
        # A phrase keeps its stop words: to_tsquery turns them into the right distance (<2>).
        return "(" + (" <-> " if alt.phrase else " & ").join(_quote(word) for word in alt.words) + ")"

    joiner = " & " if parsed.operator == "and" else " | "
    return joiner.join("(" + " | ".join(one(alt) for alt in group) + ")" for group in parsed.groups)


def _postgres_entries(queryset, parsed, config):
    IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806

    object_ids = queryset.order_by().annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    query = SearchQuery(tsquery_text(parsed), config=config, search_type="raw")
    entries = IndexEntry.objects.filter(
        Q(title=query) | Q(body=query),
        content_type__in=get_descendants_content_types_pks(queryset.model),
        object_id__in=object_ids,
    )
    return entries, query


class Flag(Func):
    """``CASE WHEN condition THEN weight ELSE 0 END`` for a raw SQL condition."""

    output_field = FloatField()

    def __init__(self, sql, params, weight):
        super().__init__()
        self.sql, self.params, self.weight = sql, params, weight

    def as_sql(self, compiler, connection, **extra_context):
        weight = self.weight if isinstance(self.weight, str) else float(self.weight)
        return f"(CASE WHEN {self.sql} THEN {weight} ELSE 0 END)", list(self.params)


def _postgres_ranked(queryset, parsed, config, limit):
    IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806

    entries, query = _postgres_entries(queryset, parsed, config)
    table = IndexEntry._meta.db_table
    title, body = f'"{table}"."title"', f'"{table}"."body"'
    typed = " ".join(parsed.words)
    bonus = Flag(f"strip({title}) = strip(to_tsvector(%s::regconfig, %s))", [config, typed], TITLE_EXACT)
    # With operator "or", the query itself asks for any group: the title then holds one of them.
    in_title = f"{title} @@ to_tsquery(%s::regconfig, %s)"
    bonus = bonus + Flag(
        in_title,
        [config, tsquery_text(parsed)],
        f"{TITLE_ALL} + {COVERAGE} * least(1.0, {len(parsed.groups)}.0 / greatest(length({title}), 1))",
    )
    for content_type, boost in boosts().items():
        bonus = bonus + Flag(f'"{table}"."content_type_id" = %s', [content_type], boost)
    if len(parsed.terms) > 1:
        bonus = bonus + Flag(f"{title} @@ phraseto_tsquery(%s::regconfig, %s)", [config, typed], TITLE_PHRASE)
        bonus = bonus + Flag(f"{body} @@ phraseto_tsquery(%s::regconfig, %s)", [config, typed], BODY_PHRASE)
    text = SearchRank(F("title"), query) * Value(TITLE_WEIGHT) + SearchRank(F("body"), query)
    # text / (1 + text), written with ``text`` once: PostgreSQL would compute each rank twice.
    score = ExpressionWrapper(bonus + Value(1.0) - Value(1.0) / (Value(1.0) + text), output_field=FloatField())
    rows = list(
        entries.annotate(score=score, matched=Window(Count("*")))
        .order_by("-score", "-object_id")
        .values_list("object_id", "score", "matched")[:limit]
    )
    return [(object_id, score) for object_id, score, _matched in rows], (rows[0][2] if rows else 0)


# Both -----------------------------------------------------------------------------------------


def ranked_ids(queryset, parsed, limit, most, config=None):
    """``[(object id as text, score)]`` of the ``limit`` best matches, best first, and how many matched (≤ ``most``)."""
    if not parsed:
        return [], 0
    if connection.vendor == "postgresql":
        ranked, count = _postgres_ranked(queryset, parsed, config, limit)
        return ranked, min(count, most)
    ranked, count = _sqlite_ranked(queryset, parsed, most)
    return ranked[:limit], count


def matched_ids(queryset, parsed, config=None):
    """The ids (as text) of every object of ``queryset`` matching ``parsed``, in no order."""
    if not parsed:
        return []
    if connection.vendor == "postgresql":
        entries, _query = _postgres_entries(queryset, parsed, config)
        return list(entries.values_list("object_id", flat=True))
    return list(_sqlite_entries(queryset, parsed).values_list("index_entry__object_id", flat=True))
