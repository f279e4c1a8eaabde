"""Writing the access log: one INSERT statement for every client a counsellor is shown.

The caseload writes a row per client on the page, fifty on every view. Django's `bulk_create`
opens a transaction first and builds the statement inside it, and on SQLite (whose transactions
here begin IMMEDIATE, taking the database's one write lock) that holds the lock while Python
works; a second worker asking for it meanwhile sleeps in SQLite's busy handler, 1, 2, 5 ms at a
time. The benchmark showed it: a third of the caseload's 95th percentile. Here the statement
is built first and runs on its own, so the lock is held only while the database inserts.
Every value is a bound parameter; table and column names come from the model."""

from django.db import connection, transaction

from .models import AccessRecord

_FIELDS = ("client", "counsellor", "counsellor_name", "what", "at")
# rows per statement: 5 parameters each stays far below every database's limit on parameters
_ROWS_PER_STATEMENT = 500


def write(*, counsellor, client_ids, what, now):
    name, at = str(counsellor)[:150], _at(now)
    rows = [(client_id, counsellor.pk, name, what, at) for client_id in client_ids]
    statements = [
        _statement(rows[start : start + _ROWS_PER_STATEMENT])
        for start in range(0, len(rows), _ROWS_PER_STATEMENT)
    ]
    if len(statements) == 1:  # one statement is atomic by itself
        _execute(*statements)
    elif statements:  # an export of a very large caseload: all rows or none
        with transaction.atomic():
            for statement in statements:
                _execute(statement)


def _at(now):
    return AccessRecord._meta.get_field("at").get_db_prep_save(now, connection)


def _statement(rows):
    quote = connection.ops.quote_name
    table = quote(AccessRecord._meta.db_table)
    columns = ", ".join(quote(AccessRecord._meta.get_field(name).column) for name in _FIELDS)
    placeholders = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    sql = f"INSERT INTO {table} ({columns}) VALUES {placeholders}"  # noqa: S608 - names only
    return sql, [value for row in rows for value in row]


def _execute(statement):
    sql, params = statement
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
