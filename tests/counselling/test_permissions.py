"""Every counselling URL with two counsellors of one organisation, their clients, a stranger and
an anonymous visitor: a counsellor reaches only their own clients; anything else answers 404
(or the log-in page for anonymous visitors)."""

import pytest
from django.urls import reverse

from counselling import api
from counselling.models import Assignment, ClientGroup, Invitation, Link

from .conftest import NOW, module


@pytest.fixture
def objects(people):
    """One of everything, all belonging to counsellor A and client A."""
    counsellor = people["counsellor_a"]
    client_link = people["links"]["client_a"]
    group = api.create_group(counsellor=counsellor, name="Cohort", now=NOW)
    api.add_to_group(counsellor=counsellor, group_id=group.id, link_ids=[client_link.id], now=NOW)
    (assignment,) = api.assign(
        counsellor=counsellor, page=module(), link_ids=[client_link.id], now=NOW
    )
    invitation = api.create_invitation(counsellor=counsellor, now=NOW)
    return {"link": client_link, "group": group, "assignment": assignment, "invitation": invitation}


# URL name, args from the objects, method; pages counsellor A may open (200/302 for A)
COUNSELLOR_URLS = [
    ("counselling:caseload", lambda o: [], "get"),
    ("counselling:export", lambda o: ["csv"], "get"),
    ("counselling:export", lambda o: ["xlsx"], "get"),
    ("counselling:invitations", lambda o: [], "get"),
    ("counselling:assign", lambda o: [], "get"),
    ("counselling:groups", lambda o: [], "get"),
    ("counselling:client", lambda o: [o["link"].uuid], "get"),
    ("counselling:group", lambda o: [o["group"].id], "get"),
    ("counselling:withdraw_invitation", lambda o: [o["invitation"].id], "post"),
    ("counselling:unassign", lambda o: [o["assignment"].id], "post"),
    ("counselling:remove_member", lambda o: [o["group"].id, o["link"].id], "post"),
    ("counselling:delete_group", lambda o: [o["group"].id], "post"),
]
OWN_OBJECT = {
    "counselling:client",
    "counselling:group",
    "counselling:withdraw_invitation",
    "counselling:unassign",
    "counselling:remove_member",
    "counselling:delete_group",
}


def _request(client, method, url):
    return getattr(client, method)(url)


@pytest.mark.parametrize("name, args, method", COUNSELLOR_URLS)
def test_counsellor_a_reaches_their_own(client, people, objects, name, args, method):
    client.force_login(people["counsellor_a"])
    response = _request(client, method, reverse(name, args=args(objects)))
    assert response.status_code in (200, 302)
    if method == "post":
        assert response.status_code == 302


@pytest.mark.parametrize("name, args, method", COUNSELLOR_URLS)
@pytest.mark.parametrize("who", ["counsellor_b", "client_a", "stranger"])
def test_nobody_else_reaches_counsellor_as(client, people, objects, name, args, method, who):
    if who == "counsellor_b" and name not in OWN_OBJECT:
        pytest.skip("counsellor B has their own caseload page: checked for leaks below")
    client.force_login(people[who])
    response = _request(client, method, reverse(name, args=args(objects)))
    assert response.status_code == 404
    assert Assignment.objects.filter(id=objects["assignment"].id).exists()
    assert ClientGroup.objects.filter(id=objects["group"].id).exists()
    assert Invitation.objects.get(id=objects["invitation"].id).withdrawn_at is None


@pytest.mark.parametrize("name, args, method", COUNSELLOR_URLS)
def test_anonymous_visitors_are_sent_to_log_in(client, objects, name, args, method):
    response = _request(client, method, reverse(name, args=args(objects)))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_counsellor_b_sees_only_their_own_clients(client, people, objects, fmt):
    client.force_login(people["counsellor_b"])
    page = client.get(reverse("counselling:caseload")).content.decode()
    response = client.get(reverse("counselling:export", args=[fmt]))
    assert response.status_code == 200
    exported = (
        response.content.decode("utf-8-sig") if fmt == "csv" else _xlsx_text(response.content)
    )
    for text in [page, exported]:
        assert "Client_B" in text
        assert "Client_A" not in text
        assert "Private_Client" not in text


def _xlsx_text(content):
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("who", ["client_b", "counsellor_a", "stranger"])
def test_only_the_client_changes_their_link(client, people, who):
    client_link = people["links"]["client_a"]
    client.force_login(people[who])
    for name in ["counselling:update_sharing", "counselling:revoke"]:
        response = client.post(reverse(name, args=[client_link.id]))
        assert response.status_code == 404
    client_link.refresh_from_db()
    assert client_link.revoked_at is None
    assert client_link.share_progress


def test_a_form_cannot_name_another_counsellors_client(client, people, objects):
    client.force_login(people["counsellor_b"])
    response = client.post(
        reverse("counselling:assign"),
        {"page": module().id, "clients": [objects["link"].id]},
    )
    assert response.status_code == 200  # the form shows an error: not one of the choices
    assert not Assignment.objects.filter(
        client=people["client_a"], counsellor=people["counsellor_b"]
    ).exists()


@pytest.mark.parametrize(
    "name", ["counselling:update_sharing", "counselling:revoke", "counselling:notifications"]
)
def test_client_changes_need_post(client, people, name):
    client.force_login(people["client_a"])
    args = [] if name == "counselling:notifications" else [people["links"]["client_a"].id]
    assert client.get(reverse(name, args=args)).status_code == 405


def test_state_changes_need_the_csrf_token(people, objects):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(people["client_a"])
    response = browser.post(reverse("counselling:revoke", args=[people["links"]["client_a"].id]))
    assert response.status_code == 403
    assert Link.objects.get(id=people["links"]["client_a"].id).revoked_at is None
