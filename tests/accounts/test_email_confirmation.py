"""A new account signs in only once its owner opens the link we e-mail; signing up with an
address that has an account looks exactly the same to the visitor, and tells only the owner."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation

from accounts import api
from accounts.constants import GuardianConsent
from tests.accounts.helpers import PASSWORD, born_years_ago, mail_to, paths_in

pytestmark = pytest.mark.django_db

User = get_user_model()


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"accounts:{name}", kwargs=kwargs)


def confirmation_link(user, now=None):
    token = api.email_confirmation_token(user, now or timezone.now())
    return url("confirm_email", token=token)


def log_in(client, email, password=PASSWORD):
    return client.post(
        url("login"), {"username": email, "password": password}, REMOTE_ADDR="192.0.2.9"
    )


@pytest.fixture
def sign_up(client, signup_data, django_capture_on_commit_callbacks):
    def post(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url("signup"), signup_data(**overrides))

    return post


def test_a_new_account_cannot_sign_in_before_its_address_is_confirmed(client, sign_up):
    sign_up()
    unconfirmed = log_in(client, "noa@example.org")
    unknown = log_in(client, "nobody@example.org")
    assert unconfirmed.status_code == 200
    assert (
        unconfirmed.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()
    )
    assert "_auth_user_id" not in client.session


def test_the_confirmation_email_is_in_the_learners_language(sign_up):
    sign_up(language="fi")
    message = mail_to("noa@example.org")
    with translation.override("fi"):
        subject = translation.gettext("Confirm your e-mail address for Pontes")
    assert message.subject == subject
    (link,) = paths_in(message)
    assert link.startswith("/fi/account/confirm/")


def test_opening_the_link_shows_a_button_and_confirms_nothing(client, sign_up):
    sign_up()
    (link,) = paths_in(mail_to("noa@example.org"))
    response = client.get(link)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'method="post"' in body
    with translation.override(link.split("/")[1]):
        assert translation.gettext("Confirm my e-mail address") in body
    assert User.objects.get(email="noa@example.org").email_confirmed_at is None
    assert "_auth_user_id" not in client.session


def test_confirming_signs_in_and_welcomes_in_the_preferred_language(client, sign_up):
    sign_up(language="pt")
    (link,) = paths_in(mail_to("noa@example.org"))
    response = client.post(link)
    user = User.objects.get(email="noa@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/pt/account/welcome/"
    assert response.cookies["django_language"].value == "pt"
    assert user.email_confirmed_at is not None
    assert int(client.session["_auth_user_id"]) == user.id


def test_a_confirmed_learner_signs_in_with_the_password(client, sign_up):
    sign_up()
    user = User.objects.get(email="noa@example.org")
    api.confirm_email(user_id=user.id, now=timezone.now())
    assert log_in(client, "NOA@example.org").status_code == 302
    assert int(client.session["_auth_user_id"]) == user.id


def test_a_used_link_signs_no_one_in(client, make_learner):
    user = make_learner()
    link = confirmation_link(user)
    client.post(link)
    client.logout()
    response = client.post(link)
    assert response.status_code == 200
    assert "Your e-mail address is confirmed" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_expired_link_is_refused(client, make_learner):
    user = make_learner()
    old = confirmation_link(user, timezone.now() - api.EMAIL_LINK_MAX_AGE - timedelta(minutes=1))
    assert client.get(old).status_code == 410
    assert client.post(old).status_code == 410
    user.refresh_from_db()
    assert user.email_confirmed_at is None
    assert "_auth_user_id" not in client.session


def test_a_link_just_inside_three_days_still_works(client, make_learner):
    user = make_learner()
    recent = confirmation_link(user, timezone.now() - api.EMAIL_LINK_MAX_AGE + timedelta(minutes=5))
    assert client.post(recent).status_code == 302


def test_a_tampered_link_is_refused(client, make_learner):
    user = make_learner()
    token = api.email_confirmation_token(user, timezone.now())
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    response = client.post(url("confirm_email", token=forged))
    assert response.status_code == 404
    user.refresh_from_db()
    assert user.email_confirmed_at is None
    assert "_auth_user_id" not in client.session


def test_a_link_moved_to_another_account_is_refused(client, make_learner):
    user = make_learner()
    other = make_learner(email="kai@example.org")
    token = api.email_confirmation_token(user, timezone.now())
    moved = f"{other.id}.{token.split('.', 1)[1]}"
    assert client.post(url("confirm_email", token=moved)).status_code == 404
    other.refresh_from_db()
    assert other.email_confirmed_at is None


def test_a_link_for_an_earlier_address_is_refused(client, make_learner):
    user = make_learner()
    link = confirmation_link(user)
    User.objects.filter(id=user.id).update(email="mia.new@example.org")
    assert client.post(link).status_code == 404


def test_the_link_does_not_carry_the_address(make_learner):
    user = make_learner()
    token = api.email_confirmation_token(user, timezone.now())
    # `<id>.<payload>:<timestamp>:<signature>`: the signed parts are random-looking text that
    # may spell anything, so the payload itself is read: it holds the issue time and no more
    user_id, signed = token.split(".", 1)
    payload = json.loads(signing.b64_decode(signed.split(":")[0].encode()))
    assert user_id == str(user.id)
    assert list(payload) == ["issued"] and isinstance(payload["issued"], int)


def test_a_young_learner_confirms_and_still_waits_for_the_guardian(client, sign_up):
    sign_up(
        date_of_birth=born_years_ago(14).isoformat(),
        country="DE",
        language="en",
        guardian_email="parent@example.org",
    )
    (link,) = paths_in(mail_to("noa@example.org"))
    client.post(link)
    user = User.objects.get(email="noa@example.org")
    assert user.email_confirmed_at is not None
    assert user.guardian_consent == GuardianConsent.PENDING
    assert not api.can_record_progress(user)


def test_an_address_with_an_account_gets_exactly_the_same_answer(
    client, make_learner, signup_data, django_capture_on_commit_callbacks
):
    make_learner(email="mia@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post(url("signup"), signup_data(email="noa@example.org"))
        taken = client.post(url("signup"), signup_data(email="MIA@Example.org"))
    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert taken["Location"] == url("signup_done", "pt")
    assert sorted(taken.cookies) == sorted(new.cookies)


def test_an_address_with_an_account_creates_nothing_and_shows_no_error(
    client, make_learner, signup_data, django_capture_on_commit_callbacks
):
    existing = make_learner(email="mia@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("signup"),
            signup_data(email="MIA@Example.org", display_name="Someone", language="en"),
            follow=True,
        )
    body = response.content.decode()
    assert User.objects.filter(email__iexact="mia@example.org").count() == 1
    assert "already" not in body
    assert 'class="error-summary"' not in body
    assert "Check your e-mail" in body
    unchanged = User.objects.get(id=existing.id)
    assert (unchanged.display_name, unchanged.password) == ("Mia", existing.password)
    assert "_auth_user_id" not in client.session


def test_the_owner_is_told_someone_tried_with_links_to_sign_in_and_reset(make_learner, sign_up):
    owner = make_learner(email="mia@example.org", language="nl")
    api.confirm_email(user_id=owner.id, now=timezone.now())
    sign_up(email="mia@example.org")
    message = mail_to("mia@example.org")
    with translation.override("nl"):
        subject = translation.gettext(
            "Someone tried to create a Pontes account with your e-mail address"
        )
    assert message.subject == subject
    assert paths_in(message) == [url("login", "nl"), url("password_reset", "nl")]
    assert len(mail.outbox) == 1


def test_an_unconfirmed_owner_is_sent_a_password_link_that_confirms_the_address(
    client, make_learner, sign_up
):
    owner = make_learner(email="mia@example.org")
    sign_up(email="mia@example.org")
    reset_link, login_link = paths_in(mail_to("mia@example.org"))
    assert login_link == url("login")
    form_page = client.get(reset_link, follow=True)
    assert form_page.context["validlink"]
    new_password = "quiet-harbour-91-Moss"
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    owner.refresh_from_db()
    assert owner.email_confirmed_at is not None
    assert log_in(client, "mia@example.org", new_password).status_code == 302


def test_a_password_reset_confirms_an_unconfirmed_address(client, make_learner):
    user = make_learner()
    client.post(url("password_reset"), {"email": "mia@example.org"})
    (link,) = paths_in(mail_to("mia@example.org"))
    form_page = client.get(link, follow=True)
    new_password = "quiet-harbour-91-Moss"
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    user.refresh_from_db()
    assert user.email_confirmed_at is not None


def test_the_check_your_email_page_offers_to_send_again(client):
    body = client.get(url("signup_done")).content.decode()
    assert "Sign up again with the same address" in body
    assert f'href="{url("signup")}"' in body
