"""Bounded load on a served dateline database: latency percentiles, errors and server memory.

    python benchmarks/serve.py build/news.db [--concurrency 16] [--requests 2000] [--cold] [--workers N]

Starts `dateline serve` on 127.0.0.1 only, sends a fixed
number of requests over the main pages and JSON endpoints, and stops. Prints one line per
kind of page and a JSON summary (also written with --out). Pages repeat, as they do for real
visitors, so most are answered from the response cache; --cold makes every URL unique
(`&_cold=N`) to measure rendering alone.
"""
import argparse
import asyncio
import json
import pathlib
import statistics
import sys
import time

import httpx

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests"))
from conftest import start_server, stop_server  # noqa: E402  (the same server launcher the tests use)

PAGES = {
    "table": ["/news/articles", "/news/entities", "/news/places", "/news/events", "/news/mentions"],
    "facet": ["/news/events?_facet=plover", "/news/entities?_facet=type", "/news/articles?_facet=source",
              "/news/events?_facet=cameo_root&_facet=quad_class"],
    "search": ["/news/articles?_search=oil", "/news/articles?_search=bank+rates", "/news/sentences?_search=talks"],
    "json": ["/news/events.json?_shape=array", "/news/entities.json?_shape=array&type=PERSON",
             "/news/places.json?_shape=array", "/news/articles.json?_shape=array&_search=trade"],
    "query": ["/news/unresolved_places.json", "/news/events_map.json?plover=ASSAULT",
              "/news/cooccurring_entities.json?entity=United+States"],
}


def rss_kb(session):
    """Resident memory of every process of a session (the server and its workers), in kB (Linux)."""
    total = 0
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session:  # field 6 of /proc/PID/stat: the session id
                status = (stat.parent / "status").read_text()
                total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
        except (OSError, StopIteration, IndexError, ValueError):
            continue
    return total


async def run_load(base, concurrency, total, cold=False):
    """Send `total` requests, `concurrency` at a time; return {kind: [latencies]}, errors."""
    urls = [(kind, path) for kind, paths in PAGES.items() for path in paths]
    latencies = {kind: [] for kind in PAGES}
    errors = []
    queue = asyncio.Queue()
    for n in range(total):
        kind, path = urls[n % len(urls)]
        if cold:
            path += ("&" if "?" in path else "?") + f"_cold={n}"
        queue.put_nowait((kind, path))

    async def worker(client):
        while True:
            try:
                kind, path = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            started = time.perf_counter()
            try:
                response = await client.get(base + path)
                body = response.text
                if response.status_code != 200 or "facet timed out" in body.lower():
                    errors.append(f"{response.status_code} {path}")
            except httpx.HTTPError as e:
                errors.append(f"{type(e).__name__} {path}")
            latencies[kind].append((time.perf_counter() - started) * 1000)

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return latencies, errors


def percentile(values, q):
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--cold", action="store_true", help="unique URLs: no response-cache hits")
    parser.add_argument("--workers", type=int, default=1, help="server processes (dateline serve --workers)")
    parser.add_argument("--out")
    args = parser.parse_args()
    base, proc = start_server(pathlib.Path(args.db), args.workers)
    try:
        asyncio.run(run_load(base, args.concurrency, min(200, args.requests)))  # warm caches
        rss_before = rss_kb(proc.pid)
        started = time.perf_counter()
        latencies, errors = asyncio.run(run_load(base, args.concurrency, args.requests, args.cold))
        seconds = time.perf_counter() - started
        rss_after = rss_kb(proc.pid)
    finally:
        stop_server(proc)
    summary = {"db": args.db, "requests": args.requests, "concurrency": args.concurrency, "cold": args.cold, "workers": args.workers,
               "seconds": round(seconds, 1), "errors": len(errors), "error_samples": errors[:5],
               "server_rss_mb_before": round(rss_before / 1024), "server_rss_mb_after": round(rss_after / 1024),
               "pages": {}}
    everything = [v for values in latencies.values() for v in values]
    for kind, values in [*latencies.items(), ("all", everything)]:
        row = {f"p{q}": round(percentile(values, q), 1) for q in (50, 95, 99)}
        summary["pages"][kind] = row
        print(f"{kind:7} n={len(values):5}  p50 {row['p50']:7.1f} ms  p95 {row['p95']:7.1f} ms  p99 {row['p99']:7.1f} ms")
    print(f"errors: {len(errors)}  server RSS {summary['server_rss_mb_before']} -> {summary['server_rss_mb_after']} MB"
          f"  ({args.requests} requests in {seconds:.1f}s)")
    print(json.dumps(summary))
    if args.out:
        pathlib.Path(args.out).write_text(json.dumps(summary, indent=2))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
