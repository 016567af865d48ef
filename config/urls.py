from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import views
from config.api import urlpatterns as api_urlpatterns

# Outside the language prefix: machines and staff tools.
urlpatterns = [
    path("health/", views.health, name="health"),
    path("robots.txt", views.RobotsView.as_view(), name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]
# Headless API (issue 7): Wagtail's API v3 at /api/v3/, OpenAPI at /api/v3/openapi.json.
urlpatterns += api_urlpatterns

# Everything a visitor reads lives under /fr/ or /en/.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("search/", include("search.urls")),
    # Wagtail's page serving comes last: it catches everything else.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: documents always go through Wagtail's serve view.
    urlpatterns = static(settings.MEDIA_URL + "images/", document_root=settings.MEDIA_ROOT / "images") + urlpatterns
