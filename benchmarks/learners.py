"""Benchmark of the learners issue: recording a lesson completion and rendering the dashboard of a
learner with 12 modules of history, each compared with a bare Wagtail page served by the same
gunicorn in the same run.

    .venv/bin/python -m benchmarks.learners [--requests N] [--concurrency C]
                                            [--database sqlite|postgres]

It reports, it does not gate: the exit status is 0 whether or not the target is met, 1 when a
request failed, 2 when the run could not be set up. benchmarks/README.md explains the table."""

import argparse
import http.client
import http.cookies
import io
import logging
import os
import secrets
import signal
import sys
import tempfile
import time
import traceback
import urllib.parse
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from . import load
from .server import Gunicorn, ServerError
from .stats import ratio, summarise, table

TARGET_COMPLETION_RATIO = 0.8
COMPLETED_MODULES = 11  # and one more started: 12 modules of history
LEARNER_USERNAME = "benchmark-learner"
LEARNER_EMAIL = "benchmark-learner@pontes.example"
HOST = "127.0.0.1"
STARTED = time.monotonic()


class BenchmarkError(Exception):
    """The run could not be set up; nothing was measured."""


def step(message):
    print(f"[{time.monotonic() - STARTED:5.0f} s] {message}", file=sys.stderr, flush=True)


@dataclass
class Fixture:
    """What the prepared database holds, as the paths and credentials the client needs."""

    bare_path: str
    dashboard_path: str
    completion_paths: list
    login_path: str
    login_paths: set  # where an anonymous request would be sent: a redirect there is a failure
    username: str
    password: str
    learner_id: int
    session_cookie: str
    csrf_cookie: str


@dataclass
class Scenario:
    name: str
    build: object  # index -> load.Request
    check: object  # (status, headers) -> bool
    latencies: list = field(default_factory=list)
    elapsed: float = 0.0
    failures: list = field(default_factory=list)
    sent: int = 0  # requests sent so far, so the rotation over lessons carries on

    def summary(self):
        return summarise(self.name, self.latencies, self.elapsed)


# --- the throwaway database and the settings gunicorn runs with


def throwaway_database(kind, directory):
    """A fresh database for this run: (DATABASE_URL, drop). PostgreSQL gets a new database next
    to the one DATABASE_URL names, dropped at the end; SQLite a file in the temporary folder."""
    if kind == "sqlite":
        return f"sqlite:///{Path(directory) / 'benchmark.sqlite3'}", lambda: None
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        raise BenchmarkError("--database postgres needs DATABASE_URL=postgres://user@host/name")
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(base)
    name = f"{parts.path.strip('/') or 'pontes'}_benchmark_{secrets.token_hex(4)}"[-63:]
    try:
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        raise BenchmarkError(f"cannot create a throwaway PostgreSQL database: {error}") from None

    def drop():
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}")), drop


def server_environment(*, database_url, var_dir):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.benchmark",
        DATABASE_URL=database_url,
        PONTES_VAR_DIR=str(var_dir),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
    )
    return env


# --- preparing the data, in this process, through the apps' own api functions


def prepare_site(what_next):
    """Migrate, load the demo and collect the static files of the throwaway database."""
    import django
    from django.core.management import call_command

    django.setup()
    logging.disable(logging.INFO)
    step("migrate")
    call_command("migrate", interactive=False, verbosity=0)
    step("load_demo_content")
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    call_command("collectstatic", interactive=False, verbosity=0)
    step(what_next)


def bare_page():
    """A plain wagtail Page under the English home (Wagtail's one-line template, no menus):
    the baseline every scenario is compared with."""
    from wagtail.models import Page, Site

    from content.api import publish_page

    home = Site.objects.get(is_default_site=True).root_page
    return publish_page(
        parent=home, page_class=Page, slug="benchmark-bare-page", fields={"title": "Bare page"}
    )


def prepare():
    """Migrate, load the demo, add the learner's history and the bare page; returns a Fixture."""
    prepare_site("learner history and bare page")
    return build_fixture()


def build_fixture():
    from django.conf import settings
    from django.shortcuts import resolve_url
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone, translation
    from wagtail.models import Site

    from accounts.api import ensure_user
    from courses.models import LessonPage, ModulePage
    from progress import api as progress_api

    missing = [f for f in ("complete_lesson", "start_module") if not hasattr(progress_api, f)]
    if missing:
        raise BenchmarkError(f"progress.api has no {', '.join(missing)} yet")

    password = secrets.token_urlsafe(16)
    learner, _created = ensure_user(
        username=LEARNER_USERNAME,
        email=LEARNER_EMAIL,
        password=password,
        display_name="Benchmark learner",
    )
    home = Site.objects.get(is_default_site=True).root_page
    bare = bare_page()
    modules = list(ModulePage.objects.live().filter(locale_id=home.locale_id).order_by("path"))
    if len(modules) < COMPLETED_MODULES + 1:
        raise BenchmarkError(f"the demo has {len(modules)} modules, the benchmark needs 12")
    modules = modules[: COMPLETED_MODULES + 1]
    lessons = {m.id: list(LessonPage.objects.child_of(m).live().order_by("path")) for m in modules}
    start = timezone.now() - timedelta(days=120)
    for number, module in enumerate(modules):
        when = start + timedelta(days=9 * number)
        if number == COMPLETED_MODULES:
            progress_api.start_module(learner=learner, module=module, now=when)
            continue
        for position, lesson in enumerate(lessons[module.id]):
            progress_api.complete_lesson(
                learner=learner, lesson=lesson, now=when + timedelta(minutes=25 * position)
            )

    with translation.override(settings.LANGUAGE_CODE):
        try:
            dashboard_path = reverse("progress:dashboard")
            # (the POST, the "next" the lesson page's form sends along)
            completion_paths = [
                (
                    reverse("progress:complete_lesson", args=[lesson.id]),
                    (lessons[module.id][n + 1] if n + 1 < len(lessons[module.id]) else module).url,
                )
                for module in modules
                for n, lesson in enumerate(lessons[module.id])
            ]
        except NoReverseMatch as error:
            raise BenchmarkError(f"progress/urls.py is not there yet: {error}") from None
        try:
            login_path, username = reverse("accounts:login"), learner.email
        except NoReverseMatch:
            # until the learners' log-in exists: Wagtail's sets the same session
            login_path, username = reverse("wagtailadmin_login"), learner.username
        login_paths = {login_path, urllib.parse.urlsplit(resolve_url(settings.LOGIN_URL)).path}
    return Fixture(
        bare_path=urllib.parse.urlsplit(bare.get_url()).path,
        dashboard_path=dashboard_path,
        completion_paths=completion_paths,
        login_path=login_path,
        login_paths=login_paths,
        username=username,
        password=password,
        learner_id=learner.id,
        session_cookie=settings.SESSION_COOKIE_NAME,
        csrf_cookie=settings.CSRF_COOKIE_NAME,
    )


def close_connections():
    """Before gunicorn opens the database, and before a PostgreSQL database is dropped."""
    from django.apps import apps

    if apps.ready:
        from django.db import connections

        connections.close_all()


def statement_count(learner_id):
    from progress.models import Statement

    return Statement.objects.filter(learner_id=learner_id).count()


# --- the client


class Browser:
    """Just enough of a browser to log in: a cookie jar and form posts."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def cookie_header(self):
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(self, method, path, fields=None):
        headers = {"Cookie": self.cookie_header()} if self.cookies else {}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = http.cookies.SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status


def log_in(browser, fixture):
    """Log the learner in as a browser would: the form's CSRF cookie first, then the post."""
    status = browser.request("GET", fixture.login_path)
    if status != 200 or fixture.csrf_cookie not in browser.cookies:
        raise BenchmarkError(f"GET {fixture.login_path}: HTTP {status}, no CSRF cookie")
    status = browser.request(
        "POST",
        fixture.login_path,
        {
            "csrfmiddlewaretoken": browser.cookies[fixture.csrf_cookie],
            "username": fixture.username,
            "password": fixture.password,
            "next": fixture.dashboard_path,
        },
    )
    if status not in (302, 303) or fixture.session_cookie not in browser.cookies:
        raise BenchmarkError(f"log-in at {fixture.login_path} failed: HTTP {status}")
    status = browser.request("GET", fixture.dashboard_path)
    if status != 200:
        raise BenchmarkError(f"GET {fixture.dashboard_path} after log-in: HTTP {status}")


# --- the scenarios


def scenarios(fixture, browser):
    """Every scenario sends the logged-in learner's cookies, so only the endpoint differs."""
    cookies = browser.cookie_header()
    token = browser.cookies[fixture.csrf_cookie]
    post_bodies = [
        urllib.parse.urlencode({"csrfmiddlewaretoken": token, "next": following}).encode()
        for _path, following in fixture.completion_paths
    ]
    post_headers = {
        "Cookie": cookies,
        "X-CSRFToken": token,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    paths = fixture.completion_paths

    def ok(status, headers):
        return status == 200

    def recorded(status, headers):
        if status in (302, 303):
            location = urllib.parse.urlsplit(headers.get("Location", "")).path
            return location not in fixture.login_paths
        return 200 <= status < 300

    return [
        Scenario(
            "bare Wagtail page",
            lambda i: load.Request("GET", fixture.bare_path, headers={"Cookie": cookies}),
            ok,
        ),
        Scenario(
            "dashboard, 12 modules",
            lambda i: load.Request("GET", fixture.dashboard_path, headers={"Cookie": cookies}),
            ok,
        ),
        Scenario(
            "record a completion",
            lambda i: load.Request(
                "POST", paths[i % len(paths)][0], post_bodies[i % len(paths)], post_headers
            ),
            recorded,
        ),
    ]


def send(scenario, *, port, requests, concurrency):
    offset = scenario.sent
    result = load.run(
        host=HOST,
        port=port,
        build=lambda i: scenario.build(offset + i),
        check=scenario.check,
        requests=requests,
        concurrency=concurrency,
    )
    scenario.sent += requests
    scenario.failures += result.failures
    return result


def measure(runs, *, port, requests, concurrency, warmup, rounds):
    """Warm every scenario up (checked, then discarded), then measure them in turns.

    Taking turns in a few rounds spreads a noisy neighbour's burst over every scenario
    instead of landing on one, which would skew the ratios."""
    for scenario in runs:
        if warmup:
            step(f"warming up: {scenario.name}")
            send(scenario, port=port, requests=warmup, concurrency=concurrency)
    for number in range(rounds):
        share = requests // rounds + (1 if number < requests % rounds else 0)
        for scenario in runs:
            if not share:
                continue
            step(f"round {number + 1} of {rounds}: {scenario.name}")
            result = send(scenario, port=port, requests=share, concurrency=concurrency)
            scenario.latencies += result.latencies
            scenario.elapsed += result.elapsed


# --- the command


def add_run_arguments(parser, *, requests, concurrency, warmup, timeout):
    """The options every benchmark takes, with its own defaults."""
    parser.add_argument("--requests", type=int, default=requests, help="measured per scenario")
    parser.add_argument("--concurrency", type=int, default=concurrency, help="client threads")
    parser.add_argument("--warmup", type=int, default=warmup, help="discarded, per scenario")
    parser.add_argument("--rounds", type=int, default=3, help="scenarios take turns")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--timeout", type=int, default=timeout, help="for the whole run, seconds")


def check_run_arguments(parser, args, *more):
    for name in ("requests", "concurrency", "rounds", "timeout", *more):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.warmup < 0:
        parser.error("--warmup cannot be negative")
    return args


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.learners", description=__doc__)
    add_run_arguments(parser, requests=450, concurrency=4, warmup=30, timeout=600)
    return check_run_arguments(parser, parser.parse_args(argv))


def report(runs, args, workers):
    summaries = [s.summary() for s in runs]
    baseline = summaries[0]
    lines = [
        f"Pontes learners benchmark: {args.database}, gunicorn {workers} sync workers on "
        f"{HOST}, {args.concurrency} client threads; per scenario {args.warmup} warm-up + "
        f"{args.requests} measured requests in {args.rounds} rounds",
        "",
        *table(summaries, baseline),
        "",
    ]
    completion = ratio(summaries[-1].rps, baseline.rps)
    verdict = "met" if completion >= TARGET_COMPLETION_RATIO else "NOT met"
    lines.append(
        f"Target: recording a completion >= {TARGET_COMPLETION_RATIO:.2f} x the bare page's "
        f"throughput: {verdict} ({completion:.2f})"
    )
    return "\n".join(lines)


def serve_and_measure(args, *, prepare_fixture, make_scenarios, count=None, workers=2):
    """What every benchmark run shares: a throwaway database prepared by `prepare_fixture()`,
    gunicorn, a logged-in browser, the scenarios `make_scenarios(fixture, browser)` measured in
    rounds. Returns (runs, failures, counted): `count(fixture)` after the run minus before."""
    with tempfile.TemporaryDirectory(prefix="pontes-benchmark-") as directory:
        database_url, drop_database = throwaway_database(args.database, directory)
        try:
            env = server_environment(database_url=database_url, var_dir=directory)
            os.environ.update(env)
            step(f"preparing a throwaway {args.database} database in {directory}")
            fixture = prepare_fixture()
            before = count(fixture) if count else None
            close_connections()
            step("starting gunicorn")
            with Gunicorn(
                env=env,
                log_path=Path(directory) / "gunicorn.log",
                workers=workers,
                ready_path=fixture.bare_path,
            ) as server:
                step(f"gunicorn on {HOST}:{server.port}; logging in")
                browser = Browser(server.port)
                try:
                    log_in(browser, fixture)
                    runs = make_scenarios(fixture, browser)
                    measure(
                        runs,
                        port=server.port,
                        requests=args.requests,
                        concurrency=args.concurrency,
                        warmup=args.warmup,
                        rounds=args.rounds,
                    )
                except Exception:
                    print(server.log_tail(), file=sys.stderr)
                    raise
                failures = [f for s in runs for f in s.failures]
                if failures:
                    print(server.log_tail(), file=sys.stderr)
            counted = count(fixture) - before if count else None
        finally:
            close_connections()
            drop_database()
    for failure in failures[:20]:
        print(f"FAILED {failure}", file=sys.stderr)
    return runs, failures, counted


def p95_ratio_run(args, *, name, what, target, prepare_fixture, make_scenarios, workers=2):
    """Serve, measure and print a benchmark whose target is its second scenario's p95 within
    `target` x the first's (the bare page); returns the exit status."""
    runs, failures, _counted = serve_and_measure(
        args, prepare_fixture=prepare_fixture, make_scenarios=make_scenarios, workers=workers
    )
    if any(not s.latencies for s in runs):
        print(f"{len(failures)} requests failed; nothing to report", file=sys.stderr)
        return 1
    summaries = [s.summary() for s in runs]
    baseline = summaries[0]
    p95 = ratio(summaries[1].p95_ms, baseline.p95_ms)
    verdict = "met" if p95 is not None and p95 <= target else "NOT met"
    lines = [
        f"Pontes {name} benchmark: {args.database}, gunicorn {workers} sync workers, "
        f"{args.concurrency} client threads; per scenario {args.warmup} warm-up + "
        f"{args.requests} measured requests in {args.rounds} rounds",
        "",
        *table(summaries, baseline),
        "",
        f"Target: {what} within {target:.0f} x the bare page's p95: {verdict} ({p95:.2f})",
    ]
    print("\n".join(lines))
    return 1 if failures else 0


def benchmark(args):
    workers = 2
    runs, failures, stored = serve_and_measure(
        args,
        prepare_fixture=prepare,
        make_scenarios=scenarios,
        count=lambda fixture: statement_count(fixture.learner_id),
        workers=workers,
    )
    if any(not s.latencies for s in runs):
        print(f"{len(failures)} requests failed; nothing to report", file=sys.stderr)
        return 1
    print(report(runs, args, workers))
    completions = args.warmup + args.requests
    print(f"Statements stored by the {completions} completion requests: {stored}")
    if failures:
        print(f"{len(failures)} requests failed", file=sys.stderr)
        return 1
    return 0


def _timed_out(signum, frame):
    raise BenchmarkError("the run took longer than --timeout")


def _terminated(signum, frame):
    raise KeyboardInterrupt


def run(benchmark_function, args):
    """Run a benchmark under --timeout and turn what can go wrong into the exit statuses the
    README lists."""
    signal.signal(signal.SIGALRM, _timed_out)
    signal.signal(signal.SIGTERM, _terminated)
    signal.alarm(args.timeout)
    try:
        return benchmark_function(args)
    except (BenchmarkError, ServerError) as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception:
        traceback.print_exc()
        return 2
    finally:
        signal.alarm(0)


def main(argv=None):
    return run(benchmark, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
