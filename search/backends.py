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

On SQLite (and anything else) this module returns Wagtail's own database backend unchanged:
FTS5's default tokenizer already ignores accents; it does not stem.
"""

from collections import defaultdict
from copy import copy

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.utils import get_descendants_content_types_pks

from django.conf import settings
from django.db import connection
from django.db.models import CharField, Count, FloatField, Func, Window
from django.db.models.functions import Cast
from django.utils import translation

try:
    from modelsearch.backends.database.sqlite.query import MatchExpression, SQLiteFTSIndexEntry, normalize
except LookupError:  # Only a SQLite database has modelsearch's FTS table (and its model).
    MatchExpression = SQLiteFTSIndexEntry = normalize = None

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


class TitleWeightedBM25(Func):
    """FTS5's ``bm25`` with the title column weighted: a title that names the words outranks a body that repeats them.

    The columns are modelsearch's ``autocomplete, body, title``; lower is better.
    """

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 0.0, 1.0, {SQLITE_TITLE_WEIGHT})", []


def ranked_matches(queryset, query, operator, limit, most):
    """The ``limit`` best matches of ``queryset`` as ``[(object, score)]``, and how many matched (at most ``most``).

    Scores are higher for better matches, whatever the database. On SQLite, modelsearch ranks with
    a subquery per matching row and no title weight; here one query led by the FTS index ranks at
    most ``most`` matches, and one more reads the ``limit`` objects. On PostgreSQL, one query ranks
    and reads the ``limit`` best, and counts every match on the way (a window over the matches):
    a separate count would match every row a second time.
    """
    results = queryset.search(query, operator=operator)
    model = queryset.model
    if connection.vendor != "sqlite" or SQLiteFTSIndexEntry is None:
        ranked = results.annotate_score("search_score").get_queryset().annotate(matched=Window(Count("*")))
        best = list(ranked[:limit])
        return [(match, match.search_score or 0.0) for match in best], min(best[0].matched if best else 0, most)
    compiler = results.query_compiler
    object_ids = queryset.order_by().annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    ranked = list(
        # The FTS table leads the query: SQLite then runs the MATCH once, not once per row.
        SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(compiler.FTS_TABLE_FIELDS, compiler.build_search_query(normalize(compiler.query))),
            index_entry__content_type__in=get_descendants_content_types_pks(model),
            index_entry__object_id__in=object_ids,
        )
        .annotate(rank=TitleWeightedBM25())
        .order_by("rank", "-index_entry__object_id")
        .values_list("index_entry__object_id", "rank")[:most]
    )
    best = ranked[:limit]
    objects = queryset.in_bulk([model._meta.pk.to_python(object_id) for object_id, _rank in best])
    matches = []
    for object_id, rank in best:
        obj = objects.get(model._meta.pk.to_python(object_id))
        if obj is not None:
            matches.append((obj, -rank))
    return matches, len(ranked)


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name.
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
