"""Password reset by e-mail: the same answer whether or not the address has an account."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def ask(client, email):
    return client.post(reverse("accounts:password_reset"), {"email": email})


def test_known_and_unknown_addresses_get_the_same_answer(client):
    known = ask(client, "learner@pontes.example")
    unknown = ask(client, "nobody@pontes.example")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("accounts:password_reset_done")
    assert [message.to for message in mail.outbox] == [["learner@pontes.example"]]


def test_the_done_page_does_not_say_whether_an_account_exists(client):
    body = client.get(reverse("accounts:password_reset_done")).content.decode()
    assert "If an account uses this address" in body


def test_the_link_in_the_email_sets_a_new_password(client):
    get_user_model().objects.filter(username="learner").update(preferred_language="nl")
    ask(client, "LEARNER@pontes.example")
    (message,) = mail.outbox
    path = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    assert path.startswith("/nl/account/password/reset/")
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    new_password = "quiet-harbour-91-Moss"
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 302
    assert get_user_model().objects.get(username="learner").check_password(new_password)


def test_a_signed_in_learner_changes_their_password(client):
    user = get_user_model().objects.get(username="learner")
    client.force_login(user)
    new_password = "quiet-harbour-91-Moss"
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "pontes-learner",
            "new_password1": new_password,
            "new_password2": new_password,
        },
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    user.refresh_from_db()
    assert user.check_password(new_password)
