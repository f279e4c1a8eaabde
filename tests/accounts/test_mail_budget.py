"""No address gets more than a few account e-mails an hour or a day, whoever asks for them;
the pages answer the same either way."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts import mailbudget

pytestmark = pytest.mark.django_db

(HOUR, PER_HOUR), (DAY, PER_DAY) = mailbudget.LIMITS


def test_password_resets_stop_at_the_hourly_limit_with_the_same_answer(client):
    answers = {
        client.post(reverse("accounts:password_reset"), {"email": "learner@pontes.example"})[
            "Location"
        ]
        for _attempt in range(PER_HOUR + 2)
    }
    assert answers == {reverse("accounts:password_reset_done")}
    assert len(mail.outbox) == PER_HOUR


def test_signing_up_again_and_again_with_someones_address_mails_them_only_a_few_times(
    client, signup_data, django_capture_on_commit_callbacks
):
    for _attempt in range(PER_HOUR + 2):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("accounts:signup"), signup_data())
        assert response.status_code == 302
    # the first made the account (its confirmation), the others told the owner someone tried
    assert len(mail.outbox) == PER_HOUR
    assert {tuple(message.to) for message in mail.outbox} == {("noa@example.org",)}


def test_the_count_is_per_address_whatever_its_case_and_per_window():
    start = 10 * DAY  # the start of a day, and of an hour
    assert all(mailbudget.spend("a@example.org", now=start) for _n in range(PER_HOUR))
    assert not mailbudget.spend("A@Example.org ", now=start)
    assert mailbudget.spend("b@example.org", now=start)
    # a new hour allows more, until the day's limit; refusals count, so hammering gains nothing
    sent = sum(
        mailbudget.spend("a@example.org", now=start + hour * HOUR)
        for hour in range(1, 24)
        for _n in range(PER_HOUR)
    )
    assert sent == PER_DAY - PER_HOUR - 1  # the one refused counted too
    assert mailbudget.spend("a@example.org", now=start + DAY)


def test_asking_again_for_the_guardians_email_says_so_when_none_can_go(
    client, minor, django_capture_on_commit_callbacks
):
    client.force_login(minor)
    to_guardian = lambda: [m for m in mail.outbox if m.to == ["parent@example.org"]]  # noqa: E731
    assert len(to_guardian()) == 1  # the request sign-up sent
    for _again in range(PER_HOUR - 1):
        with django_capture_on_commit_callbacks(execute=True):
            page = client.post(reverse("accounts:resend_guardian_request"), follow=True)
        assert "We sent the e-mail to parent@example.org again." in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(reverse("accounts:resend_guardian_request"), follow=True)
    body = page.content.decode()
    assert "so we are not sending another one now" in body
    assert "We sent the e-mail to parent@example.org again." not in body
    assert len(to_guardian()) == PER_HOUR
