"""Helpers shared by the benchmarks: run texts through the same code path as `dateline build`."""
import bisect
import difflib
import json
import math
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline import ingest, nlp, pipeline, places  # noqa: E402

ACCURACY_FILE = ROOT / "accuracy.json"


def extract_texts(records, model_name=None, gazetteer_path=places.DEFAULT_GAZETTEER):
    """Yield (record, result) for dicts with "text" (and optionally "published"), as a build would."""
    model = nlp.load_model(model_name)
    gazetteer = places.open_gazetteer(gazetteer_path)
    articles = []
    for n, record in enumerate(records):
        article = ingest.make_article({"text": record["text"], "published": record.get("published")},
                                      None, f"gold/{n}.txt")
        article["_record"] = record
        articles.append(article)
    for article, parsed in nlp.parse_articles(model, articles):
        record = article.pop("_record")
        yield record, pipeline.extract_article(article, parsed, gazetteer)


def offset_map(original, repaired):
    """A function from offsets in `original` to offsets in `repaired` (text repair drops characters)."""
    if original == repaired:
        return lambda i: i
    starts, targets = [], []
    matcher = difflib.SequenceMatcher(None, original, repaired, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        starts.append(i1)
        targets.append((tag, i1, j1, j2))

    def mapped(i):
        k = bisect.bisect_right(starts, i) - 1
        tag, i1, j1, j2 = targets[max(k, 0)]
        return min(j1 + (i - i1), j2) if tag == "equal" else j1
    return mapped


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, a)))


def record_accuracy(section, figures):
    """Merge measured figures into accuracy.json, which the site's front page shows."""
    data = json.loads(ACCURACY_FILE.read_text()) if ACCURACY_FILE.exists() else {}
    data[section] = figures
    ACCURACY_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def report(result, out=None):
    """Print a benchmark's JSON result and write it to `out` when given."""
    text = json.dumps(result, indent=2)
    print(text)
    if out:
        pathlib.Path(out).write_text(text)
