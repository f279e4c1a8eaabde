"""The demo Network: enough organisations, tools, events and translators to try everything."""

import pytest
from django.utils import timezone

from accounts.models import Membership
from network.models import Event, OrganisationProfile, Tool

pytestmark = pytest.mark.django_db


def test_demo_network_spread():
    profiles = OrganisationProfile.objects.filter(live=True).select_related("organisation")
    assert profiles.count() >= 8
    assert len({p.organisation.country for p in profiles}) >= 5
    assert all(p.logo_id for p in profiles)
    assert Tool.objects.filter(live=True).count() >= 15
    events = Event.objects.filter(live=True)
    assert events.count() >= 20
    now = timezone.now()
    assert events.filter(end__lt=now).exists() and events.filter(start__gt=now).count() >= 10
    assert {e.format for e in events} == {"online", "onsite"}


def test_one_partner_translator_per_other_language():
    translators = Membership.objects.filter(role="translator").select_related("user")
    languages = {m.user.preferred_language for m in translators}
    assert languages >= {"pt", "nl", "sv", "fi", "bg"}
