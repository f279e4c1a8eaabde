"""Every partner URL with translators of two languages, a reviewer, an editor, a learner and
an anonymous visitor."""

import pytest
from django.urls import reverse

from .conftest import NOW

pytestmark = pytest.mark.django_db

WHO = [
    "translator_pt",
    "reviewer_pt",
    "translator_sv",
    "editor_pt",
    "moderator",
    "learner",
    "anonymous",
]
EXPECTED = {
    "translator_pt": 200,
    "reviewer_pt": 200,
    "translator_sv": 404,
    "editor_pt": 404,
    "moderator": 404,
    "learner": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("name", ["dashboard", "download", "upload"])
def test_portuguese_pages(client, people, lesson, who, name):
    if who != "anonymous":
        client.force_login(people[who])
    args = ["pt"] if name == "dashboard" else ["pt", lesson.id]
    response = client.get(reverse(f"partners:{name}", args=args))
    assert response.status_code == EXPECTED[who]


@pytest.mark.parametrize("who", WHO)
def test_the_home_page(client, people, who):
    if who != "anonymous":
        client.force_login(people[who])
    response = client.get(reverse("partners:home"))
    expected = {"translator_pt": 302, "reviewer_pt": 302, "translator_sv": 302}.get(who, 404)
    assert response.status_code == (302 if who == "anonymous" else expected)


def test_only_course_pages_in_english_can_be_translated(client, people):
    from wagtail.models import Page

    client.force_login(people["translator_pt"])
    home = Page.objects.filter(depth=2).first()
    assert client.get(reverse("partners:download", args=["pt", home.id])).status_code == 404


def test_a_language_that_is_not_assigned_is_404(client, people, lesson):
    client.force_login(people["translator_pt"])
    for language in ("sv", "en", "xx"):
        assert client.get(reverse("partners:dashboard", args=[language])).status_code == 404


@pytest.mark.parametrize("who", WHO)
def test_the_review_page_is_for_reviewers_of_the_language(client, people, lesson, who):
    from django.utils import timezone

    from partners import api

    filename, data = api.download_po(by=people["translator_pt"], page=lesson, language="pt")
    _result, submission = api.upload_po(
        by=people["translator_pt"], page=lesson, language="pt", data=data, now=timezone.now()
    )
    assert submission is not None, filename
    if who != "anonymous":
        client.force_login(people[who])
    url = reverse("partners:review", args=["pt", submission.uuid])
    expected = {"reviewer_pt": 200, "anonymous": 302}.get(who, 404)
    assert client.get(url).status_code == expected
    client.post(url, {"publish": "1"})
    submission.refresh_from_db()
    assert submission.status == ("published" if who == "reviewer_pt" else "pending")


def test_a_manager_cannot_make_a_translation_reviewer(people):
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied

    from accounts import api as accounts_api

    admin = get_user_model().objects.get(username="admin")
    organisation = accounts_api.organisation_by_slug("partner-pt")
    manager = get_user_model().objects.create_user("mgr-pt", email="mgr-pt@example.org")
    accounts_api.grant_role(
        by=admin, organisation=organisation, email=manager.email, role="manager", now=NOW
    )
    with pytest.raises(PermissionDenied):
        accounts_api.grant_role(
            by=manager,
            organisation=organisation,
            email=people["translator_pt"].email,
            role="reviewer",
            now=NOW,
        )
