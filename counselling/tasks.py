"""Background work of counselling: the e-mails. The daily tasks are scheduled with
django-celery-beat (see counselling/migrations: the schedule rows)."""

import logging

from celery import shared_task
from django.utils import timezone
from kombu.exceptions import OperationalError

from . import notices

logger = logging.getLogger(__name__)


@shared_task
def send_assignment_notices(assignment_ids):
    return notices.send_assignment_notices(assignment_ids=assignment_ids, now=timezone.now())


@shared_task
def send_reminders():
    return notices.send_reminders(now=timezone.now())


@shared_task
def send_digests():
    return notices.send_digests(now=timezone.now())


def queue_assignment_notices(assignment_ids):
    """Called after the assignment commits. A broker that is down loses nothing: the daily
    reminder run sends any new-assignment notice that did not go."""
    if not assignment_ids:
        return
    try:
        send_assignment_notices.delay(list(assignment_ids))
    except (OperationalError, OSError):
        logger.exception("Could not queue the notices of %s assignments", len(assignment_ids))
