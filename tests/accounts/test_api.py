"""The rules other apps rely on: consent ages, age bands, who may have progress recorded."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from accounts import api
from accounts.constants import PRIVACY_NOTICE_VERSION, AgeBand, GuardianConsent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "country, age", [("FI", 13), ("AT", 14), ("FR", 15), ("DE", 16), ("ZZ", 16), ("US", 16)]
)
def test_consent_age(country, age):
    assert api.consent_age(country) == age


def test_age_counts_completed_years_and_leap_birthdays():
    assert api.age_on(date(2010, 2, 28), date(2024, 2, 27)) == 13
    assert api.age_on(date(2010, 2, 28), date(2024, 2, 28)) == 14
    assert api.age_on(date(2008, 2, 29), date(2021, 2, 28)) == 12
    assert api.age_on(date(2008, 2, 29), date(2021, 3, 1)) == 13


@pytest.mark.parametrize(
    "age, band",
    [(13, AgeBand.UNDER_18), (17, AgeBand.UNDER_18), (18, AgeBand.YOUNG_ADULT),
     (34, AgeBand.ADULT), (35, AgeBand.MIDDLE), (64, AgeBand.LATER), (65, AgeBand.SENIOR)],
)  # fmt: skip
def test_age_band(age, band):
    assert api.age_band_for(age) == band


@pytest.mark.parametrize(
    "consent, allowed",
    [
        (GuardianConsent.NOT_NEEDED, True),
        (GuardianConsent.GIVEN, True),
        (GuardianConsent.PENDING, False),
    ],
)
def test_can_record_progress_follows_consent(make_learner, consent, allowed):
    user = make_learner()
    user.guardian_consent = consent
    user.guardian_email = "parent@example.org"
    assert api.can_record_progress(user) is allowed


@pytest.mark.parametrize(
    "fields, allowed",
    [
        ({}, False),
        ({"email_confirmed_at": "now"}, True),
        ({"is_staff": True}, True),
        ({"is_superuser": True}, True),
    ],
)
def test_only_confirmed_addresses_and_staff_sign_in(make_learner, fields, allowed):
    user = make_learner()
    for name, value in fields.items():
        setattr(user, name, timezone.now() if value == "now" else value)
    assert api.can_sign_in(user) is allowed


def test_ensure_user_confirms_the_address_it_is_given():
    now = timezone.now()
    user, created = api.ensure_user(
        username="loaded", email="loaded@example.org", password="x-long-password", now=now
    )
    assert created
    assert user.email_confirmed_at == now
    again, _created = api.ensure_user(
        username="loaded",
        email="loaded@example.org",
        password="x-long-password",
        now=now + timedelta(days=1),
    )
    assert again.email_confirmed_at == now


def test_demo_accounts_have_confirmed_addresses():
    User = get_user_model()
    for username in ["admin", "editor", "learner", "counsellor"]:
        assert User.objects.get(username=username).email_confirmed_at is not None


def test_registering_a_taken_address_creates_nothing(make_learner):
    make_learner(email="mia@example.org")
    assert make_learner(email="MIA@example.org", display_name="Other") is None
    assert get_user_model().objects.filter(email__iexact="mia@example.org").count() == 1


def test_anonymous_visitors_have_no_progress_recorded():
    assert api.can_record_progress(AnonymousUser()) is False


def test_an_outdated_privacy_notice_is_not_enough(make_learner):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        make_learner(privacy_version="2020-01")
    assert "privacy_version" in error.value.message_dict
    assert PRIVACY_NOTICE_VERSION != "2020-01"


def test_confirming_twice_keeps_the_first_time(minor):
    first = timezone.now()
    api.confirm_guardian_consent(user_id=minor.id, now=first)
    again = api.confirm_guardian_consent(user_id=minor.id, now=first + timedelta(days=1))
    assert again.guardian_consent_at == first


def test_privacy_notice_names_its_version(client):
    response = client.get(reverse("accounts:privacy"))
    assert response.status_code == 200
    assert PRIVACY_NOTICE_VERSION in response.content.decode()
