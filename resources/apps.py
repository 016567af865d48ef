from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resource library")

    def ready(self):
        from wagtail.api.v3.api import api

        from . import checks, signals  # noqa: F401  (registers the start-up checks and the receivers)
        from .api import router

        api.add_router("/resources/", router)
