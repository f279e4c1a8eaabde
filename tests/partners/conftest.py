"""Partner organisations translating into Portuguese and Swedish, on the demo course."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import api as accounts_api
from courses.models import LessonPage
from partners import api

NOW = timezone.now()


def _person(username, organisation=None, role=None):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="a-long-test-password"
    )
    if organisation is not None:
        admin = get_user_model().objects.get(username="admin")
        accounts_api.grant_role(
            by=admin, organisation=organisation, email=user.email, role=role, now=NOW
        )
    return user


@pytest.fixture
def people(db):
    admin = get_user_model().objects.get(username="admin")
    org_pt = accounts_api.ensure_organisation(slug="partner-pt", name="Parceiro PT", country="PT")
    org_sv = accounts_api.ensure_organisation(slug="partner-sv", name="Partner SV", country="SE")
    api.assign_language(by=admin, organisation=org_pt, language="pt")
    api.assign_language(by=admin, organisation=org_sv, language="sv")
    return {
        "translator_pt": _person("tr-pt", org_pt, "translator"),
        "reviewer_pt": _person("rev-pt", org_pt, "reviewer"),
        "translator_sv": _person("tr-sv", org_sv, "translator"),
        "editor_pt": _person("ed-pt", org_pt, "editor"),
        "learner": _person("someone"),
        "moderator": _moderator(),
    }


def _moderator():
    from django.contrib.auth.models import Group

    from network.moderation import MODERATORS

    user = _person("network-mod")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def lesson(db):
    return LessonPage.objects.live().filter(locale__language_code="en").order_by("path").first()
