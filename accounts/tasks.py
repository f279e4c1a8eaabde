"""Background work of accounts: the daily clean-up of sign-ups never confirmed, scheduled with
django-celery-beat (see accounts/migrations: the schedule row)."""

from celery import shared_task
from django.utils import timezone

from . import api


@shared_task
def delete_unconfirmed_accounts():
    return api.delete_unconfirmed_accounts(now=timezone.now())
