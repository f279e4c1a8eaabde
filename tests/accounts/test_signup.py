"""Sign-up: learners confirm their address, young learners also wait for a guardian, children
are refused."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts import api
from accounts.constants import DIGITAL_CONSENT_AGE, PRIVACY_NOTICE_VERSION, GuardianConsent
from tests.accounts.helpers import born_years_ago, mail_to, paths_in

pytestmark = pytest.mark.django_db

User = get_user_model()


def signup_url(language="en"):
    with translation.override(language):
        return reverse("accounts:signup")


def test_adult_signs_up_and_is_asked_to_check_their_email(client, signup_data):
    response = client.post(signup_url(), signup_data())
    user = User.objects.get(email="noa@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/pt/account/signup/check-your-email/"
    assert "_auth_user_id" not in client.session
    assert user.email_confirmed_at is None
    assert user.guardian_consent == GuardianConsent.NOT_NEEDED
    assert user.age_band == "25-34"
    assert user.preferred_language == "pt"
    assert user.privacy_notice_version == PRIVACY_NOTICE_VERSION
    assert user.privacy_accepted_at is not None
    assert user.guardian_email == ""
    assert api.can_record_progress(user)


def test_minor_account_waits_for_a_guardian(
    client, signup_data, django_capture_on_commit_callbacks
):
    data = signup_data(
        date_of_birth=born_years_ago(14).isoformat(),
        country="DE",
        guardian_email="parent@example.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(signup_url(), data)
    user = User.objects.get(email="noa@example.org")
    assert response.status_code == 302
    assert user.guardian_consent == GuardianConsent.PENDING
    assert user.guardian_email == "parent@example.org"
    assert user.age_band == "13-17"
    assert not api.can_record_progress(user)
    assert sorted(message.to for message in mail.outbox) == [
        ["noa@example.org"],
        ["parent@example.org"],
    ]


def test_the_welcome_page_tells_a_young_learner_what_happens_next(
    client, signup_data, django_capture_on_commit_callbacks
):
    data = signup_data(
        date_of_birth=born_years_ago(14).isoformat(),
        country="DE",
        language="en",
        guardian_email="parent@example.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(signup_url(), data)
    (link,) = paths_in(mail_to("noa@example.org"))
    response = client.post(link, follow=True)
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == "/en/account/welcome/"
    assert "We sent an e-mail to parent@example.org" in body


def test_guardian_email_is_in_the_learners_language(
    client, signup_data, django_capture_on_commit_callbacks
):
    data = signup_data(
        date_of_birth=born_years_ago(14).isoformat(),
        country="DE",
        language="fi",
        guardian_email="parent@example.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(signup_url("en"), data)
    message = mail_to("parent@example.org")
    with translation.override("fi"):
        subject = translation.gettext("Please agree to a young learner's account on Pontes")
    assert message.subject == subject
    assert re.search(r"https?://[^/]+/fi/account/guardian/[^/\s]+/", message.body)


def test_the_same_age_needs_no_guardian_in_a_country_with_a_lower_consent_age(client, signup_data):
    assert DIGITAL_CONSENT_AGE["SE"] == 13
    client.post(
        signup_url(), signup_data(date_of_birth=born_years_ago(14).isoformat(), country="SE")
    )
    assert User.objects.get(email="noa@example.org").guardian_consent == GuardianConsent.NOT_NEEDED


def test_minor_without_guardian_email_is_asked_for_one_and_keeps_what_they_typed(
    client, signup_data
):
    data = signup_data(date_of_birth=born_years_ago(14).isoformat(), country="DE")
    response = client.post(signup_url(), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert not User.objects.filter(email="noa@example.org").exists()
    assert response.context["form"].has_error("guardian_email")
    assert 'value="noa@example.org"' in body
    assert 'value="Noa Silva"' in body
    assert f'value="{data["date_of_birth"]}"' in body
    assert '<option value="DE" selected>' in body


def test_errors_are_linked_to_their_fields(client, signup_data):
    data = signup_data(date_of_birth=born_years_ago(14).isoformat(), country="DE")
    body = client.post(signup_url(), data).content.decode()
    field = re.search(r'<input[^>]*name="guardian_email"[^>]*>', body).group(0)
    assert 'aria-invalid="true"' in field
    assert "id_guardian_email_error" in re.search(r'aria-describedby="([^"]+)"', field).group(1)
    assert 'id="id_guardian_email_error"' in body
    assert 'href="#id_guardian_email"' in body


def test_under_the_minimum_age_is_refused_kindly(client, signup_data):
    response = client.post(signup_url(), signup_data(date_of_birth=born_years_ago(12).isoformat()))
    assert response.status_code == 200
    assert not User.objects.filter(email="noa@example.org").exists()
    assert "Pontes is made for people aged 13 and older" in response.content.decode()


def test_the_api_refuses_a_child_whatever_the_caller(make_learner):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        make_learner(date_of_birth=born_years_ago(12))
    assert "date_of_birth" in error.value.message_dict


def test_different_passwords_are_refused_and_not_sent_back(client, signup_data):
    response = client.post(signup_url(), signup_data(password2="something-else-entirely"))
    body = response.content.decode()
    assert response.context["form"].has_error("password2")
    assert "something-else-entirely" not in body
    assert "river-lantern" not in body


def test_a_weak_password_is_refused_by_djangos_validators(client, signup_data):
    response = client.post(signup_url(), signup_data(password1="12345678", password2="12345678"))
    assert response.context["form"].has_error("password1")
    assert not User.objects.filter(email="noa@example.org").exists()


def test_the_privacy_notice_must_be_accepted(client, signup_data):
    data = signup_data()
    del data["accept_privacy"]
    response = client.post(signup_url(), data)
    assert response.context["form"].has_error("accept_privacy")
    assert not User.objects.filter(email="noa@example.org").exists()


def test_preferred_language_defaults_to_the_pages_language(client):
    body = client.get(signup_url("nl")).content.decode()
    assert '<option value="nl" selected>' in body


def test_country_list_is_the_eu_and_eea_and_other(client):
    body = client.get(signup_url()).content.decode()
    select = re.search(r'<select name="country".*?</select>', body, re.S).group(0)
    values = re.findall(r'<option value="([^"]*)"', select)
    assert sorted(v for v in values if v not in ("", "ZZ")) == sorted(DIGITAL_CONSENT_AGE)
    assert values[0] == "" and values[-1] == "ZZ"


def test_signup_form_fields_have_labels_and_autocomplete(client):
    body = client.get(signup_url()).content.decode()
    for name, token in [
        ("email", "email"),
        ("password1", "new-password"),
        ("date_of_birth", "bday"),
        ("country", "country"),
    ]:
        assert f'<label for="id_{name}">' in body
        tag = re.search(rf'<(?:input|select)[^>]*name="{name}"[^>]*>', body).group(0)
        assert f'autocomplete="{token}"' in tag
