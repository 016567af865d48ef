""" "Did you mean …?": the nearest words of the index's vocabulary in the visitor's language.

The vocabulary is the words of the titles and introductions of the live pages and resources of
a language (descriptions for resources), with the editors' synonyms, counted: read once per cache
version (any publish bumps it) and kept under it. A word of the query that is not in it is
replaced by the most frequent vocabulary word within one edit (two for words of six letters or
more, a swap of two letters counting as one), among words of the same first letter and a close
length: a few dozen comparisons per word, whatever the size of the site.
"""

from collections import Counter, defaultdict

from core.caching import fragments

from .analysis import language_of, stem, words
from .memo import remembered

#: Words shorter than this are never corrected (too many neighbours) nor offered.
MIN_LENGTH = 3


def vocabulary(locale):
    """``{first letter: [(word, count)]}`` of the words indexed in ``locale``, most frequent first."""

    def read():
        from wagtail.models import Page, get_page_models

        from resources.models import Resource

        from .models import Synonym

        counts = Counter()
        for title in Page.objects.live().filter(locale=locale, depth__gt=1).values_list("title", flat=True).iterator():
            counts.update(words(title))
        # Introductions hold the words a page is about; one query per kind of page, once per cache version.
        for model in get_page_models():
            if "introduction" in {field.name for field in model._meta.concrete_fields if field.model is model}:
                live = model.objects.live().filter(locale=locale).exclude(introduction="")
                for introduction in live.values_list("introduction", flat=True).iterator():
                    counts.update(words(introduction))
        for title, description in Resource.objects.filter(locale=locale).values_list("title", "description").iterator():
            counts.update(words(title))
            counts.update(words(description))
        for terms in Synonym.objects.filter(language=locale.language_code[:2]).values_list("terms", flat=True):
            counts.update(words(terms))
        buckets = defaultdict(list)
        for word, count in counts.most_common():
            if len(word) >= MIN_LENGTH and not word.isdigit():
                buckets[word[0]].append((word, count))
        return dict(buckets)

    return remembered(("vocabulary", locale.pk), lambda: fragments.cached("search-vocabulary", [locale.pk], read))


def distance(a, b, limit):
    """Optimal string alignment distance of ``a`` and ``b``, or ``limit + 1`` once sure to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def correct(word, buckets):
    """The vocabulary word nearest ``word`` (most frequent among equals), or ``None``."""
    limit = 1 if len(word) < 6 else 2
    best = None
    for candidate, count in buckets.get(word[0], ()):
        if abs(len(candidate) - len(word)) > limit:
            continue
        found = distance(word, candidate, limit)
        if found <= limit and (best is None or (found, -count) < best[0]):
            best = ((found, -count), candidate)
    return best[1] if best else None


def suggest(query, locale):
    """``query`` with its unknown words replaced by their nearest indexed words, or ``None`` if nothing changes.

    A replacement with the same stem ("afghan" for "afghans") would find the same pages: not offered.
    """
    language = language_of(locale.language_code)
    buckets = vocabulary(locale)
    known = {word for bucket in buckets.values() for word, _count in bucket}
    changed = False
    result = []
    for word in words(query):
        if len(word) >= MIN_LENGTH and word not in known and not word.isdigit():
            replacement = correct(word, buckets)
            if replacement and stem(replacement, language) != stem(word, language):
                word, changed = replacement, True
        result.append(word)
    return " ".join(result) if changed else None
