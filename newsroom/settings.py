"""Settings for Newsroom, read from the environment (see .env.example).

Without DJANGO_DEBUG=1 these settings are production-safe: a secret key and
allowed hosts must be given, cookies are secure and HTTPS is enforced.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "insecure-local-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must list the site's host names (comma-separated) "
        "when DJANGO_DEBUG is off, e.g. DJANGO_ALLOWED_HOSTS=news.example.org"
    )

INSTALLED_APPS = [
    # Before the admin, which it extends with a tab per language on translated fields.
    "modeltranslation",
    "accounts.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "taggit",
    "django_prose_editor",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accounts",
    "pagecache",
    "sections",
    "media",
    "articles",
    "siteinfo",
    "archive",
    "notes",
    "live",
    "demo",
    "edge",
    "textedition",
    "api",
    "mirror",
]

MIDDLEWARE = [
    # The read API's door (issue #17): rate limits and CORS for /api/ before the page cache, so
    # cached answers are counted too. Other addresses pass straight through.
    "api.gateway.ApiGatewayMiddleware",
    # Outermost: answers readers with pages already drawn, before anything else runs, and
    # keeps what the layers below made (headers included) for the next reader.
    "pagecache.middleware.PageCacheMiddleware",
    # Names what each reader page shows for the CDN (surrogate keys), kept with the page.
    "edge.middleware.SurrogateKeyMiddleware",
    # Compresses pages for browsers that accept gzip.
    "django.middleware.gzip.GZipMiddleware",
    # ETag on every page and 304 Not Modified answers to If-None-Match / If-Modified-Since.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Runs before the CSP middleware on the way out: picks the admin's policy for admin pages.
    "newsroom.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # The edition in the address for readers; the chosen or browser language for the desk.
    "newsroom.editions.EditionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "siteinfo.middleware.SiteSettingsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records which user made each revision.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns locked-out sign-ins into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    # Reader pages (articles.rendering): Jinja2, several times faster for what readers ask for.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "articles.rendering.environment",
            "context_processors": [
                "siteinfo.context_processors.site",
                "articles.context_processors.reader_navigation",
                "textedition.context_processors.text_edition",
                "mirror.context_processors.mirror",
                "live.context_processors.live_coverage",
            ],
        },
    },
    # The admin, with Django's own templates.
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
            ],
        },
    },
]

DATA_DIR = Path(os.environ.get("NEWSROOM_DATA_DIR", BASE_DIR / "var"))

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 2}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Kept open like PostgreSQL's (opening one and setting its pragmas cost an uncached page a
    # tenth of its time); WAL lets readers run beside a writer.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The editions: the default language (its addresses have no prefix) and the others, each a
# complete site under its own prefix (/ar/, /fr/). Translated fields get a column per language
# here (django-modeltranslation), so adding one is a change here and a migration
# (README: Languages). newsroom.languages says how each is written and searched.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ar", "Arabic"), ("fr", "French")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and times as each language writes them (newsroom/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["newsroom.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
# A translation left empty reads as the default language's.
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
TIME_ZONE = os.environ.get("NEWSROOM_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))

# Uploads on local disk, or with MEDIA_STORAGE=s3 on S3-compatible object storage
# (django-storages), so app processes keep no files of their own.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "filesystem")
MEDIA_STORAGE_TIMEOUT_SECONDS = float(os.environ.get("MEDIA_STORAGE_TIMEOUT_SECONDS", 5))
if MEDIA_STORAGE == "s3":
    from botocore import config as botocore_config

    MEDIA_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Public, unsigned addresses: pages are cached and shared, signatures expire.
            "querystring_auth": False,
            "file_overwrite": False,
            # A storage that does not answer fails an upload in seconds (a form error), not
            # after boto's minute-long default timeouts and retries.
            "client_config": botocore_config.Config(
                connect_timeout=MEDIA_STORAGE_TIMEOUT_SECONDS,
                read_timeout=MEDIA_STORAGE_TIMEOUT_SECONDS,
                retries={"max_attempts": 2},
            ),
        },
    }
    options = MEDIA_BACKEND["OPTIONS"]
    if not options["bucket_name"]:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    # Photos are then served from the storage's public address, which the CSP must allow.
    MEDIA_ORIGINS = [
        f"https://{options['custom_domain']}"
        if options["custom_domain"]
        else options["endpoint_url"] or f"https://{options['bucket_name']}.s3.amazonaws.com"
    ]
else:
    MEDIA_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    MEDIA_ORIGINS = []

STORAGES = {
    "default": MEDIA_BACKEND,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Taggit: tag names are matched case-insensitively so "Gaza" and "gaza" are one tag.
TAGGIT_CASE_INSENSITIVE = True

LOGIN_URL = "admin:login"

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses sign-ins for locked-out accounts and addresses.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Guessing is throttled per account and, separately, per address (issue #6).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", 0.25))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "accounts.addresses.client_address"

# Two-factor sign-in (TOTP with recovery codes) is required for superusers and for the roles
# that say so (accounts.roles: Editor and Site admin); on by default in production.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Newsroom")
# The device admin never shows an authenticator's key or QR code, to anyone.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Source notes (notes app, issue #18) are encrypted with these Fernet keys, newest first: the
# first encrypts, any of them decrypts (rotate with `manage.py rotate_source_notes_key`). Never
# kept in the database or the repository. Without a key the site runs and notes show as locked.
SOURCE_NOTES_KEYS = env_list("SOURCE_NOTES_KEYS")

# Staff sessions end after two hours without a request; a password change ends the others.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", 2 * 3600))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_SAMESITE = "Lax"

# Request size limits: form posts stay small; photo files are limited by PHOTO_MAX_BYTES.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# Content Security Policy (Django's own). Public pages: nothing inline, nothing from elsewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, *MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The admin: scripts only from us or with this response's nonce (the rich-text editor's import
# map); inline styles for the editor; blob: and data: images for upload previews.
ADMIN_CSP = SECURE_CSP | {
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    # Thumbnails in the photo chooser come from the photo store (its own host on S3).
    "img-src": [CSP.SELF, "data:", "blob:", *MEDIA_ORIGINS],
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

# The body editor's own blocks (issue #14): Tiptap nodes in a module we serve, loaded by the
# editor's configurable preset. newsroom.html, not the editor package, decides what is kept.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        # Resolved when a form is drawn (the address of our own static file, hashed in production).
        "js": [static_lazy("newsroom_admin/blocks.js")],
        "extensions": {
            # No tags of their own for the package's sanitizer: ours is the one in use.
            name: html_tags([])
            for name in (
                "InlinePhoto",
                "PullQuote",
                "PullQuoteText",
                "PullQuoteAttribution",
                "FactBox",
                "FactBoxTitle",
                "StoryCard",
                "Embed",
            )
        },
    }
]

# Article bodies are sanitized by newsroom.html.sanitize_html on save (the one
# sanitizer), not by the editor package's own nh3 pass.
SILENCED_SYSTEM_CHECKS = ["django_prose_editor.W004"]

# Production safety: everything below is relaxed only for local development.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Only trust X-Forwarded-Proto and -For when proxies we run set them (see README); behind
# them, the client's address comes from X-Forwarded-For (accounts.addresses), or every reader
# would have the proxy's address and one guesser would lock everyone out.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")
PROXY_COUNT = max(int(os.environ.get("DJANGO_PROXY_COUNT", 1)), 1)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Photo uploads are refused above these sizes: a clear form error, never a 500.
PHOTO_MAX_PIXELS = int(os.environ.get("PHOTO_MAX_PIXELS", 40_000_000))
PHOTO_MAX_BYTES = int(os.environ.get("PHOTO_MAX_BYTES", 25_000_000))
# prune_media leaves unused photo files this long: longer than any page stays cached in our
# cache or a CDN (PAGE_CACHE_SECONDS plus PAGE_STALE_SECONDS), so no cached page loses a photo.
MEDIA_PRUNE_AFTER_MINUTES = int(os.environ.get("MEDIA_PRUNE_AFTER_MINUTES", 15))

# An archive's data.json may unpack to at most this much (import_archive); each photo in it is
# held to PHOTO_MAX_BYTES.
ARCHIVE_MAX_DATA_BYTES = int(os.environ.get("ARCHIVE_MAX_DATA_BYTES", 1_000_000_000))

# How long a shared preview link of an unpublished article works without login.
PREVIEW_LINK_MAX_AGE = int(os.environ.get("PREVIEW_LINK_MAX_AGE", 48 * 3600))
# After this long without a save, an editor who opened an article no longer counts as editing it.
EDITING_PRESENCE_SECONDS = 20 * 60
# The article form keeps a working copy of what was typed this often (articles.autosave), and
# copies nobody came back to are deleted after this many days.
AUTOSAVE_SECONDS = int(os.environ.get("AUTOSAVE_SECONDS", 5))
WORKING_COPY_DAYS = int(os.environ.get("WORKING_COPY_DAYS", 30))

# Caching (issue #7): local memory by default, Redis when REDIS_URL is set. Redis may go away:
# its operations time out quickly and count as misses while it is down (newsroom.cache).
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT_SECONDS = float(os.environ.get("REDIS_TIMEOUT_SECONDS", 0.25))
REDIS_RETRY_SECONDS = float(os.environ.get("REDIS_RETRY_SECONDS", 5))


def cache(prefix: str) -> dict:
    if not REDIS_URL:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": prefix}
    return {
        "BACKEND": "newsroom.cache.TolerantRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_TIMEOUT_SECONDS,
            "retry_seconds": REDIS_RETRY_SECONDS,
        },
    }


CACHES = {"default": cache("newsroom"), "sessions": cache("sessions")}
# Sessions are kept in the database, and read through their own cache: however many pages
# readers' requests push into the cache, nobody is signed out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"
PAGE_CACHE_ALIAS = "default"
# How processes learn the content generation without a query per request (pagecache.generation):
# from the shared cache when there is one, else from a file on this machine.
PAGE_CACHE_SHARED = bool(REDIS_URL)
PAGE_CACHE_GENERATION_DIR = DATA_DIR / "generation"
# Without Redis, each process keeps this many pages in its own memory (the most read ones);
# with Redis, this many besides, so that losing Redis costs readers nothing on those.
PAGE_CACHE_MAX_ENTRIES = int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", 2000))
PAGE_CACHE_LOCAL_ENTRIES = int(os.environ.get("PAGE_CACHE_LOCAL_ENTRIES", 500))
# ...and each process checks it against the database at least this often.
PAGE_CACHE_RECHECK_SECONDS = float(os.environ.get("PAGE_CACHE_RECHECK_SECONDS", 1))
# X-Page-Cache: hit/miss on readers' pages, for development only (it shows what others read).
PAGE_CACHE_DEBUG_HEADER = env_bool("PAGE_CACHE_DEBUG_HEADER", DEBUG)
# Anonymous pages are kept this long at most, in our cache and in CDNs (s-maxage)...
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 300))
# ...and browsers keep them this long, and may show a stale page this long while refetching.
PAGE_BROWSER_SECONDS = 60
PAGE_STALE_SECONDS = 30
# ...and while the database does not answer, pages already drawn are served (and CDNs may
# serve theirs, stale-if-error) for up to this long.
PAGE_STALE_IF_ERROR_SECONDS = int(os.environ.get("PAGE_STALE_IF_ERROR_SECONDS", 86400))
# The next scheduled change readers will see (a story going live): no page is kept past it.
PAGE_CACHE_NEXT_CHANGE = "articles.models.next_scheduled_change"

# Edge caching (issue #20): a CDN or Varnish in front, purged by surrogate keys (edge app).
# EDGE_CACHE: "" (none: no keys are sent), "varnish", "fastly" or "cloudflare".
EDGE_CACHE = os.environ.get("EDGE_CACHE", "").strip().lower()
# The response header carrying the keys; empty: the backend's own (xkey, Surrogate-Key, Cache-Tag).
EDGE_KEY_HEADER = os.environ.get("EDGE_KEY_HEADER", "")
# With a CDN that is purged, pages are kept there for hours (capped at the next scheduled
# change), served stale while refetched and while we are down; without one, as our own cache.
EDGE_SECONDS = int(
    os.environ.get("EDGE_SECONDS") or (4 * 3600 if EDGE_CACHE else PAGE_CACHE_SECONDS)
)
EDGE_STALE_SECONDS = int(
    os.environ.get("EDGE_STALE_SECONDS") or (60 if EDGE_CACHE else PAGE_STALE_SECONDS)
)
EDGE_PURGE_TIMEOUT_SECONDS = float(os.environ.get("EDGE_PURGE_TIMEOUT_SECONDS", 2))
EDGE_PURGE_ATTEMPTS = int(os.environ.get("EDGE_PURGE_ATTEMPTS", 2))
# Varnish: each instance's address (comma-separated), and PURGE (xkey) or BAN.
EDGE_VARNISH_URLS = [url for url in os.environ.get("EDGE_VARNISH_URLS", "").split(",") if url]
EDGE_VARNISH_METHOD = os.environ.get("EDGE_VARNISH_METHOD", "PURGE").upper()
EDGE_FASTLY_SERVICE_ID = os.environ.get("EDGE_FASTLY_SERVICE_ID", "")
EDGE_FASTLY_TOKEN = os.environ.get("EDGE_FASTLY_TOKEN", "")
EDGE_FASTLY_API = os.environ.get("EDGE_FASTLY_API", "https://api.fastly.com")
EDGE_CLOUDFLARE_ZONE_ID = os.environ.get("EDGE_CLOUDFLARE_ZONE_ID", "")
EDGE_CLOUDFLARE_TOKEN = os.environ.get("EDGE_CLOUDFLARE_TOKEN", "")
EDGE_CLOUDFLARE_API = os.environ.get("EDGE_CLOUDFLARE_API", "https://api.cloudflare.com/client/v4")


# Per-page counts on reader listings.
ARTICLES_PER_PAGE = 20

# The read API (api app, issue #17). Requests a minute per client: by address without a key,
# and the default for a new key (each key has its own, set in the admin).
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", 120))
API_KEY_RATE_LIMIT = int(os.environ.get("API_KEY_RATE_LIMIT", 1200))
# Origins whose pages may read the API from a browser; empty: any origin.
API_CORS_ORIGINS = env_list("API_CORS_ORIGINS")
# The most items one page of the API gives.
API_MAX_LIMIT = 100

# The signed static mirror (mirror app, issue #17): the Ed25519 private key that signs its
# manifest, as PEM or the 32 raw bytes in base64, from the environment or a file (never the
# database).
MIRROR_SIGNING_KEY = os.environ.get("MIRROR_SIGNING_KEY", "")
MIRROR_SIGNING_KEY_FILE = os.environ.get("MIRROR_SIGNING_KEY_FILE", "")
# Live coverage (issue #15, live app): readers' pages check for new entries this often...
LIVE_POLL_SECONDS = int(os.environ.get("LIVE_POLL_SECONDS", 20))
# ...and the check, and a running live story's page, are kept this long by CDNs and browsers.
LIVE_CHECK_SECONDS = int(os.environ.get("LIVE_CHECK_SECONDS", 5))
LIVE_PAGE_SECONDS = int(os.environ.get("LIVE_PAGE_SECONDS", 15))
LIVE_ENTRIES_PER_PAGE = 20
LIVE_ENTRY_MAX_CHARACTERS = 3000
# Entries given to search engines in the page's LiveBlogPosting.
LIVE_STRUCTURED_UPDATES = 10
