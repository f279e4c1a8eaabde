"""Benchmarks (`benchmarks/`): the production settings, served over plain HTTP on loopback.

Everything that changes what a request costs stays as in production (DEBUG off, manifest static
files, the same middleware); only what needs TLS, a real secret or servers is switched off.
The database must be a throwaway one named by DATABASE_URL: the harness makes it."""

import os

from django.core.exceptions import ImproperlyConfigured

if "DATABASE_URL" not in os.environ:
    raise ImproperlyConfigured("Set DATABASE_URL to a throwaway database (benchmarks do).")
# production refuses to start without a secret; the harness passes a fresh one per run
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-not-secret-pontes-throwaway-key")

from .production import *  # noqa: E402, F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
SECURE_PROXY_SSL_HEADER = None
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# No broker on a benchmark machine: tasks run in the request, so their cost is measured too.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
