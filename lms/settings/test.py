"""Tests: eager Celery, fast hashing, an in-memory database unless DATABASE_URL says otherwise."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import DATABASES

SECRET_KEY = "test-only-not-secret-pontes"  # noqa: S105 - test settings only
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
MEDIA_ROOT = tempfile.mkdtemp(prefix="pontes-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="pontes-test-static-")
if "DATABASE_URL" not in os.environ:
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PONTES_SEARCH = {
    "BACKEND": "search.backends.tantivy",
    "PATH": tempfile.mkdtemp(prefix="pontes-test-search-"),
}
