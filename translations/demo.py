"""The translation workflow's part of load_demo_content: sync, workflow, groups, staff accounts.

Runs after the other apps' demo modules (it must be listed last in DEMO_MODULES):
the language trees' home pages exist by then and get the review workflow.
"""

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from members.demo import verified_email

from .workflow import EDITORS_GROUP, assign_to_language_roots, ensure_groups

# Staff accounts to try the workflow as a new user would (development only).
DEMO_STAFF = [
    {"email": "editor@example.org", "password": "coalition-editor", "first_name": "Élise", "group": EDITORS_GROUP},
    {
        "email": "reviewer@example.org",
        "password": "coalition-reviewer",
        "first_name": "Robert",
        "group": settings.TRANSLATIONS_REVIEWERS_GROUP,
    },
]


def load_synchronisation(stdout):
    for target, source in settings.TRANSLATIONS_LOCALE_SYNCHRONISATION.items():
        target_locale, _ = Locale.objects.get_or_create(language_code=target)
        source_locale, _ = Locale.objects.get_or_create(language_code=source)
        if not LocaleSynchronization.objects.filter(locale=target_locale).exists():
            LocaleSynchronization.objects.create(locale=target_locale, sync_from=source_locale)
            stdout.write(f"  {target} synchronised from {source}")


def load_staff(stdout):
    User = get_user_model()
    editors, reviewers = ensure_groups()
    groups = {editors.name: editors, reviewers.name: reviewers}
    for account in DEMO_STAFF:
        user = User.objects.filter(email=account["email"]).first()
        if user is None:
            user = User.objects.create_user(
                email=account["email"], password=account["password"], first_name=account["first_name"], last_name="Demo"
            )
            user.groups.add(groups[account["group"]])
            stdout.write(f"  {account['group']} account {account['email']} created")
        # Demo staff sign in at once, as staff invited by an administrator would.
        verified_email(user)


def load(stdout, *, with_accounts=True):
    load_synchronisation(stdout)
    assign_to_language_roots()
    if with_accounts and getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        load_staff(stdout)
