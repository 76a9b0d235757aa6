"""Build throughput against the raw spaCy pass over the same texts, same model and process count.

    python benchmarks/build.py ../shared/data/corpora/bbc [--workers 2] [--limit N]

Runs, in one process tree: (1) raw `nlp.pipe` over the article texts, (2) `dateline build`
of the same files into a fresh database. Reports articles/s, tokens/s, the ratio, and peak RSS.
"""
import argparse
import os
import pathlib
import resource
import shutil
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import report  # noqa: E402
from dateline import builder, ingest, nlp, places  # noqa: E402


def peak_rss_mb():
    """Peak resident memory of this process and of its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024)


def copy_subset(folder, limit, into):
    """The first `limit` article files of a corpus, copied into a temporary folder."""
    files = [p for _, p in ingest.find_files([folder])][:limit]
    for path in files:
        target = into / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    return into


def raw_pass(texts, workers, model_name=None):
    """Seconds and tokens of a plain nlp.pipe over the texts."""
    model = nlp.load_model(model_name)
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in model.pipe(texts, n_process=workers, batch_size=64))
    return time.perf_counter() - started, tokens


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a folder of articles, or a .jsonl file")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--model", default=None)
    parser.add_argument("--out", help="write the JSON result here")
    args = parser.parse_args()
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    corpus = pathlib.Path(args.corpus)
    if args.limit and corpus.is_dir():
        corpus = copy_subset(corpus, args.limit, tmp / "corpus")
    articles = [a for a in ingest.read_articles([corpus]) if not a.get("error")]
    texts = [a["text"] for a in articles]
    places.open_gazetteer(places.DEFAULT_GAZETTEER)

    raw_seconds, tokens = raw_pass(texts, args.workers, args.model)
    started = time.perf_counter()
    summary, _ = builder.build([corpus], db_path=tmp / "news.db", model_name=args.model, workers=args.workers)
    build_seconds = time.perf_counter() - started
    result = {
        "corpus": args.corpus, "articles": len(articles), "tokens": tokens, "workers": args.workers,
        "cpus": os.cpu_count(),
        "raw_spacy": {"seconds": round(raw_seconds, 1), "articles_per_s": round(len(articles) / raw_seconds, 1),
                      "tokens_per_s": round(tokens / raw_seconds)},
        "dateline_build": {"seconds": round(build_seconds, 1), "articles_per_s": round(len(articles) / build_seconds, 1),
                           "tokens_per_s": round(tokens / build_seconds)},
        "ratio": round(raw_seconds / build_seconds, 3),
        # Stage times are summed over worker processes: shares of the work, not of the wall clock.
        "stage_seconds": {k: round(v, 1) for k, v in summary.stage_seconds.items()},
        "stage_share": {k: round(v / sum(summary.stage_seconds.values()), 3) for k, v in summary.stage_seconds.items()},
        "peak_rss_mb": peak_rss_mb(),
        "rows": {"entities": summary.entities, "places": summary.places, "events": summary.events},
    }
    report(result, args.out)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
