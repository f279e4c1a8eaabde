"""Keeping the index in step with what is published.

Work is per translation group (every language version of one page shares a `translation_key`):
whether a page is shown to readers of another language depends on whether that language has a
live version of its own, so publishing a translation refreshes its whole group."""

import logging
import shutil
from pathlib import Path

from wagtail.models import Page

from .backends import forget_shared, get_backend, shared_backend
from .documents import document_for, key_of, searchable_models
from .health import index_exists

logger = logging.getLogger(__name__)
BATCH = 500


def _searchable(queryset):
    models = searchable_models()
    return queryset.filter(content_type__model__in=[m._meta.model_name for m in models]).filter(
        content_type__app_label__in={m._meta.app_label for m in models}
    )


def _documents(pages):
    """Documents for these pages (specific, any state), and the keys of those not to show."""
    pages = list(pages)
    live = [page for page in pages if page.live and _public(page)]
    languages = {}
    for page in live:
        languages.setdefault(page.translation_key, set()).add(page.locale.language_code)
    all_languages = _languages()
    documents = []
    for page in live:
        mine = page.locale.language_code
        others = languages[page.translation_key]
        shown_in = {mine} | {code for code in all_languages if code not in others}
        documents.append(document_for(page, shown_in=shown_in))
    gone = [key_of(page.pk) for page in pages if page not in live]
    return documents, gone


def _public(page):
    """Pages behind a password or a login are not searchable by everyone: left out."""
    return not page.get_view_restrictions().exists()


def _languages():
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def refresh(*, translation_keys, backend=None):
    """Index the live, public versions of these translation groups; remove the others. With
    no index built yet nothing is written: `rebuild_search_index` builds it whole."""
    if backend is None and not index_exists():
        logger.warning("Search index missing: run manage.py rebuild_search_index")
        return 0
    backend = backend or shared_backend()
    pages = (
        _searchable(Page.objects.filter(translation_key__in=set(translation_keys)))
        .select_related("locale")
        .specific()
    )
    documents, gone = _documents(pages)
    if gone:
        backend.delete(gone)
    if documents:
        backend.index(documents)
    return len(documents)


def remove(*, page_ids, backend=None):
    if backend is None and not index_exists():
        return
    (backend or shared_backend()).delete([key_of(page_id) for page_id in page_ids])


def refresh_subtree(*, page_id, backend=None):
    """After a move: every page below (and including) this one has a new URL."""
    root = Page.objects.filter(pk=page_id).first()
    if root is None:
        return 0
    keys = set(
        _searchable(Page.objects.descendant_of(root, inclusive=True)).values_list(
            "translation_key", flat=True
        )
    )
    return refresh(translation_keys=keys, backend=backend)


def rebuild(*, backend=None, progress=None):
    """Empty the index and index every live, public, searchable page. Returns the count.
    An on-disk index that cannot even be opened or emptied is deleted and made anew."""
    if backend is None:
        try:
            backend = get_backend()
            backend.clear()
        except Exception:
            logger.warning("Search index unreadable: deleting it and starting again", exc_info=True)
            forget_shared()
            _delete_index_folder()
            backend = get_backend()
    backend.clear()
    keys = list(
        _searchable(Page.objects.live())
        .order_by("translation_key")
        .values_list("translation_key", flat=True)
        .distinct()
    )
    count = 0
    for start in range(0, len(keys), BATCH):
        batch = keys[start : start + BATCH]
        count += refresh(translation_keys=batch, backend=backend)
        if progress:
            progress.update(len(batch))
    forget_shared()  # the next search opens what was just built
    return count


def _delete_index_folder():
    from django.conf import settings

    path = getattr(settings, "PONTES_SEARCH", {}).get("PATH")
    if path and Path(path).is_dir():
        shutil.rmtree(path)


def total_groups():
    return _searchable(Page.objects.live()).values("translation_key").distinct().count()
