"""Sign-ups never confirmed are deleted after UNCONFIRMED_ACCOUNT_MAX_AGE, every day; nothing
else is."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from accounts import api, tasks

pytestmark = pytest.mark.django_db

NOW = timezone.now()
OLD = NOW - api.UNCONFIRMED_ACCOUNT_MAX_AGE - timedelta(minutes=1)
RECENT = NOW - api.UNCONFIRMED_ACCOUNT_MAX_AGE + timedelta(minutes=1)


def exists(user):
    return get_user_model().objects.filter(id=user.id).exists()


def test_an_old_sign_up_never_confirmed_goes_with_its_sign_in_records(make_learner):
    old = make_learner(email="old@example.org", now=OLD)
    AccessAttempt.objects.create(
        username="old@example.org", ip_address="192.0.2.1", failures_since_start=1
    )
    recent = make_learner(email="recent@example.org", now=RECENT)
    confirmed = make_learner(email="confirmed@example.org", now=OLD)
    api.confirm_email(user_id=confirmed.id, now=OLD)
    assert api.delete_unconfirmed_accounts(now=NOW) == 1
    assert not exists(old)
    assert not AccessAttempt.objects.filter(username="old@example.org").exists()
    assert exists(recent) and exists(confirmed)
    assert api.delete_unconfirmed_accounts(now=NOW) == 0


def test_accounts_an_administrator_made_and_staff_stay(make_learner):
    staff = make_learner(email="editor@example.org", now=OLD)
    get_user_model().objects.filter(id=staff.id).update(is_staff=True)
    made_by_admin = get_user_model().objects.create_user(
        "counsellor-to-be", email="c@example.org", date_joined=OLD
    )
    assert made_by_admin.email_confirmed_at is None
    assert api.delete_unconfirmed_accounts(now=NOW) == 0
    assert exists(staff) and exists(made_by_admin)


def test_the_task_runs_daily_and_the_privacy_notice_says_so(client, make_learner):
    from django_celery_beat.models import PeriodicTask

    schedule = PeriodicTask.objects.get(task="accounts.tasks.delete_unconfirmed_accounts")
    assert schedule.enabled and schedule.crontab.hour == "3"
    old = make_learner(email="old@example.org", now=OLD)
    assert tasks.delete_unconfirmed_accounts.apply().get() == 1
    assert not exists(old)
    body = client.get(reverse("accounts:privacy")).content.decode()
    assert f"we delete the account {api.UNCONFIRMED_ACCOUNT_MAX_AGE.days} days after" in body
