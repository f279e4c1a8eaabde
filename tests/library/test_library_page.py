"""The library page: facets with counts, combinable, kept in the URL, paginated."""

import re

import pytest

from library.constants import PAGE_SIZE
from library.models import ResourcePage

pytestmark = pytest.mark.django_db


def count(body):
    return int(re.search(r'<h2 id="results"[^>]*>\s*(\d+)', body).group(1))


def facet_count(body, name, value):
    match = re.search(
        rf'name="{name}" value="{value}"( checked)?>\s*<label[^>]*>[^<]*'
        r'<span class="count">\((\d+)\)',
        body,
    )
    return int(match.group(2)) if match else 0


def test_the_swedish_library_lists_swedish_resources_first_then_others_marked(client):
    body = client.get("/sv/library/").content.decode()
    total = ResourcePage.objects.live().count()
    assert count(body) == total  # no demo resource is translated: every one shows everywhere
    first = re.findall(r'<span lang="(\w+)">', body)
    swedish = ResourcePage.objects.live().filter(locale__language_code="sv").count()
    assert first[:swedish] == ["sv"] * swedish
    # the others link to their own language's page, marked as such
    assert re.search(r'<a href="/en/library/[^"]+" hreflang="en">', body)


def test_facets_combine_and_count_with_the_other_facets_applied(client):
    all_body = client.get("/sv/library/").content.decode()
    worksheets = facet_count(all_body, "type", "worksheet")
    assert worksheets == ResourcePage.objects.live().filter(resource_type="worksheet").count()
    body = client.get("/sv/library/", {"type": "worksheet", "level": "B"}).content.decode()
    expected = (
        ResourcePage.objects.live()
        .filter(resource_type="worksheet", levels__code="B")
        .distinct()
        .count()
    )
    assert count(body) == expected
    # a facet's own counts ignore its own choice: the other types still show how many there are
    assert facet_count(body, "type", "worksheet") == expected
    guides_at_b = (
        ResourcePage.objects.live().filter(resource_type="guide", levels__code="B").distinct()
    )
    assert facet_count(body, "type", "guide") == guides_at_b.count()
    assert 'value="worksheet" checked' in body and 'value="B" checked' in body


def test_a_query_and_filters_are_in_the_links_and_pages_follow(client):
    body = client.get("/en/library/").content.decode()
    total = count(body)
    assert total > PAGE_SIZE
    assert "page=2" in body
    second = client.get("/en/library/", {"page": 2}).content.decode()
    assert second.count('class="result"') == min(PAGE_SIZE, total - PAGE_SIZE)
    filtered = client.get("/en/library/", {"q": "cv", "rlang": "sv"}).content.decode()
    assert count(filtered) >= 1
    for link in re.findall(r'href="\?([^"]*page=[^"]*)"', filtered):
        assert "q=cv" in link and "rlang=sv" in link


def test_unknown_values_and_nonsense_are_ignored(client):
    response = client.get(
        "/en/library/", {"type": "<script>", "level": "Z", "page": "x", "q": "a" * 5000}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>" not in body.split("<main", 1)[1]


def test_the_library_page_queries_are_pinned(client, django_assert_max_num_queries):
    client.get("/fi/library/?level=A")
    with django_assert_max_num_queries(11):
        response = client.get("/fi/library/", {"level": "A", "type": "worksheet"})
    assert response.status_code == 200


def test_a_resource_page_offers_its_worksheet_and_licence(client):
    resource = (
        ResourcePage.objects.live()
        .filter(locale__language_code="sv", document__isnull=False)
        .first()
    )
    body = client.get(resource.url).content.decode()
    assert resource.document.url in body
    assert "creativecommons.org/licenses/by-sa/4.0/" in body
    download = client.get(resource.document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:2] == b"PK"  # a .docx is a zip


def test_external_resources_link_out_safely(client):
    resource = ResourcePage.objects.live().exclude(external_url="").first()
    body = client.get(resource.url).content.decode()
    assert f'href="{resource.external_url}" rel="noopener noreferrer external"' in body
