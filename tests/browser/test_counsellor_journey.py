"""A counsellor invites a client, the client accepts and chooses what to share, the counsellor
assigns a module with a due date, the client completes a lesson, the caseload shows it."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CLIENT_EMAIL = "mikko.client@example.org"
PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture
def mikko(transactional_db):
    """Made before Playwright starts: the ORM refuses to run beside its event loop."""
    return get_user_model().objects.create_user(
        "mikko",
        email=CLIENT_EMAIL,
        password=PASSWORD,
        display_name="Mikko Client",
        preferred_language="fi",
        email_confirmed_at=timezone.now(),
    )


def test_invite_accept_assign_learn_and_follow(mikko, browser_page, axe_violations, sign_in):
    page = browser_page

    # the counsellor makes an invitation code
    sign_in(page, "counsellor@pontes.example", "pontes-counsellor")
    page.get_by_role("button", name="Menu").click()  # a phone's header: the menu opens first
    page.get_by_role("link", name="My clients").click()
    assert axe_violations(page) == []
    page.get_by_role("navigation", name="Counselling").get_by_role(
        "link", name="Invite clients"
    ).click()
    page.locator("main form button[type=submit]").first.click()
    code = page.locator(".invite-code").first.inner_text().strip()
    assert len(code) == 8
    assert axe_violations(page) == []

    # the client enters the code, sees what will be shared, shares progress only
    sign_in(page, CLIENT_EMAIL, PASSWORD)
    page.goto(page.base_url + "/fi/counselling/")
    page.fill("input[name=code]", code.lower())
    page.locator("form[action*='/join/'] button[type=submit]").click()
    assert "Carla Counsellor" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.uncheck("input[name=share_assessments]")
    page.uncheck("input[name=share_certificates]")
    page.locator("button[name=accept]").click()
    page.wait_for_url("**/fi/counselling/")
    assert "Carla Counsellor" in page.locator("main h2").first.inner_text()

    # the counsellor assigns a module with a due date
    sign_in(page, "counsellor@pontes.example", "pontes-counsellor")
    page.goto(page.base_url + "/en/counselling/assign/")
    page.locator("select[name=page]").select_option(index=2)  # the first module of the course
    module_title = page.locator("select[name=page] option:checked").inner_text().split(" · ")[-1]
    page.get_by_label("Mikko Client").check()
    page.fill("input[name=due_on]", (date.today() + timedelta(days=7)).isoformat())
    page.fill("textarea[name=note]", "Start with the first lesson this week.")
    assert axe_violations(page) == []
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/en/counselling/caseload/")

    # the client finds it on their learning page, in Finnish, and completes a lesson
    sign_in(page, CLIENT_EMAIL, PASSWORD)
    page.goto(page.base_url + "/fi/learning/")
    assigned = page.locator("section[aria-labelledby=assigned]")
    assert "Start with the first lesson this week." in assigned.inner_text()
    assert module_title not in assigned.inner_text()  # the Finnish title, not the English one
    assert axe_violations(page) == []
    assigned.locator("h3 a").first.click()
    assert "/fi/" in page.url
    page.locator("main form[action*='/start/'] button[type=submit]").click()
    page.locator("form[action*='/complete/'] button[type=submit]").click()
    page.wait_for_load_state()

    # the counsellor's caseload shows the completed lesson
    sign_in(page, "counsellor@pontes.example", "pontes-counsellor")
    page.goto(page.base_url + "/en/counselling/caseload/?q=Mikko")
    row = page.locator("table.caseload tbody tr", has_text="Mikko Client")
    assert row.count() == 1
    # modules assigned, modules completed, completion (% of lessons): one of three lessons
    assert row.locator("td.number").all_inner_texts() == ["1", "0", "33"]
    assert "On track" in row.inner_text()
    assert axe_violations(page) == []
