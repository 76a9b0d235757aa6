"""Pipeline: run the stages over parsed articles and return plain rows for the store.

`extract_articles` is the unit of work a process, a worker pool or a Dask task runs:
it takes article dicts and returns result dicts that hold no spaCy objects.
"""
import hashlib
import pathlib
import time

from . import entities, events, nlp, places

DATA = pathlib.Path(__file__).parent / "data"
PIPELINE_CODE_VERSION = "1"
HEADING_MAX_WORDS = 8


def pipeline_version(model):
    """A fingerprint of the model, the rule data and the code: articles built with another are redone."""
    digest = hashlib.sha256(PIPELINE_CODE_VERSION.encode())
    digest.update(nlp.model_version(model).encode())
    for path in sorted([*DATA.iterdir(), *DATA.parent.glob("*.py")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def sentence_kind(segment, sent):
    """body, caption, title, or heading (a short line without closing punctuation)."""
    if segment["kind"] != "body":
        return segment["kind"]
    words = [t for t in sent if not t.is_punct]
    text = sent.text.strip()
    is_whole_segment = sent.start == 0 and sent.end == len(sent.doc)
    if is_whole_segment and len(words) <= HEADING_MAX_WORDS and text[-1:] not in ".!?\"'”’:":
        return "heading"
    return "body"


def sentences_of(article, parsed):
    """Sentence rows and the spaCy sentence spans they came from, in text order."""
    rows, spans = [], []
    for segment, doc in parsed:
        offset = segment["start"]
        if segment["kind"] == "caption":
            rows.append({"idx": len(rows), "start": offset, "end": segment["end"], "kind": "caption",
                         "text": article["text"][offset:segment["end"]], "credit": segment["credit"]})
            spans.append((offset, doc[:], "caption"))
            continue
        for sent in doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            kind = sentence_kind(segment, sent)
            rows.append({"idx": len(rows), "start": start, "end": start + len(text), "kind": kind,
                         "text": article["text"][start:start + len(text)], "credit": None})
            spans.append((offset, sent, kind))
    return rows, spans


def extract_article(article, parsed, gazetteer):
    """All rows of one parsed article: sentences, mentions (with places) and events."""
    clock = time.perf_counter
    started = clock()
    sentences, spans = sentences_of(article, parsed)
    mentions = []
    skip = article.get("skip_spans") or ()
    for idx, (offset, span, _kind) in enumerate(spans):
        for ent in span.ents:
            mention = entities.mention_from_span(ent, offset, idx)
            if mention and not any(s <= mention["start"] < e for s, e in skip):
                mentions.append(mention)
    entities_done = clock()
    focus_place = places.resolve_mentions(mentions, article["text"], gazetteer)
    places_done = clock()
    entities.canonicalize(mentions)
    canonical_done = clock()
    found_events = []
    for idx, (offset, span, kind) in enumerate(spans):
        if kind != "body":
            continue
        for event in events.events_from_sentence(span, offset, idx, mentions, article.get("published")):
            locate_event(event, focus_place)
            found_events.append(event)
    events_done = clock()
    index = {id(m): n for n, m in enumerate(mentions)}
    for m in mentions:
        m["place_id"] = m["place"]["geonameid"] if m.get("place") else None
    used_places = {m["place"]["geonameid"]: places.place_row(m["place"]) for m in mentions if m.get("place")}
    for event in found_events:
        if event["place"]:
            used_places.setdefault(event["place"]["geonameid"], places.place_row(event["place"]))
    return {
        "article": {k: v for k, v in article.items() if k not in ("captions", "title_in_text", "skip_spans")},
        "sentences": sentences,
        "mentions": [strip_mention(m) for m in mentions],
        "events": [strip_event(e, index) for e in found_events],
        "places": list(used_places.values()),
        "seconds": {"entities": (entities_done - started) + (canonical_done - places_done),
                    "places": places_done - entities_done, "events": events_done - canonical_done},
    }


def locate_event(event, focus_place):
    """Give an event its place: the governed toponym when confidently resolved, else the article's focus country."""
    location = event["location"]
    if location is not None and location.get("place") and (location.get("place_confidence") or 0) >= 0.5:
        event["place"] = location["place"]
        event["location_precision"] = location["place_precision"]
        event["location_method"] = "text"
    elif focus_place is not None:
        event["place"] = focus_place
        event["location_precision"] = "country"
        event["location_method"] = "article focus"
    else:
        event["place"] = None
        event["location_precision"] = None
        event["location_method"] = None


MENTION_FIELDS = ("sentence", "text", "label", "start", "end", "name", "type", "place_id", "roles",
                  "place_confidence", "place_precision", "metonymic", "nested", "candidates")


def strip_mention(m):
    """A mention as plain data for the store."""
    row = {k: m.get(k) for k in MENTION_FIELDS}
    row["metonymic"] = int(bool(row["metonymic"]))
    row["nested"] = int(bool(row["nested"]))
    row["norp_place_id"] = m["place"]["geonameid"] if m.get("place") and m["label"] == "NORP" else None
    if m["label"] == "NORP":
        row["place_id"] = None
    return row


def strip_event(e, index):
    """An event as plain data, with actors and location as indexes into the article's mentions."""
    row = {k: v for k, v in e.items() if k not in ("actor1", "actor2", "location", "attributed_to", "place")}
    for role in ("actor1", "actor2", "attributed_to"):
        actor = e[role]
        row[role] = actor["text"] if actor else None
        row[f"{role}_mention"] = index.get(id(actor["mention"])) if actor and actor["mention"] else None
        if role != "attributed_to":
            row[f"{role}_start"] = actor["start"] if actor else None
            row[f"{role}_end"] = actor["end"] if actor else None
            row[f"{role}_sector"] = actor["sector"] if actor else None
            row[f"{role}_country"] = actor["country"] if actor else None
    row["location_mention"] = index.get(id(e["location"])) if e["location"] else None
    row["place_id"] = e["place"]["geonameid"] if e["place"] else None
    row["country_code"] = e["place"]["country_code"] if e["place"] else None
    row["latitude"] = e["place"]["latitude"] if e["place"] else None
    row["longitude"] = e["place"]["longitude"] if e["place"] else None
    return row


def extract_articles(articles, model_name=None, gazetteer_path=places.DEFAULT_GAZETTEER):
    """Parse and extract a list of articles; the picklable unit of work for workers and Dask."""
    model = nlp.load_model(model_name)
    gazetteer = places.open_gazetteer(gazetteer_path)
    started = time.perf_counter()
    results = [extract_article(a, parsed, gazetteer) for a, parsed in nlp.parse_articles(model, articles)]
    # What the stages did not use of the elapsed time was the spaCy pass (and ingest's repair).
    stages = sum(sum(r["seconds"].values()) for r in results)
    if results:
        results[0]["seconds"]["nlp"] = time.perf_counter() - started - stages
    return results
