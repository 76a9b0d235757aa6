"""Pipeline: run the stages over parsed articles and return plain rows for the store.

`extract_articles` is the unit of work a process, a worker pool or a Dask task runs:
it takes article dicts and returns result dicts that hold no spaCy objects.
"""
import bisect
import functools
import hashlib
import pathlib
import time

from . import entities, events, nlp, places
from .ingest import paragraphs

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


def paragraph_kinds(article):
    """(start, end, kind, credit_start, credit) of every paragraph: title, caption or body."""
    text = article["text"]
    captions = {c["start"]: c for c in article.get("captions", ())}
    kinds = []
    for n, (start, end) in enumerate(paragraphs(text)):
        caption = captions.get(start)
        if caption:
            kinds.append((start, end, "caption", caption["credit_start"], caption["credit"]))
        elif n == 0 and article.get("title_in_text") and "\n" not in text[start:end]:
            kinds.append((start, end, "title", None, None))
        else:
            kinds.append((start, end, "body", None, None))
    return kinds


def is_heading(text):
    """A short line without closing punctuation between paragraphs: a subheading."""
    words = text.split()
    return 0 < len(words) <= HEADING_MAX_WORDS and text[-1:] not in ".!?\"'”’:;,)"


def sentences_of(article, parsed):
    """Sentence rows, and (offset, spaCy sentence, kind, row index) units, in text order.

    A caption paragraph is one row of kind `caption` (its credit apart); a paragraph that is
    a single short unpunctuated line is a `heading`.
    """
    text = article["text"]
    paras = paragraph_kinds(article)
    starts = [p[0] for p in paras]
    rows, units, caption_rows = [], [], {}
    for piece, doc in parsed:
        offset = piece["start"]
        # The article's own text sliced: Span.text joins the sentence's tokens anew.
        doc_text = nlp.doc_text(doc)
        for sent in doc.sents:
            sent_text = doc_text[sent.start_char:sent.end_char]
            stripped = sent_text.strip()
            if not stripped:
                continue
            start = offset + sent.start_char + (len(sent_text) - len(sent_text.lstrip()))
            end = start + len(stripped)
            p_start, p_end, kind, credit_start, credit = paras[max(bisect.bisect_right(starts, start) - 1, 0)]
            if kind == "caption":
                if start >= credit_start:
                    continue
                if p_start not in caption_rows:
                    caption_end = p_start + len(text[p_start:credit_start].rstrip())
                    caption_rows[p_start] = len(rows)
                    rows.append({"idx": len(rows), "start": p_start, "end": caption_end, "kind": "caption",
                                 "text": text[p_start:caption_end], "credit": credit})
                units.append((offset, sent, "caption", caption_rows[p_start]))
                continue
            if not any(ch.isalnum() for ch in stripped) and rows and rows[-1]["start"] >= p_start:
                # A stray closing quote or bracket belongs to the sentence before it.
                rows[-1]["end"] = end
                rows[-1]["text"] = text[rows[-1]["start"]:end]
                continue
            if kind == "body" and start == p_start and end >= len(text[:p_end].rstrip()) and is_heading(stripped):
                kind = "heading"
            units.append((offset, sent, kind, len(rows)))
            rows.append({"idx": len(rows), "start": start, "end": end, "kind": kind,
                         "text": text[start:end], "credit": None})
    return rows, units


def analyze_article(article, parsed, gazetteer):
    """Sentences, spaCy units and resolved, canonical mentions of one parsed article (with timings)."""
    clock = time.perf_counter
    started = clock()
    sentences, units = sentences_of(article, parsed)
    mentions = []
    kind_of_name = functools.partial(places.place_kind, gazetteer=gazetteer)
    # Bylines, datelines and photo credits name no entity of the story.
    skip = list(article.get("skip_spans") or ())
    skip += [(p[3], p[1]) for p in paragraph_kinds(article) if p[2] == "caption"]
    # Doc.ents walks the whole document: read it once per document, not once per sentence.
    doc_ents = {}
    for offset, span, _kind, idx in units:
        if id(span.doc) not in doc_ents:
            ents = list(span.doc.ents)
            doc_ents[id(span.doc)] = (ents, [e.start for e in ents])
        ents, starts = doc_ents[id(span.doc)]
        unit_ents = ents[bisect.bisect_left(starts, span.start):bisect.bisect_left(starts, span.end)]
        if entities.is_results_line(span):
            unit_ents = entities.results_line_ents(span, unit_ents, kind_of_name)
        unit_ents = entities.with_missed_places(span, unit_ents, kind_of_name)
        # Misread places first, so that a part the model called a person is made whole ("Mission Viejo").
        unit_ents = entities.with_misread_places(span, unit_ents, kind_of_name)
        unit_ents = entities.with_whole_place_names(span, unit_ents, kind_of_name)
        for ent in unit_ents:
            mention = entities.mention_from_span(ent, offset, idx, span.start)
            if mention and not any(s <= mention["start"] < e for s, e in skip):
                mentions.append(mention)
    # A mention added here lies in a sentence row; captions and titles keep their own kinds.
    entities.propagate_mentions(mentions, article["text"], [s["start"] for s in sentences], skip, kind_of_name)
    entities_done = clock()
    focus_place = places.resolve_mentions(mentions, article["text"], gazetteer, article.get("dateline"))
    places_done = clock()
    entities.canonicalize(mentions)
    canonical_done = clock()
    seconds = {"entities": (entities_done - started) + (canonical_done - places_done),
               "places": places_done - entities_done}
    return sentences, units, mentions, focus_place, seconds


def extract_article(article, parsed, gazetteer):
    """All rows of one parsed article: sentences, mentions (with places), events and quotes."""
    sentences, units, mentions, focus_place, seconds = analyze_article(article, parsed, gazetteer)
    started = time.perf_counter()
    found_events, quotes, last_speaker = [], [], None
    # A sports report's "beat", "shot" and "sent off" are no events; its quotes are still quotes.
    sport = events.is_sport_story(article["text"])
    for offset, span, kind, idx in units:
        if kind != "body":
            continue
        for event in () if sport else events.events_from_sentence(span, offset, idx, mentions, article.get("published")):
            locate_event(event, focus_place)
            found_events.append(event)
        for quote in events.quotes_from_sentence(span, offset, idx, mentions, last_speaker):
            quotes.append(quote)
            if quote["speaker"] and quote["speaker"]["text"].lower() not in events.PRONOUNS:
                last_speaker = quote["speaker"]
    seconds["events"] = time.perf_counter() - started
    index = {id(m): n for n, m in enumerate(mentions)}
    for m in mentions:
        m["place_id"] = m["place"]["geonameid"] if m.get("place") else None
    used_places = {m["place"]["geonameid"]: places.place_row(m["place"]) for m in mentions if m.get("place")}
    # The filing place of "BEIRUT (AP) —": not a mention of the story, but where it was reported from.
    focus = {focus_place["country_code"]: 1.0} if focus_place else {}
    filed_from = places.resolve_dateline(article.get("dateline"), gazetteer, focus)
    if filed_from is not None:
        used_places.setdefault(filed_from["geonameid"], places.place_row(filed_from))
    for event in found_events:
        if event["place"]:
            used_places.setdefault(event["place"]["geonameid"], places.place_row(event["place"]))
    return {
        "article": {**{k: v for k, v in article.items() if k not in ("captions", "title_in_text", "skip_spans")},
                    "dateline_place_id": filed_from["geonameid"] if filed_from else None, "sport": int(sport)},
        "sentences": sentences,
        "mentions": [strip_mention(m) for m in mentions],
        "events": [strip_event(e, index) for e in found_events],
        "quotes": [strip_quote(q, index, article["text"]) for q in quotes],
        "places": list(used_places.values()),
        "seconds": seconds,
    }


def locate_event(event, focus_place):
    """Give an event its place: the governed toponym when confidently resolved, else the known place
    around it, else the article's focus country."""
    location = event["location"]
    if location is not None and location.get("place") and (location.get("place_confidence") or 0) >= 0.5:
        event["place"] = location["place"]
        event["location_precision"] = location["place_precision"]
        event["location_method"] = "text"
    elif event.get("location_within") is not None:
        # An unknown suburb or village: place it at the town its phrase names.
        within = event["location_within"]
        event["place"] = within["place"]
        event["location_precision"] = within["place_precision"]
        event["location_method"] = "enclosing place"
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


def strip_quote(q, index, text):
    """A quote as plain data, with its speaker as an index into the article's mentions."""
    speaker = q["speaker"]
    return {"sentence": q["sentence"], "speaker": speaker["text"] if speaker else None,
            "speaker_mention": index.get(id(speaker["mention"])) if speaker and speaker["mention"] else None,
            "quote": text[q["start"]:q["end"]], "quote_start": q["start"], "quote_end": q["end"],
            "kind": q["kind"], "verb": q["verb"]}


def strip_event(e, index):
    """An event as plain data, with actors and location as indexes into the article's mentions."""
    row = {k: v for k, v in e.items() if k not in ("actor1", "actor2", "location", "location_within", "attributed_to", "place")}
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
