from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide hardening: security headers, upload checks, outage handling, backups."""

    name = "core"
    verbose_name = _("Site core")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
