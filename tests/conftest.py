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
