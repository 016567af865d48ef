import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Load every URL module now rather than on the first request, drop what loading left over,
# then tell Python's garbage collector that everything else lives as long as the process:
# its full collections then walk only what requests create, so they run often enough to
# keep a worker's memory flat, and cost less each time (docs/performance.md).
get_resolver().url_patterns  # noqa: B018 - imports them
gc.collect()
gc.freeze()
