"""The caseload as CSV or XLSX, with only what each client shares, in the counsellor's language.

Names are written as text: a cell that starts like a formula is quoted so no spreadsheet runs it."""

import csv
import io

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value):
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def headers():
    return [
        _("Client"),
        _("Groups"),
        _("Modules assigned"),
        _("Modules completed"),
        _("Completion (%)"),
        _("Last activity"),
        _("Next due date"),
        _("Overdue modules"),
        _("Stalled"),
    ]


def rows(caseload):
    """One list per client; fields the client does not share read "not shared"."""
    hidden = _("not shared")
    for row in caseload:
        shared = row.shared
        last = row.last_activity and timezone.localtime(row.last_activity).date()
        yield [
            _text(row.name),
            _text(", ".join(row.groups)),
            row.assigned,
            row.modules_done if shared else hidden,
            row.completion if shared and row.completion is not None else ("" if shared else hidden),
            (last.isoformat() if last else "") if shared else hidden,
            row.next_due.isoformat() if row.next_due else "",
            (row.overdue or 0) if shared else hidden,
            (_("yes") if row.stalled else _("no")) if shared else hidden,
        ]


def as_csv(caseload):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers())
    writer.writerows(rows(caseload))
    # a byte-order mark so spreadsheet programs read the file as UTF-8 (Bulgarian names)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(caseload):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Caseload")[:31]
    sheet.append(headers())
    for values in rows(caseload):
        sheet.append(values)
    for cell in sheet["A"][1:] + sheet["B"][1:]:
        cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def response(caseload, *, fmt, today):
    if fmt not in CONTENT_TYPES:
        raise Http404
    content = as_csv(caseload) if fmt == "csv" else as_xlsx(caseload)
    reply = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    reply["Content-Disposition"] = f'attachment; filename="caseload-{today.isoformat()}.{fmt}"'
    reply["Cache-Control"] = "private, no-store"
    return reply
