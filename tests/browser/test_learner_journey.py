"""A learner opens Pontes on a phone, switches to Finnish and reads a B-level lesson,
accessibly."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_switch_to_finnish_and_open_a_b_level_lesson(browser_page, axe_violations):
    page = browser_page
    page.goto(page.base_url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert axe_violations(page) == []

    # on a phone the header is one row: the languages and the menu open from two buttons
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 100
    languages = page.get_by_role("navigation", name="Choose your language")
    assert not languages.is_visible()
    choose = page.get_by_role("button", name=re.compile("Choose your language"))
    assert choose.get_attribute("aria-expanded") == "false"
    choose.click()
    assert choose.get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == []
    languages.get_by_role("link", name="Suomi").click()
    page.wait_for_url("**/fi/")
    assert page.locator("html").get_attribute("lang") == "fi"
    assert axe_violations(page) == []

    # the keyboard opens the menu, walks into it, and Escape closes it again
    menu = page.get_by_role("button", name="Valikko")
    menu.focus()
    page.keyboard.press("Enter")
    main_nav = page.get_by_role("navigation", name="Päävalikko")
    assert main_nav.is_visible() and not languages.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('nav') !== null")
    page.keyboard.press("Escape")
    assert not main_nav.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "site-menu"

    menu.click()  # by pointer: Escape on the button closes it too
    page.keyboard.press("Escape")
    assert not main_nav.is_visible()
    menu.click()
    main_nav.locator("a").first.click()
    page.locator("select[name=level]").select_option("B")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**level=B**")
    cards = page.locator("ul.cards > li.card")
    assert cards.count() == 4
    assert axe_violations(page) == []

    cards.first.locator("h3 a").click()
    expect(page.locator("ol.lesson-list")).to_be_visible()  # the module's page has loaded
    assert "/fi/" in page.url
    assert "B" in page.locator(".badge--level").inner_text()
    assert axe_violations(page) == []

    page.locator("ol.lesson-list a").first.click()
    expect(page.locator(".self-check")).to_have_count(1)  # waits for the lesson's page
    assert page.locator("html").get_attribute("lang") == "fi"
    assert axe_violations(page) == []

    # the self-check works without JavaScript: a plain form round-trip
    page.locator(".self-check input[type=radio]").first.check()
    page.locator(".self-check button[type=submit]").click()
    expect(page.locator(".self-check [role=status]")).to_be_visible()
