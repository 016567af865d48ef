"""Production settings for bench/two_servers.py and its test, with static files found without
``collectstatic`` (a test cannot count on a collected manifest). Everything else is production's."""

from config.settings.production import *  # noqa: F403
from config.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
