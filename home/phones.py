"""Telephone numbers as people write them, and as a ``tel:`` link needs them (E.164).

The coalition is Canadian: a number written without its country code is a North American
one (country code 1). A number from elsewhere is written with its ``+`` and country code.
"""

import re

NORTH_AMERICA = "1"
_ALLOWED = re.compile(r"^\+?[\d\s().\-‑]+$")  # digits, spaces, brackets, dots, hyphens (also non-breaking)


def e164(number):
    """``"+15142777223"`` for ``"514 277-7223"``; ``None`` when ``number`` is not a telephone number."""
    number = (number or "").strip()
    if not _ALLOWED.match(number):
        return None
    digits = re.sub(r"\D", "", number)
    if number.startswith("+"):
        international = digits
    elif len(digits) == 10:
        international = NORTH_AMERICA + digits
    elif len(digits) == 11 and digits.startswith(NORTH_AMERICA):
        international = digits
    else:
        return None
    # E.164: a country code and a number, 15 digits at most; North American numbers have 11.
    if not 8 <= len(international) <= 15 or (international.startswith(NORTH_AMERICA) and len(international) != 11):
        return None
    return "+" + international
