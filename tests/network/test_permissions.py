"""Every Network URL with members of two organisations, a moderator, a translator, a learner and
an anonymous visitor: members reach only their own organisation; drafts are never public."""

import pytest
from django.urls import reverse

from network import api
from network.models import Tool

from .conftest import NOW, event_for, published, tool_for

pytestmark = pytest.mark.django_db

WHO = ["editor_a", "manager_a", "editor_b", "translator_a", "learner", "moderator", "anonymous"]


@pytest.fixture
def posts(users, org_a):
    draft_tool = api.save_draft(by=users["editor_a"], post=tool_for(org_a), now=NOW)
    draft_event = api.save_draft(by=users["editor_a"], post=event_for(org_a), now=NOW)
    live_tool = published(tool_for(org_a, name="Published cards"), users)
    return {"draft_tool": draft_tool, "draft_event": draft_event, "live_tool": live_tool}


def _login(client, users, who):
    if who != "anonymous":
        client.force_login(users[who])


def _member_urls(posts):
    return {
        "manage": reverse("network:manage"),
        "profile": reverse("network:edit_profile", args=["org-a"]),
        "new_tool": reverse("network:new_tool", args=["org-a"]),
        "new_event": reverse("network:new_event", args=["org-a"]),
        "edit_tool": reverse("network:edit_tool", args=["org-a", posts["draft_tool"].uuid]),
        "edit_event": reverse("network:edit_event", args=["org-a", posts["draft_event"].uuid]),
    }


EXPECTED = {
    # who: status of every member URL of organisation A
    "editor_a": 200,
    "manager_a": 200,
    "editor_b": 404,
    "translator_a": 404,
    "learner": 404,
    "moderator": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("name", ["profile", "new_tool", "new_event", "edit_tool", "edit_event"])
def test_member_pages_of_organisation_a(client, users, posts, who, name):
    _login(client, users, who)
    response = client.get(_member_urls(posts)[name])
    assert response.status_code == EXPECTED[who]
    if response.status_code == 302:
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("who", WHO)
def test_the_dashboard_lists_only_ones_own_organisations(client, users, posts, who):
    _login(client, users, who)
    response = client.get(reverse("network:manage"))
    if who == "editor_b":
        assert response.status_code == 200
        assert "Organisation A" not in response.content.decode()
        assert posts["draft_tool"].name not in response.content.decode()
    else:
        assert response.status_code == EXPECTED[who]


@pytest.mark.parametrize("who", ["editor_b", "translator_a", "learner", "moderator"])
def test_outsiders_cannot_change_a_post_by_posting(client, users, posts, who):
    _login(client, users, who)
    tool = posts["draft_tool"]
    url = reverse("network:edit_tool", args=["org-a", tool.uuid])
    response = client.post(url, {"name": "Taken over", "submit": "1"})
    assert response.status_code == 404
    tool.refresh_from_db()
    assert tool.name == "Interview practice cards"
    assert tool.latest_revision.as_object().name == "Interview practice cards"


def test_a_post_cannot_be_reached_through_another_organisations_url(client, users, posts):
    client.force_login(users["editor_b"])
    url = reverse("network:edit_tool", args=["org-b", posts["draft_tool"].uuid])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("who", WHO)
def test_drafts_are_public_to_no_one(client, users, posts, who):
    _login(client, users, who)
    assert client.get(reverse("network:tool", args=[posts["draft_tool"].slug])).status_code == 404
    assert client.get(reverse("network:event", args=[posts["draft_event"].slug])).status_code == 404
    assert (
        client.get(reverse("network:event_ics", args=[posts["draft_event"].slug])).status_code
        == 404
    )
    assert client.get(reverse("network:tool", args=[posts["live_tool"].slug])).status_code == 200
    assert posts["draft_event"].title not in client.get(reverse("network:events")).content.decode()
    assert posts["draft_tool"].name not in client.get(reverse("network:feed")).content.decode()


def test_csrf_is_checked_on_member_forms(users, posts):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users["editor_a"])
    response = client.post(reverse("network:new_tool", args=["org-a"]), {"name": "x"})
    assert response.status_code == 403
    assert Tool.objects.filter(organisation=posts["draft_tool"].organisation).count() == 2


def test_a_member_creates_and_submits_through_the_form(client, users, org_a):
    client.force_login(users["editor_a"])
    response = client.post(
        reverse("network:new_tool", args=["org-a"]),
        {
            "name": "Values card sort",
            "description": "Sort the cards.\n\nThen talk about them.",
            "audience": ["students"],
            "languages": ["pt", "en"],
            "level": "any",
            "link": "https://org.example/values",
            "licence": "CC-BY-4.0",
            "submit": "1",
        },
    )
    assert response.status_code == 302
    tool = Tool.objects.get(name="Values card sort")
    assert tool.description == "<p>Sort the cards.</p>\n\n<p>Then talk about them.</p>"
    assert api.post_status(tool).code == "in_moderation"
    assert not tool.live
