"""Learners sign in with their e-mail address; failures never tell whether an account exists."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from courses.models import ModulePage

pytestmark = pytest.mark.django_db


def login_url(language="en"):
    with translation.override(language):
        return reverse("accounts:login")


def attempt(client, email, password, **extra):
    return client.post(
        login_url(), {"username": email, "password": password, **extra}, REMOTE_ADDR="192.0.2.5"
    )


def learner():
    return get_user_model().objects.get(username="learner")


@pytest.mark.parametrize("email", ["learner@pontes.example", "LEARNER@Pontes.Example"])
def test_login_by_email_in_any_case(client, email):
    response = attempt(client, email, "pontes-learner")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == learner().id


def test_default_redirect_is_the_learners_dashboard(client):
    response = attempt(client, "learner@pontes.example", "pontes-learner")
    assert response["Location"] == reverse("progress:dashboard")


def error_text(response):
    return response.context["form"].non_field_errors()


def test_wrong_password_and_unknown_email_give_the_same_message(client):
    wrong_password = attempt(client, "learner@pontes.example", "not-the-password")
    unknown = attempt(client, "nobody@pontes.example", "not-the-password")
    assert wrong_password.status_code == unknown.status_code == 200
    assert error_text(wrong_password) == error_text(unknown)
    assert len(error_text(unknown)) == 1
    assert "_auth_user_id" not in client.session


def test_the_typed_address_is_kept_after_a_failure(client):
    body = attempt(client, "learner@pontes.example", "nope").content.decode()
    assert 'value="learner@pontes.example"' in body
    assert 'aria-describedby="form-errors"' in body


def test_an_inactive_account_gets_the_same_message(client):
    get_user_model().objects.filter(username="learner").update(is_active=False)
    inactive = attempt(client, "learner@pontes.example", "pontes-learner")
    unknown = attempt(client, "nobody@pontes.example", "pontes-learner")
    assert error_text(inactive) == error_text(unknown)


def test_an_unconfirmed_address_gets_the_same_message(client):
    get_user_model().objects.filter(username="learner").update(email_confirmed_at=None)
    unconfirmed = attempt(client, "learner@pontes.example", "pontes-learner")
    unknown = attempt(client, "nobody@pontes.example", "pontes-learner")
    assert unconfirmed.status_code == 200
    assert error_text(unconfirmed) == error_text(unknown)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("username", ["admin", "editor", "learner", "counsellor"])
def test_demo_accounts_sign_in_by_email(client, username):
    user = get_user_model().objects.get(username=username)
    response = attempt(client, user.email, f"pontes-{username}")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.id


def test_staff_sign_in_without_a_confirmed_address(client):
    staff = get_user_model().objects.create_user(
        "made-by-admin", email="staff@example.org", password="a-long-staff-passphrase"
    )
    get_user_model().objects.filter(id=staff.id).update(is_staff=True)
    assert attempt(client, "staff@example.org", "a-long-staff-passphrase").status_code == 302


def test_learner_logins_are_rate_limited_too(client):
    for _ in range(5):
        attempt(client, "learner@pontes.example", "wrong-password")
    assert attempt(client, "learner@pontes.example", "pontes-learner").status_code == 429


def test_login_lands_in_the_preferred_language(client):
    get_user_model().objects.filter(username="learner").update(preferred_language="sv")
    with translation.override("en"):
        profile = reverse("accounts:profile")
    response = attempt(client, "learner@pontes.example", "pontes-learner", next=profile)
    assert response["Location"] == "/sv/account/profile/"
    assert response.cookies["django_language"].value == "sv"


def test_login_to_a_page_lands_on_its_translation(client):
    module = ModulePage.objects.live().filter(locale__language_code="en").first()
    swedish = module.get_translations().get(locale__language_code="sv")
    get_user_model().objects.filter(username="learner").update(preferred_language="sv")
    response = attempt(client, "learner@pontes.example", "pontes-learner", next=module.url)
    assert response["Location"] == swedish.url


def test_pages_that_need_a_login_send_to_the_learners_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(login_url() + "?next=")


def test_logout_requires_post(client):
    client.force_login(learner())
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_changing_the_case_does_not_escape_the_rate_limit(client, settings):
    settings.AXES_USERNAME_CALLABLE = "accounts.backends.axes_username"
    for email in ["learner@pontes.example", "LEARNER@pontes.example", "Learner@Pontes.example"]:
        attempt(client, email, "wrong-password")
        attempt(client, email.swapcase(), "wrong-password")
    assert attempt(client, "learner@pontes.example", "pontes-learner").status_code == 429
