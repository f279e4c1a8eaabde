"""The caseload dashboard: every linked client with their assignments, completion, last activity
and flags, in a fixed number of queries whatever the number of clients and modules.

Only what each client shares is read: a client who does not share progress shows assignments
but no completion, activity or flags."""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import CharField, Max
from django.db.models.functions import Cast
from django.utils import timezone

from progress import api as progress_api

from .constants import Flag
from .models import Assignment, GroupMember, Link

SORTS = ("name", "completion", "activity", "due")


class ClientLink:
    """What the caseload needs of a live link, read for hundreds of clients as plain values;
    the uuid (for the client page's address) is parsed only for the rows shown."""

    __slots__ = ("client_id", "id", "raw_uuid", "share_progress")

    def __init__(self, link_id, raw_uuid, client_id, share_progress):
        self.id = link_id
        self.raw_uuid = raw_uuid
        self.client_id = client_id
        self.share_progress = share_progress

    @property
    def uuid(self):
        return uuid.UUID(self.raw_uuid)


@dataclass
class CaseloadRow:
    link: ClientLink
    name: str
    groups: list = field(default_factory=list)
    assigned: int = 0
    modules_done: int | None = None
    lessons_done: int | None = None
    lessons_total: int | None = None
    last_activity: object = None
    next_due: object = None
    overdue: int | None = None
    stalled: bool | None = None

    @property
    def shared(self):
        return self.link.share_progress

    @property
    def completion(self):
        """Percentage of the assigned lessons completed, or None when not shared or nothing set."""
        if not self.shared or not self.lessons_total:
            return None
        return round(100 * self.lessons_done / self.lessons_total)

    @property
    def flags(self):
        if not self.shared or not self.assigned:
            return []
        flags = []
        if self.overdue:
            flags.append(Flag.OVERDUE)
        if self.stalled:
            flags.append(Flag.STALLED)
        return flags or [Flag.ON_TRACK]


def _rows(counsellor, group_id):
    links = Link.objects.filter(counsellor=counsellor, revoked_at__isnull=True)
    if group_id:
        links = links.filter(
            client__in=GroupMember.objects.filter(
                group_id=group_id, group__counsellor=counsellor
            ).values("client")
        )
    values = (
        links.order_by()
        .annotate(raw_uuid=Cast("uuid", CharField()))
        .values_list(
            "id",
            "raw_uuid",
            "client_id",
            "share_progress",
            "client__display_name",
            "client__username",
        )
    )
    return {
        client_id: CaseloadRow(
            link=ClientLink(link_id, uuid, client_id, shared), name=display_name or username
        )
        for link_id, uuid, client_id, shared, display_name, username in values
    }


def _weigh(counsellor, rows, today, stalled_days):
    """Fill in groups, completion, activity and flags of these rows, in six queries."""
    by_client = {row.link.client_id: row for row in rows}
    client_ids = list(by_client)
    memberships = GroupMember.objects.filter(
        group__counsellor=counsellor, client_id__in=client_ids
    ).values_list("client_id", "group__name")
    for client_id, name in memberships:
        by_client[client_id].groups.append(name)
    mine = Assignment.objects.filter(counsellor=counsellor, client_id__in=client_ids).order_by()
    assignments = list(mine.values_list("client_id", "module_key", "due_on"))
    # a grouped query: converting a thousand datetimes costs more than a round trip on SQLite
    latest = dict(mine.values_list("client_id").annotate(Max("assigned_at")))
    shared = [cid for cid, row in by_client.items() if row.shared]
    counts = progress_api.many_modules_progress(
        learner_ids=shared, module_keys={key for _c, key, _d in assignments}
    )
    activity = progress_api.last_activity(learner_ids=shared)
    still_open = set()
    for client_id, module_key, due_on in assignments:
        if module_key not in counts.totals:
            continue  # unpublished since it was assigned: the client no longer sees it either
        row = by_client[client_id]
        row.assigned += 1
        done, total = counts.of(client_id, module_key)
        complete = total > 0 and done >= total
        if not complete:
            still_open.add(client_id)
            if due_on and (row.next_due is None or due_on < row.next_due):
                row.next_due = due_on
        if not row.shared:
            continue
        row.lessons_done = (row.lessons_done or 0) + done
        row.lessons_total = (row.lessons_total or 0) + total
        row.modules_done = (row.modules_done or 0) + complete
        row.overdue = (row.overdue or 0) + (not complete and due_on is not None and due_on < today)
    quiet_since = today - timedelta(days=stalled_days)
    for client_id in shared:
        row = by_client[client_id]
        row.last_activity = activity.get(client_id)
        if client_id in still_open:
            since = max(filter(None, [row.last_activity, latest[client_id]]))
            row.stalled = timezone.localtime(since).date() <= quiet_since


def _named(counsellor, group_id, text):
    """The linked clients whose name contains `text`, by name; nothing weighed yet."""
    rows = [row for row in _rows(counsellor, group_id).values() if _matches(row, "", text)]
    rows.sort(key=lambda row: row.name.casefold())
    return rows


def caseload(*, counsellor, today, stalled_days, group_id=None, flag="", sort="name", text=""):
    """Every client of the counsellor as a CaseloadRow, weighed, filtered and sorted, in a fixed
    number of queries: the completion sums are computed by the database, one row per client."""
    rows = _named(counsellor, group_id, text)
    _weigh(counsellor, rows, today, stalled_days)
    rows = [row for row in rows if _matches(row, flag, "")]
    if sort in SORTS and sort != "name":
        rows.sort(key=_SORT_KEYS[sort])
    return rows


def caseload_page(*, counsellor, today, stalled_days, page, per_page, flag="", sort="name", **rest):
    """One page of the caseload. In name order without a flag filter only that page's clients
    are weighed; sorting by completion, activity or due date, or showing one flag, weighs all."""
    if flag or sort not in ("", "name"):
        rows = caseload(
            counsellor=counsellor,
            today=today,
            stalled_days=stalled_days,
            flag=flag,
            sort=sort,
            **rest,
        )
        return Paginator(rows, per_page).get_page(page)
    shown = Paginator(_named(counsellor, rest.get("group_id"), rest.get("text", "")), per_page)
    shown = shown.get_page(page)
    _weigh(counsellor, shown.object_list, today, stalled_days)
    return shown


def _matches(row, flag, text):
    if text and text.casefold() not in row.name.casefold():
        return False
    return not flag or flag in row.flags


# Who needs attention first: least completion, longest quiet, soonest due. Rows without shared
# data or without a due date sink to the end.
_SORT_KEYS = {
    "completion": lambda row: (row.completion is None, row.completion or 0),
    "activity": lambda row: (
        row.last_activity is None,
        row.last_activity,
    ),
    "due": lambda row: (row.next_due is None, row.next_due),
}
