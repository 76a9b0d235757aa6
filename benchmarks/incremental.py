"""Incremental builds: a no-op rebuild and adding one article, against the full build.

    python benchmarks/incremental.py ../shared/data/corpora/bbc [--workers 2]

Copies the corpus to a temporary folder, builds it, rebuilds it unchanged, then adds one
new article (written here) and rebuilds. The model load is timed separately.
"""
import argparse
import os
import pathlib
import shutil
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from common import report  # noqa: E402
from dateline import builder, nlp  # noqa: E402

NEW_ARTICLE = "Protesters marched through Lisbon on Saturday, police said, as talks with unions stalled.\n"


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--out")
    args = parser.parse_args()
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="dateline-incr-"))
    corpus = tmp / "corpus"
    shutil.copytree(args.corpus, corpus)
    db = tmp / "news.db"
    model_load, _ = timed(nlp.load_model)
    full, (first, _) = timed(builder.build, [corpus], db_path=db, workers=args.workers)
    noop, (second, _) = timed(builder.build, [corpus], db_path=db, workers=args.workers)
    (corpus / "zz-new-article.txt").write_text(NEW_ARTICLE)
    plus_one, (third, _) = timed(builder.build, [corpus], db_path=db, workers=1)
    result = {
        "corpus": args.corpus, "articles": first.added, "workers": args.workers, "cpus": os.cpu_count(),
        "model_load_s": round(model_load, 2), "full_build_s": round(full, 1),
        "noop_rebuild_s": round(noop, 2), "noop_share_of_full": round(noop / full, 4),
        "noop_unchanged": second.unchanged, "plus_one_s": round(plus_one, 2), "plus_one_added": third.added,
        "db_mb": round(db.stat().st_size / 1e6, 1),
    }
    report(result, args.out)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
