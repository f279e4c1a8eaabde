"""Values read off the live page tree (menus, lesson counts) and the framework's levels and
areas, cached until they change.

What readers see of them changes only when a page is published, unpublished, moved or deleted,
or a level or area is saved; each of those bumps a generation number, and every cached value is
stored under the generation it was computed in. With Redis as the cache (production with
REDIS_URL) every process sees the bump at once. With a per-process cache (the embedded default)
the bump reaches only the process that made the change, so values also expire after
PAGECACHE_SECONDS: another worker shows a changed menu at most that much later. Saving a site
(its host names, its root page) bumps the generation too. Lessons
themselves are never served from this cache."""

import itertools
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "pontes:pagecache:generation"
PAGECACHE_SECONDS = 300
_counter = itertools.count()


def generation():
    current = cache.get(GENERATION_KEY)
    if current is None:
        current = _new_generation()
        cache.add(GENERATION_KEY, current, None)
        current = cache.get(GENERATION_KEY, current)
    return current


def cached(name, build):
    """`build()`'s value, computed at most once per generation (and per PAGECACHE_SECONDS)."""
    key = f"pontes:pagecache:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, PAGECACHE_SECONDS)
    return value


def bump():
    """Forget every cached value; after the transaction commits, or at once outside one."""
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, _new_generation(), None))


def _new_generation():
    return f"{time.time_ns()}-{next(_counter)}"


def _changed(instance=None, **kwargs):
    if isinstance(instance, Page):
        bump()


def _vocabulary_changed(**kwargs):
    bump()


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid=f"pagecache-{id(signal)}")
    # every model of a page's inheritance chain sends post_delete; any Page instance counts
    post_delete.connect(_changed, dispatch_uid="pagecache-delete")
    # the framework's levels and areas label pages and facets: cached with them
    from wagtail.models import Site

    from .models import CompetenceArea, Level

    # ... and a site's host names and root page decide which menu a request gets
    for model in (Level, CompetenceArea, Site):
        post_save.connect(_vocabulary_changed, sender=model, dispatch_uid=f"pagecache-{model}")
        post_delete.connect(_vocabulary_changed, sender=model, dispatch_uid=f"pagecache-d-{model}")
