"""A guardian's signed link shows what they agree to; agreeing is a POST; old links fail."""

from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation

from accounts import api
from accounts.constants import GuardianConsent
from tests.accounts.helpers import mail_to, paths_in

pytestmark = pytest.mark.django_db


def link(user, now=None, language="en"):
    token = api.guardian_link_token(user, now or timezone.now())
    with translation.override(language):
        return reverse("accounts:guardian_confirm", kwargs={"token": token})


def test_the_link_in_the_email_works(client, minor):
    (path,) = paths_in(mail_to("parent@example.org"))
    response = client.get(path)
    assert response.status_code == 200
    assert minor.email in response.content.decode()


def test_the_page_explains_and_does_not_confirm_by_itself(client, minor):
    response = client.get(link(minor))
    body = response.content.decode()
    assert "What you agree to" in body
    assert 'method="post"' in body
    minor.refresh_from_db()
    assert minor.guardian_consent == GuardianConsent.PENDING


def test_agreeing_lets_progress_be_recorded(client, minor):
    response = client.post(link(minor))
    minor.refresh_from_db()
    assert response.status_code == 302
    assert minor.guardian_consent == GuardianConsent.GIVEN
    assert minor.guardian_consent_at is not None
    assert api.can_record_progress(minor)
    assert "Thank you" in client.get(response["Location"]).content.decode()


def test_an_expired_link_is_refused(client, minor):
    old = link(minor, now=timezone.now() - api.GUARDIAN_LINK_MAX_AGE - timedelta(minutes=1))
    assert client.get(old).status_code == 410
    assert client.post(old).status_code == 410
    minor.refresh_from_db()
    assert minor.guardian_consent == GuardianConsent.PENDING


def test_a_link_just_inside_fourteen_days_still_works(client, minor):
    recent = link(minor, now=timezone.now() - api.GUARDIAN_LINK_MAX_AGE + timedelta(minutes=5))
    assert client.post(recent).status_code == 302


def test_a_tampered_link_is_refused(client, minor):
    token = api.guardian_link_token(minor, timezone.now())
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    response = client.post(reverse("accounts:guardian_confirm", kwargs={"token": forged}))
    assert response.status_code == 404
    minor.refresh_from_db()
    assert minor.guardian_consent == GuardianConsent.PENDING


def test_a_link_for_an_earlier_guardian_address_is_refused(client, minor):
    old = link(minor)
    type(minor).objects.filter(id=minor.id).update(guardian_email="other@example.org")
    assert client.post(old).status_code == 404


def test_the_learner_can_send_the_request_again(client, minor, django_capture_on_commit_callbacks):
    client.force_login(minor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:resend_guardian_request"))
    assert response.status_code == 302
    assert [message.to for message in mail.outbox[-2:]] == [["parent@example.org"]] * 2


def test_the_request_cannot_be_sent_when_nothing_waits(
    client, make_learner, django_capture_on_commit_callbacks
):
    adult = make_learner()
    client.force_login(adult)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:resend_guardian_request"))
    assert mail.outbox == []


def test_a_link_moved_to_another_learner_is_refused(client, minor, make_learner):
    other = make_learner(
        email="kai@example.org",
        date_of_birth=minor.date_of_birth,
        country="DE",
        guardian_email="parent@example.org",
    )
    token = api.guardian_link_token(minor, timezone.now())
    moved = f"{other.id}.{token.split('.', 1)[1]}"
    assert (
        client.post(reverse("accounts:guardian_confirm", kwargs={"token": moved})).status_code
        == 404
    )
    other.refresh_from_db()
    assert other.guardian_consent == GuardianConsent.PENDING


def test_the_link_does_not_carry_the_guardian_address(minor):
    token = api.guardian_link_token(minor, timezone.now())
    # the signed parts may spell anything by chance: the payload is what must hold no address
    payload = token.split(".", 1)[1].split(":")[0]
    assert b"parent" not in signing.b64_decode(payload.encode())
