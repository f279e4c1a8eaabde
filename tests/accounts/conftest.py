"""Learners made through accounts.api, and sign-up data relative to today."""

import pytest
from django.utils import timezone

from accounts import api
from accounts.constants import PRIVACY_NOTICE_VERSION
from tests.accounts.helpers import PASSWORD, born_years_ago


@pytest.fixture
def signup_data():
    def make(**overrides):
        data = {
            "email": "noa@example.org",
            "display_name": "Noa Silva",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "date_of_birth": born_years_ago(30).isoformat(),
            "country": "PT",
            "language": "pt",
            "guardian_email": "",
            "accept_privacy": "on",
        }
        data.update(overrides)
        return data

    return make


@pytest.fixture
def make_learner():
    def make(**overrides):
        arguments = {
            "email": "mia@example.org",
            "password": PASSWORD,
            "display_name": "Mia",
            "date_of_birth": born_years_ago(30),
            "country": "FI",
            "language": "en",
            "privacy_version": PRIVACY_NOTICE_VERSION,
            "now": timezone.now(),
        }
        arguments.update(overrides)
        return api.register_learner(**arguments)

    return make


@pytest.fixture
def minor(make_learner, django_capture_on_commit_callbacks):
    """A 14-year-old in Germany (consent age 16) who chose Finnish, waiting for a guardian."""
    with django_capture_on_commit_callbacks(execute=True):
        return make_learner(
            email="leo@example.org",
            date_of_birth=born_years_ago(14),
            country="DE",
            language="fi",
            guardian_email="parent@example.org",
        )
