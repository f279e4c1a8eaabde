"""Error pages speak the reader's language and show a way on, like every other page."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.translation import gettext
from django.views import defaults

pytestmark = pytest.mark.django_db


def in_language(language, text):
    with translation.override(language):
        translated = gettext(text)
    assert translated != text or language == "en", f"{text!r} is not translated into {language}"
    return translated


@pytest.mark.parametrize("language", ["en", "pt", "fi", "bg"])
def test_a_missing_page_says_so_in_the_readers_language(client, language):
    response = client.get(f"/{language}/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{language}"' in body
    assert in_language(language, "Page not found") in body
    assert f'href="/{language}/"' in body  # a way home, in the same language
    assert 'name="robots" content="noindex"' in body


def test_a_form_sent_without_its_token_asks_to_send_it_again_in_finnish():
    response = Client(enforce_csrf_checks=True).post(
        "/fi/account/login/", {"username": "a@example.org", "password": "x"}
    )
    assert response.status_code == 403
    assert in_language("fi", "Please send the form again") in response.content.decode()


@pytest.mark.parametrize(
    ("view", "exception", "status", "title"),
    [
        (defaults.bad_request, SuspiciousOperation(), 400, "Pontes could not read this request"),
        (defaults.permission_denied, PermissionDenied(), 403, "You cannot open this page"),
    ],
)
def test_refusals_are_pages_of_the_site(view, exception, status, title, rf_user):
    with translation.override("sv"):
        response = view(rf_user("/sv/"), exception)
    assert response.status_code == status
    assert in_language("sv", title) in response.content.decode()


def test_a_server_fault_is_explained_without_the_database(rf_user, django_assert_num_queries):
    with translation.override("bg"), django_assert_num_queries(0):
        response = defaults.server_error(rf_user("/bg/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="bg"' in body
    assert in_language("bg", "Something went wrong") in body


@pytest.fixture
def rf_user():
    from django.contrib.auth.models import AnonymousUser

    def make(path):
        request = RequestFactory().get(path)
        request.user = AnonymousUser()
        return request

    return make


def test_a_request_larger_than_any_upload_is_refused_unread_in_dutch(client, settings):
    settings.PONTES_MAX_REQUEST_BYTES = 1024
    response = client.generic(
        "POST", "/nl/account/login/", b"x" * 2048, content_type="application/octet-stream"
    )
    body = response.content.decode()
    assert response.status_code == 413
    assert in_language("nl", "Too large to send") in body
    assert "1,0\xa0KB" in body  # the limit, written the Dutch way
    # within the limit, the same address answers as usual (here: a form to fill in again)
    assert client.post("/nl/account/login/", {"username": "a"}).status_code == 200


def test_a_declared_length_is_enough_to_refuse(client):
    """Nothing of the body is read: the length the request announces decides."""
    response = client.generic(
        "POST", "/en/account/login/", b"", CONTENT_LENGTH=str(26 * 1024 * 1024)
    )
    assert response.status_code == 413


def test_a_request_for_a_host_we_do_not_serve_is_a_400_not_a_500(client):
    """Scanners send such requests all day: the 400 page must not fail on the same host."""
    response = client.get("/pt/", HTTP_HOST="unknown.example")
    assert response.status_code == 400
    assert in_language("pt", "Pontes could not read this request") in response.content.decode()
