"""The counsellor role: granted by an admin or by a manager of the same organisation."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts import api as accounts_api

from .conftest import NOW, make_user


@pytest.fixture
def manager(organisation):
    user = make_user("manager_m")
    admin = type(user).objects.get(username="admin")
    accounts_api.grant_role(
        by=admin, organisation=organisation, email=user.email, role="manager", now=NOW
    )
    return user


def test_a_manager_grants_the_counsellor_role_on_the_organisation_page(
    client, manager, organisation
):
    newcomer = make_user("newcomer")
    client.force_login(manager)
    url = reverse("accounts:organisation", args=[organisation.slug])
    response = client.post(url, {"email": "NEWCOMER@example.org", "role": "counsellor"})
    assert response.status_code == 302
    assert accounts_api.is_counsellor(newcomer)
    client.force_login(newcomer)
    assert client.get(reverse("counselling:caseload")).status_code == 200


def test_an_unknown_address_is_explained(client, manager, organisation):
    client.force_login(manager)
    url = reverse("accounts:organisation", args=[organisation.slug])
    body = client.post(url, {"email": "nobody@example.org", "role": "counsellor"}).content
    assert "No one has a Pontes account with this e-mail address" in body.decode()


def test_a_manager_cannot_make_managers(manager, organisation):
    make_user("newcomer")
    with pytest.raises(PermissionDenied):
        accounts_api.grant_role(
            by=manager,
            organisation=organisation,
            email="newcomer@example.org",
            role="manager",
            now=NOW,
        )


def test_a_manager_of_another_organisation_cannot_touch_this_one(client, manager, organisation):
    other = accounts_api.ensure_organisation(slug="elsewhere", name="Elsewhere")
    client.force_login(manager)
    assert client.get(reverse("accounts:organisation", args=[other.slug])).status_code == 404
    with pytest.raises(PermissionDenied):
        accounts_api.grant_role(
            by=manager, organisation=other, email=manager.email, role="counsellor", now=NOW
        )


@pytest.mark.parametrize("who", ["learner", "counsellor"])
def test_people_who_manage_nothing_get_404(client, who, django_user_model):
    client.force_login(django_user_model.objects.get(username=who))
    assert client.get(reverse("accounts:organisations")).status_code == 404


def test_withdrawing_the_role_closes_the_caseload(client, manager, organisation, people):
    membership = accounts_api.organisation_members(organisation=organisation).get(
        user=people["counsellor_a"]
    )
    client.force_login(manager)
    url = reverse("accounts:withdraw_role", args=[organisation.slug, membership.id])
    assert client.post(url).status_code == 302
    client.force_login(people["counsellor_a"])
    assert client.get(reverse("counselling:caseload")).status_code == 404
