"""A bounded load generator: a fixed number of requests over a few threads.

Fixed counts rather than a duration, so every run does the same work and ends. Each thread keeps
one HTTP/1.1 connection open while the server allows it (gunicorn's sync workers close it after
each response; http.client then reconnects). Every response is read to the end and checked, so
a fast error page can never pass for throughput."""

import http.client
import threading
import time
from dataclasses import dataclass, field

__all__ = ["Request", "Result", "run"]


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: bytes | None = None
    headers: dict = field(default_factory=dict)


@dataclass
class Result:
    latencies: list  # seconds, one per request that passed its check
    elapsed: float  # wall time of the whole batch, in seconds
    failures: list  # one message per request that failed


def run(*, host, port, build, check, requests, concurrency, timeout=30.0):
    """Send `requests` requests, `build(i)` making the i-th; `check(status, headers)` says
    whether a response is the expected one."""
    if requests < 1 or concurrency < 1:
        raise ValueError("requests and concurrency must be at least 1")
    lock = threading.Lock()
    next_index = iter(range(requests))
    latencies, failures = [], []

    def worker():
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            while True:
                with lock:
                    index = next(next_index, None)
                if index is None:
                    return
                request = build(index)
                started = time.perf_counter()
                try:
                    connection.request(
                        request.method, request.path, body=request.body, headers=request.headers
                    )
                    response = connection.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException) as error:
                    connection.close()
                    with lock:
                        failures.append(f"{request.method} {request.path}: {error!r}")
                    continue
                latency = time.perf_counter() - started
                with lock:
                    if check(response.status, response.headers):
                        latencies.append(latency)
                    else:
                        location = response.headers.get("Location")
                        failures.append(
                            f"{request.method} {request.path}: HTTP {response.status}"
                            + (f" to {location}" if location else "")
                        )
        finally:
            connection.close()

    threads = [
        threading.Thread(target=worker, daemon=True, name=f"load-{n}")
        for n in range(min(concurrency, requests))
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Result(latencies=latencies, elapsed=time.perf_counter() - started, failures=failures)
