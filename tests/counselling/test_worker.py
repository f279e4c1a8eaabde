"""The notices go through a real broker and a real Celery worker (Redis on 127.0.0.1), not the
eager mode of the other tests: the assignment commits, the task is queued after the commit, the
worker sends the e-mail."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from kombu import Connection

from counselling import api
from lms.celery import app

from .conftest import NOW, days, link, make_counsellor, make_user, module

pytestmark = pytest.mark.django_db(transaction=True)
REDIS = os.environ.get("PONTES_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def worker():
    from django.core.management import call_command
    from wagtail.models import Page

    # a transactional test flushes the database afterwards: reload the demo if one emptied it
    if not Page.objects.filter(depth=2, live=True).exists():
        call_command("load_demo_content", verbosity=0)
    try:
        with Connection(REDIS, connect_timeout=2) as connection:
            connection.ensure_connection(max_retries=1)
    except Exception as error:
        if os.environ.get("PONTES_REQUIRE_REDIS"):
            pytest.fail(f"no Redis at {REDIS}: {error}")
        pytest.skip(f"needs Redis at {REDIS} (PONTES_TEST_REDIS_URL): {error}")
    saved = {
        key: app.conf[key]
        for key in ("broker_url", "task_always_eager", "broker_transport_options")
    }
    app.conf.update(broker_url=REDIS, task_always_eager=False, broker_transport_options={})
    _forget_connections()
    app.control.purge()  # messages an aborted earlier run left behind are not this test's
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
            yield
    finally:
        app.conf.update(saved)
        _forget_connections()


def _forget_connections():
    """The app keeps its producer connections to the broker it first used (the embedded
    filesystem one): drop them so the next message goes to the broker now configured."""
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    app.amqp._producer_pool = None


def test_a_real_worker_sends_the_new_assignment_notice(worker, organisation):
    counsellor = make_counsellor("worker_counsellor", organisation)
    client = make_user("worker_client", preferred_language="sv")
    client_link = link(counsellor, client)
    api.assign(
        counsellor=counsellor,
        page=module(),
        link_ids=[client_link.id],
        due_on=days(3).date(),
        now=NOW,
    )
    to_client = lambda: [m for m in mail.outbox if m.to == ["worker_client@example.org"]]  # noqa: E731
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not to_client():
        time.sleep(0.2)
    time.sleep(0.5)  # a second notice, were one wrongly queued, has the time to arrive
    assert len(to_client()) == 1
    assert module("sv").title in to_client()[0].subject
