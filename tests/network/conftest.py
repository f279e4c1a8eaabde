"""Two organisations with an editor each, a manager, a moderator and a learner, on the demo."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import api as accounts_api
from network import api
from network.models import Event, Tool
from network.moderation import MODERATORS

NOW = timezone.now().replace(microsecond=0)


def make_user(username):
    return get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="a-long-test-password"
    )


def member(username, organisation, role):
    user = make_user(username)
    admin = get_user_model().objects.get(username="admin")
    accounts_api.grant_role(
        by=admin, organisation=organisation, email=user.email, role=role, now=NOW
    )
    return user


@pytest.fixture
def org_a(db):
    return accounts_api.ensure_organisation(slug="org-a", name="Organisation A", country="PT")


@pytest.fixture
def org_b(db):
    return accounts_api.ensure_organisation(slug="org-b", name="Organisation B", country="SE")


@pytest.fixture
def users(org_a, org_b):
    moderator = make_user("mod")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    moderator.is_staff = True
    moderator.save()
    return {
        "editor_a": member("editor-a", org_a, "editor"),
        "manager_a": member("manager-a", org_a, "manager"),
        "editor_b": member("editor-b", org_b, "editor"),
        "translator_a": member("translator-a", org_a, "translator"),
        "learner": make_user("learner-x"),
        "moderator": moderator,
    }


def tool_for(organisation, **fields):
    values = {
        "name": "Interview practice cards",
        "description": "<p>Cards to practise answers.</p>",
        "audience": ["job_seekers"],
        "languages": ["en", "pt"],
        "level": "A",
        "link": "https://org.example/cards",
        "licence": "CC-BY-SA-4.0",
    }
    values.update(fields)
    return Tool(organisation=organisation, **values)


def event_for(organisation, *, days=10, zone="Europe/Lisbon", **fields):
    tz = zoneinfo.ZoneInfo(zone)
    day = (NOW + datetime.timedelta(days=days)).astimezone(tz).date()
    start = datetime.datetime(day.year, day.month, day.day, 14, 30, tzinfo=tz)
    values = {
        "title": "CV clinic",
        "description": "<p>Bring your CV.</p>",
        "start": start,
        "end": start + datetime.timedelta(hours=2),
        "time_zone": zone,
        "format": "onsite",
        "address": "Rua das Flores 10, Porto",
        "languages": ["pt"],
        "audience": ["students"],
        "registration_url": "https://org.example/register",
    }
    values.update(fields)
    return Event(organisation=organisation, **values)


def published(post, users, editor="editor_a"):
    api.save_draft(by=users[editor], post=post, now=NOW)
    api.submit(by=users[editor], post=post, now=NOW)
    api.approve(by=users["moderator"], post=post, now=NOW)
    post.refresh_from_db()
    return post
