"""Settings shared by every environment. Secrets and servers come from the environment."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PONTES_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin
    "modeltranslation",
    "accounts",
    "content",
    "courses",
    "library",
    "network",
    "partners",
    "progress",
    "counselling",
    "search",
    "themes",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
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
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_celery_beat",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # refuses what no form accepts: nothing above reads the body, and CSRF reads POST only in
    # process_view, after every middleware's first half; after auth, so its page knows the user
    "themes.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # last, as django-axes asks: it turns a lockout into its own response
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'pontes.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database is written by the web server's threads and the Celery worker at
    # once: take the write lock when a transaction starts and wait for it (instead of failing
    # with "database is locked"), let readers go on while one writes (WAL), and in WAL mode
    # sync at checkpoints rather than at every commit (SQLite's recommended pairing).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Learners sign in by e-mail address; staff can still use their user name in the admin.
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "progress:dashboard"
LOGOUT_REDIRECT_URL = "/"
AUTHENTICATION_BACKENDS = [
    # first, as django-axes asks: it refuses a locked-out user name before any password check
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Rate-limited logins: lock a user name from one address after repeated failures. Locking by
# address alone would shut out a whole job centre or school behind one address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "accounts.backends.axes_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# --- Languages: this one list feeds Django, Wagtail and modeltranslation. Adding a seventh
# language is a line here and a PO file in locale/.
PONTES_LANGUAGES = [
    ("en", "English"),
    ("pt", "Português"),
    ("nl", "Nederlands"),
    ("sv", "Svenska"),
    ("fi", "Suomi"),
    ("bg", "Български"),
]
LANGUAGE_CODE = "en"
LANGUAGES = PONTES_LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = PONTES_LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = PONTES_LANGUAGES
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in PONTES_LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("PONTES_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The largest request body read at all: the largest upload (a library document, 20 MB) and room
# for the rest of its form. themes.middleware refuses longer ones unread.
PONTES_MAX_REQUEST_BYTES = int(os.environ.get("PONTES_MAX_REQUEST_MB", "25")) * 1024 * 1024

WAGTAIL_SITE_NAME = "Pontes"
WAGTAILADMIN_BASE_URL = os.environ.get("PONTES_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Wagtail's own background jobs (reference index, search index updates) run in-process.
# See docs/decisions/0002-background-work.md for why this is not routed to Celery yet.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Celery. Embedded default: kombu's filesystem broker, no server needed.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(VAR_DIR / "celery" / "queue"),
        "data_folder_out": str(VAR_DIR / "celery" / "queue"),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        # kombu's default is ./control, which would litter the checkout
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
    if CELERY_BROKER_URL == "filesystem://"
    else {}
)
# The folders must exist before anything is queued (the demo loader queues e-mails and PDFs).
for _folder in (
    CELERY_BROKER_TRANSPORT_OPTIONS.get("data_folder_in", ""),
    CELERY_BROKER_TRANSPORT_OPTIONS.get("processed_folder", ""),
    CELERY_BROKER_TRANSPORT_OPTIONS.get("control_folder", ""),
):
    if _folder:
        Path(_folder).mkdir(parents=True, exist_ok=True)
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Schedules live in the database (django-celery-beat), editable in the Django admin models;
# counselling's migrations add its daily e-mail runs.
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# A TTF font with Latin and Cyrillic for certificate PDFs; empty: look in common system paths.
PONTES_CERTIFICATE_FONT = os.environ.get("PONTES_CERTIFICATE_FONT", "")

# --- Search (search/backends): tantivy on disk by default; "search.backends.whoosh" is the
# pure-Python fallback, "search.backends.postgres" needs PostgreSQL.
PONTES_SEARCH = {
    "BACKEND": os.environ.get("PONTES_SEARCH_BACKEND", "search.backends.tantivy"),
    "PATH": Path(os.environ.get("PONTES_SEARCH_PATH", VAR_DIR / "search")),
}

# --- Counselling: a client with an open assignment and no activity for this many days shows as
# stalled on the caseload (a counsellor may pick another number on the page).
PONTES_STALLED_DAYS = int(os.environ.get("PONTES_STALLED_DAYS", "14"))

# A Network post publishes the revision its moderator approved (network/finish.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "network.finish.publish_reviewed_revision"
