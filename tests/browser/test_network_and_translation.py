"""A reader browses the Network in Finnish, in their own time zone; an organisation's editor
sends a tool to the moderators; a partner translator opens their dashboard. axe on each page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_editor_and_translator(browser_page, axe_violations, sign_in):
    page = browser_page
    page.goto(page.base_url + "/fi/network/events/")
    zone = page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get("pontes_tz", "").replace("%2F", "/") == zone
    page.reload()
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.locator("h3.month").count() >= 2
    assert axe_violations(page) == []

    page.select_option("#filter-format", "online")
    page.locator(".network-filters button[type=submit]").click()
    page.wait_for_url("**format=online**")
    page.locator(".network-item h3 a").first.click()
    page.wait_for_url(re.compile(r"/fi/network/events/[^/?]+/$"))  # the event's own page
    expect(page.locator("a[href$='.ics']")).to_have_count(1)
    assert axe_violations(page) == []
    for path in ("/fi/network/organisations/", "/fi/network/tools/", "/fi/network/"):
        page.goto(page.base_url + path)
        assert axe_violations(page) == [], path

    sign_in(page, "editor-porto@pontes.example", "pontes-editor-porto")
    page.goto(page.base_url + "/en/network/manage/")
    page.locator("a", has_text="Add a tool").first.click()
    page.locator("button[name=submit]").click()  # empty: the errors are listed first
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []
    page.fill("input[name=name]", "Mapa de contactos profissionais")
    page.fill("textarea[name=description]", "Uma folha para listar quem te pode ajudar.")
    page.locator("input[name=audience][value=students]").check()
    page.locator("input[name=languages][value=pt]").check()
    page.fill("input[name=link]", "https://carreiras-porto.example/contactos")
    page.select_option("select[name=licence]", "CC-BY-SA-4.0")
    page.locator("button[name=submit]").click()
    page.wait_for_url("**/network/manage/")
    item = page.locator(".network-item", has_text="Mapa de contactos profissionais")
    assert "Waiting for a moderator" in item.inner_text()
    assert axe_violations(page) == []

    sign_in(page, "translator-pt@pontes.example", "pontes-translator-pt")
    page.goto(page.base_url + "/en/translate/")
    page.wait_for_url("**/translate/pt/")
    assert page.locator("details.translation-module").count() >= 12
    assert axe_violations(page) == []
