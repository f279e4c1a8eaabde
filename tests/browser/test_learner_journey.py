"""A learner opens Pontes, switches to Finnish and reads a B-level lesson, accessibly."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_switch_to_finnish_and_open_a_b_level_lesson(browser_page, axe_violations):
    page = browser_page
    page.goto(page.base_url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="Choose your language").get_by_role(
        "link", name="Suomi"
    ).click()
    page.wait_for_url("**/fi/")
    assert page.locator("html").get_attribute("lang") == "fi"
    assert axe_violations(page) == []

    page.locator(".main-nav a").first.click()
    page.locator("select[name=level]").select_option("B")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**level=B**")
    cards = page.locator("ul.cards > li.card")
    assert cards.count() == 4
    assert axe_violations(page) == []

    cards.first.locator("h3 a").click()
    assert "/fi/" in page.url
    assert "B" in page.locator(".badge--level").inner_text()
    assert axe_violations(page) == []

    page.locator("ol.lesson-list a").first.click()
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.locator(".self-check").count() == 1
    assert axe_violations(page) == []

    # the self-check works without JavaScript: a plain form round-trip
    page.locator(".self-check input[type=radio]").first.check()
    page.locator(".self-check button[type=submit]").click()
    assert page.locator(".self-check [role=status]").is_visible()
