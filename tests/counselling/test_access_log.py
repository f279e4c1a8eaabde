"""The access log is written in one statement per 500 clients (counselling/accesslog.py): every
row, with the counsellor's name and the exact time, and all rows of a large export or none."""

from types import SimpleNamespace

import pytest
from django.db import IntegrityError

from counselling import accesslog, api
from counselling.constants import Access
from counselling.models import AccessRecord

from .conftest import NOW

pytestmark = pytest.mark.django_db


def seen(*users):
    return [SimpleNamespace(client_id=user.id) for user in users]


def test_every_client_shown_gets_a_row_with_who_what_and_when(people, monkeypatch):
    monkeypatch.setattr(accesslog, "_ROWS_PER_STATEMENT", 2)  # three statements
    counsellor = people["counsellor_a"]
    clients = [people[name] for name in ("client_a", "private", "client_b", "stranger", "client_a")]
    api.record_access(counsellor=counsellor, links=seen(*clients), what=Access.EXPORT, now=NOW)
    records = AccessRecord.objects.filter(counsellor=counsellor)
    assert sorted(records.values_list("client_id", flat=True)) == sorted(c.id for c in clients)
    assert {(r.what, r.at, r.counsellor_name) for r in records} == {
        (Access.EXPORT, NOW, str(counsellor))
    }


def test_nothing_to_log_writes_nothing(people):
    api.record_access(counsellor=people["counsellor_a"], links=[], what=Access.CASELOAD, now=NOW)
    assert not AccessRecord.objects.exists()


def test_a_large_export_is_logged_whole_or_not_at_all(people, monkeypatch):
    monkeypatch.setattr(accesslog, "_ROWS_PER_STATEMENT", 2)
    counsellor = people["counsellor_a"]
    links = seen(people["client_a"], people["private"]) + [SimpleNamespace(client_id=None)]
    with pytest.raises(IntegrityError):  # the third row, in the second statement
        api.record_access(counsellor=counsellor, links=links, what=Access.EXPORT, now=NOW)
    assert not AccessRecord.objects.exists()
