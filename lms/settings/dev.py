"""Local development: the embedded defaults, no server needed."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
SECRET_KEY = "dev-only-not-secret-pontes"  # noqa: S105 - development settings only
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
VAR_DIR.mkdir(parents=True, exist_ok=True)
