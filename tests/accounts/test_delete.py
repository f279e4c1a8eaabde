"""Learners delete their own account, with a confirmation, and it takes everything with it."""

import pytest
from axes.models import AccessLog
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_the_confirmation_page_deletes_nothing(client, make_learner):
    user = make_learner()
    client.force_login(user)
    assert client.get(reverse("accounts:delete")).status_code == 200
    assert get_user_model().objects.filter(id=user.id).exists()


def test_deleting_needs_the_box_ticked(client, make_learner):
    user = make_learner()
    client.force_login(user)
    response = client.post(reverse("accounts:delete"), {})
    assert response.context["form"].has_error("confirm")
    assert get_user_model().objects.filter(id=user.id).exists()


def test_delete_account_removes_it_and_its_sign_in_records(client, make_learner):
    user = make_learner()
    AccessLog.objects.create(
        username="Mia@Example.org", ip_address="192.0.2.1", attempt_time=timezone.now()
    )
    client.force_login(user)
    response = client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert response["Location"] == reverse("accounts:deleted")
    assert not get_user_model().objects.filter(id=user.id).exists()
    assert not AccessLog.objects.filter(username__iexact="mia@example.org").exists()
    assert "_auth_user_id" not in client.session


def test_staff_accounts_are_not_deleted_here(client):
    editor = get_user_model().objects.get(username="editor")
    client.force_login(editor)
    response = client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert response.status_code == 200
    assert get_user_model().objects.filter(id=editor.id).exists()


def test_deleting_needs_post_and_login(client):
    assert client.post(reverse("accounts:delete"), {"confirm": "on"}).status_code == 302
    assert get_user_model().objects.filter(username="learner").exists()
