"""The site search page, its suggestions, and search when the index is missing or broken."""

import json
import logging

import pytest
from django.core.management import call_command

from search import api

pytestmark = pytest.mark.django_db


def test_results_mix_modules_lessons_and_resources_with_type_filters(client):
    body = client.get("/en/search/", {"q": "interview"}).content.decode()
    assert 'id="kind-module"' in body and 'id="kind-resource"' in body
    assert "<mark>" in body  # highlighted snippets
    only = client.get("/en/search/", {"q": "interview", "kind": "resource"}).content.decode()
    assert "/en/courses/" not in only.split('id="results"', 1)[1]
    assert 'value="resource" checked' in only


def test_stemming_per_language(client):
    for language, word in [("pt", "carreiras"), ("fi", "työpaikkoja"), ("en", "salaries")]:
        results = api.search(text=word, language=language)
        assert results.total > 0, word
        assert results.hits[0].language == language


def test_a_typo_gets_a_did_you_mean_link(client):
    body = client.get("/en/search/", {"q": "intervew"}).content.decode()
    assert 'Did you mean <a href="?q=interview">interview</a>?' in body


def test_suggestions_as_json_and_on_the_page_without_javascript(client):
    data = json.loads(client.get("/sv/search/suggest/", {"q": "arbets"}).content)
    assert data["suggestions"] and all(
        t.lower().startswith("arbets") for t in data["suggestions"][:1]
    )
    body = client.get("/sv/search/", {"q": "arbets"}).content.decode()
    assert 'id="suggestions-heading"' in body
    assert f">{data['suggestions'][0]}</a>" in body


def test_query_syntax_and_markup_are_harmless(client):
    for text in ['title:"x" OR *', "<script>alert(1)</script>", "((", "-"]:
        response = client.get("/en/search/", {"q": text})
        assert response.status_code == 200
        assert "<script>alert(1)" not in response.content.decode()


def test_a_missing_index_falls_back_to_the_database_and_a_rebuild_restores_it(
    client, settings, tmp_path, caplog
):
    settings.PONTES_SEARCH = {"BACKEND": "search.backends.tantivy", "PATH": tmp_path / "gone"}
    with caplog.at_level(logging.WARNING, logger="search.api"):
        body = client.get("/en/search/", {"q": "interview"}).content.decode()
    assert "simpler mode" in body
    assert 'class="result"' in body
    assert any("unavailable" in record.message for record in caplog.records)
    call_command("rebuild_search_index", verbosity=0)
    body = client.get("/en/search/", {"q": "interview"}).content.decode()
    assert "simpler mode" not in body and 'class="result"' in body


def test_a_corrupt_index_falls_back_and_the_rebuild_replaces_it(client, settings, tmp_path):
    settings.PONTES_SEARCH = {"BACKEND": "search.backends.tantivy", "PATH": tmp_path / "index"}
    call_command("rebuild_search_index", verbosity=0)
    for path in (tmp_path / "index").iterdir():
        if path.suffix in (".json", ".idx", ".term", ".store") or path.name == "meta.json":
            path.write_bytes(b"\x00garbage")
    library = client.get("/en/library/", {"q": "decision"}).content.decode()
    assert "simpler mode" in library and 'class="result"' in library
    call_command("rebuild_search_index", verbosity=0)
    library = client.get("/en/library/", {"q": "decision"}).content.decode()
    assert "simpler mode" not in library and 'class="result"' in library


@pytest.mark.parametrize("backend", ["whoosh", "postgres"])
def test_switching_backend_is_a_setting_and_a_rebuild(client, settings, tmp_path, backend):
    from django.db import connection

    if backend == "postgres" and connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL backend needs a PostgreSQL test database (DATABASE_URL)")
    settings.PONTES_SEARCH = {
        "BACKEND": f"search.backends.{backend}",
        "PATH": None if backend == "postgres" else tmp_path / "index",
    }
    call_command("rebuild_search_index", verbosity=0)
    body = client.get("/pt/search/", {"q": "carreiras"}).content.decode()
    assert "simpler mode" not in body
    assert 'class="result"' in body and "<mark>" in body
    library = client.get("/sv/library/", {"q": "arbetsintervju", "type": "worksheet"})
    assert 'href="/sv/library/forbered-din-arbetsintervju/"' in library.content.decode()
