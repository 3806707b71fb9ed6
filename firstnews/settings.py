"""퍼스트신문 settings: one file, every deployment value read from the environment.

The defaults make `make run` work with no variables at all (SQLite file, a
development secret generated once into var/, DEBUG off); production sets the
variables listed in README.md.
"""

import datetime
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    """A boolean variable; anything but a clear yes/no is a configuration error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false, yes/no), not {raw!r}")


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def _development_secret_key():
    """A random key kept in var/ so sessions survive restarts of `make run`."""
    path = VAR_DIR / "dev-secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or _development_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# -- reader (issue 14): without SITE_URL, absolute links follow the port `make run PORT=...` serves on.
SITE_URL = env_str("SITE_URL", f"http://127.0.0.1:{env_int('PORT', 8000)}").rstrip("/")
# -- end reader

INSTALLED_APPS = [
    "lib.admin_config.KoreanAdminConfig",  # django.contrib.admin with a site whose messages pick 이/가, 을/를
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",  # its widget templates, for the project form renderer below
    "django_ckeditor_5",
    "captcha",
    "lib.admin_config.KoreanAxesConfig",  # django-axes, named in Korean on the admin's first page
    "csp",
    # core
    "accounts",
    "articles",
    "pages",
    # features
    "directory",
    "epaper",
    "ads",
    "contact",
    "search",
    "comments",
    "visitors",
    "sharing",
    "gnuboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lib.controlchars.RefuseControlCharsMiddleware",  # NUL & co. in a path or query: 400, never a 500
    "lib.csp.SiteCSPMiddleware",  # Content-Security-Policy on every answer (settings: CONTENT_SECURITY_POLICY)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag answers 304 (for cached pages too); then Cache-Control and the app's page cache (lib/pagecache.py)
    "django.middleware.http.ConditionalGetMiddleware",
    "lib.pagecache.PageCacheMiddleware",
    "lib.cache.ReadAheadMiddleware",  # names the page, so that its usual cache keys come in one round trip
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # last, so that it can turn a refused login into the lockout answer
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "firstnews.urls"
WSGI_APPLICATION = "firstnews.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # lib.url_tags: {% url %} and {% static %} remembered per process (templates need no {% load static %})
            "builtins": ["lib.url_tags", "pages.templatetags.dates", "pages.templatetags.korean"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.site",
                "articles.context_processors.navigation",
            ],
        },
    },
]

# Forms render through the project templates: templates/django/forms/field.html is every field.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# == security: statement timeout of web requests ==
# In the web process (firstnews/wsgi.py, i.e. gunicorn) PostgreSQL cancels any statement that runs longer
# than DB_STATEMENT_TIMEOUT_MS (the request then fails instead of holding a backend after gunicorn has
# killed its worker); keep it below GUNICORN_TIMEOUT. Management commands (migrate, bench_data,
# search_rebuild, imports, backups) run without it. 0 turns it off.
DB_STATEMENT_TIMEOUT_MS = env_int("DB_STATEMENT_TIMEOUT_MS", 20_000)
if (
    os.environ.get("FIRSTNEWS_WEB_PROCESS") == "1"
    and DB_STATEMENT_TIMEOUT_MS > 0
    and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}"
# == end security: statement timeout ==

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "lib.cache_backend.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "firstnews"),
            # Redis down: reads miss, writes are dropped and pages are built from the database
            # (counters and rate limits degrade); a short timeout keeps a dead Redis from holding
            # a request; the connection pool reconnects by itself when Redis is back.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 1},
        }
    }
    # Not logged: one traceback per cache call would flood the log during an outage; watch Redis itself.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
# Django's own hash first (new and upgraded passwords); the Gnuboard5 ones only verify imported members
# and are replaced by the first one at each member's first login (gnuboard/hashers.py).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "gnuboard.hashers.GnuboardPBKDF2PasswordHasher",
    "gnuboard.hashers.GnuboardMySQLPasswordHasher",
    "gnuboard.hashers.GnuboardOldMySQLPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "accounts.validators.SimilarityValidator",
        "OPTIONS": {"user_attributes": ("username", "nickname", "email")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "articles:home"
LOGOUT_REDIRECT_URL = "articles:home"

LANGUAGE_CODE = "ko"
# 2026.11.30 오후 11:42, as Korean sites write dates (Django's Korean default is 2026년 11월 30일 11:42 오후).
FORMAT_MODULE_PATH = ["firstnews.formats"]
# Korean names for what third-party apps leave in English (django-axes's admin screens).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Django serves uploads itself unless a front server (nginx) does; see README.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", True)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "퍼스트신문 <noreply@firstnews.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: strict by default; HTTPS-only cookies and HSTS when served over TLS.
SECURE_HTTPS = env_bool("SECURE_HTTPS", False)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
# The CSRF cookie lasts until the browser closes (not Django's year): a reader who once opened a form
# page goes back to the shared page caches (nginx and lib/pagecache bypass on `csrftoken`) afterwards.
CSRF_COOKIE_AGE = None
SECURE_SSL_REDIRECT = SECURE_HTTPS
SECURE_HSTS_SECONDS = 31536000 if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
# == security: trusted proxies ==
# BEHIND_PROXY is false, true (one proxy: our nginx) or the number of proxies in front of the app that
# each append the address they saw to X-Forwarded-For (e.g. 2 for a CDN in front of nginx). The reader's
# address is then that many entries from the end (lib.netaddr.client_ip, used by the lockout, rate
# limits and visitor hashes); anything a client wrote before those entries is ignored. Only the proxy
# may reach the app port, or anyone can claim any address.
_BEHIND_PROXY = env_str("BEHIND_PROXY", "false").strip().lower()
TRUSTED_PROXY_HOPS = int(_BEHIND_PROXY) if _BEHIND_PROXY.isdigit() else int(env_bool("BEHIND_PROXY", False))
TRUST_X_FORWARDED_FOR = TRUSTED_PROXY_HOPS > 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUST_X_FORWARDED_FOR else None
# == end security: trusted proxies ==
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# == security: Content-Security-Policy and the other browser protections ==
# A strict policy on every page (django-csp, lib.csp): our own scripts and styles only, no inline code,
# nothing may frame us, no plugins, forms post only to us. Video embeds come from youtube-nocookie.com
# (lib.sanitize rewrites YouTube addresses to it); the Kakao SDK's host is allowed only with KAKAO_JS_KEY.
# The admin also allows inline styles (its templates and CKEditor 5 need them), never inline scripts.
# CSP_REPORT_ONLY=true sends the same policy as Content-Security-Policy-Report-Only, for a rollout:
# browsers report what it would block (in their console) and block nothing.
_CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["https://www.youtube-nocookie.com"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
_CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# == end security: Content-Security-Policy ==
X_FRAME_OPTIONS = "DENY"  # only the e-paper PDF may be framed, by our own edition page

# Rich text: CKEditor 5 in the admin; uploads go through our own checked view.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "articles:editor_upload"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "gif", "webp"]
# The article text inside the editor styled as readers see it (site.css's .story__body rules, scoped to the editor).
CKEDITOR_5_CUSTOM_CSS = "css/editor.css"
CKEDITOR_5_CONFIGS = {
    "article": {
        "language": "ko",
        "toolbar": [
            "heading",
            "|",
            "bold",
            "italic",
            "link",
            "bulletedList",
            "numberedList",
            "blockQuote",
            "|",
            "insertImage",
            "mediaEmbed",
            "insertTable",
            "|",
            "undo",
            "redo",
        ],
        "heading": {
            "options": [
                {"model": "paragraph", "title": "본문", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "소제목", "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "작은 소제목", "class": "ck-heading_heading3"},
            ]
        },
        "image": {
            "toolbar": ["imageTextAlternative", "toggleImageCaption", "|", "imageStyle:inline", "imageStyle:block"],
        },
        "mediaEmbed": {"previewsInData": True},
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
    },
}

# Upload limits for every image the site accepts (articles, editor, directory).
IMAGE_MAX_BYTES = 10 * 1024 * 1024
IMAGE_MAX_PIXELS = 40_000_000

PAPER_PAGE_SIZE = 15

# == e-paper (epaper/) and ad banners (ads/) ==
EPAPER_PDF_MAX_BYTES = 50 * 1024 * 1024
# Banner impressions/clicks wait in the cache and reach the database in batches of this size.
ADS_FLUSH_EVERY = env_int("ADS_FLUSH_EVERY", 100)

# == Comments (comments/): see README "Comments (댓글)" ==
# Top-level threads per comment page; replies always stay with their thread.
COMMENT_THREADS_PER_PAGE = env_int("COMMENT_THREADS_PER_PAGE", 50)
# BEST 댓글: the top three comments with at least this many 공감.
COMMENT_BEST_MIN_LIKES = env_int("COMMENT_BEST_MIN_LIKES", 5)
# 공감/비공감 clicks a member may make per minute.
COMMENT_VOTES_PER_MINUTE = env_int("COMMENT_VOTES_PER_MINUTE", 30)
# Accepted comments a member may post per hour (besides 30 seconds between two).
COMMENT_MEMBER_HOURLY_LIMIT = env_int("COMMENT_MEMBER_HOURLY_LIMIT", 20)
# Accepted comments from one network address per COMMENT_ADDRESS_WINDOW seconds before the form asks for
# the numeric captcha. High on purpose: mobile carriers (CGNAT), offices and apartment blocks put many
# members behind one address, and the per-member rules above already hold each member back.
COMMENT_ADDRESS_LIMIT = env_int("COMMENT_ADDRESS_LIMIT", 60)
COMMENT_ADDRESS_WINDOW = env_int("COMMENT_ADDRESS_WINDOW", 600)

# == Members (accounts): numeric captcha, login lockout, signup rules ==
# The captcha is a 6-digit number; every answer, right or wrong, uses the challenge up.
# CAPTCHA_TEST_MODE is never set here: tests turn it on, and a system check refuses it outside DEBUG.
CAPTCHA_CHALLENGE_FUNCT = "accounts.captcha.numeric_challenge"
CAPTCHA_IMAGE_SIZE = (160, 60)
CAPTCHA_FONT_SIZE = 34
CAPTCHA_LETTER_ROTATION = (-25, 25)
CAPTCHA_FOREGROUND_COLOR = "#1a2a40"
CAPTCHA_TIMEOUT = 10  # minutes: time enough to fill in the signup form
# A challenge row is made when its image or audio is first asked for (accounts.captcha): at most this many
# an hour per address; drawing images and audio (cached per challenge) at most CAPTCHA_MEDIA_PER_ADDRESS.
CAPTCHA_NEW_PER_ADDRESS = env_int("CAPTCHA_NEW_PER_ADDRESS", 60)
CAPTCHA_MEDIA_PER_ADDRESS = env_int("CAPTCHA_MEDIA_PER_ADDRESS", 200)
# Login lockout by django-axes: 5 failures for one ID from one address lock that pair for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a lock lasts 15 minutes, not 15 after the last try
AXES_DISABLE_ACCESS_LOG = True  # keep failed attempts only (they expire), not a log of every login
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout_response"
AXES_CLIENT_IP_CALLABLE = "lib.netaddr.client_ip"
# Password spraying (one wrong password for each of many IDs) is limited per address, whatever the ID
# (accounts.backends): 20 failures in 15 minutes or 100 in a day lock every login from that address until
# the window ends. A carrier NAT puts thousands of phones behind one address, but failed logins to one
# regional paper from one address stay far below that; a locked address can still reset a password.
LOGIN_FAILURES_PER_ADDRESS = env_int("LOGIN_FAILURES_PER_ADDRESS", 20)
LOGIN_FAILURES_PER_ADDRESS_DAY = env_int("LOGIN_FAILURES_PER_ADDRESS_DAY", 100)
AXES_COOLOFF_MESSAGE = "로그인에 여러 번 실패하여 15분 동안 로그인할 수 없습니다. 잠시 후 다시 시도하세요."
# IDs and nicknames nobody may sign up with (compared without regard to case).
ACCOUNTS_RESERVED_NAMES = [
    "admin",
    "administrator",
    "root",
    "master",
    "manager",
    "webmaster",
    "staff",
    "system",
    "sysop",
    "operator",
    "support",
    "help",
    "info",
    "news",
    "desk",
    "editor",
    "reporter",
    "firstnews",
    "guest",
    "anonymous",
    "null",
    "none",
    "관리자",
    "운영자",
    "최고관리자",
    "사이트관리자",
    "편집국",
    "편집장",
    "데스크",
    "기자",
    "퍼스트신문",
    "탈퇴한회원",
    "손님",
]

# == contact: news tips and ad requests ==
# Where new tips and ad requests are mailed; empty means every active 데스크 member with an e-mail.
NEWSROOM_EMAILS = env_list("NEWSROOM_EMAILS")
# Attachments live outside MEDIA_ROOT: no URL serves them, staff download them through the admin.
CONTACT_UPLOAD_ROOT = Path(env_str("CONTACT_UPLOAD_ROOT", str(VAR_DIR / "contact-uploads")))
CONTACT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
CONTACT_RATE_LIMIT = env_int("CONTACT_RATE_LIMIT", 5)  # submissions per address, form and hour

# == visitors (visitor counter, article views, 많이 본 뉴스) ==
# Raw visit rows are kept this many days; daily sums are kept for good.
VISITORS_RETENTION_DAYS = env_int("VISITORS_RETENTION_DAYS", 180)
# New visitor cookies handed to one address a day; past that its hits count once, by address.
VISITORS_NEW_PER_ADDRESS = env_int("VISITORS_NEW_PER_ADDRESS", 50)

# == sharing (share bar, link previews) ==
# KakaoTalk sharing appears only with a Kakao JavaScript key (developers.kakao.com, site domain registered).
KAKAO_JS_KEY = env_str("KAKAO_JS_KEY")
KAKAO_JS_SDK_URL = env_str("KAKAO_JS_SDK_URL", "https://t1.kakaocdn.net/kakao_js_sdk/2.7.9/kakao.min.js")
# The SDK's integrity value from Kakao's download page; set it whenever KAKAO_JS_KEY is set.
KAKAO_JS_SDK_INTEGRITY = env_str("KAKAO_JS_SDK_INTEGRITY")
if KAKAO_JS_KEY:  # the SDK's own host, and nothing else of Kakao's, may serve scripts
    _kakao = urlsplit(KAKAO_JS_SDK_URL)
    _CSP_DIRECTIVES["script-src"].append(f"{_kakao.scheme}://{_kakao.netloc}")
if _CSP_REPORT_ONLY:
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _CSP_DIRECTIVES}
    CONTENT_SECURITY_POLICY = None
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_DIRECTIVES}

# == gnuboard: python manage.py import_gnuboard ==
# The lowest Gnuboard5 member level (mb_level) that becomes each newsroom role; lower levels are 회원.
GNUBOARD_LEVEL_ROLES = {"기자": 8, "데스크": 10}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- Page speed (issue 12): lib/pagecache.py ---------------------------------------------------------
# Anonymous pages say `Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_SECONDS` (nginx keeps them
# that long) and, with APP_PAGE_CACHE, the app keeps them as long in its cache (Redis with REDIS_URL):
# every change moves a generation counter, so an edit shows at once in the app and within this lifetime
# behind nginx. Browsers always revalidate (max-age=0) with the ETag.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
APP_PAGE_CACHE = env_bool("APP_PAGE_CACHE", True)
# Shared pieces of every page (header, menu: pages/templatetags/fragment_tags.py) under the same generation.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 300)

# == A million articles (issue 17): admin search through the search index ==
# The module whose parse_terms() and ArticleSearch answer the admin's article search (published articles
# through the search index); empty: Django's LIKE over title, subtitle and summary.
ARTICLES_ADMIN_SEARCH = "search.query"
