"""How text becomes search terms, the same way on every database.

Words are lower-cased, their accents dropped, the language's stop words left out and each word
reduced to its Snowball stem ("réfugiés", "refugies" and "réfugié" all become ``refugi``).
PostgreSQL's ``coalition_fr`` and ``coalition_en`` configurations (``unaccent`` then the Snowball
stemmer, search/migrations/0001) do this inside the database; on SQLite this module does it in
Python, for the text written to the FTS5 index and for every query read against it.
"""

import re
from functools import lru_cache

import snowballstemmer

from django.conf import settings
from django.utils import translation

from .text import fold

_WORD = re.compile(r"\w+", re.UNICODE)

# The short words PostgreSQL's French and English configurations leave out (their Snowball lists,
# accents dropped): left out of the SQLite index and queries too, so that both agree on what matches.
STOP_WORDS = {
    "fr": frozenset(
        """au aux avec ce ces dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me
        meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi
        ton tu un une vos votre vous c d j l a m n s t y ete etes etais etait etant suis es est sommes
        sont serai sera seront ai as avons avez ont avait eu ceci cela cet cette ici quel quels quelle
        quelles sans soi""".split()
    ),
    "en": frozenset(
        """i me my myself we our ours ourselves you your yours yourself he him his himself she her hers
        herself it its itself they them their theirs themselves what which who whom this that these those
        am is are was were be been being have has had having do does did doing a an the and but if or
        because as until while of at by for with about against between into through during before after
        above below to from up down in out on off over under again further then once here there when where
        why how all any both each few more most other some such no nor not only own same so than too very
        s t can will just don should now""".split()
    ),
}
STEMMER_NAMES = {"fr": "french", "en": "english"}


def current_language():
    """The two-letter code of the active language (the site's default outside a request)."""
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]


def language_of(language_code):
    code = (language_code or settings.LANGUAGE_CODE)[:2]
    return code if code in STEMMER_NAMES else settings.LANGUAGE_CODE[:2]


@lru_cache(maxsize=4)
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMER_NAMES[language])


@lru_cache(maxsize=100_000)
def stem(word, language):
    """One folded word's stem: what the index holds and what a query looks for."""
    return _stemmer(language).stemWord(word)


def words(text):
    """The folded words of ``text`` (lower case, no accents), in order."""
    return _WORD.findall(fold(text or ""))


def terms(text, language):
    """The stems of the words of ``text`` that are not stop words, in order."""
    language = language_of(language)
    stop = STOP_WORDS[language]
    return [stem(word, language) for word in words(text) if word not in stop]


def analyse(text, language):
    """``text`` as the SQLite index stores it: its terms, space-separated."""
    return " ".join(terms(text, language))
