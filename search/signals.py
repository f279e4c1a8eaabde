"""Indexing follows publishing: publish, unpublish, move and delete queue a task once the
change has committed. If the broker cannot take it, the index is updated in the request
instead (slower, never stale); `paused()` lets a bulk loader skip this and rebuild at the end."""

import logging
import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete
from kombu.exceptions import OperationalError
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import tasks
from .documents import searchable_models

logger = logging.getLogger(__name__)
_state = threading.local()


@contextmanager
def paused():
    _state.paused = getattr(_state, "paused", 0) + 1
    try:
        yield
    finally:
        _state.paused -= 1


def _queue(task, *args):
    if getattr(_state, "paused", 0):
        return

    def send():
        try:
            task.delay(*args)
        except (OperationalError, OSError):
            logger.warning("Search: broker unavailable, updating the index in the request")
            task.apply(args=args)

    transaction.on_commit(send)


def _is_searchable(page):
    return type(page) in searchable_models() or (
        getattr(page, "specific_class", None) in searchable_models()
    )


def _published(instance, **kwargs):
    if _is_searchable(instance):
        _queue(tasks.refresh_translation_groups, [str(instance.translation_key)])


def _moved(instance, **kwargs):
    _queue(tasks.refresh_moved_subtree, instance.pk)


def _deleted(instance, **kwargs):
    # every model of the page's inheritance chain sends post_delete: act on the most specific
    if isinstance(instance, Page) and type(instance) in searchable_models():
        _queue(tasks.remove_pages, [instance.pk], [str(instance.translation_key)])


def connect():
    page_published.connect(_published, dispatch_uid="search-published")
    page_unpublished.connect(_published, dispatch_uid="search-unpublished")
    post_page_move.connect(_moved, dispatch_uid="search-moved")
    post_delete.connect(_deleted, dispatch_uid="search-deleted")
