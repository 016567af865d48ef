"""One staff account per role of core.roles, for trying the admin as each role would (development only).

The passwords are published in docs/roles.md; ``DEMO_ACCOUNTS_ALLOWED`` guards them. Idempotent: an
account is found by its email, put in its role's group and its address marked verified (allauth).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from members.demo import verified_email

from . import roles

# (email, password, first name, role)
DEMO_STAFF = [
    ("editor@example.org", "coalition-editor", "Élise", roles.EDITORS),
    ("reviewer@example.org", "coalition-reviewer", "Robert", roles.REVIEWERS),
    ("translator@example.org", "coalition-translator", "Thomas", roles.TRANSLATORS),
    ("membership@example.org", "coalition-membership", "Mélanie", roles.MEMBERSHIP_STAFF),
    ("siteadmin@example.org", "coalition-siteadmin", "Sarah", roles.SITE_ADMINISTRATORS),
]


def load_staff(stdout):
    User = get_user_model()
    groups = roles.apply_roles()
    for email, password, first_name, role_name in DEMO_STAFF:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=password, first_name=first_name, last_name="Demo")
            stdout.write(f"  {role_name} account {email} created")
        user.groups.add(groups[role_name])
        verified_email(user)


def load(stdout, *, with_accounts=True):
    if not with_accounts:
        return
    if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        raise CommandError("Demo accounts are for development only; run with --no-accounts.")
    load_staff(stdout)
