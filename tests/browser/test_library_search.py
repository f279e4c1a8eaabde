"""A Swedish reader searches the library, narrows it with two facets, opens a resource and
downloads its worksheet."""

import zipfile

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_in_swedish_filter_twice_open_and_download(browser_page, axe_violations, tmp_path):
    page = browser_page
    page.goto(page.base_url + "/sv/library/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert axe_violations(page) == []

    page.locator("#library-q").fill("arbetsintervju")
    page.locator(".search-box button[type=submit]").click()
    page.wait_for_url("**q=arbetsintervju**")
    before = page.locator("li.result").count()
    assert before >= 2

    # ticking a box applies it at once (the script submits the form), as the page says first;
    # the keyboard focus comes back to the box
    assert page.locator("[data-autosubmit-hint]").is_visible()
    page.locator("input[name=type][value=worksheet]").check()
    page.wait_for_url("**type=worksheet**")
    assert page.evaluate("document.activeElement.id") == "f-type-worksheet"
    page.locator("input[name=level][value=C]").check()
    page.wait_for_url("**level=C**")
    assert "q=arbetsintervju" in page.url
    results = page.locator("li.result")
    assert 1 <= results.count() < before
    assert page.locator("input[name=type][value=worksheet]").is_checked()
    assert axe_violations(page) == []

    results.first.locator("h3 a").click()
    assert "/sv/library/" in page.url
    assert page.locator("html").get_attribute("lang") == "sv"
    assert axe_violations(page) == []

    with page.expect_download() as download_info:
        page.locator("a.button[download]").click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.suffix == ".docx"
    with zipfile.ZipFile(saved) as docx:
        assert "word/document.xml" in docx.namelist()
