"""The site's URLs with Wagtail's API v3 mounted, for the API tests of this app.

The search and API issue mounts the API in config/urls.py; these tests do not wait
for it (a duplicate mount there is harmless: the first pattern answers).
"""

from django.urls import path

from wagtail.api.v3.urls import api

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("api/v3/", api.urls), *site_urlpatterns]
