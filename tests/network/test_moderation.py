"""Nothing a member writes is public before a moderator approves that very version."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from network import api
from network.constants import PostStatus
from network.models import Tool

from .conftest import NOW, event_for, published, tool_for

pytestmark = pytest.mark.django_db


def _public(client, tool):
    return client.get(reverse("network:tool", args=[tool.slug]))


def test_a_draft_and_a_submitted_post_are_not_public(client, users, org_a):
    tool = api.save_draft(by=users["editor_a"], post=tool_for(org_a), now=NOW)
    assert _public(client, tool).status_code == 404
    assert api.post_status(tool).code == PostStatus.DRAFT
    api.submit(by=users["editor_a"], post=tool, now=NOW)
    assert _public(client, tool).status_code == 404
    assert api.post_status(tool).code == PostStatus.IN_MODERATION
    assert tool.name not in client.get(reverse("network:tools")).content.decode()


def test_approval_publishes(client, users, org_a):
    tool = published(tool_for(org_a), users)
    assert tool.live
    response = _public(client, tool)
    assert response.status_code == 200
    assert "Cards to practise answers." in response.content.decode()
    assert api.post_status(tool).code == PostStatus.LIVE


def test_rejection_needs_a_reason_and_the_member_sees_it(client, users, org_a):
    tool = api.save_draft(by=users["editor_a"], post=tool_for(org_a), now=NOW)
    api.submit(by=users["editor_a"], post=tool, now=NOW)
    with pytest.raises(ValidationError):
        api.reject(by=users["moderator"], post=tool, reason="  ", now=NOW)
    api.reject(by=users["moderator"], post=tool, reason="Add the tool's language.", now=NOW)
    status = api.post_status(tool)
    assert status.code == PostStatus.CHANGES_REQUESTED
    assert status.reason == "Add the tool's language."
    assert _public(client, tool).status_code == 404
    client.force_login(users["editor_a"])
    page = client.get(reverse("network:manage")).content.decode()
    assert "Add the tool&#x27;s language." in page


def test_an_edit_of_a_published_post_waits_for_moderation_again(client, users, org_a):
    tool = published(tool_for(org_a), users)
    edited = Tool.objects.get(id=tool.id).get_latest_revision_as_object()
    edited.description = "<p>Changed text.</p>"
    api.save_draft(by=users["editor_a"], post=edited, now=NOW)
    api.submit(by=users["editor_a"], post=edited, now=NOW)
    body = _public(client, tool).content.decode()
    assert "Cards to practise answers." in body and "Changed text." not in body
    api.approve(by=users["moderator"], post=edited, now=NOW)
    body = _public(client, tool).content.decode()
    assert "Changed text." in body


def test_editing_during_moderation_withdraws_the_submitted_version(users, org_a):
    tool = api.save_draft(by=users["editor_a"], post=tool_for(org_a), now=NOW)
    api.submit(by=users["editor_a"], post=tool, now=NOW)
    tool.name = "Renamed while waiting"
    api.save_draft(by=users["editor_a"], post=tool, now=NOW)
    assert api.post_status(tool).code == PostStatus.DRAFT
    with pytest.raises(ValidationError):
        api.approve(by=users["moderator"], post=tool, now=NOW)


@pytest.mark.parametrize("who", ["editor_a", "manager_a", "editor_b", "learner", "translator_a"])
def test_only_moderators_approve(users, org_a, who):
    tool = api.save_draft(by=users["editor_a"], post=tool_for(org_a), now=NOW)
    api.submit(by=users["editor_a"], post=tool, now=NOW)
    with pytest.raises(PermissionDenied):
        api.approve(by=users[who], post=tool, now=NOW)
    tool.refresh_from_db()
    assert not tool.live


@pytest.mark.parametrize("who", ["editor_b", "translator_a", "learner", "moderator"])
def test_only_members_who_write_for_the_organisation_save_drafts(users, org_a, who):
    with pytest.raises(PermissionDenied):
        api.save_draft(by=users[who], post=tool_for(org_a), now=NOW)
    assert not Tool.objects.filter(organisation=org_a).exists()


def test_a_manager_writes_for_their_organisation_too(users, org_a):
    event = api.save_draft(by=users["manager_a"], post=event_for(org_a), now=NOW)
    assert event.pk and event.created_by == users["manager_a"]


def test_the_moderators_group_and_workflow_exist_after_migrate(org_a):
    assert tool_for(org_a).get_workflow().name == "Network moderation"


def test_the_admins_request_changes_button_needs_a_reason(org_a):
    task = tool_for(org_a).get_workflow().tasks.first().specific
    reject_form = task.get_form_for_action("reject")
    assert not reject_form({"comment": ""}).is_valid()
    assert reject_form({"comment": "Add a link."}).is_valid()
    assert task.get_form_for_action("approve")({"comment": ""}).is_valid()


def test_approval_publishes_the_revision_the_moderator_reviewed(client, users, org_a):
    """Even if a newer revision lands between the review and the approval."""
    tool = api.save_draft(by=users["editor_a"], post=tool_for(org_a), now=NOW)
    api.submit(by=users["editor_a"], post=tool, now=NOW)
    racing = Tool.objects.get(id=tool.id)
    racing.description = "<p>Written while the moderator was approving.</p>"
    racing.save_revision(user=users["editor_a"])  # no cancel: the race the lock prevents
    task_state = tool.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, users["moderator"], "approve")
    body = _public(client, Tool.objects.get(id=tool.id)).content.decode()
    assert "Cards to practise answers." in body
    assert "Written while the moderator" not in body


def test_the_members_dashboard_reads_statuses_in_a_fixed_number_of_queries(
    client, users, org_a, django_assert_max_num_queries
):
    for n in range(4):
        published(tool_for(org_a, name=f"Live {n}"), users)
        draft = api.save_draft(by=users["editor_a"], post=event_for(org_a, title=f"E{n}"), now=NOW)
        api.submit(by=users["editor_a"], post=draft, now=NOW)
    api.reject(by=users["moderator"], post=draft, reason="Add the room number.", now=NOW)
    client.force_login(users["editor_a"])
    with django_assert_max_num_queries(14):
        body = client.get(reverse("network:manage")).content.decode()
    assert body.count("Published") >= 4 and "Add the room number." in body
    assert body.count("Waiting for a moderator") == 3


def test_the_same_title_saved_twice_at_once_gets_two_slugs(users, org_a, monkeypatch):
    """Both requests find the slug free, and the later insert breaks its uniqueness; it then
    takes the next free slug. The interleaving is made here: the first slug chosen is one
    another request has just taken."""
    taken = api.save_draft(by=users["editor_a"], post=tool_for(org_a), now=NOW)
    choose = api._unique_slug
    chosen = []

    def as_if_still_free(*args, **kwargs):
        chosen.append(taken.slug if not chosen else choose(*args, **kwargs))
        return chosen[-1]

    monkeypatch.setattr(api, "_unique_slug", as_if_still_free)
    second = api.save_draft(by=users["editor_a"], post=tool_for(org_a), now=NOW)
    assert chosen == [taken.slug, f"{taken.slug}-2"]
    assert second.slug == f"{taken.slug}-2"
    assert Tool.objects.filter(name=taken.name).count() == 2
