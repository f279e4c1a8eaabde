"""The demo has a partner translator and a reviewer for every language but English."""

import pytest

from accounts.models import Membership
from partners import api

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["pt", "nl", "sv", "fi", "bg"])
def test_each_language_has_a_translator_and_a_reviewer(language):
    for role in ("translator", "reviewer"):
        people = [
            m.user
            for m in Membership.objects.filter(role=role).select_related("user")
            if m.user.username == f"{role}-{language}"
        ]
        assert people, role
        assert [code for code, _name in api.languages_for(people[0])] == [language]
    reviewer = next(
        m.user
        for m in Membership.objects.filter(role="reviewer", user__username=f"reviewer-{language}")
    )
    assert api.can_review(reviewer, language)
