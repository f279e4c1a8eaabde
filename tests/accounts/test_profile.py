"""Learners edit their own profile; a bad value keeps everything they typed."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.accounts.helpers import born_years_ago

pytestmark = pytest.mark.django_db


def profile_data(**overrides):
    data = {
        "display_name": "Lina L.",
        "preferred_language": "fi",
        "country": "FI",
        "age_band": "18-24",
        "learner_level": "B",
    }
    data.update(overrides)
    return data


@pytest.fixture
def learner(client):
    user = get_user_model().objects.get(username="learner")
    client.force_login(user)
    return user


def test_profile_needs_a_login(client):
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_profile_edit_saves_and_switches_to_the_chosen_language(client, learner):
    response = client.post(reverse("accounts:profile"), profile_data())
    learner.refresh_from_db()
    assert response["Location"] == "/fi/account/profile/"
    assert (learner.display_name, learner.preferred_language, learner.country) == (
        "Lina L.",
        "fi",
        "FI",
    )
    assert (learner.age_band, learner.learner_level) == ("18-24", "B")


def test_profile_form_shows_the_current_values(client, learner):
    get_user_model().objects.filter(id=learner.id).update(learner_level="C", country="NL")
    body = client.get(reverse("accounts:profile")).content.decode()
    assert '<option value="C" selected>' in body
    assert '<option value="NL" selected>' in body


def test_an_unknown_level_is_refused_and_the_typed_name_kept(client, learner):
    response = client.post(
        reverse("accounts:profile"), profile_data(learner_level="Z", display_name="Typed name")
    )
    learner.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].has_error("learner_level")
    assert 'value="Typed name"' in response.content.decode()
    assert learner.display_name == "Lina Learner"


def test_moving_to_a_country_that_needs_a_guardian_is_refused(client, make_learner):
    young = make_learner(email="sam@example.org", date_of_birth=born_years_ago(14), country="SE")
    client.force_login(young)
    response = client.post(reverse("accounts:profile"), profile_data(country="DE"))
    young.refresh_from_db()
    assert response.context["form"].has_error("country")
    assert young.country == "SE"
