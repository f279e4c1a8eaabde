"""Summaries of one scenario's latencies, and ratios against the baseline of the same run.

The machines are shared and noisy, so only ratios to a page served in the same run are
compared between runs; the absolute figures are printed for context."""

from dataclasses import dataclass

__all__ = ["Summary", "percentile", "ratio", "summarise", "table"]


def percentile(values, q):
    """The q-th percentile (0 to 100), interpolated between the closest ranks.

    Interpolation (numpy's default) keeps the p95 of a few hundred requests from being just
    one unlucky request."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is not between 0 and 100")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def ratio(value, baseline):
    """value / baseline, or None when there is no baseline to compare against."""
    if not baseline:
        return None
    return value / baseline


@dataclass(frozen=True)
class Summary:
    name: str
    requests: int
    rps: float
    p50_ms: float
    p95_ms: float


def summarise(name, latencies, elapsed):
    """Throughput over the scenario's wall time and latency percentiles in milliseconds."""
    return Summary(
        name=name,
        requests=len(latencies),
        rps=len(latencies) / elapsed if elapsed > 0 else 0.0,
        p50_ms=percentile(latencies, 50) * 1000,
        p95_ms=percentile(latencies, 95) * 1000,
    )


def _number(value, digits):
    return "-" if value is None else f"{value:.{digits}f}"


def table(summaries, baseline):
    """The report's lines: one row per scenario, each with its ratios to `baseline`.

    A throughput ratio above 1 is faster than the baseline; a latency ratio above 1 is slower."""
    header = ("scenario", "requests", "rps", "p50 ms", "p95 ms", "rps vs bare", "p95 vs bare")
    rows = [
        (
            s.name,
            str(s.requests),
            _number(s.rps, 1),
            _number(s.p50_ms, 1),
            _number(s.p95_ms, 1),
            _number(ratio(s.rps, baseline.rps), 2),
            _number(ratio(s.p95_ms, baseline.p95_ms), 2),
        )
        for s in summaries
    ]
    return align(header, rows)


def align(header, rows):
    """Text table lines: the first column left-aligned, the others right-aligned."""
    widths = [max(len(row[n]) for row in [header, *rows]) for n in range(len(header))]
    return [
        "  ".join(
            cell.ljust(width) if n == 0 else cell.rjust(width)
            for n, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *rows]
    ]
