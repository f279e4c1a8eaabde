"""The caseload exports: only shared fields, spreadsheet-safe text."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from counselling import api
from counselling.models import AccessRecord

from .conftest import NOW, days, module


def test_csv_export_has_only_shared_fields(client, people):
    counsellor = people["counsellor_a"]
    for who in ["client_a", "private"]:
        api.assign(
            counsellor=counsellor,
            page=module(),
            link_ids=[people["links"][who].id],
            due_on=days(4).date(),
            now=NOW,
        )
    client.force_login(counsellor)
    response = client.get(reverse("counselling:export", args=["csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Client"
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Client_A"][3] == "0"
    assert by_name["Private_Client"][3:6] == ["not shared"] * 3
    assert by_name["Private_Client"][6] == days(4).date().isoformat()
    assert AccessRecord.objects.filter(what="export").count() == 2


def test_xlsx_export_opens_and_quotes_formulas(client, people):
    people["client_a"].display_name = '=HYPERLINK("http://evil.example")'
    people["client_a"].save()
    client.force_login(people["counsellor_a"])
    response = client.get(reverse("counselling:export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert '\'=HYPERLINK("http://evil.example")' in names
    assert all(not str(name).startswith("=") for name in names)


def test_export_of_one_group(client, people):
    counsellor = people["counsellor_a"]
    group = api.create_group(counsellor=counsellor, name="Cohort", now=NOW)
    api.add_to_group(
        counsellor=counsellor,
        group_id=group.id,
        link_ids=[people["links"]["private"].id],
        now=NOW,
    )
    client.force_login(counsellor)
    response = client.get(reverse("counselling:export", args=["csv"]), {"group": group.id})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["Private_Client"]


def test_an_unknown_format_is_not_found(client, people):
    client.force_login(people["counsellor_a"])
    assert client.get(reverse("counselling:export", args=["pdf"])).status_code == 404
