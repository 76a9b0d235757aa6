"""Build: ingest -> extract (in-process, a worker pool, or Dask) -> store -> publish."""
import dataclasses
import datetime as dt
import itertools
import multiprocessing
import os
import pathlib
import signal
import sys
import time

from . import ingest, nlp, pipeline, places, store

CHUNK_SIZE = 16
# The figures benchmarks/ measured; published inside the database so the site shows them anywhere.
ACCURACY_FILE = pathlib.Path(__file__).resolve().parent.parent / "accuracy.json"


@dataclasses.dataclass
class Summary:
    """What a build did, for the summary line."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    warnings: int = 0
    entities: int = 0
    places: int = 0
    events: int = 0
    seconds: float = 0.0
    db: str = ""
    stage_seconds: dict = dataclasses.field(default_factory=dict)

    def line(self):
        """One line for the terminal."""
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.removed} removed, {self.failed} failed"
            + (f" ({self.warnings} kept with warnings)" if self.warnings else "")
            + f"; {self.entities} entities, "
            f"{self.places} places, {self.events} events in {self.seconds:.1f}s -> {self.db}"
        )


def chunked(items, size):
    """Lists of up to `size` items."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def run_in_process(chunks, model_name, gazetteer_path):
    """Extract chunk by chunk in this process."""
    for chunk in chunks:
        yield pipeline.extract_articles(chunk, model_name, gazetteer_path)


def run_in_pool(chunks, model_name, gazetteer_path, workers):
    """Extract chunks in a pool of processes, each loading the model once; results in input order."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_ignore_interrupts) as pool:
        jobs = ((chunk, model_name, str(gazetteer_path)) for chunk in chunks)
        yield from pool.imap(_extract_job, jobs)


def _ignore_interrupts():
    # Ctrl-C is handled once, by the driver; workers are ended with the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_job(job):
    chunk, model_name, gazetteer_path = job
    return pipeline.extract_articles(chunk, model_name, gazetteer_path)


def run_on_dask(chunks, model_name, gazetteer_path, address):
    """Extract chunks as Dask tasks on a cluster ('local' starts a LocalCluster); results in input order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise SystemExit("Dask is not installed: pip install 'dateline[dask]'") from None
    cluster = None
    if address == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        futures = []
        for chunk in chunks:
            futures.append(client.submit(pipeline.extract_articles, chunk, model_name, str(gazetteer_path), pure=False))
            # Keep a bounded number of chunks in flight so memory stays flat.
            while len(futures) >= 4 * max(len(client.scheduler_info()["workers"]), 1):
                yield futures.pop(0).result()
        for future in futures:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def plan(paths, known, files, old_errors, version, max_bytes, summary, errors, seen):
    """Articles to (re)process, in input order; counts the unchanged, records errors and ids seen.

    `known` maps article ids to (content_hash, pipeline_version) of the existing database and
    `files` input paths to their size, mtime, article ids and text hashes: a file unchanged
    since it was built is not read again. The same text under a second name is one article:
    the second path is recorded as a duplicate.
    """
    texts = {}
    for path, (_size, _mtime, ids, hashes) in files.items():
        for article_id, text_hash in zip(ids, hashes):
            texts.setdefault(text_hash, {"path": path, "id": article_id})

    def unchanged(rel_path, size, mtime):
        entry = files.get(rel_path)
        return entry is not None and entry[0] == size and entry[1] == mtime

    for item in ingest.read_articles(paths, max_bytes=max_bytes, unchanged=unchanged):
        if "unchanged_file" in item:
            path = item["unchanged_file"]
            for article_id in files[path][2]:
                seen[article_id] = path
                summary.unchanged += 1
            errors.extend(old_errors.get(path, ()))
            continue
        if item.get("error"):
            errors.append(item)
            continue
        first = texts.get(item["text_hash"])
        if first is not None and first["id"] != item["id"]:
            reason = (f"duplicate of {first['path']} (same text)" if first["path"] != item["path"]
                      else f"{item['id']!r} repeats the text of {first['id']!r} (built once)")
            errors.append(ingest.ingest_error(item["path"], None, reason, kept=True, article_id=first["id"]))
            continue
        if item["id"] in seen:
            errors.append(ingest.ingest_error(item["path"], None, f"article id {item['id']!r} already used by {seen[item['id']]}"))
            continue
        texts[item["text_hash"]] = {"path": item["path"], "id": item["id"]}
        seen[item["id"]] = item["path"]
        old = known.get(item["id"])
        if old == (item["content_hash"], version):
            summary.unchanged += 1
            continue
        item["_status"] = "updated" if old else "added"
        yield item


def build(paths, db_path="build/news.db", model_name=None, workers=1, dask=None,
          gazetteer_path=places.DEFAULT_GAZETTEER, max_bytes=ingest.DEFAULT_MAX_BYTES,
          prune=False, progress=None):
    """Build or update the database at `db_path` from files and folders; return a Summary."""
    started = time.monotonic()
    model = nlp.load_model(model_name)
    version = pipeline.pipeline_version(model)
    places.open_gazetteer(gazetteer_path)
    db = store.open_build(db_path)
    summary, errors, seen = Summary(db=str(db_path)), [], {}
    old_errors = store.previous_errors(db)
    # The plan is consumed by the worker pool's feeder thread: it must not touch the database.
    todo = plan(paths, store.known_articles(db), store.known_files(db, version), old_errors,
                version, max_bytes, summary, errors, seen)
    statuses = {}

    def tracked(items):
        for item in items:
            statuses[item["id"]] = item.pop("_status")
            yield item

    chunks = chunked(tracked(todo), CHUNK_SIZE)
    first = next(chunks, None)
    # Nothing new: no worker pool, no cluster, no model in other processes.
    chunks = itertools.chain([first], chunks) if first is not None else iter(())
    if first is None:
        results = iter(())
    elif dask:
        results = run_on_dask(chunks, model_name, gazetteer_path, dask)
    elif workers > 1:
        results = run_in_pool(chunks, model_name, gazetteer_path, workers)
    else:
        results = run_in_process(chunks, model_name, gazetteer_path)
    entity_cache, ids = {}, store.IdAllocator(db)
    for chunk_results in results:
        for result in chunk_results:
            for stage, seconds in result.pop("seconds", {}).items():
                summary.stage_seconds[stage] = summary.stage_seconds.get(stage, 0.0) + seconds
            write_started = time.monotonic()
            store.write_article(db, result, version, entity_cache, ids)
            summary.stage_seconds["store"] = summary.stage_seconds.get("store", 0.0) + time.monotonic() - write_started
            status = statuses.pop(result["article"]["id"])
            setattr(summary, status, getattr(summary, status) + 1)
            if progress:
                progress(1)
        db.conn.commit()
    if prune:
        for article_id in set(store.known_articles(db)) - set(seen):
            store.delete_article(db, article_id)
            summary.removed += 1
    summary.failed = sum(1 for e in errors if not e["kept"])
    summary.warnings = len(errors) - summary.failed
    accuracy = ACCURACY_FILE.read_text(encoding="utf-8") if ACCURACY_FILE.exists() else "{}"
    if nothing_changed(db, summary, errors, old_errors, version, accuracy):
        store.discard_build(db, db_path)
        summary.seconds = time.monotonic() - started
        return summary, errors
    store.record_errors(db, errors)
    store.set_meta(
        db,
        accuracy=accuracy,
        model=nlp.model_version(model),
        pipeline_version=version,
        built_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        schema_version=store.SCHEMA_VERSION,
    )
    db.conn.commit()
    summary.entities = db["entities"].count
    summary.places = db["places"].count
    summary.events = db["events"].count
    publish_started = time.monotonic()
    store.publish(db, db_path)
    summary.stage_seconds["publish"] = time.monotonic() - publish_started
    summary.seconds = time.monotonic() - started
    return summary, errors


def error_keys(errors):
    return sorted((e["path"], e["record"] or 0, e["reason"]) for e in errors)


def nothing_changed(db, summary, errors, old_errors, version, accuracy):
    """True when this build would publish the same database again (counts filled in from it)."""
    if summary.added or summary.updated or summary.removed:
        return False
    if error_keys(errors) != error_keys([e for es in old_errors.values() for e in es]):
        return False
    meta = {r["key"]: r["value"] for r in db.query("select key, value from dateline_meta")}
    if meta.get("pipeline_version") != version or meta.get("accuracy") != accuracy:
        return False
    summary.entities = db["entities"].count
    summary.places = db["places"].count
    summary.events = db["events"].count
    return True


def default_workers():
    """One worker per CPU."""
    return os.cpu_count() or 1


def progress_bar(enabled):
    """A tqdm progress callback on a terminal, else None."""
    if not enabled or not sys.stderr.isatty():
        return None, None
    from tqdm import tqdm

    bar = tqdm(unit=" articles", file=sys.stderr)
    return bar.update, bar
