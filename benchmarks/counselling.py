"""Benchmark of the counsellors issue: the caseload dashboard of a counsellor with 500 clients
and 20 assigned modules each, against a bare Wagtail page served by the same gunicorn in the
same run.

    .venv/bin/python -m benchmarks.counselling [--requests N] [--concurrency C]
                                               [--database sqlite|postgres] [--clients N]

It reports, it does not gate: the exit status is 0 whether or not the target is met, 1 when a
request failed, 2 when the run could not be set up. benchmarks/README.md explains the table."""

import argparse
import secrets
import sys
import urllib.parse
from datetime import timedelta

from . import learners
from .learners import Fixture, Scenario

TARGET_P95_RATIO = 3.0
MODULES = 20
COUNSELLOR_USERNAME = "benchmark-counsellor"
COUNSELLOR_EMAIL = "benchmark-counsellor@pontes.example"


def prepare(clients):
    learners.prepare_site(f"a caseload of {clients} clients x {MODULES} modules")
    return build_fixture(clients)


def _modules(home):
    """The demo's English modules, and more (with three lessons each) up to MODULES."""
    from content.api import publish_page
    from courses.models import CoursePage, LessonPage, ModulePage

    modules = list(ModulePage.objects.live().filter(locale_id=home.locale_id).order_by("path"))
    course = CoursePage.objects.live().filter(locale_id=home.locale_id).first()
    sample = modules[0]
    for number in range(len(modules), MODULES):
        module = publish_page(
            parent=course,
            page_class=ModulePage,
            slug=f"benchmark-module-{number}",
            fields={
                "title": f"Benchmark module {number}",
                "summary": "A module the benchmark adds.",
                "level": sample.level,
                "area": sample.area,
                "estimated_minutes": 30,
            },
        )
        for lesson in range(3):
            publish_page(
                parent=module,
                page_class=LessonPage,
                slug=f"benchmark-lesson-{number}-{lesson}",
                fields={"title": f"Lesson {lesson + 1}", "summary": "A benchmark lesson."},
            )
        modules.append(module)
    return modules[:MODULES]


def build_fixture(clients):
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from django.utils import timezone, translation
    from wagtail.models import Site

    from accounts import api as accounts_api
    from counselling import api as counselling_api
    from courses.models import LessonPage
    from progress import api as progress_api

    now = timezone.now()
    password = secrets.token_urlsafe(16)
    counsellor, _created = accounts_api.ensure_user(
        username=COUNSELLOR_USERNAME, email=COUNSELLOR_EMAIL, password=password
    )
    admin = get_user_model().objects.get(username="admin")
    organisation = accounts_api.ensure_organisation(slug="benchmark", name="Benchmark centre")
    accounts_api.grant_role(
        by=admin, organisation=organisation, email=COUNSELLOR_EMAIL, role="counsellor", now=now
    )
    home = Site.objects.get(is_default_site=True).root_page
    bare = learners.bare_page()
    modules = _modules(home)
    User = get_user_model()
    # clients are plain rows: hashing 500 passwords would only time the hasher
    users = User.objects.bulk_create(
        [
            User(username=f"bench-client-{n}", email=f"bench-client-{n}@pontes.example")
            for n in range(clients)
        ]
    )
    for user in users:  # 10,000 assignment e-mails would only time the template engine
        counselling_api.set_notifications(user=user, enabled=False, now=now)
    invitation = counselling_api.create_invitation(counsellor=counsellor, now=now)
    links = [
        counselling_api.accept_invitation(
            client=user,
            code=invitation.code,
            share_progress=n % 10 != 0,
            share_assessments=True,
            share_certificates=True,
            now=now - timedelta(days=60),
        )
        for n, user in enumerate(users)
    ]
    for number, module in enumerate(modules):
        counselling_api.assign(
            counsellor=counsellor,
            page=module,
            link_ids=[link.id for link in links],
            due_on=(now + timedelta(days=number - 5)).date(),
            now=now - timedelta(days=30),
        )
    first = list(LessonPage.objects.child_of(modules[0]).live().order_by("path"))
    for n, user in enumerate(users[: clients // 2]):
        for lesson in first[: 1 + n % 3]:
            progress_api.complete_lesson(
                learner=user, lesson=lesson, now=now - timedelta(days=n % 30)
            )
    with translation.override(settings.LANGUAGE_CODE):
        caseload = reverse("counselling:caseload")
        login_path = reverse("accounts:login")
    return Fixture(
        bare_path=urllib.parse.urlsplit(bare.get_url()).path,
        dashboard_path=caseload,
        completion_paths=[],
        login_path=login_path,
        login_paths={login_path},
        username=COUNSELLOR_EMAIL,
        password=password,
        learner_id=counsellor.id,
        session_cookie=settings.SESSION_COOKIE_NAME,
        csrf_cookie=settings.CSRF_COOKIE_NAME,
    )


def scenarios(fixture, browser, clients):
    from . import load

    cookies = browser.cookie_header()

    def ok(status, headers):
        return status == 200

    return [
        Scenario(
            "bare Wagtail page",
            lambda i: load.Request("GET", fixture.bare_path, headers={"Cookie": cookies}),
            ok,
        ),
        Scenario(
            f"caseload, {clients} x {MODULES}",
            lambda i: load.Request("GET", fixture.dashboard_path, headers={"Cookie": cookies}),
            ok,
        ),
        Scenario(
            "  sorted by completion",
            lambda i: load.Request(
                "GET", fixture.dashboard_path + "?sort=completion", headers={"Cookie": cookies}
            ),
            ok,
        ),
    ]


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.counselling", description=__doc__)
    learners.add_run_arguments(parser, requests=150, concurrency=2, warmup=10, timeout=900)
    parser.add_argument("--clients", type=int, default=500, help="linked clients")
    return learners.check_run_arguments(parser, parser.parse_args(argv), "clients")


def benchmark(args):
    return learners.p95_ratio_run(
        args,
        name="counselling",
        what="the caseload's p95 (its first page, by name)",
        target=TARGET_P95_RATIO,
        prepare_fixture=lambda: prepare(args.clients),
        make_scenarios=lambda fixture, browser: scenarios(fixture, browser, args.clients),
    )


def main(argv=None):
    return learners.run(benchmark, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
