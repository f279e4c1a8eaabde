"""Editors reach the admin; the framework vocabularies are editable there in every language."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from content.models import Level

pytestmark = pytest.mark.django_db


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


@pytest.mark.parametrize("username, expected", [("admin", 200), ("editor", 200), ("learner", 302)])
def test_who_reaches_the_admin(client, username, expected):
    login(client, username)
    assert client.get(reverse("wagtailadmin_home")).status_code == expected


def test_level_edit_form_has_a_field_per_language(client, languages):
    login(client, "admin")
    level = Level.objects.get(code="B")
    response = client.get(reverse("wagtailsnippets_content_level:edit", args=[level.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for code in languages:
        assert f'name="name_{code}"' in body


def test_anonymous_is_sent_to_the_admin_login(client):
    response = client.get(reverse("wagtailsnippets_content_level:list"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
