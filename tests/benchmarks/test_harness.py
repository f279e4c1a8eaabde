"""The benchmark harness's own parts: statistics, the report table and the load generator, the
latter against a tiny local HTTP server. Nothing here starts gunicorn or times anything."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from benchmarks import load
from benchmarks.stats import Summary, percentile, ratio, summarise, table


def test_percentile_interpolates_between_the_closest_ranks():
    assert percentile([4, 1, 3, 2], 50) == 2.5
    assert percentile(range(1, 101), 95) == pytest.approx(95.05)


def test_percentile_ends_are_the_smallest_and_largest_values():
    values = [0.3, 0.1, 0.2]
    assert percentile(values, 0) == 0.1
    assert percentile(values, 100) == 0.3


def test_percentile_of_a_single_value_is_that_value():
    assert percentile([0.25], 95) == 0.25


@pytest.mark.parametrize("values, q", [([], 50), ([1], 101), ([1], -1)])
def test_percentile_refuses_what_it_cannot_compute(values, q):
    with pytest.raises(ValueError):
        percentile(values, q)


def test_ratio_compares_with_the_baseline():
    assert ratio(80, 100) == 0.8
    assert ratio(150, 100) == 1.5


def test_ratio_without_a_baseline_is_none():
    assert ratio(5, 0) is None


def test_summary_gives_throughput_and_milliseconds():
    summary = summarise("page", [0.010, 0.020, 0.030, 0.040], elapsed=2.0)
    assert summary.requests == 4
    assert summary.rps == 2.0
    assert summary.p50_ms == pytest.approx(25.0)
    assert summary.p95_ms == pytest.approx(38.5)


def test_table_shows_each_scenario_as_a_ratio_of_the_baseline():
    bare = Summary("bare", 100, rps=200.0, p50_ms=5.0, p95_ms=10.0)
    slow = Summary("slow", 100, rps=150.0, p50_ms=8.0, p95_ms=25.0)
    header, bare_row, slow_row = table([bare, slow], bare)
    assert header.split()[:2] == ["scenario", "requests"]
    assert bare_row.split()[-2:] == ["1.00", "1.00"]
    assert slow_row.split()[-2:] == ["0.75", "2.50"]


class Handler(BaseHTTPRequestHandler):
    """200 on /ok, 500 on /broken; records every request it is sent."""

    protocol_version = "HTTP/1.1"  # keep-alive, as the generator expects

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append((self.command, self.path, self.headers.get("X-Test"), body))
        status = 500 if self.path.startswith("/broken") else 200
        content = b"hello"
        self.send_response(status)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    do_GET = do_POST = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def send(server, build, requests=9, concurrency=3):
    return load.run(
        host="127.0.0.1",
        port=server.server_address[1],
        build=build,
        check=lambda status, headers: status == 200,
        requests=requests,
        concurrency=concurrency,
        timeout=10,
    )


def test_load_sends_exactly_the_requested_number(server):
    result = send(server, lambda i: load.Request("GET", "/ok"))
    assert len(result.latencies) == 9
    assert result.failures == []
    assert len(server.seen) == 9


def test_load_builds_each_request_once_with_its_body_and_headers(server):
    result = send(
        server,
        lambda i: load.Request("POST", f"/ok/{i}", body=b"n=%d" % i, headers={"X-Test": "yes"}),
    )
    assert result.failures == []
    assert sorted(path for _m, path, _h, _b in server.seen) == sorted(f"/ok/{i}" for i in range(9))
    assert {(method, header) for method, _p, header, _b in server.seen} == {("POST", "yes")}
    assert sorted(body for *_rest, body in server.seen) == sorted(b"n=%d" % i for i in range(9))


def test_an_unexpected_status_is_a_failure_not_a_latency(server):
    result = send(server, lambda i: load.Request("GET", "/broken" if i % 3 == 0 else "/ok"))
    assert len(result.latencies) == 6
    assert len(result.failures) == 3
    assert all("HTTP 500" in failure for failure in result.failures)


def test_a_refused_connection_is_a_failure(server):
    port = server.server_address[1]
    server.shutdown()
    server.server_close()
    result = load.run(
        host="127.0.0.1",
        port=port,
        build=lambda i: load.Request("GET", "/ok"),
        check=lambda status, headers: True,
        requests=2,
        concurrency=1,
        timeout=5,
    )
    assert result.latencies == []
    assert len(result.failures) == 2
