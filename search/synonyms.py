"""The editors' synonyms of a language, read once per cache version (a change to one bumps it)."""

from core.caching import fragments

from .analysis import language_of
from .engine import alternative
from .memo import remembered


def synonyms_for(language):
    """``{terms: [Alternative, ...]}``: for each synonym's terms, every expression that may stand for it."""
    language = language_of(language)

    def read():
        from .models import Synonym

        table = {}
        for synonym in Synonym.objects.filter(language=language):
            alternatives = [alt for alt in (alternative(term, language) for term in synonym.term_list()) if alt]
            for each in alternatives:
                known = table.setdefault(each.terms, [])
                known.extend(other for other in alternatives if other not in known)
        return table

    return remembered(("synonyms", language), lambda: fragments.cached("search-synonyms", [language], read))
