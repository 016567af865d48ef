"""Settings shared by every environment; safe by default.

Every value that changes between machines comes from the environment and is
declared here, once. ``dev`` relaxes these settings; ``production`` tightens them.
"""

import sys
from pathlib import Path
from urllib.parse import urlsplit

import environ

from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()
# A local .env is read when present (never committed); the real environment wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# No default: a missing secret fails at start. dev.py and test.py set their own.
SECRET_KEY = env("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Application definition
INSTALLED_APPS = [
    "core",
    "home",
    "workinggroups",
    "members",
    "meetings",
    "resolutions",
    "resources",
    "search",
    "translations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v3",
    # django-ninja (Wagtail's API v3) serves Swagger UI's files from the site when installed as
    # an app, not from a CDN that the Content-Security-Policy refuses.
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "corsheaders",
    "django_filters",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's admin says "3 days ago" with humanize's naturaltime; its catalogue (French) loads only when installed.
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # django-cors-headers answers before anything else can produce a response (its documented place).
    "corsheaders.middleware.CorsMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "config.api.APIMiddleware",  # inside LocaleMiddleware: the API's locale, search, cache headers, JSON 404s
    "django.middleware.common.CommonMiddleware",
    # Anonymous visitors' pages from the cache, for the views that declare them public (core/caching).
    "core.caching.pages.AnonymousPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After XFrameOptionsMiddleware, so that it sees the response first (SAMEORIGIN for the admin).
    "core.middleware.SecurityHeadersMiddleware",
    # A friendly 503 while the database is away.
    "core.middleware.DatabaseUnavailableMiddleware",
    # And a 503 page while object storage is away (core/storage.py).
    "core.storage.StorageUnavailableMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin users without a second factor are sent to set one up.
    "members.middleware.AdminMFARequiredMiddleware",
    # Wagtail's multiple uploaders without their file field: a 400, not a 500.
    "core.uploads.MultipleUploadFieldMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",  # {{ CSP_NONCE }} for the rare inline script
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Database: a SQLite file unless DATABASE_URL says otherwise (postgres://...).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A new connection per request by default (about 5 ms on a local server): its connect time-out
    # bounds every request while the database hangs, where a kept connection would wait without
    # bound (psycopg has no client-side time-out). CONN_MAX_AGE > 0 keeps connections, checked
    # before reuse, at that risk (docs/operations.md).
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Bounded waits: a database that accepts connections and never answers gives the 503 page
    # in seconds instead of freezing every worker. Seconds to connect; milliseconds a statement
    # may run (0 turns it off, for a long one-off command such as a migration on a big table).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": env.int("DATABASE_CONNECT_TIMEOUT", default=3),
            "options": f"-c statement_timeout={env.int('DATABASE_STATEMENT_TIMEOUT', default=5000)}",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL and a busy timeout let the dev server and a worker share the file.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "members.User"

# Cache: Django's own Redis backend when REDIS_URL is set, local memory otherwise.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, made to degrade to "no cache" while Redis is down (core/caching/backends.py).
            "BACKEND": "core.caching.backends.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="coalition"),
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            "OUTAGE_RETRY_SECONDS": 5,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "coalition",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # Permissions only, groups and permissions read in one query (members.models.User.access).
    "members.backends.MemberBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    # Signs in where allauth does not (and names the sessions it made); it reads no permissions
    # again: Django keeps them per user, for every ModelBackend.
    "django.contrib.auth.backends.ModelBackend",
]

# Internationalisation: French first, English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Object storage (S3 API, django-storages) for media when a bucket is named; the local folder
# otherwise. The names are django-storages' own. Without keys, boto3 looks for them itself
# (instance role, ~/.aws). boto3 is imported only on this path (core/object_storage.py).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
_MEDIA_ORIGINS = []  # where pages' images come from, for the Content-Security-Policy below
if AWS_STORAGE_BUCKET_NAME:
    from botocore.config import Config as _BotocoreConfig

    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)  # for S3-compatible services (MinIO, Scaleway…)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default=None)
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default=None)
    AWS_LOCATION = env("AWS_LOCATION", default="")  # a folder inside the bucket
    # A CDN in front of the bucket for renditions; documents are always signed by the bucket.
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
    # Private objects, signed URLs that expire within minutes (resources.checks refuses otherwise).
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=120)
    AWS_S3_FILE_OVERWRITE = False
    # A storage that does not answer fails in seconds (a 503 page, a form error), not after minutes.
    # (django-storages takes the signature version from here once a client config is given.)
    AWS_S3_CLIENT_CONFIG = _BotocoreConfig(
        signature_version="s3v4",
        connect_timeout=env.int("AWS_S3_CONNECT_TIMEOUT", default=3),
        read_timeout=env.int("AWS_S3_READ_TIMEOUT", default=20),
        retries={"max_attempts": 2, "mode": "standard"},
    )
    STORAGES = {**STORAGES, "default": {"BACKEND": "core.object_storage.MediaStorage"}}
    if AWS_S3_CUSTOM_DOMAIN:
        _MEDIA_ORIGINS = [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    elif AWS_S3_ENDPOINT_URL:
        # Path-style (endpoint/bucket/key) or virtual-hosted (bucket.endpoint/key) addresses.
        _endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
        _MEDIA_ORIGINS = [f"{_endpoint.scheme}://{_endpoint.netloc}", f"{_endpoint.scheme}://*.{_endpoint.netloc}"]
    else:
        _MEDIA_ORIGINS = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com", "https://*.amazonaws.com"]

# Email
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Sessions and cookies: safe defaults; production makes them Secure.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail previews and the admin get SAMEORIGIN (core.middleware); everything else refuses framing.
X_FRAME_OPTIONS = "DENY"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Seconds a shared cache (CDN) and the page cache keep an anonymous page.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=300)

# A CDN or Varnish in front of the site: Wagtail purges a page's URLs there when it is published
# or unpublished. Pages that only list it (index, home) age out within PAGE_CACHE_TIMEOUT.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_API_TOKEN", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
# Each translation is a page with its own slug, published on its own: purge the URLs as they are
# rather than rewriting one URL into every language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Background work: django-tasks. Tasks run at once, in the process that enqueues them, unless
# TASKS_BACKEND=django_tasks_db.DatabaseBackend: then they are rows that `manage.py db_worker` runs.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}}
# A task still marked running after this many seconds is taken for one whose worker died and is
# queued again (core.task_recovery); longer than the longest task, which must be safe to run twice.
TASKS_RUNNING_TIMEOUT = env.int("TASKS_RUNNING_TIMEOUT", default=1800)
# Workers that may die under one task before it is marked failed instead of queued again.
TASKS_MAX_ATTEMPTS = env.int("TASKS_MAX_ATTEMPTS", default=3)

# --- members: allauth, MFA, sign-in for every door (owned by the members app) ---
# Accounts by email, verified before first sign-in; sign-up asks for the member organisation.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CHANGE_EMAIL = True  # one address per person; a new one is verified before it replaces the old
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# Seconds after signing in (or re-authenticating) during which sensitive actions (second factor,
# email, password) do not ask for the password again (members.adapters).
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupForm"
ACCOUNT_FORMS = {"signup": "members.signup.AtomicSignupForm"}  # user, address and profile in one transaction
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Throttling. Counted in the cache: Redis (REDIS_URL) in production, so every app
# server shares the counts. "N/period/per": per "ip", per "key" (the email address typed) or per
# signed-in "user". Every action the site uses is listed, so the limits are ours, not a library
# default. Over a limit the visitor gets 429.html (core.views.too_many_requests), or, for failed
# sign-ins, the sign-in form again with a 429 (members.views.accounts.LoginView).
ACCOUNT_RATE_LIMITS = {
    # Any sign-in attempt from one address (an office behind one IP still has room).
    "login": "30/m/ip",
    # Wrong passwords: 10 a minute from one IP, 5 per account in 5 minutes (also the 2FA code step).
    "login_failed": "10/m/ip,5/5m/key",
    # New accounts from one IP: a workshop signing up together fits, a script does not.
    "signup": "20/m/ip,100/h/ip",
    # "Forgot password" emails: 20 a minute from one IP, 3 per address in 15 minutes.
    "reset_password": "20/m/ip,3/15m/key",
    # Submitting the new password from the emailed link.
    "reset_password_from_key": "20/m/ip",
    # Verification email sent again (signing in unverified, or "re-send" on the email page):
    # once per address every 3 minutes. Over it, signing in shows the usual "check your email" page
    # without sending again (the link already sent stays valid): never a 429 for someone signing in.
    "confirm_email": "1/3m/key",
    # Email page actions, password change, asking the password again: per signed-in person.
    "manage_email": "10/m/user",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
}
# Behind a reverse proxy every visitor would share the proxy's address, and so its limits: set the
# number of proxies that append to X-Forwarded-For (1 for one nginx) so allauth counts per visitor.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Two factors: an authenticator app with recovery codes, for everyone; required for admin users
# (members.middleware.AdminMFARequiredMiddleware sends them to set it up).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="CCR")
# Accept the code of the 30-second step before and after (RFC 6238 §5.2): phone clocks drift and a
# code typed at the end of its step would otherwise be refused by the time it arrives.
MFA_TOTP_TOLERANCE = 1
ADMIN_MFA_REQUIRED = env.bool("ADMIN_MFA_REQUIRED", default=True)
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Wagtail's own sign-in, password and email forms would bypass allauth: send them to it.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# --- end members ---

# Wagtail
WAGTAIL_SITE_NAME = "Conseil canadien pour les réfugiés"
# The site's public address (https://example.org): every absolute link in emails is built from it
# (core.public_address). Production refuses to start without it; in development the request's own
# address is used, or localhost for emails sent outside a request.
SITE_URL = env("SITE_URL", default="").rstrip("/")
# Wagtail's own emails (moderation, workflow) follow the same address.
WAGTAILADMIN_BASE_URL = SITE_URL or "http://localhost:8000"
# Search: Wagtail's database backend. search.backends builds each page's vector with its
# own language's configuration on PostgreSQL (French or English stemming, accent-insensitive) and
# is Wagtail's plain database backend elsewhere (SQLite FTS5 in development).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "coalition_fr",
        "LANGUAGE_CONFIGS": {"fr": "coalition_fr", "en": "coalition_en"},
    },
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# --- Translation workflow (translations app, docs/translations.md) ---------------------
# Machine translation: DeepL when a key is set. Without one there is no machine translator:
# the translation editor says so (translations/wagtail_hooks.py) rather than offer fake text.
DEEPL_API_KEY = env("DEEPL_API_KEY", default="")
# A DeepL glossary of the coalition's terms (French → English), created in the DeepL account.
DEEPL_GLOSSARY_ID = env("DEEPL_GLOSSARY_ID", default="")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": DEEPL_API_KEY,
            "TIMEOUT": 30,
            # Keyed by DeepL's (source, target) codes as wagtail-localize derives them from "fr" and "en".
            "GLOSSARY_IDS": {("FR", "EN"): DEEPL_GLOSSARY_ID} if DEEPL_GLOSSARY_ID else {},
        },
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# Locale trees kept in step by wagtail-localize: {target language: source language}.
# The translations app's migration and demo loader create the LocaleSynchronization rows.
TRANSLATIONS_LOCALE_SYNCHRONISATION = {"en": "fr"}
# The Wagtail workflow applied to every language tree, and the group that approves. Wagtail shows the
# workflow's name as stored, in either admin language: it is bilingual (docs/translations.md).
TRANSLATIONS_REVIEW_WORKFLOW_NAME = "Relecture des communications / Communications review"
TRANSLATIONS_REVIEWERS_GROUP = "Moderators"
# --- end of translation workflow ---------------------------------------------------------

# Demo accounts with published passwords: only dev and test settings allow them.
DEMO_ACCOUNTS_ALLOWED = False

# --- Security and operations (docs/hardening.md) ---
# Content-Security-Policy (django-csp 4): no inline script and no eval on the public site.
# An inline script that must exist carries nonce="{{ CSP_NONCE }}" (NONCE: added when used).
from csp.constants import NONCE  # noqa: E402

# CSP_EXTRA_SOURCES lists other origins (a media CDN, object storage) for images and media.
_CSP_EXTRA_SOURCES = env.list("CSP_EXTRA_SOURCES", default=[]) + _MEDIA_ORIGINS
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_CSP_EXTRA_SOURCES],
        "media-src": ["'self'", *_CSP_EXTRA_SOURCES],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin (and its previews, and wagtail-localize's editor) needs inline scripts and
# styles, eval (Draftail and the accessibility checker's templates), blob:/data: images and
# same-origin frames. core.middleware uses this policy under ADMIN_URL_PREFIXES only.
ADMIN_URL_PREFIXES = ["/admin/", "/django-admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *_CSP_EXTRA_SOURCES],
        "media-src": ["'self'", "blob:", *_CSP_EXTRA_SOURCES],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# No Gravatar calls from the admin: staff e-mail hashes stay here, and the CSP stays 'self'.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)
# Uploads: document types are checked by content too (core/uploads.py). No SVG images:
# an SVG can carry script, and Wagtail serves originals from the site's own origin.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.forms.SafeDocumentForm"
# Both upload forms say so when object storage does not answer (core/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.forms.StorageCheckedImageForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Wagtail installs pillow-heif, which Willow loads (about 5 MB a worker) to read HEIF uploads; none
# is accepted above, and Pillow writes AVIF itself. A None entry makes Willow's optional import fail.
sys.modules.setdefault("pillow_heif", None)
# Served inline only for these types; everything else is an attachment.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
# Seconds a visitor is asked to wait (Retry-After) while the database is unreachable.
DATABASE_OUTAGE_RETRY_AFTER = 60
# manage.py backup_site writes its archives here unless given --output.
BACKUP_DIR = Path(env("BACKUP_DIR", default=str(BASE_DIR / "backups")))
# --- end of security and operations ------------------------------------------------------
# --- resources: how document files reach visitors (docs/resources.md) ---
# Every document link leads to Wagtail's serve view, where the library checks access and
# counts the download (resources.checks refuses anything else). With object storage and
# signed, short-lived URLs, RESOURCES_REDIRECT_TO_STORAGE_URL=true makes that view redirect
# to them once the check has passed, instead of streaming through Python.
# With object storage this is the default: Python does not stream the bytes.
WAGTAILDOCS_SERVE_METHOD = (
    "redirect" if env.bool("RESOURCES_REDIRECT_TO_STORAGE_URL", default=bool(AWS_STORAGE_BUCKET_NAME)) else "serve_view"
)
# Behind nginx: SENDFILE_BACKEND=django_sendfile.backends.nginx (X-Accel-Redirect; Wagtail's
# serve view uses django-sendfile2's backends); nginx sends the file from SENDFILE_URL.
if env("SENDFILE_BACKEND", default=""):
    SENDFILE_BACKEND = env("SENDFILE_BACKEND")
    SENDFILE_ROOT = env("SENDFILE_ROOT", default=str(MEDIA_ROOT))
    SENDFILE_URL = env("SENDFILE_URL", default="/protected-media/")
RESOURCES_PAGE_SIZE = env.int("RESOURCES_PAGE_SIZE", default=12)
# --- end resources ---
# --- Site search and headless API ---
# Where the site search looks: each entry returns scored results for (query, locale, request).
# The resource library adds its own source here.
SITE_SEARCH_SOURCES = ["search.sources.PageSearchSource", "resources.search.ResourceSearchSource"]
# CORS for the API only, and only for the origins the environment lists (none by default).
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/v3/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_DOCS_ENABLED = env.bool("API_DOCS_ENABLED", default=True)
# Seconds shared caches and browsers may keep an anonymous API response.
API_CACHE_MAX_AGE = env.int("API_CACHE_MAX_AGE", default=300)
# ---------------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {
            "handlers": ["console"],
            "level": env("DJANGO_LOG_LEVEL", default="INFO"),
            "propagate": False,
        },
    },
}
