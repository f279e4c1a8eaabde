"""Logins are rate-limited per user name and address, never per address alone."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_failures_lock_that_user_name_from_that_address(client):
    for _ in range(4):
        assert attempt(client, "admin", "wrong-password").status_code == 200
    assert attempt(client, "admin", "wrong-password").status_code == 429
    locked = attempt(client, "admin", "pontes-admin")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_speaks_the_readers_language(client):
    for _ in range(5):
        attempt(client, "admin", "wrong-password")
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "admin", "password": "pontes-admin"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 429
    with translation.override("fi"):
        title = translation.gettext("Too many attempts")
    assert title != "Too many attempts"
    assert title in response.content.decode()


def test_a_colleague_behind_the_same_address_can_still_log_in(client):
    for _ in range(5):
        attempt(client, "admin", "wrong-password")
    response = attempt(client, "editor", "pontes-editor")
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_the_same_user_from_another_address_is_not_locked(client):
    for _ in range(5):
        attempt(client, "admin", "wrong-password")
    assert attempt(client, "admin", "pontes-admin", address="198.51.100.9").status_code == 302
