"""The demo site is loaded once per test session; each test runs in a transaction on top."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture
def languages(settings):
    return [code for code, _name in settings.LANGUAGES]


@pytest.fixture(autouse=True)
def english_between_tests():
    """LocaleMiddleware leaves the last request's language active in the thread: start every
    test from the source language so one test's request cannot change another's expectations."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test's pages roll back with its transaction; the cache does not, so a menu cached
    by one test must not outlive it."""
    from django.core.cache import cache

    from content.pagecache import GENERATION_KEY

    cache.delete(GENERATION_KEY)
    yield
    cache.delete(GENERATION_KEY)


@pytest.fixture(autouse=True)
def fresh_mail_counts(monkeypatch):
    """Each test counts account e-mails (accounts.mailbudget) afresh: under keys of its own, as
    the cache outlives the test, and on a stopped clock (half past noon on a fixed day), so no
    hour ends halfway through a test and starts a new count."""
    import uuid
    from types import SimpleNamespace

    from accounts import mailbudget

    monkeypatch.setattr(mailbudget, "KEY_PREFIX", f"test-mail:{uuid.uuid4().hex}")
    monkeypatch.setattr(mailbudget, "time", SimpleNamespace(time=lambda: 20000 * 86400 + 45000))
