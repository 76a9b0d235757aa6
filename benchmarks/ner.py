"""Named-entity accuracy on CoNLL-format gold: exact-span F1 per type, dateline against raw spaCy.

    python benchmarks/ner.py ../shared/data/gold/ner/conll2003-dev.txt [--record]

Each document is rebuilt as text (tokens joined by spaces, one sentence per paragraph) and
run through the same code path as `dateline build`. Labels are mapped PERSON->PER, ORG->ORG,
GPE/LOC/FAC->LOC, NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT->MISC. The raw spaCy figures
come from the entities of the same parse, before dateline's rules.
"""
import argparse
import collections
import datetime as dt
import time

from common import nlp, offset_map, record_accuracy, extract_texts

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
          "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC"}


def read_conll(path):
    """Documents as {"text", "gold": {(start, end, type)}} from a CoNLL-2003 file (IOB2)."""
    documents, sentences, sentence = [], [], []
    def close_sentence():
        if sentence:
            sentences.append(list(sentence))
            sentence.clear()
    def close_document():
        close_sentence()
        if sentences:
            documents.append(build_document(sentences))
            sentences.clear()
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                close_sentence()
            elif parts[0] == "-DOCSTART-":
                close_document()
            else:
                sentence.append((parts[0], parts[-1]))
    close_document()
    return documents


def build_document(sentences):
    """Text and gold character spans of one document."""
    text, gold = "", set()
    for sentence in sentences:
        if text:
            text += "\n\n"
        open_span = None
        for n, (token, tag) in enumerate(sentence):
            if n:
                text += " "
            start = len(text)
            text += token
            if tag.startswith("B-") or (tag.startswith("I-") and (open_span is None or open_span[2] != tag[2:])):
                if open_span:
                    gold.add(tuple(open_span))
                open_span = [start, len(text), tag[2:]]
            elif tag.startswith("I-"):
                open_span[1] = len(text)
            else:
                if open_span:
                    gold.add(tuple(open_span))
                open_span = None
        if open_span:
            gold.add(tuple(open_span))
    return {"text": text, "gold": gold}


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def score(pairs):
    """Overall and per-type precision/recall F1 over (gold, predicted) span sets."""
    counts = collections.defaultdict(lambda: [0, 0, 0])
    for gold, predicted in pairs:
        for span in predicted:
            counts[span[2]][0 if span in gold else 1] += 1
        for span in gold - predicted:
            counts[span[2]][2] += 1
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"f1": f1(*total), **{kind: f1(*counts[kind]) for kind in ("PER", "ORG", "LOC", "MISC")}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--record", action="store_true", help="write the figures to accuracy.json")
    args = parser.parse_args()
    documents = read_conll(args.gold)
    model = nlp.load_model()
    raw_pairs, pairs = [], []
    started = time.perf_counter()
    for record, result in extract_texts(documents):
        mapped = offset_map(record["text"], result["article"]["text"])
        gold = {(mapped(s), mapped(e), t) for s, e, t in record["gold"]}
        predicted = {(m["start"], m["end"], LABELS[m["label"]]) for m in result["mentions"]
                     if not m["nested"] and m["label"] in LABELS}
        pairs.append((gold, predicted))
    seconds = time.perf_counter() - started
    for record in documents:
        doc = model(record["text"])
        raw = {(e.start_char, e.end_char, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS}
        raw_pairs.append((record["gold"], raw))
    figures = {"gold": args.gold.rsplit("/", 1)[-1], "documents": len(documents),
               "entities": sum(len(d["gold"]) for d in documents),
               "raw_spacy": score(raw_pairs), "dateline": score(pairs), "seconds": round(seconds, 1)}
    for name in ("raw_spacy", "dateline"):
        r = figures[name]
        print(f"{name:10} F1 {r['f1']:.3f}  PER {r['PER']:.3f}  ORG {r['ORG']:.3f}  LOC {r['LOC']:.3f}  MISC {r['MISC']:.3f}")
    if args.record:
        record_accuracy("ner", {"measured": dt.date.today().isoformat(), **figures})


if __name__ == "__main__":
    main()
