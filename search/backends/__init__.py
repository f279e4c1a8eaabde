"""Search backends behind one interface; `get_backend()` returns the configured one.

The setting is `PONTES_SEARCH = {"BACKEND": "search.backends.tantivy", "PATH": <dir>}`."""

import threading
from importlib import import_module

from django.conf import settings

DEFAULT_BACKEND = "search.backends.tantivy"


def get_backend(*, backend=None, path=None):
    """A new backend instance; `backend` and `path` override the setting (tests use tmp_path)."""
    config = getattr(settings, "PONTES_SEARCH", {})
    module = import_module(backend or config.get("BACKEND", DEFAULT_BACKEND))
    return module.Backend(path=path or config.get("PATH"))


_shared = {}
_lock = threading.Lock()


def shared_backend():
    """The configured backend, opened once per process and setting: opening the tantivy index
    and registering its analyzers cost more than a query. A searcher sees what another process
    (the worker) committed, so keeping it open does not make results stale."""
    config = getattr(settings, "PONTES_SEARCH", {})
    key = (config.get("BACKEND", DEFAULT_BACKEND), str(config.get("PATH")))
    with _lock:
        if key not in _shared:
            _shared[key] = get_backend()
        return _shared[key]


def forget_shared():
    """Drop the kept instances (after an index folder was deleted and made anew)."""
    with _lock:
        _shared.clear()
