"""Geoparsing accuracy on gold toponyms with coordinates (GeoWebNews, GeoVirus).

    python benchmarks/geo.py ../shared/data/gold/geo/geowebnews.xml ../shared/data/gold/geo/geovirus.xml

For every gold toponym that has coordinates: detected (a dateline mention overlaps it and
was resolved to a place, or it is the dateline's town and the article's dateline_place_id is
set), accuracy within 161 km of those detected, and mean and median error. Uses the same code
path as `dateline build`. --record writes accuracy.json.
"""
import argparse
import collections
import datetime as dt
import json
import pathlib
import statistics
import time
import xml.etree.ElementTree as ET

from common import extract_texts, haversine_km, offset_map, record_accuracy


def read_gold(path):
    """Articles as {"text", "toponyms": [(start, end, lat, lon, type)]} from either gold format."""
    root = ET.parse(path).getroot()
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        if article.find("toponyms") is not None:  # GeoWebNews: 0-based offsets
            for t in article.find("toponyms"):
                if t.findtext("latitude"):
                    toponyms.append((int(t.findtext("start")), int(t.findtext("end")),
                                     float(t.findtext("latitude")), float(t.findtext("longitude")), t.findtext("type")))
        else:  # GeoVirus: 1-based offsets
            for t in article.find("locations"):
                toponyms.append((int(t.findtext("start")) - 1, int(t.findtext("end")) - 1,
                                 float(t.findtext("lat")), float(t.findtext("lon")), "Literal"))
        articles.append({"text": text, "toponyms": toponyms})
    return articles


def dateline_mention(article):
    """The dateline's town as a resolved mention ("TORONTO —"): the gold counts it as a toponym."""
    dateline, place_id = article.get("dateline"), article.get("dateline_place_id")
    if not dateline or not place_id:
        return []
    town = dateline.split("(")[0].split(",")[0].strip()
    start = article["text"].find(town)
    return [{"start": start, "end": start + len(town), "place_id": place_id, "norp_place_id": None}] if start >= 0 else []


def score(path, wrong=None):
    """Figures for one gold file; each error beyond 161 km is appended to `wrong` if given."""
    gold = read_gold(path)
    errors, missed, by_type = [], 0, collections.defaultdict(lambda: [0, 0])
    by_precision = collections.defaultdict(list)  # resolved feature -> errors in km
    started = time.perf_counter()
    for record, result in extract_texts(gold):
        mapped = offset_map(record["text"], result["article"]["text"])
        coords = {p["id"]: (p["latitude"], p["longitude"]) for p in result["places"]}
        mentions = [m for m in result["mentions"] if m["place_id"] or m["norp_place_id"]]
        mentions += dateline_mention(result["article"])
        for start, end, lat, lon, kind in record["toponyms"]:
            s, e = mapped(start), mapped(end)
            hits = [m for m in mentions if m["start"] < e and m["end"] > s]
            by_type[kind][0] += 1
            if not hits:
                missed += 1
                continue
            best = max(hits, key=lambda m: min(m["end"], e) - max(m["start"], s))
            plat, plon = coords[best["place_id"] or best["norp_place_id"]]
            km = haversine_km(lat, lon, plat, plon)
            errors.append(km)
            by_type[kind][1] += km <= 161
            place = next(p for p in result["places"] if p["id"] == (best["place_id"] or best["norp_place_id"]))
            by_precision[place["feature"]].append(km)
            if km > 161 and wrong is not None:
                wrong.append({"gold_file": pathlib.Path(path).name, "text": record["text"][start:end], "gold": [lat, lon], "km": round(km),
                              "resolved": [place["name"], place["feature"], place["country_code"]],
                              "context": record["text"][max(0, start - 60):end + 60]})
    total = len(errors) + missed
    return {
        "gold": pathlib.Path(path).name, "toponyms": total, "detected": round(len(errors) / total, 3),
        "accuracy_161km": round(sum(k <= 161 for k in errors) / len(errors), 3),
        "accuracy_161km_of_all": round(sum(k <= 161 for k in errors) / total, 3),
        "mean_error_km": round(statistics.mean(errors)), "median_error_km": round(statistics.median(errors), 1),
        "seconds": round(time.perf_counter() - started, 1),
        "accuracy_by_type": {k: round(v[1] / v[0], 3) for k, v in sorted(by_type.items())},
        # Cities carry GeoNames' own point; countries, divisions and regions a reference point the
        # gold may place elsewhere (GeoVirus uses Wikipedia's), hence the split.
        "by_precision": {k: {"toponyms": len(v), "accuracy_161km": round(sum(x <= 161 for x in v) / len(v), 3),
                             "median_error_km": round(statistics.median(v), 1)}
                         for k, v in sorted(by_precision.items())},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--record", action="store_true", help="write the figures to accuracy.json")
    parser.add_argument("--errors", help="write every toponym resolved more than 161 km away here (JSON lines)")
    args = parser.parse_args()
    wrong = [] if args.errors else None
    results = [score(path, wrong) for path in args.gold]
    if args.errors:
        pathlib.Path(args.errors).write_text("".join(json.dumps(w) + "\n" for w in wrong))
    for r in results:
        print(f"{r['gold']:18} toponyms {r['toponyms']:5}  detected {r['detected']:.3f}  "
              f"acc@161km {r['accuracy_161km']:.3f} (of all {r['accuracy_161km_of_all']:.3f})  "
              f"mean {r['mean_error_km']} km  median {r['median_error_km']} km  ({r['seconds']}s)")
        print("    " + "  ".join(f"{k} {v['toponyms']}: {v['accuracy_161km']:.3f}, median {v['median_error_km']} km"
                                for k, v in r["by_precision"].items()))
    if args.record:
        record_accuracy("geoparsing", {"measured": dt.date.today().isoformat(), "results": results})


if __name__ == "__main__":
    main()
