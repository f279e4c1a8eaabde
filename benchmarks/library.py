"""Benchmark of the library page (issue 5): a search with and without facets on the library,
and the site search page, against a bare Wagtail page served by the same gunicorn in the same
run; optionally over an index grown with generated documents.

    .venv/bin/python -m benchmarks.library [--requests N] [--concurrency C]
                                           [--database sqlite|postgres] [--documents N]

`--documents N` (default 100,000) adds N generated resources (benchmarks.search.generate) to the
demo's tantivy index before gunicorn starts. Their pages do not exist, so the page drops them
after the query, as it drops any hit whose page is not live: the query and the facet counts run
over the whole index, the rows shown are the demo's. It reports, it does not gate."""

import argparse
import dataclasses
import sys
import urllib.parse

from . import learners
from .learners import Scenario, step

TARGET_P95_RATIO = 2.0
OUR_LICENCES = {
    "cc-by-sa-4.0": "CC-BY-SA-4.0",
    "cc-by-4.0": "CC-BY-4.0",
    "public-domain": "CC0-1.0",
}


def prepare(documents):
    learners.prepare_site("the learner's log-in, the bare page and the index")
    fixture = learners.build_fixture()
    if documents:
        grow_index(documents)
    return fixture


def grow_index(count):
    from search.backends import get_backend

    from .search import generate

    step(f"adding {count:,} generated resources to the index")
    engine = get_backend()
    batch = []
    for document in generate(count, seed=5):
        batch.append(dataclasses.replace(document, key=f"generated:{document.key}"))
        if len(batch) == 10_000:
            engine.index(batch)
            batch = []
    if batch:
        engine.index(batch)


def scenarios(fixture, browser):
    from . import load

    cookies = browser.cookie_header()

    def get(path):
        return lambda i: load.Request("GET", path, headers={"Cookie": cookies})

    def ok(status, headers):
        return status == 200

    query = urllib.parse.quote("arbetsintervju")
    return [
        Scenario("bare Wagtail page", get(fixture.bare_path), ok),
        Scenario("library, a query", get(f"/sv/library/?q={query}"), ok),
        Scenario("library, query + 2 facets", get("/sv/library/?q=cv&type=worksheet&level=B"), ok),
        Scenario("library, 2 facets, no query", get("/fi/library/?type=guide&area=exploring"), ok),
        Scenario("site search, a query", get("/en/search/?q=interview"), ok),
    ]


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.library", description=__doc__)
    learners.add_run_arguments(parser, requests=150, concurrency=2, warmup=10, timeout=1500)
    parser.add_argument(
        "--documents", type=int, default=100_000, help="generated resources added to the index"
    )
    return learners.check_run_arguments(parser, parser.parse_args(argv))


def benchmark(args):
    return learners.p95_ratio_run(
        args,
        name=f"library (tantivy: the demo's resources and {args.documents:,} generated ones)",
        what="the library page with a query",
        target=TARGET_P95_RATIO,
        prepare_fixture=lambda: prepare(args.documents),
        make_scenarios=scenarios,
    )


def main(argv=None):
    return learners.run(benchmark, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
