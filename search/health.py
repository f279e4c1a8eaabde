"""Whether the configured on-disk index exists: a missing one is not created by a publish
(it would hold only that page); search falls back to the database until a rebuild."""

from pathlib import Path

from django.conf import settings

ON_DISK = {"search.backends.tantivy", "search.backends.whoosh"}


def index_exists():
    config = getattr(settings, "PONTES_SEARCH", {})
    if config.get("BACKEND", "search.backends.tantivy") not in ON_DISK:
        return True
    path = config.get("PATH")
    return path is None or (Path(path).is_dir() and any(Path(path).iterdir()))
