"""Sampark settings: one file, every value from the environment, loud errors on bad values.

With no configuration at all Sampark runs on SQLite (WAL) under ./data and generates its keys there.
"""

import ipaddress
import json
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

from sampark.core.private_files import make_private

BASE_DIR = Path(__file__).resolve().parent


def env_str(name: str, default: str) -> str:
    """An empty variable counts as unset: `FOO= sampark …` must not mean "FOO is the empty string"."""
    return os.environ.get(name) or default


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {value}")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {raw!r}")


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = env_str(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value


DATA_DIR = Path(env_str("SAMPARK_DATA_DIR", str(Path.cwd() / "data"))).resolve()
# The folder 0700 and every file Sampark writes 0600 (umask 077): see core/private_files.py.
make_private(DATA_DIR)


def key_from_env_or_file(name: str, filename: str) -> str:
    """A secret from the environment, else one generated once into the data folder (mode 0600)."""
    if os.environ.get(name):
        return os.environ[name]
    path = DATA_DIR / filename
    if not path.exists():
        # O_EXCL: two processes starting together must not write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(48))
    value = path.read_text().strip()
    if not value:
        raise ImproperlyConfigured(f"{path} is empty; delete it to generate a new {name}")
    return value


SECRET_KEY = key_from_env_or_file("SAMPARK_SECRET_KEY", "secret_key")
PII_KEY = key_from_env_or_file("SAMPARK_PII_KEY", "pii_key")
if len(PII_KEY) < 32:
    raise ImproperlyConfigured("SAMPARK_PII_KEY must be at least 32 characters")

DEBUG = env_bool("SAMPARK_DEBUG", False)

PUBLIC_URL = env_str("SAMPARK_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
_public = urlsplit(PUBLIC_URL)
if _public.scheme not in ("http", "https") or not _public.hostname:
    raise ImproperlyConfigured(f"SAMPARK_PUBLIC_URL must be an http(s) URL, got {PUBLIC_URL!r}")

ALLOWED_HOSTS = [h.strip() for h in env_str("SAMPARK_ALLOWED_HOSTS", "").split(",") if h.strip()] or [
    _public.hostname,
    "127.0.0.1",
    "localhost",
]  # Django's test runner adds "testserver" itself; a deployment never answers to it
CSRF_TRUSTED_ORIGINS = [f"{_public.scheme}://{_public.netloc}"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # one-time backup codes for a lost phone
    "axes",
    "ninja",  # serves the API docs page's Swagger files locally instead of from a CDN
    "django_tasks",
    "django_tasks_db",
    "sampark.core",
    "sampark.geo",
    "sampark.accounts",
    "sampark.telephony",
    "sampark.supporters",
    "sampark.outreach",
    "sampark.trust",
    "sampark.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "sampark.accounts.middleware.RequireTwoFactor",
    "sampark.accounts.middleware.RequireOwnPassword",
    "sampark.accounts.middleware.StaffLanguage",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it turns a lockout into its response
]

ROOT_URLCONF = "sampark.urls"
WSGI_APPLICATION = "sampark.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sampark.accounts.context_processors.staff",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'sampark.sqlite3'}")
try:
    # No health check: it is a round trip before every request's first query. After a database restart the
    # first request on each stale connection fails once (providers retry) and Django reconnects.
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=False)
except Exception as exc:  # dj-database-url raises several types for a bad URL
    raise ImproperlyConfigured(f"DATABASE_URL is not a usable database URL: {exc}") from None
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db["OPTIONS"] = {
        # WAL lets readers run beside the one writer; NORMAL sync is durable across process crashes in WAL mode.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"
        ),
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue instead of failing to upgrade.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # Python's default keeps 128 compiled statements per connection; the worker's large one-off VALUES
        # inserts made that ~125 MiB of a worker's memory (bench/README.md).
        "cached_statements": 16,
    }
elif _db["ENGINE"] == "django.db.backends.postgresql":
    pass
else:
    raise ImproperlyConfigured("DATABASE_URL must be sqlite:// or postgres://")
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rate limits count in one place every web process shares (core/ratelimit.py): Redis when SAMPARK_REDIS_URL is
# set, else a table in the database (created by `sampark migrate`, core/apps.py).
REDIS_URL = env_str("SAMPARK_REDIS_URL", "")
if REDIS_URL:
    if urlsplit(REDIS_URL).scheme not in ("redis", "rediss", "unix"):
        raise ImproperlyConfigured(f"SAMPARK_REDIS_URL must be a redis://, rediss:// or unix:// URL, got {REDIS_URL!r}")
    CACHES["ratelimit"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                           "KEY_PREFIX": "sampark"}
else:
    CACHES["ratelimit"] = {"BACKEND": "sampark.core.ratecache.DatabaseCache", "LOCATION": "sampark_ratelimit",
                           # one row per address and endpoint a minute; the table is pruned past this many
                           "OPTIONS": {"MAX_ENTRIES": 100_000, "CULL_FREQUENCY": 4}}
RATELIMIT_USE_CACHE = "ratelimit"
# The reverse proxies in front of the web processes (comma-separated IPs or CIDRs): X-Forwarded-For is believed
# only when the request comes from one of them.
TRUSTED_PROXIES = []
for _proxy in env_str("SAMPARK_TRUSTED_PROXIES", "").replace(",", " ").split():
    try:
        TRUSTED_PROXIES.append(ipaddress.ip_network(_proxy, strict=False))
    except ValueError:
        raise ImproperlyConfigured(f"SAMPARK_TRUSTED_PROXIES: {_proxy!r} is not an IP address or CIDR range") from None

LANGUAGE_CODE = "hi"
LANGUAGES = [("hi", "हिन्दी"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Kolkata"

STATIC_URL = "/static/"
# Uploaded files (report screenshots): private, under the data folder, served only to staff.
MEDIA_ROOT = DATA_DIR / "media"
# Django chmods uploads to 0644 by default, whatever the umask: screenshots can show a supporter's chats.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
# Staff passwords: Django's four validators (length 10, not like the username, not a common one, not all digits).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_SECURE = _public.scheme == "https"
CSRF_COOKIE_SECURE = _public.scheme == "https"
SECURE_CONTENT_TYPE_NOSNIFF = True
if _public.scheme == "https":
    # Behind a TLS-terminating proxy, which must set X-Forwarded-Proto (docs/deploy.md); browsers remember HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SAMPARK_HSTS_SECONDS", 365 * 24 * 3600)
# Scripts only from this site or with the page's nonce (the one inline script, on the profile page); inline styles
# are allowed because the pages keep their small CSS inline to stay one request on a slow phone.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"], "script-src": ["'self'", NONCE], "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"], "object-src": ["'none'"], "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"], "form-action": ["'self'"],
    },
}

# Staff sign-in: a session ends after SAMPARK_SESSION_IDLE_MINUTES without a request (each request renews it).
SESSION_COOKIE_AGE = env_int("SAMPARK_SESSION_IDLE_MINUTES", 30, minimum=1) * 60
SESSION_SAVE_EVERY_REQUEST = True
LOGIN_URL = "staff-login"
LOGIN_REDIRECT_URL = "staff-home"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses while an account is locked out, counts failures
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("SAMPARK_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("SAMPARK_LOGIN_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours, as django-axes counts
# One address guessing one user's password is locked out; the same user from elsewhere is not, so that a guesser
# cannot lock a coordinator out of their own account.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/staff/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "sampark.core.ratelimit.client_ip"  # X-Forwarded-For only from SAMPARK_TRUSTED_PROXIES
OTP_TOTP_ISSUER = "Sampark"
X_FRAME_OPTIONS = "DENY"

# Largest request body accepted anywhere; webhooks cap lower (see telephony.views).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("SAMPARK_MAX_BODY_BYTES", 64 * 1024, minimum=1024)
HOOK_MAX_BODY_BYTES = env_int("SAMPARK_HOOK_MAX_BODY_BYTES", 16 * 1024, minimum=512)
# Largest supporters file the staff page accepts (/staff/supporters/import/); larger ones: `sampark supporters import`.
IMPORT_MAX_BYTES = env_int("SAMPARK_IMPORT_MAX_BYTES", 100 * 1024 * 1024, minimum=1024)
IMPORT_DIR = DATA_DIR / "imports"  # uploaded files while their import runs (deleted when it is done)

# --- Sampark's own settings -------------------------------------------------------------------------------
SMS_BACKEND = env_choice("SAMPARK_SMS_BACKEND", "file", ("file", "exotel", "msg91"))
SMS_OUTBOX_DIR = DATA_DIR / "outbox"
EXOTEL_SID = env_str("SAMPARK_EXOTEL_SID", "")
EXOTEL_API_KEY = env_str("SAMPARK_EXOTEL_API_KEY", "")
EXOTEL_API_TOKEN = env_str("SAMPARK_EXOTEL_API_TOKEN", "")
EXOTEL_SUBDOMAIN = env_str("SAMPARK_EXOTEL_SUBDOMAIN", "https://api.exotel.com")
MSG91_AUTHKEY = env_str("SAMPARK_MSG91_AUTHKEY", "")
MSG91_URL = env_str("SAMPARK_MSG91_URL", "https://control.msg91.com/api/v5/flow")
# MSG91 keeps its own id per DLT template: a JSON object {"<DLT template id>": "<MSG91 template id>"}.
try:
    MSG91_TEMPLATE_IDS = json.loads(env_str("SAMPARK_MSG91_TEMPLATE_IDS", "{}"))
except ValueError:
    raise ImproperlyConfigured("SAMPARK_MSG91_TEMPLATE_IDS must be a JSON object") from None
if not isinstance(MSG91_TEMPLATE_IDS, dict):
    raise ImproperlyConfigured("SAMPARK_MSG91_TEMPLATE_IDS must be a JSON object")
if SMS_BACKEND == "exotel" and not (EXOTEL_SID and EXOTEL_API_KEY and EXOTEL_API_TOKEN):
    raise ImproperlyConfigured(
        "SAMPARK_SMS_BACKEND=exotel needs SAMPARK_EXOTEL_SID, SAMPARK_EXOTEL_API_KEY, SAMPARK_EXOTEL_API_TOKEN"
    )
if SMS_BACKEND == "msg91" and not MSG91_AUTHKEY:
    raise ImproperlyConfigured("SAMPARK_SMS_BACKEND=msg91 needs SAMPARK_MSG91_AUTHKEY")

# Version of the consent notice a new supporter is shown (the missed-call number's IVR/SMS notice).
NOTICE_VERSION = env_str("SAMPARK_NOTICE_VERSION", "2026-11")


def env_names(name: str, default: str) -> list[str]:
    """Comma-separated names, each with at least two letters (an empty item is a typo, not a name)."""
    raw = env_str(name, default)
    names = [part.strip() for part in raw.split(",")]
    if not all(sum(ch.isalpha() for ch in part) >= 2 for part in names):
        raise ImproperlyConfigured(
            f"{name} must be comma-separated names of at least two letters each (e.g. 'Jan Andolan,जन आंदोलन,JA'); "
            f"got {raw!r}"
        )
    return names


# The movement's own names, English and Hindi, and short names: a message that speaks as one of them ("… official
# group", "… की ओर से") claims to be official (docs/trust.md, "Message checks"). The default is the demo's movement.
SAMPARK_MOVEMENT_NAMES = env_names("SAMPARK_MOVEMENT_NAMES", "Sampark Andolan,सम्पर्क आंदोलन")
# Allowed clock skew for signed generic webhooks.
HOOK_MAX_SKEW_SECONDS = env_int("SAMPARK_HOOK_MAX_SKEW_SECONDS", 300, minimum=1)
# Requests a minute one address may make to each public trust endpoint (verify, check-message, report a fake).
PUBLIC_RATE_LIMIT = f"{env_int('SAMPARK_PUBLIC_RATE_LIMIT', 60, minimum=1)}/m"
# Calls per intake transaction. SQLite's one worker goes faster with big batches; PostgreSQL's two workers with
# small ones: a new number in both workers' batches makes one wait for the other's commit (docs/intake.md).
INTAKE_BATCH_SIZE = env_int(
    "SAMPARK_INTAKE_BATCH_SIZE", 500 if _db["ENGINE"] == "django.db.backends.postgresql" else 5000, minimum=1
)
INTAKE_WORKERS = env_int("SAMPARK_INTAKE_WORKERS", 0, minimum=0)  # 0: 2 on PostgreSQL, 1 on SQLite

# --- The call-back desk (docs/callbacks.md) ------------------------------------------------------------------
# reveal: the claiming volunteer may see the number while the claim is open (audited); bridge: the provider rings
# the volunteer's own phone, then connects the supporter, and the volunteer never sees the number.
CALL_MODE = env_choice("SAMPARK_CALL_MODE", "reveal", ("reveal", "bridge"))
CLAIM_TIMEOUT_MINUTES = env_int("SAMPARK_CLAIM_TIMEOUT_MINUTES", 120, minimum=1)
CALLBACK_RETRY_HOURS = env_int("SAMPARK_CALLBACK_RETRY_HOURS", 4, minimum=1)
BRIDGE_BACKEND = env_choice("SAMPARK_BRIDGE_BACKEND", "file", ("file", "exotel", "twilio", "plivo"))
BRIDGE_CALLER_ID = env_str("SAMPARK_BRIDGE_CALLER_ID", "")  # the provider number both people see calling them
BRIDGE_OUTBOX_DIR = DATA_DIR / "outbox"
TWILIO_ACCOUNT_SID = env_str("SAMPARK_TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = env_str("SAMPARK_TWILIO_AUTH_TOKEN", "")
TWILIO_API_URL = env_str("SAMPARK_TWILIO_API_URL", "https://api.twilio.com")
PLIVO_AUTH_ID = env_str("SAMPARK_PLIVO_AUTH_ID", "")
PLIVO_AUTH_TOKEN = env_str("SAMPARK_PLIVO_AUTH_TOKEN", "")
PLIVO_API_URL = env_str("SAMPARK_PLIVO_API_URL", "https://api.plivo.com")
_BRIDGE_NEEDS = {
    "exotel": ("SAMPARK_EXOTEL_SID", "SAMPARK_EXOTEL_API_KEY", "SAMPARK_EXOTEL_API_TOKEN"),
    "twilio": ("SAMPARK_TWILIO_ACCOUNT_SID", "SAMPARK_TWILIO_AUTH_TOKEN"),
    "plivo": ("SAMPARK_PLIVO_AUTH_ID", "SAMPARK_PLIVO_AUTH_TOKEN"),
}
if CALL_MODE == "bridge" and BRIDGE_BACKEND != "file":
    _missing = [name for name in (*_BRIDGE_NEEDS[BRIDGE_BACKEND], "SAMPARK_BRIDGE_CALLER_ID")
                if not os.environ.get(name)]
    if _missing:
        raise ImproperlyConfigured(f"SAMPARK_BRIDGE_BACKEND={BRIDGE_BACKEND} needs {', '.join(_missing)}")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("SAMPARK_LOG_LEVEL", "INFO")},
}

CSRF_FAILURE_VIEW = "sampark.web.views.csrf_failure"
