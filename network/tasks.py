"""Background work of the Network: the daily deletion of logos no profile uses, scheduled with
django-celery-beat (see network/migrations: the schedule row)."""

from celery import shared_task
from django.utils import timezone

from . import api


@shared_task
def delete_unused_logos():
    return api.delete_unused_logos(now=timezone.now())
