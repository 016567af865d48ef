"""Wagtail's database search backend, with one text-search configuration per language.

On PostgreSQL the index table is shared by every language, and Wagtail's backend builds each
row's ``tsvector`` with a single ``SEARCH_CONFIG``. Two per-language backends (the pattern
foundation.mozilla.org used with the old contrib backend) would overwrite each other's rows in
that one table, so instead:

- when indexing, each object's vector is built with the configuration of its own locale
  (``coalition_fr`` for French pages, ``coalition_en`` for English ones);
- when querying, the ``tsquery`` is built with the configuration of the active language,
  and every caller filters by that same locale, so stems always match stems.

``coalition_fr`` and ``coalition_en`` (created by ``site_search``'s migration) run ``unaccent``
before the Snowball stemmer, which makes "detention" find "détention".

On SQLite the index holds each object's text as terms of its own language (search.analysis:
accents and case dropped, stop words left out, Snowball stems) and every Wagtail search of it
(admin, API) looks for the terms of the active language. The site search and the library's text
box rank with search.engine, the same order on both databases.
"""

from collections import defaultdict
from copy import copy

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

from django.conf import settings
from django.db import connection
from django.utils import translation

from .analysis import analyse, current_language, language_of, words
from .engine import matched_ids, parse, ranked_ids

try:
    from modelsearch.backends.database.sqlite.query import SQLiteFTSIndexEntry
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
except LookupError:  # Only a SQLite database has modelsearch's FTS table (and its model).
    SQLiteFTSIndexEntry = None
    SQLiteIndex = object

LANGUAGE_CONFIGS = {"fr": "coalition_fr", "en": "coalition_en"}
DEFAULT_CONFIG = "coalition_fr"
# How much more a word in the title counts than one in the body, on SQLite (PostgreSQL ranks the
# title's weight "A" above the body's the same way).
SQLITE_TITLE_WEIGHT = 10.0


def _language_config(backend, language_code):
    configs = backend.language_configs
    return configs.get((language_code or "")[:2], backend.config)


class LocalisedIndex(PostgresIndex):
    def add_items(self, model, objs):
        from wagtail.models import Locale

        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = defaultdict(list)
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            groups[_language_config(self.backend, language)].append(obj)
        original = self.backend
        try:
            for config, group in groups.items():
                # Wagtail's ObjectIndexer reads ``backend.config``: hand it a copy set to this language.
                self.backend = copy(original)
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend = original


class LocalisedQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return _language_config(backend, translation.get_language())


class LocalisedPostgresSearchBackend(PostgresSearchBackend):
    index_class = LocalisedIndex
    query_compiler_class = LocalisedQueryCompiler

    def __init__(self, params):
        params = {"SEARCH_CONFIG": DEFAULT_CONFIG, **params}
        super().__init__(params)
        self.language_configs = params.get("LANGUAGE_CONFIGS", LANGUAGE_CONFIGS)
        # Objects without a locale (documents, images) use the site's default language.
        self.config = self.language_configs.get(settings.LANGUAGE_CODE, self.config)


class StemmedSQLiteIndex(SQLiteIndex):
    """modelsearch's SQLite index, each object's text written as its language's terms (search.analysis)."""

    def add_items(self, model, objs):
        from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer
        from modelsearch.utils import get_content_type_pk

        from wagtail.models import Locale

        if not model.get_search_fields() or not objs:
            return
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        data = {}
        for obj in objs:
            indexer = ObjectIndexer(obj, self.backend)
            language = language_of(languages.get(getattr(obj, "locale_id", None)))
            data[indexer.id] = {
                "title": analyse(indexer.title, language),
                "autocomplete": analyse(indexer.autocomplete, language),
                "body": analyse(indexer.body, language),
            }
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        indexed = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in indexed:
            entries.filter(object_id=object_id).update(**data[object_id])
        self.entries.bulk_create(
            self.entries.model(content_type_id=get_content_type_pk(model), object_id=object_id, **fields)
            for object_id, fields in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class StemmedQueryMixin:
    """Wagtail's own searches (admin, API) look for the terms the stemmed index holds."""

    def build_search_query_content(self, query, config=None):
        language = current_language()
        if isinstance(query, PlainText):
            text = analyse(query.query_string, language) or " ".join(words(query.query_string))
            if text:
                query = PlainText(text, operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            text = analyse(query.query_string, language)
            if text:
                query = Phrase(text)
        return super().build_search_query_content(query, config=config)


if SQLiteFTSIndexEntry is not None:

    class StemmedSQLiteQueryCompiler(StemmedQueryMixin, SQLiteSearchQueryCompiler):
        pass

    class StemmedSQLiteAutocompleteQueryCompiler(StemmedQueryMixin, SQLiteAutocompleteQueryCompiler):
        pass

    class StemmedSQLiteSearchBackend(SQLiteSearchBackend):
        index_class = StemmedSQLiteIndex
        query_compiler_class = StemmedSQLiteQueryCompiler
        autocomplete_query_compiler_class = StemmedSQLiteAutocompleteQueryCompiler


def search_config():
    """The PostgreSQL text-search configuration of the active language."""
    return LANGUAGE_CONFIGS.get(current_language(), DEFAULT_CONFIG)


def parse_query(query, operator="and"):
    from .synonyms import synonyms_for

    language = current_language()
    return parse(query, operator=operator, language=language, synonyms=synonyms_for(language))


def ranked_matches(queryset, query, operator, limit, most):
    """The ``limit`` best matches of ``queryset`` as ``[(object, score)]``, and how many matched (at most ``most``).

    Scores are higher for better matches, whatever the database (search.engine). One query ranks
    the matches (on PostgreSQL it also counts them, with a window), one more reads the ``limit`` best.
    """
    model = queryset.model
    ranked, count = ranked_ids(queryset, parse_query(query, operator), limit, most, config=search_config())
    objects = queryset.in_bulk([model._meta.pk.to_python(object_id) for object_id, _score in ranked])
    matches = []
    for object_id, score in ranked:
        obj = objects.get(model._meta.pk.to_python(object_id))
        if obj is not None:
            matches.append((obj, score))
    return matches, count


def matching_pks(queryset, query, operator="and"):
    """The primary keys of every object of ``queryset`` matching ``query``, in no particular order."""
    to_python = queryset.model._meta.pk.to_python
    return [
        to_python(object_id)
        for object_id in matched_ids(queryset, parse_query(query, operator), config=search_config())
    ]


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name.
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    if connection.vendor == "sqlite" and SQLiteFTSIndexEntry is not None:
        return StemmedSQLiteSearchBackend(params)
    return DatabaseSearchBackend(params)
