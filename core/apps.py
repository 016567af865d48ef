from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def apply_staff_roles(sender, using="default", **kwargs):
    """After every ``migrate``: the roles of core.roles, with the permissions of models added since."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    from wagtail.models import Page

    from .roles import apply_roles

    if not Page.objects.using(using).exists():
        # A flushed database (transactional tests) keeps no data, the migrations' groups included.
        return
    # Every app's permissions are created here, whether or not its own post_migrate has come yet
    # (that then finds them), so that the site administrators get them all.
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)
    apply_roles()


class CoreConfig(AppConfig):
    """Site-wide hardening: security headers, upload checks, outage handling, backups; the staff roles."""

    name = "core"
    verbose_name = _("Site core")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)

        # Sent per app with models (core has none): the roles hang on auth's, the app of groups.
        post_migrate.connect(
            apply_staff_roles, sender=apps.get_app_config("auth"), dispatch_uid="core.apply_staff_roles"
        )
