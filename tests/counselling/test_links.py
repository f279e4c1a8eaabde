"""The client starts and controls the link: codes, sharing choices, revoking."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse

from counselling import api
from counselling.models import Link

from .conftest import NOW, days, link, make_user


def test_a_code_links_the_client_with_what_they_chose(people):
    counsellor, client = people["counsellor_a"], make_user("newcomer")
    invitation = api.create_invitation(counsellor=counsellor, now=NOW)
    created = api.accept_invitation(
        client=client,
        code=invitation.code.lower()[:4] + " - " + invitation.code.lower()[4:],
        share_progress=True,
        share_assessments=False,
        share_certificates=True,
        now=NOW,
    )
    assert (created.counsellor, created.client) == (counsellor, client)
    assert (created.share_progress, created.share_assessments) == (True, False)


def test_only_counsellors_make_codes(people):
    with pytest.raises(PermissionDenied):
        api.create_invitation(counsellor=people["stranger"], now=NOW)


@pytest.mark.parametrize("problem", ["unknown", "expired", "withdrawn", "own"])
def test_a_code_that_does_not_work_says_so(people, problem):
    counsellor = people["counsellor_a"]
    invitation = api.create_invitation(counsellor=counsellor, now=NOW)
    code, when, client = invitation.code, NOW, make_user("newcomer")
    if problem == "unknown":
        code = "ZZZZZZZZ"
    elif problem == "expired":
        when = days(31)
    elif problem == "withdrawn":
        api.withdraw_invitation(counsellor=counsellor, invitation_id=invitation.id, now=NOW)
    else:
        client = counsellor
    with pytest.raises(ValidationError):
        api.accept_invitation(
            client=client,
            code=code,
            share_progress=True,
            share_assessments=True,
            share_certificates=True,
            now=when,
        )
    assert not Link.objects.filter(client=client, counsellor=counsellor).exists()


def test_a_second_link_with_the_same_counsellor_is_refused(people):
    with pytest.raises(ValidationError) as error:
        link(people["counsellor_a"], people["client_a"])
    assert error.value.code == "already_linked"


def test_the_database_refuses_a_duplicate_live_link(people):
    existing = people["links"]["client_a"]
    with pytest.raises(IntegrityError):
        Link.objects.create(counsellor=existing.counsellor, client=existing.client, accepted_at=NOW)


def test_after_revoking_a_client_can_link_again(people):
    existing = people["links"]["client_a"]
    api.revoke_link(client=people["client_a"], link_id=existing.id, now=NOW)
    again = link(people["counsellor_a"], people["client_a"])
    assert again.id != existing.id


def test_only_the_client_can_revoke_their_link(people):
    existing = people["links"]["client_a"]
    for someone in [people["counsellor_a"], people["client_b"], people["stranger"]]:
        with pytest.raises(api.NotFound):
            api.revoke_link(client=someone, link_id=existing.id, now=NOW)


def test_revoking_takes_effect_on_the_next_request(client, people):
    existing = people["links"]["client_a"]
    page = reverse("counselling:client", args=[existing.uuid])
    client.force_login(people["counsellor_a"])
    assert client.get(page).status_code == 200
    client.force_login(people["client_a"])
    response = client.post(reverse("counselling:revoke", args=[existing.id]))
    assert response.status_code == 302
    client.force_login(people["counsellor_a"])
    assert client.get(page).status_code == 404
    caseload = client.get(reverse("counselling:caseload")).content.decode()
    assert "Client_A" not in caseload


def test_revoking_removes_the_counsellors_groups_and_assignments(people):
    counsellor, client_a = people["counsellor_a"], people["client_a"]
    existing = people["links"]["client_a"]
    group = api.create_group(counsellor=counsellor, name="Tuesday group", now=NOW)
    api.add_to_group(counsellor=counsellor, group_id=group.id, link_ids=[existing.id], now=NOW)
    from .conftest import module

    api.assign(counsellor=counsellor, page=module(), link_ids=[existing.id], now=NOW)
    api.revoke_link(client=client_a, link_id=existing.id, now=NOW)
    assert api.group_links(counsellor=counsellor, group_id=group.id) == []
    assert api.assignments_for(client=client_a, language="en") == []


def test_the_join_page_shows_the_counsellor_and_each_choice_before_accepting(client, people):
    invitation = api.create_invitation(counsellor=people["counsellor_a"], now=NOW)
    newcomer = make_user("newcomer")
    client.force_login(newcomer)
    page = client.get(reverse("counselling:join_code", args=[invitation.code])).content.decode()
    assert "Counsellor_A" in page
    for name in ["share_progress", "share_assessments", "share_certificates"]:
        assert f'name="{name}"' in page
    assert not Link.objects.filter(client=newcomer).exists()
    response = client.post(
        reverse("counselling:join"),
        {"code": invitation.code, "accept": "1", "share_progress": "on"},
    )
    assert response.status_code == 302
    created = Link.objects.get(client=newcomer)
    assert (created.share_progress, created.share_assessments, created.share_certificates) == (
        True,
        False,
        False,
    )


def test_a_bad_code_on_the_join_page_is_explained_and_kept(client, people):
    client.force_login(people["stranger"])
    page = client.get(reverse("counselling:join"), {"code": "abcd-efgh"}).content.decode()
    assert "This code does not work" in page
    assert 'value="abcd-efgh"' in page


def test_the_client_changes_what_they_share(client, people):
    existing = people["links"]["client_a"]
    client.force_login(people["client_a"])
    client.post(
        reverse("counselling:update_sharing", args=[existing.id]),
        {f"link{existing.id}-share_certificates": "on"},
    )
    existing.refresh_from_db()
    assert (existing.share_progress, existing.share_assessments, existing.share_certificates) == (
        False,
        False,
        True,
    )


def test_the_join_page_needs_an_account(client):
    response = client.get(reverse("counselling:join_code", args=["ABCDEFGH"]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_learner_waiting_for_their_guardian_cannot_link_yet(people):
    young = make_user("young", guardian_consent="pending", guardian_email="parent@example.org")
    invitation = api.create_invitation(counsellor=people["counsellor_a"], now=NOW)
    with pytest.raises(ValidationError) as error:
        api.accept_invitation(
            client=young,
            code=invitation.code,
            share_progress=True,
            share_assessments=True,
            share_certificates=True,
            now=NOW,
        )
    assert error.value.code == "consent_pending"
    assert not Link.objects.filter(client=young).exists()
