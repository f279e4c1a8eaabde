"""A learner signs up, confirms their address, works through a module in Portuguese and downloads
the certificate."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_sign_up_to_a_certificate(browser_page, axe_violations):
    page = browser_page
    page.goto(page.base_url + "/pt/account/signup/")
    assert page.locator("html").get_attribute("lang") == "pt"
    assert axe_violations(page) == []

    page.fill("input[name=email]", "marta.silva@example.org")
    page.fill("input[name=display_name]", "Marta Silva")
    page.fill("input[name=password1]", "a-long-and-unusual-passphrase")
    page.fill("input[name=password2]", "a-long-and-unusual-passphrase")
    page.fill("input[name=date_of_birth]", "1984-03-09")
    page.select_option("select[name=country]", "PT")
    page.select_option("select[name=language]", "pt")
    page.check("input[name=accept_privacy]")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/pt/account/signup/check-your-email/")
    assert axe_violations(page) == []

    # the live server shares this process's locmem outbox: open the link we e-mailed
    (message,) = [m for m in mail.outbox if m.to == ["marta.silva@example.org"]]
    path = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    page.goto(page.base_url + path)
    assert axe_violations(page) == []
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/pt/account/welcome/")
    assert axe_violations(page) == []

    # a module of level A in Portuguese: start it, then finish every lesson
    page.goto(page.base_url + "/pt/")
    page.get_by_role("button", name="Menu").click()  # a phone's header: the menu opens first
    page.locator(".main-nav a").first.click()
    page.locator("select[name=level]").select_option("A")
    page.locator("form.filters button[type=submit]").click()
    page.locator("ul.cards > li.card h3 a").first.click()
    # the click starts the module's page; wait until it is there before reading it
    expect(page.locator("ol.lesson-list a")).to_have_count(3)
    module_url = page.url
    lesson_urls = [
        page.base_url + href
        for href in page.locator("ol.lesson-list a").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
    ]
    assert len(lesson_urls) == 3
    page.locator("main form[action*='/start/'] button[type=submit]").click()
    page.wait_for_load_state()

    for url in lesson_urls:
        page.goto(url)
        page.locator("form[action*='/complete/'] button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("[role=status]").first.is_visible()
        page.goto(url)
        assert page.locator(".lesson-done .done").is_visible()

    page.goto(module_url)
    progress = page.locator("progress").first
    assert progress.get_attribute("value") == progress.get_attribute("max")

    page.goto(page.base_url + "/pt/learning/")
    assert axe_violations(page) == []
    page.locator("a[href*='/pt/certificates/']").first.click()
    # the PDF is made by a Celery task (eager here); the page offers the download once ready
    download_link = page.locator("a[href$='/download/']")
    download_link.wait_for()
    assert axe_violations(page) == []
    with page.expect_download() as download:
        download_link.click()
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
