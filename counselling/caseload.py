"""The caseload dashboard: every linked client with their assignments, completion, last activity
and flags, in a fixed number of queries whatever the number of clients and modules.

Only what each client shares is read: a client who does not share progress shows assignments
but no completion, activity or flags."""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import BooleanField, CharField, ExpressionWrapper, Func, Q
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


def _linked(counsellor, group_id, text):
    """(name, link id, raw uuid, client id, shares progress) of every live link whose client's
    name contains `text`, by name: plain tuples, so that only the rows shown become objects."""
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
            "client__display_name",
            "client__username",
            "id",
            "raw_uuid",
            "client_id",
            "share_progress",
        )
    )
    folded = text.casefold()
    found = [
        (display_name or username, *rest)
        for display_name, username, *rest in values
        if not folded or folded in (display_name or username).casefold()
    ]
    found.sort(key=lambda values: values[0].casefold())
    return found


def _row(values):
    name, link_id, raw_uuid, client_id, shared = values
    return CaseloadRow(link=ClientLink(link_id, raw_uuid, client_id, shared), name=name)


class _IsoDate(Func):
    """A date as "YYYY-MM-DD" text on both databases: whatever PostgreSQL's DateStyle, and
    without SQLite's per-row date conversion (a thousand rows of it on one caseload page)."""

    template = "to_char(%(expressions)s, 'YYYY-MM-DD')"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # a cast, so that the driver does not see a "date" column and convert it after all
        template = "CAST(%(expressions)s AS text)"
        return self.as_sql(compiler, connection, template=template, **extra_context)


def _weigh(counsellor, rows, today, stalled_days):
    """Fill in groups, completion, activity and flags of these rows, in four queries."""
    by_client = {row.link.client_id: row for row in rows}
    memberships = GroupMember.objects.filter(
        group__counsellor=counsellor, client_id__in=list(by_client)
    ).values_list("client_id", "group__name")
    for client_id, name in memberships:
        by_client[client_id].groups.append(name)
    # A client is stalled when neither their last activity nor their latest assignment is on or
    # after this moment (midnight, local time, `stalled_days - 1` days ago).
    recent_from = timezone.make_aware(datetime.combine(today - timedelta(stalled_days - 1), time()))
    # A page of 50 clients holds a thousand assignments of a few modules: module keys and due
    # dates come as text, each key parsed once per module, dates compared as ISO text (the same
    # order) and parsed only for the rows' results; whether each is recent is a boolean.
    assignments = list(
        Assignment.objects.filter(counsellor=counsellor, client_id__in=list(by_client))
        .order_by()
        .values_list(
            "client_id",
            Cast("module_key", CharField()),
            _IsoDate("due_on"),
            ExpressionWrapper(Q(assigned_at__gte=recent_from), output_field=BooleanField()),
        )
    )
    shared = [client_id for client_id, row in by_client.items() if row.shared]
    totals, done, activity = _lessons(shared, {raw for _c, raw, _due, _recent in assignments})
    still_open, assigned_lately, today_iso = set(), set(), today.isoformat()
    for client_id, raw, due_on, recent in assignments:
        if recent:
            assigned_lately.add(client_id)
        if raw in totals:  # else unpublished since: the client no longer sees it either
            row = by_client[client_id]
            if not _add(row, totals[raw], done.get((client_id, raw), 0), due_on, today_iso):
                still_open.add(client_id)
    for row in rows:
        row.next_due = row.next_due and date.fromisoformat(row.next_due)
        client_id = row.link.client_id
        if row.shared:
            row.last_activity = activity.get(client_id)
        if row.shared and client_id in still_open:
            row.stalled = client_id not in assigned_lately and (
                row.last_activity is None or row.last_activity < recent_from
            )


def _lessons(learner_ids, raw_keys):
    """({module key text: live lessons}, {(learner, module key text): lessons completed},
    {learner: last activity})."""
    keys = {raw: uuid.UUID(raw) for raw in raw_keys}
    counts = progress_api.many_modules_progress(learner_ids=learner_ids, module_keys=keys.values())
    raw_of = {key: raw for raw, key in keys.items()}
    totals = {raw_of[key]: total for key, total in counts.totals.items()}
    done = {(learner, raw_of[key]): n for (learner, key), n in counts.done.items()}
    return totals, done, counts.last_activity


def _add(row, total, done, due_on, today):
    """Count one assignment into its client's row; True when its module is complete."""
    done = min(done, total)
    complete = total > 0 and done >= total
    row.assigned += 1
    if not complete and due_on and (row.next_due is None or due_on < row.next_due):
        row.next_due = due_on
    if row.shared:
        row.lessons_done = (row.lessons_done or 0) + done
        row.lessons_total = (row.lessons_total or 0) + total
        row.modules_done = (row.modules_done or 0) + complete
        row.overdue = (row.overdue or 0) + (not complete and due_on is not None and due_on < today)
    return complete


def caseload(*, counsellor, today, stalled_days, group_id=None, flag="", sort="name", text=""):
    """Every client of the counsellor as a CaseloadRow, weighed, filtered and sorted, in a fixed
    number of queries: the database counts completed lessons per client and module, and the
    assignments are summed per client here."""
    rows = [_row(values) for values in _linked(counsellor, group_id, text)]
    _weigh(counsellor, rows, today, stalled_days)
    if flag:
        rows = [row for row in rows if flag in row.flags]
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
    linked = _linked(counsellor, rest.get("group_id"), rest.get("text", ""))
    shown = Paginator(linked, per_page).get_page(page)
    shown.object_list = [_row(values) for values in shown.object_list]
    _weigh(counsellor, shown.object_list, today, stalled_days)
    return shown


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
