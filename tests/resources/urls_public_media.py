"""A URL configuration that makes the mistake the start-up check looks for.

``django.conf.urls.static.static()`` does nothing when DEBUG is off, so the
pattern is written out as a careless deployment might.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *project_urlpatterns,
]
