"""Playwright driving Debian's Chromium (never a downloaded browser) against the live server."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page(live_server):
    missing = [str(p) for p in (Path(CHROMIUM), AXE) if not p.exists()]
    if missing:
        reason = f"needs {', '.join(missing)} (apt-get install chromium; npm ci)"
        if os.environ.get("PONTES_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright
    from wagtail.models import Page

    # a transactional test flushes the database afterwards: reload the demo if an earlier
    # browser test emptied it
    if not Page.objects.filter(depth=2, live=True).exists():
        call_command("load_demo_content", verbosity=0)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.base_url = live_server.url
        yield page
        context.close()
        browser.close()


@pytest.fixture
def axe_violations():
    def run(page, impacts=("serious", "critical")):
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        return [
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in impacts
        ]

    return run


@pytest.fixture
def sign_in():
    """Sign in through the log-in form, as a person would (a fresh session each time)."""

    def run(page, email, password):
        page.context.clear_cookies()
        page.goto(page.base_url + "/en/account/login/")
        page.fill("input[name=username]", email)
        page.fill("input[name=password]", password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()

    return run
