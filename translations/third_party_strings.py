"""Admin strings of Wagtail and wagtail-localize whose French catalogue leaves them in English or garbles them.

Never imported: marked here so that makemessages keeps them in this app's catalogue, whose French Django
reads before theirs (``translations`` comes before ``wagtail_localize`` and ``wagtail`` in INSTALLED_APPS).
tests/translations/test_editor_strings.py checks that each is still used, and still wrong upstream.
"""

from django.utils.translation import gettext_noop

# Wagtail's status side panel (page and translation editors), for screen readers: "Status :" in its French.
gettext_noop("Status: ")
# wagtail-localize's header of a snippet's translation editor: "Modification de enjeu «  Access to services »".
gettext_noop("Editing %(object_type)s %(title)s")
