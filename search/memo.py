"""A few seconds of memory in the process for values kept under the cache version.

A search reads the synonyms once per source and once more for the excerpts: without this, each
read is two round trips to the cache. A change an editor makes is seen everywhere within
``SECONDS``: each process asks the cache again after that.
"""

import time

SECONDS = 5.0
_values = {}


def remembered(key, compute):
    now = time.monotonic()
    found = _values.get(key)
    if found is not None and now - found[0] < SECONDS:
        return found[1]
    value = compute()
    _values[key] = (now, value)
    return value


def forget():
    _values.clear()
