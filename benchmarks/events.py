"""Event coding accuracy: PLOVER type and actors of the top event, and event locations.

    python benchmarks/events.py ../shared/data/gold/events/plover-gsr-dev.json \
        ../shared/data/gold/events/event-location-dev.jsonl.gz [--limit N] [--record]

PLOVER gold: the most confident event dateline codes in each sentence is compared with the
gold type (release 0.5 spells ASSAULT's conventional combat FIGHT), then with its source and
target (an actor matches when the gold actor text is part of dateline's, or the reverse).
Location gold: for the sentence's marked event verb, the toponym dateline attaches to it
must overlap a marked location, or both must be none; a verb the lexicon reads in a sense that
is no event ("prices shot up") has none, as in the build. Same code path as `dateline build`.
"""
import argparse
import collections
import datetime as dt
import gzip
import json
import time

from common import extract_texts, ingest, nlp, pipeline, places, record_accuracy

from dateline import events

OLD_NAMES = {"FIGHT": "ASSAULT"}


def actor_matches(gold_actors, text):
    """True when any gold actor text and dateline's actor text contain one another."""
    if not gold_actors:
        return True
    text = (text or "").lower()
    return bool(text) and any(g["actorText"].lower() in text or text in g["actorText"].lower() for g in gold_actors)


def score_plover(path, limit=None):
    gold = json.load(open(path, encoding="utf-8"))[:limit]
    records = [{"text": r["text"], "published": r.get("date"), "gold": r} for r in gold]
    confusion = collections.Counter()
    typed = full = with_event = 0
    for record, result in extract_texts(records):
        g = record["gold"]
        expected = OLD_NAMES.get(g["event"], g["event"])
        coded = [e for e in result["events"] if e["plover"]]
        if not coded:
            confusion[(expected, None)] += 1
            continue
        with_event += 1
        top = max(coded, key=lambda e: (e["confidence"], -e["trigger_start"]))
        confusion[(expected, top["plover"])] += 1
        if top["plover"] == expected:
            typed += 1
            if actor_matches(g.get("source"), top["actor1"]) and actor_matches(g.get("target"), top["actor2"]):
                full += 1
    n = len(records)
    return {"gold": path.rsplit("/", 1)[-1], "sentences": n, "with_event": round(with_event / n, 3),
            "type_accuracy": round(typed / n, 3), "type_source_target_accuracy": round(full / n, 3),
            "top_confusions": [f"{a}->{b}: {c}" for (a, b), c in confusion.most_common() if a != b][:10]}


def token_span(tokens, first, last):
    last = min(last, len(tokens) - 1)
    return tokens[first]["start"], tokens[last]["end"]


def names_gold_place(predicted, gold, mentions, text):
    """True when the predicted mention overlaps a gold location, or names the same place elsewhere
    in the sentence ("shot at her Jaffna home" when the gold marks the first "Jaffna")."""
    if any(predicted["start"] < b and predicted["end"] > a for a, b in gold):
        return True
    golden = [m for m in mentions if any(m["start"] < b and m["end"] > a for a, b in gold)]
    place_id = (predicted.get("place") or {}).get("geonameid")
    return any(text[a:b].lower() == predicted["text"].lower() for a, b in gold) or any(
        place_id is not None and (m.get("place") or {}).get("geonameid") == place_id for m in golden)


def score_locations(path, limit=None):
    """Share of sentences whose event verb gets the right location (or rightly none)."""
    model = nlp.load_model()
    gazetteer = places.open_gazetteer(places.DEFAULT_GAZETTEER)
    records = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            verbs = [s for s in r["spans"] if s["label"] == "VERB"]
            if len(verbs) != 1:
                continue
            tokens = r["tokens"]
            # Character offsets are sometimes wrong in this file; the token ids are right.
            verb = token_span(tokens, verbs[0]["token_start"], verbs[0]["token_end"])
            locations = [token_span(tokens, s["token_start"], s["token_end"]) for s in r["spans"] if s["label"] == "LOCATION"]
            # Two teams annotated the file; they disagree on when a sentence has no location.
            team = "RA" if r.get("annotator") == "RA" else "other"
            records.append({"text": r["text"], "verb": verb, "locations": locations, "team": team})
            if limit and len(records) >= limit:
                break
    tally = collections.defaultdict(collections.Counter)
    articles = []
    for n, record in enumerate(records):
        article = ingest.make_article({"text": record["text"]}, None, f"gold/{n}.txt")
        article["_record"] = record
        articles.append(article)
    for article, parsed in nlp.parse_articles(model, articles):
        record = article.pop("_record")
        mapped = __import__("common").offset_map(record["text"], article["text"])
        _, units, mentions, _, _ = pipeline.analyze_article(article, parsed, gazetteer)
        v_start, v_end = mapped(record["verb"][0]), mapped(record["verb"][1])
        trigger = None
        for offset, span, _kind, _idx in units:
            for token in span:
                if offset + token.idx < v_end and offset + token.idx + len(token) > v_start:
                    trigger = token
                    break
            if trigger is not None:
                break
        # A sense that is no event ("prices shot up") gets no event in the build, so no location.
        predicted = events.location_of(trigger, offset, mentions) if trigger is not None and not (
            events.is_no_event_sense(trigger)) else None
        gold = [(mapped(a), mapped(b)) for a, b in record["locations"]]
        for team in (record["team"], "all"):
            t = tally[team]
            t["sentences"] += 1
            t["with_gold"] += bool(gold)
            if predicted is None:
                t["right_none"] += not gold
            elif names_gold_place(predicted, gold, mentions, article["text"]):
                t["found"] += 1
    figures = {team: location_figures(t) for team, t in tally.items()}
    return {"gold": path.rsplit("/", 1)[-1], **figures.pop("all"), "by_annotator_team": figures}


def location_figures(t):
    """Accuracy, share of gold locations found and share of rightly-none from one tally."""
    return {"sentences": t["sentences"], "right": t["found"] + t["right_none"],
            "location_accuracy": round((t["found"] + t["right_none"]) / t["sentences"], 3),
            "with_gold_location": t["with_gold"], "gold_location_found": round(t["found"] / max(t["with_gold"], 1), 3),
            "correct_none": round(t["right_none"] / max(t["sentences"] - t["with_gold"], 1), 3)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plover_gold")
    parser.add_argument("location_gold")
    parser.add_argument("--limit", type=int, default=None, help="only the first N location sentences")
    parser.add_argument("--record", action="store_true", help="write the figures to accuracy.json")
    args = parser.parse_args()
    started = time.perf_counter()
    plover = score_plover(args.plover_gold)
    location = score_locations(args.location_gold, args.limit)
    print(f"PLOVER  sentences {plover['sentences']}  with an event {plover['with_event']:.3f}  "
          f"type {plover['type_accuracy']:.3f}  type+source+target {plover['type_source_target_accuracy']:.3f}")
    print("        confusions:", ", ".join(plover["top_confusions"]))
    print(f"LOCATION sentences {location['sentences']}  right location or rightly none {location['location_accuracy']:.3f}"
          f" ({location['right']:,})"
          f"  (gold location found {location['gold_location_found']:.3f}, correct none {location['correct_none']:.3f})")
    for team, f in sorted(location["by_annotator_team"].items()):
        print(f"         annotator team {team}: {f['sentences']} sentences, {f['location_accuracy']:.3f}"
              f"  (found {f['gold_location_found']:.3f}, correct none {f['correct_none']:.3f})")
    print(f"({time.perf_counter() - started:.0f}s)")
    if args.record:
        record_accuracy("events", {"measured": dt.date.today().isoformat(), "plover": plover, "location": location})


if __name__ == "__main__":
    main()
