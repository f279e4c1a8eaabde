import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_one_account_per_email_whatever_its_case():
    User = get_user_model()
    User.objects.create_user("first", email="Sam@Example.org", password="x-long-password")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("second", email="sam@example.org", password="x-long-password")


def test_accounts_without_email_do_not_collide():
    User = get_user_model()
    User.objects.create_user("a-no-mail", password="x-long-password")
    User.objects.create_user("b-no-mail", password="x-long-password")
    assert User.objects.filter(email="").count() >= 2


@pytest.mark.parametrize("username", ["admin", "editor", "learner", "counsellor"])
def test_demo_accounts_log_in_with_the_readme_passwords(client, username):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": f"pontes-{username}"}
    )
    assert (
        int(client.session["_auth_user_id"]) == get_user_model().objects.get(username=username).id
    )
    assert response.status_code == 302
