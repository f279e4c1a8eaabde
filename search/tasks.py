"""Index updates run in the worker after the change commits (signals.py queues them)."""

from celery import shared_task

from . import indexing


@shared_task
def refresh_translation_groups(translation_keys):
    return indexing.refresh(translation_keys=translation_keys)


@shared_task
def remove_pages(page_ids, translation_keys):
    indexing.remove(page_ids=page_ids)
    return indexing.refresh(translation_keys=translation_keys)


@shared_task
def refresh_moved_subtree(page_id):
    return indexing.refresh_subtree(page_id=page_id)
