"""Every account page renders, extends the site template and speaks the reader's language."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

PUBLIC = [
    "signup",
    "signup_done",
    "login",
    "privacy",
    "password_reset",
    "password_reset_done",
    "deleted",
]
PRIVATE = ["profile", "welcome", "delete", "password_change", "password_change_done"]


@pytest.mark.parametrize("name", PUBLIC + PRIVATE)
@pytest.mark.parametrize("language", ["en", "bg"])
def test_account_page_renders_in_the_readers_language(client, name, language):
    if name in PRIVATE:
        client.force_login(get_user_model().objects.get(username="learner"))
    with translation.override(language):
        url = reverse(f"accounts:{name}")
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()
    assert "base.html" in [template.name for template in response.templates]


@pytest.mark.parametrize("name", PRIVATE)
def test_private_pages_need_a_login(client, name):
    response = client.get(reverse(f"accounts:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
