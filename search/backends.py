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

from django.conf import settings
from django.db import connection
from django.utils import translation

LANGUAGE_CONFIGS = {"fr": "coalition_fr", "en": "coalition_en"}
DEFAULT_CONFIG = "coalition_fr"


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


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name.
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
