"""Two counsellors of the same organisation, their clients and a stranger, on the demo site."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import api as accounts_api
from counselling import api
from courses.models import LessonPage, ModulePage

# Local noon of the latest day that has had one: NOW.date() is then the local date the app
# uses (timezone.localdate), even in the hour around midnight where UTC and Brussels disagree.
_LOCAL = timezone.localtime()
NOW = _LOCAL.replace(hour=12, minute=0, second=0, microsecond=0) - timedelta(
    days=1 if _LOCAL.hour < 12 else 0
)


def make_user(username, **fields):
    return get_user_model().objects.create_user(
        username,
        email=f"{username}@example.org",
        password="a-long-test-password",
        display_name=username.title(),
        **fields,
    )


def make_counsellor(username, organisation):
    user = make_user(username)
    admin = get_user_model().objects.get(username="admin")
    accounts_api.grant_role(
        by=admin, organisation=organisation, email=user.email, role="counsellor", now=NOW
    )
    return user


def link(counsellor, client, now=NOW, **sharing):
    invitation = api.create_invitation(counsellor=counsellor, now=now)
    choices = {"share_progress": True, "share_assessments": True, "share_certificates": True}
    choices.update(sharing)
    return api.accept_invitation(client=client, code=invitation.code, now=now, **choices)


def module(language="en", position=0):
    return (
        ModulePage.objects.live().filter(locale__language_code=language).order_by("path")[position]
    )


def lessons_of(page):
    return list(LessonPage.objects.child_of(page).live().order_by("path"))


def days(n):
    return NOW + timedelta(days=n)


@pytest.fixture
def organisation(db):
    return accounts_api.ensure_organisation(slug="test-centre", name="Test Centre", country="SE")


@pytest.fixture
def people(organisation):
    """counsellor A and B (same organisation), A's clients, B's client and a stranger."""
    counsellor_a = make_counsellor("counsellor_a", organisation)
    counsellor_b = make_counsellor("counsellor_b", organisation)
    client_a = make_user("client_a", preferred_language="fi")
    private = make_user("private_client", preferred_language="sv")
    client_b = make_user("client_b")
    stranger = make_user("stranger")
    links = {
        "client_a": link(counsellor_a, client_a),
        "private": link(
            counsellor_a,
            private,
            share_progress=False,
            share_assessments=False,
            share_certificates=False,
        ),
        "client_b": link(counsellor_b, client_b),
    }
    return {
        "counsellor_a": counsellor_a,
        "counsellor_b": counsellor_b,
        "client_a": client_a,
        "private": private,
        "client_b": client_b,
        "stranger": stranger,
        "links": links,
    }
