from allauth.account.decorators import secure_admin_login

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, include, path
from django.views.decorators.cache import never_cache
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import views
from config.api import urlpatterns as api_urlpatterns
from members.views import accounts as members_views

# --- members: every sign-in goes through allauth (verification, rate limits, second factor) ---
admin.site.login = secure_admin_login(admin.site.login)
to_allauth_login = RedirectView.as_view(pattern_name="account_login", query_string=True)
# --- end members ---

# A database outage raised outside a view still gets the friendly 503 page.
handler500 = "core.views.server_error"
# allauth's rate limits answer with this page (allauth looks it up here), in the visitor's language.
handler429 = "core.views.too_many_requests"

# Wagtail's document URLs (its serve view, with the library's access check), answered never_cache
# like the library's own download: a members-only file must never be kept by a shared cache.
documents_urlpatterns = [
    URLPattern(pattern.pattern, never_cache(pattern.callback), pattern.default_args, pattern.name)
    for pattern in wagtaildocs_urls.urlpatterns
]

# Outside the language prefix: machines and staff tools.
urlpatterns = [
    path("health/", views.health, name="health"),
    path("robots.txt", views.RobotsView.as_view(), name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("admin/login/", to_allauth_login),  # members: Wagtail's admin sign-in → allauth
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(documents_urlpatterns)),
]
# Headless API: Wagtail's API v3 at /api/v3/, OpenAPI at /api/v3/openapi.json.
urlpatterns += api_urlpatterns

# Everything a visitor reads lives under /fr/ or /en/.
urlpatterns += i18n_patterns(
    path("accounts/signup/", members_views.SignupView.as_view(), name="account_signup"),  # members: 400 on errors
    # 429 for too many failed sign-ins or verification emails asked too soon;
    # "check your inbox" says what to do when the mail server refused the email.
    path("accounts/login/", members_views.LoginView.as_view(), name="account_login"),
    path("accounts/email/", members_views.EmailView.as_view(), name="account_email"),
    path(
        "accounts/confirm-email/",
        members_views.EmailVerificationSentView.as_view(),
        name="account_email_verification_sent",
    ),
    path("accounts/", include("allauth.urls")),
    path("members/meetings/", include("meetings.urls")),  # registration for meetings
    path("members/", include("members.urls")),  # members area
    path("_util/login/", to_allauth_login),  # members: Wagtail's private-page sign-in → allauth
    path("search/", include("search.urls")),
    path("resources/", include("resources.urls")),
    path("resolution-work/", include("resolutions.urls")),  # members' amendments and versions
    # Wagtail's page serving comes last: it catches everything else.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: documents always go through Wagtail's serve view.
    urlpatterns = static(settings.MEDIA_URL + "images/", document_root=settings.MEDIA_ROOT / "images") + urlpatterns
