"""Learners for the progress tests, on top of the demo site."""

import pytest
from django.contrib.auth import get_user_model

from accounts.constants import GuardianConsent


def make_learner(username, **fields):
    return get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="a-long-test-password", **fields
    )


@pytest.fixture
def learner(db):
    return make_learner("ana")


@pytest.fixture
def other_learner(db):
    return make_learner("bruno")


@pytest.fixture
def pending_learner(db):
    return make_learner(
        "carla",
        guardian_consent=GuardianConsent.PENDING,
        guardian_email="parent@example.org",
    )
