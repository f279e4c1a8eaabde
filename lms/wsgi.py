"""The WSGI entry point (`gunicorn lms.wsgi`).

Once the application and its URLs are loaded, everything in memory lives as long as the worker,
so it is frozen out of the garbage collector's reach (`gc.freeze`): otherwise every full
collection walks those few hundred thousand objects again, a pause of about a tenth of a second
that lands on whichever request happens to trigger it."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")

application = get_wsgi_application()


def _load_urls():
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module now, not mid-request


_load_urls()
gc.freeze()
