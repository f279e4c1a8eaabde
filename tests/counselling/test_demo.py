"""The demo counsellor's caseload shows clients at different stages."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import api as accounts_api
from counselling import api
from counselling.constants import Flag


def test_the_demo_counsellor_has_clients_at_every_stage(db):
    counsellor = get_user_model().objects.get(username="counsellor")
    assert accounts_api.is_counsellor(counsellor)
    rows = {
        row.name: row
        for row in api.caseload(counsellor=counsellor, today=timezone.localdate(), stalled_days=14)
    }
    assert len(rows) == 6
    assert rows["Ana Ferreira"].modules_done == 1
    assert Flag.OVERDUE in rows["Joris de Vries"].flags
    assert Flag.STALLED in rows["Elin Berg"].flags
    assert not rows["Aino Virtanen"].shared
    assert rows["Petar Ivanov"].last_activity is None
    group = api.groups_of(counsellor=counsellor).get()
    assert len(api.group_links(counsellor=counsellor, group_id=group.id)) == 4


def test_the_demo_manager_manages_the_demo_organisation(db):
    manager = get_user_model().objects.get(username="manager")
    assert [o.slug for o in accounts_api.managed_organisations(manager)] == ["pontes-demo-centre"]
