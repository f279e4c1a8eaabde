"""The rows of the caseload table, written here rather than in the template.

Django's admin builds its change-list rows the same way (`format_html`): fifty clients of seven
cells cost the template engine about five milliseconds a page, a third of the caseload's time.
Every value passes through `format_html`, which escapes it; the header, caption and everything
around the rows stay in `counselling/caseload.html`."""

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from content import api as content_api

from .constants import Flag

_NO_UUID = "00000000-0000-0000-0000-000000000000"
_START = '<tr><th scope="row"><a href="{}">{}</a></th><td>{}</td><td class="number">{}</td>'
_SHARED = (
    _START + '<td class="number">{}</td><td class="number">{}</td><td>{}</td><td>{}</td><td>{}</td>'
    "</tr>"
)
_NOT_SHARED = _START + '<td class="number" colspan="3"><em>{}</em></td><td>{}</td><td>{}</td></tr>'


def caseload_rows(rows):
    """The `<tr>` of each CaseloadRow: name linking to the client's page, groups, modules
    assigned; modules completed, completion (the percentage of lessons) and last activity, or
    "Progress not shared"; next due date, flags."""
    address = reverse("counselling:client", kwargs={"link_uuid": _NO_UUID})
    not_yet, not_shared = _("Not yet"), _("Progress not shared")
    flag_cells, locale = _FlagCells(), content_api.current_locale()
    html = []
    for row in rows:
        start = (address.replace(_NO_UUID, str(row.link.uuid)), row.name, ", ".join(row.groups))
        due = content_api.local_date(row.next_due, "medium", locale)
        flags = flag_cells[tuple(row.flags)]
        if not row.shared:
            html.append(format_html(_NOT_SHARED, *start, row.assigned, not_shared, due, flags))
            continue
        done, percent = ("–", "–") if row.completion is None else (row.modules_done, row.completion)
        last = content_api.local_date(row.last_activity, "medium", locale) or not_yet
        html.append(format_html(_SHARED, *start, row.assigned, done, percent, last, due, flags))
    return mark_safe("\n".join(html))  # noqa: S308 - each part is format_html's, values escaped


class _FlagCells(dict):
    """The status cell's badges for each combination of flags, written once per page."""

    def __missing__(self, flags):
        cell = self[flags] = format_html_join(
            "",
            '<span class="flag flag--{}">{}</span> ',
            (("ok" if flag == Flag.ON_TRACK else flag.value, flag.label) for flag in flags),
        )
        return cell
