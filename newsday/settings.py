"""News Day FR settings, read from the environment only (see .env.example).

Local defaults are safe: SQLite in the project folder, local-memory cache.
With DEBUG off (the default), SECRET_KEY and ALLOWED_HOSTS must be set or the
site refuses to start.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.conf import global_settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django_prose_editor.config import EXTENSION_MAPPING as PROSE_EDITOR_EXTENSIONS
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (see .env.example)."
        )
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SITE_URL = env.str("SITE_URL", default="http://localhost:8000").rstrip("/")
SITE_NAME = env.str("SITE_NAME", default="News Day FR")
# The picture social networks show for pages that have none of their own
# (the home page, lists): a static file, 1200x630 as Open Graph asks.
SITE_SHARE_IMAGE = env.str("SITE_SHARE_IMAGE", default="img/share.png")
GOOGLE_NEWS_URL = env.str("GOOGLE_NEWS_URL", default="")
# Hours an « Alerte info » stays in the home page's banner after publication.
BREAKING_NEWS_HOURS = env.int("BREAKING_NEWS_HOURS", default=6)
# Live coverage (live/): how often a reader's page asks for new entries, and
# how many entries a page shows before « Entrées précédentes ».
LIVE_POLL_SECONDS = env.int("LIVE_POLL_SECONDS", default=15)
LIVE_PAGE_ENTRIES = env.int("LIVE_PAGE_ENTRIES", default=50)

INSTALLED_APPS = [
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Third party
    # axes, django_otp.plugins.otp_totp and taggit, named in French (core/apps.py)
    "core.apps.LoginSecurityConfig",
    "django_otp",
    "core.apps.AuthenticatorAppsConfig",
    "django_prose_editor",
    "core.apps.TagsConfig",
    # Local
    "newsday.apps.NewsdayConfig",
    "images",
    "articles",
    "live",
    "website",
    "importers",
    "wires",
    "notifications",
    "demo",
]

# Order matters. Health checks first (no host check, no cache); then the
# security headers and static files; then the page cache, so that a cache hit
# for an anonymous reader is answered before sessions, CSRF, authentication and
# messages run. Everything below the page cache runs on misses only.
# (No LocaleMiddleware: the site has one language, and its
# ``Vary: Accept-Language`` would split every shared cache.)
MIDDLEWARE = [
    "newsday.healthz.HealthCheckMiddleware",
    "newsday.requests.RequestCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsday.security.CrossOriginResourcePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, which keeps plain bodies: hits are compressed
    # too; static files are already compressed by WhiteNoise (above).
    "newsday.compression.ReaderGZipMiddleware",
    "newsday.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, which reads the form: a body too large is refused unread.
    "newsday.security.RequestSizeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "newsday.security.PermissionsPolicyMiddleware",
    "website.middleware.ArticleRedirectMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsday.urls"
WSGI_APPLICATION = "newsday.wsgi.application"
ASGI_APPLICATION = "newsday.asgi.application"

# Reader pages render with Jinja2 (website/jinja2/, website/jinja_env.py): about
# half the CPU of an uncached article page went to Django templates. Django
# tries the engines in order, so 404.html and 500.html are the Jinja2 ones,
# and so are the sitemaps (website/jinja2/sitemaps/: thousands of URLs).
# Everything else (admin, feeds, robots.txt, e-mails) stays on Django
# templates.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "website" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "website.jinja_env.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "website.context_processors.site",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "website.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the writer work at once; IMMEDIATE avoids
    # "database is locked" on write transactions that start with a read.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif env.bool("DATABASE_PREPARED_STATEMENTS", default=True):
    # PostgreSQL plans a query the reader pages repeat once per connection
    # instead of at every request. Turn off behind a pooler in transaction
    # mode that cannot keep prepared statements (PgBouncer before 1.21).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"server_side_binding": True, "prepare_threshold": 5}
    )

# Read replica (optional): reader pages read from it, writes and the admin
# use the primary. See newsday/router.py.
if DATABASE_REPLICA_URL := env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db_url_config(DATABASE_REPLICA_URL) | {
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": DATABASES["default"].get("OPTIONS", {}),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["newsday.router.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("newsday.pagecache.PageCacheMiddleware") + 1,
        "newsday.router.ReplicaMiddleware",
    )
# Seconds after a publication during which reader pages still read the
# primary, longer than the replica's usual lag.
REPLICA_LAG_SECONDS = env.float("REPLICA_LAG_SECONDS", default=5.0)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------- caching
# One cache that every process shares: what one worker learns (an article
# withdrawn, a page retired) every other one sees within a second. The
# embedded default is a table of the database (created by `migrate`, see
# newsday/migrations/); CACHE_URL=redis://… uses Django's built-in Redis
# backend, wrapped so that a Redis outage degrades to "no cache" instead of
# errors (newsday/cache.py). A per-process cache (locmemcache://) is refused
# below when pages are cached: each worker would keep its own copy of a page.
CACHES = {
    "default": env.cache(
        "CACHE_URL", default="dbcache://newsday_cache?max_entries=20000"
    )
}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "newsday.cache.ResilientRedisCache"
    CACHES["default"].setdefault("KEY_PREFIX", env.str("CACHE_KEY_PREFIX", "newsday"))

# Whole-page cache for anonymous readers (newsday/pagecache.py). Lifetimes in
# seconds; each is also cut short at the next scheduled publication change.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE", default=not DEBUG)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=600)
PAGE_CACHE_EDGE_MAX_AGE = env.int("PAGE_CACHE_EDGE_MAX_AGE", default=120)
PAGE_CACHE_BROWSER_MAX_AGE = env.int("PAGE_CACHE_BROWSER_MAX_AGE", default=30)
PAGE_CACHE_STALE_WHILE_REVALIDATE = env.int(
    "PAGE_CACHE_STALE_WHILE_REVALIDATE", default=60
)
PAGE_CACHE_NOT_FOUND_MAX_AGE = 30
# Each process keeps its hottest pages in memory and re-reads the publication
# generation from the shared cache at most this often (seconds): the delay for
# a publication to reach every app server.
PAGE_CACHE_GENERATION_CHECK = env.float("PAGE_CACHE_GENERATION_CHECK", default=1.0)
PAGE_CACHE_LOCAL_ENTRIES = env.int("PAGE_CACHE_LOCAL_ENTRIES", default=500)
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/preview/", "/healthz", "/static/", "/media/"]

# CDN purge on publish, edit and unpublish (newsday/cdn/).
CDN_PURGE_BACKEND = env.str("CDN_PURGE_BACKEND", default="newsday.cdn.base.NoopBackend")
CDN_PURGE_BACKEND_OPTIONS = {}
if PAGE_CACHE_ENABLED and CACHES[PAGE_CACHE_ALIAS]["BACKEND"].endswith("LocMemCache"):
    raise ImproperlyConfigured(
        "Le cache de pages (PAGE_CACHE) demande un cache partagé par tous les "
        "processus. Laissez CACHE_URL vide (une table de la base de données) ou "
        "indiquez redis://… Avec locmemcache://, chaque processus garderait sa "
        "propre copie des pages."
    )
if CDN_PURGE_BACKEND.endswith("CloudflareBackend"):
    CDN_PURGE_BACKEND_OPTIONS = {
        "zone_id": env.str("CLOUDFLARE_ZONE_ID"),
        "api_token": env.str("CLOUDFLARE_API_TOKEN"),
    }
elif CDN_PURGE_BACKEND.endswith("NginxRefreshBackend"):
    CDN_PURGE_BACKEND_OPTIONS = {
        "origin": env.list("NGINX_PURGE_ORIGINS"),
        "token": env.str("NGINX_PURGE_TOKEN", default=""),
    }
# Paths refreshed with every article, besides its page, section, authors, tags.
CDN_PURGE_PATHS = env.list("CDN_PURGE_PATHS", default=["/", "/sitemap.xml"])

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------- content API
# The read-only API for apps and partners (api/, docs/api.md). Not in the page
# cache: its answers depend on the Accept header (ninjs) and each request
# counts against a rate limit; it sends its own ETag and Cache-Control.
INSTALLED_APPS += ["ninja", "api"]
API_PATH_PREFIX = "/api/"
PAGE_CACHE_EXCLUDED_PATHS += [API_PATH_PREFIX]
# Right after the health check: it also turns the site's own refusals of an
# API request (a NUL byte, an unknown address) into problem details.
MIDDLEWARE.insert(
    MIDDLEWARE.index("newsday.healthz.HealthCheckMiddleware") + 1,
    "api.middleware.ApiCorsMiddleware",
)
# Requests per window (seconds) for a reader without a key, per IP address;
# each partner key has its own limit (admin, « Clés partenaires »).
API_ANONYMOUS_RATE_LIMIT = env.int("API_ANONYMOUS_RATE_LIMIT", default=60)
API_RATE_LIMIT_WINDOW = env.int("API_RATE_LIMIT_WINDOW", default=60)

# ---------------------------------------------------------------- static files
# whitenoise serves collectstatic's output with hashed names (cached for a
# year), gzip and Brotli variants; `manage.py collectstatic` before starting.
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploads go through Django's storage API: the local filesystem by default,
# S3-compatible object storage with MEDIA_STORAGE=s3 (django-storages).
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="filesystem")
# The app serves MEDIA_URL itself (newsday/media.py) when the files are on
# this machine, so that a deployment without nginx shows its images; nginx,
# when present, answers /media/ first (deploy/nginx/).
SERVE_MEDIA = env.bool(
    "SERVE_MEDIA", default=MEDIA_STORAGE == "filesystem" and MEDIA_URL.startswith("/")
)
if MEDIA_STORAGE == "s3":
    _s3 = {
        "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
        "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
        # Public, cacheable URLs: readers' pages must not carry expiring signatures.
        "querystring_auth": False,
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "public, max-age=31536000"},
    }
    _media_storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3}
elif MEDIA_STORAGE == "filesystem":
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured("MEDIA_STORAGE must be « filesystem » or « s3 ».")
STORAGES = global_settings.STORAGES | {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# ---------------------------------------------------------------- security
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# French pages for refused requests (newsday/refusals.py).
CSRF_FAILURE_VIEW = "newsday.refusals.csrf_failure"

# Request bodies (newsday/security.py, RequestSizeMiddleware): the article
# form and its autosave may send ARTICLE_POST_MAX_MB (a long article with
# pasted content); every other form keeps Django's 2.5 MB. Django's own limit
# is the larger one, so that it lets the article form through.
ARTICLE_POST_MAX_MB = env.int("ARTICLE_POST_MAX_MB", default=15)
POST_MAX_SIZE = global_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
DATA_UPLOAD_MAX_MEMORY_SIZE = ARTICLE_POST_MAX_MB * 1024 * 1024

# Content Security Policy (Django's own). Scripts and styles come from our
# origin or carry the request's nonce; no 'unsafe-inline' anywhere. Pages that
# use the nonce are never stored by the page cache.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *env.list("CSP_IMG_SRC", default=[])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF, *env.list("CSP_IMG_SRC", default=[])],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    # Only where the site is served over HTTPS: on a plain-HTTP site the
    # browser would ask for every image, and rendition redirect, over HTTPS.
    "upgrade-insecure-requests": (
        SECURE_SSL_REDIRECT or SITE_URL.startswith("https://")
    ),
}
if CSP_REPORT_URI := env.str("CSP_REPORT_URI", default=""):
    SECURE_CSP["report-uri"] = [CSP_REPORT_URI]

# The rich-text editor's extra modules. The first gives tiptap the page's
# CSP nonce for the style it injects (newsday/static/newsday/); it is
# registered on the always-present "Document" extension, with its usual HTML
# rules, so it loads before every editor. The second is the body editor's
# « Image de la photothèque » button (images/static/images/).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("newsday/prose-editor-csp.js")],
        "extensions": {"Document": PROSE_EDITOR_EXTENSIONS["Document"]},
    },
    {
        "js": [static_lazy("images/admin/library-image.js")],
        "extensions": {"LibraryImage": "images.body.prose_editor_allowlist"},
    },
]

# Browser features the site never uses (newsday/security.py sends it).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
}

# Brute-force protection of the admin login (django-axes): after
# AXES_FAILURE_LIMIT failures for one user name from one address, that pair is
# refused with a French page and HTTP 429 for AXES_COOLOFF_TIME. Unknown user
# names are counted the same way, so the answer reveals nothing.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "newsday.security.lockout_response"
AXES_VERBOSE = False
# Behind N reverse proxies, the client address is the Nth from the right in
# X-Forwarded-For; with none, REMOTE_ADDR.
AXES_IPWARE_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    if AXES_IPWARE_PROXY_COUNT
    else ("REMOTE_ADDR",)
)

# Optional staff two-factor authentication (django-otp, TOTP). Devices are
# managed in the admin; ADMIN_2FA_REQUIRED=true makes the admin ask for a code.
ADMIN_2FA_REQUIRED = env.bool("ADMIN_2FA_REQUIRED", default=False)
OTP_TOTP_ISSUER = SITE_NAME

TAGGIT_CASE_INSENSITIVE = True

# Agency wires (wires/, docs/newsroom.md#dépêches). Items older than this are
# purged unless an article was made from them; files over the size limit are
# refused; pictures delivered with an item get a licence of this many days
# (0: none given by the contract).
WIRES_RETENTION_DAYS = env.int("WIRES_RETENTION_DAYS", default=30)
WIRES_MAX_FILE_MB = env.int("WIRES_MAX_FILE_MB", default=5)
WIRES_PHOTO_LICENCE_DAYS = env.int("WIRES_PHOTO_LICENCE_DAYS", default=0)
# Drop folders and HTTPS feeds the worker reads every WIRES_POLL_SECONDS.
WIRES_SOURCES = env.list("WIRES_SOURCES", default=[])
WIRES_POLL_SECONDS = env.int("WIRES_POLL_SECONDS", default=60)

# Photo library (images/): upload limits and when renditions are made.
IMAGES_MAX_UPLOAD_MB = env.int("IMAGES_MAX_UPLOAD_MB", default=20)
IMAGES_MAX_PIXELS = env.int("IMAGES_MAX_PIXELS", default=50_000_000)
IMAGES_MAX_DIMENSION = env.int("IMAGES_MAX_DIMENSION", default=12_000)
# Memory one upload may take to decode and clean (see images/processing.py):
# formats that need several copies of the picture get a lower pixel limit.
IMAGES_UPLOAD_MEMORY_MB = env.int("IMAGES_UPLOAD_MEMORY_MB", default=250)
IMAGES_RENDITIONS_AT_UPLOAD = env.bool("IMAGES_RENDITIONS_AT_UPLOAD", default=True)

# Background jobs (django.tasks; retries, periodic jobs and the failed-jobs
# page in jobs/). "database" (the default): a queue in the database, drained by
# `manage.py db_worker`, nothing else to run. "rq": Redis, through RQ
# (`manage.py rqworker --job-class django_tasks_rq.Job --with-scheduler`),
# when one machine's workers are not enough. "immediate": run in the process
# that enqueues (tests). See docs/operations.md#background-jobs.
TASKS_BACKEND = env.str("TASKS_BACKEND", default="database")
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in TASKS_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(TASKS_BACKENDS)}."
    )
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}

# The workflow's steps in « Mes notifications » (notifications/), and by email
# when the email settings are given (EMAIL_URL or EMAIL_BACKEND) unless
# NOTIFICATIONS_BY_EMAIL says otherwise.
WORKFLOW_NOTIFIERS = ["notifications.services.notify_workflow_event"]
NOTIFICATIONS_BY_EMAIL = env.bool(
    "NOTIFICATIONS_BY_EMAIL",
    default="EMAIL_URL" in env.ENVIRON or "EMAIL_BACKEND" in env.ENVIRON,
)
INSTALLED_APPS += ["django_tasks_db", "jobs"]
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq"]
RQ_QUEUES = {
    "default": {"URL": env.str("TASKS_REDIS_URL", default="redis://127.0.0.1:6379/1")}
}
# A job that fails for a passing reason (CDN down) is tried again after
# TASKS_RETRY_DELAY seconds, doubled at each attempt up to
# TASKS_RETRY_MAX_DELAY, TASKS_MAX_ATTEMPTS times in all; then it is listed in
# the admin's « Tâches en échec ».
TASKS_MAX_ATTEMPTS = env.int("TASKS_MAX_ATTEMPTS", default=6)
TASKS_RETRY_DELAY = env.float("TASKS_RETRY_DELAY", default=10.0)
TASKS_RETRY_MAX_DELAY = env.float("TASKS_RETRY_MAX_DELAY", default=600.0)

# ---------------------------------------------------------------- newsletters
# Newsletters and « Alerte info » by email (newsletters/, docs/newsletters.md).
# Delivery through Django's email backends, chosen by configuration only:
# EMAIL_BACKEND (console in DEBUG, SMTP otherwise, or an anymail provider's,
# e.g. anymail.backends.brevo.EmailBackend), EMAIL_URL for SMTP, and every
# ANYMAIL_* variable into ANYMAIL (ANYMAIL_BREVO_API_KEY → BREVO_API_KEY,
# ANYMAIL_WEBHOOK_SECRET for the bounce webhooks).
INSTALLED_APPS += ["anymail", "newsletters"]
# Django's mailers (MAILERS, which replaces the EMAIL_* settings in 6.1).
_email_backend = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends."
    + ("console.EmailBackend" if DEBUG else "smtp.EmailBackend"),
)
MAILERS = {"default": {"BACKEND": _email_backend, "OPTIONS": {}}}
if _email_backend.endswith("smtp.EmailBackend"):
    _smtp = env.email_url("EMAIL_URL", default="smtp://localhost:25")
    MAILERS["default"]["OPTIONS"] = {
        "host": _smtp["EMAIL_HOST"],
        "port": _smtp["EMAIL_PORT"],
        "username": _smtp["EMAIL_HOST_USER"],
        "password": _smtp["EMAIL_HOST_PASSWORD"],
        "use_tls": _smtp.get("EMAIL_USE_TLS", False),
        "use_ssl": _smtp.get("EMAIL_USE_SSL", False),
        "timeout": 30,
    }
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default=f"{SITE_NAME} <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
NEWSLETTERS_FROM_EMAIL = env.str("NEWSLETTERS_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in env.ENVIRON.items()
    if name.startswith("ANYMAIL_")
}
NEWSLETTERS_UNSUBSCRIBE_MAILTO = env.str("NEWSLETTERS_UNSUBSCRIBE_MAILTO", default="")
# « La matinale »: Paris time, and how many articles (pinned ones first).
NEWSLETTERS_MATINALE_TIME = env.str("NEWSLETTERS_MATINALE_TIME", default="07:00")
NEWSLETTERS_MATINALE_ARTICLES = env.int("NEWSLETTERS_MATINALE_ARTICLES", default=8)
# Sending: emails per batch (one connection each), emails per second per job
# (0: no limit), jobs working on one send at once, seconds a batch holds its
# rows before another worker may take them (a killed worker).
NEWSLETTERS_BATCH_SIZE = env.int("NEWSLETTERS_BATCH_SIZE", default=200)
NEWSLETTERS_RATE_LIMIT = env.float("NEWSLETTERS_RATE_LIMIT", default=100.0)
NEWSLETTERS_PARALLEL_JOBS = env.int("NEWSLETTERS_PARALLEL_JOBS", default=2)
NEWSLETTERS_CLAIM_SECONDS = env.int("NEWSLETTERS_CLAIM_SECONDS", default=300)
# Emails marked sent per write: 1 (each as the server accepts it) means a
# worker killed outright sends nobody the same email twice but the one it was
# sending; more write less (newsletters/delivery.py).
NEWSLETTERS_MARK_EVERY = env.int("NEWSLETTERS_MARK_EVERY", default=1)
# Sign-ups: per IP address and window (seconds); days before an unconfirmed
# sign-up is deleted; days a preferences link stays valid.
NEWSLETTERS_SIGNUP_RATE_LIMIT = env.int("NEWSLETTERS_SIGNUP_RATE_LIMIT", default=5)
NEWSLETTERS_SIGNUP_RATE_WINDOW = env.int("NEWSLETTERS_SIGNUP_RATE_WINDOW", default=3600)
NEWSLETTERS_UNCONFIRMED_DAYS = env.int("NEWSLETTERS_UNCONFIRMED_DAYS", default=7)
NEWSLETTERS_PREFERENCES_LINK_DAYS = env.int(
    "NEWSLETTERS_PREFERENCES_LINK_DAYS", default=60
)
# Signed links and per-reader answers: never in the page cache.
PAGE_CACHE_EXCLUDED_PATHS += ["/newsletters/"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
