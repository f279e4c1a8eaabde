"""Search backends behind one interface; `get_backend()` returns the configured one.

The setting is `PONTES_SEARCH = {"BACKEND": "search.backends.tantivy", "PATH": <dir>}`."""

from importlib import import_module

from django.conf import settings

DEFAULT_BACKEND = "search.backends.tantivy"


def get_backend(*, backend=None, path=None):
    """A new backend instance; `backend` and `path` override the setting (tests use tmp_path)."""
    config = getattr(settings, "PONTES_SEARCH", {})
    module = import_module(backend or config.get("BACKEND", DEFAULT_BACKEND))
    return module.Backend(path=path or config.get("PATH"))
