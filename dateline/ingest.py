"""Ingest: find article files, read every supported format, repair text, find captions.

Everything here works on plain data: an article is a dict with the columns of the
`articles` table plus `captions` (spans of photo captions in `text`). Input that
cannot be read becomes an error dict ({path, record, reason}) instead of an article.
"""
import collections
import datetime as dt
import hashlib
import json
import os
import pathlib
import re
import unicodedata

import ftfy
import yaml

ARTICLE_SUFFIXES = {".txt", ".md", ".json", ".jsonl", ".html", ".htm"}
SIDECAR_SUFFIXES = (".meta.json", ".meta.yml", ".meta.yaml")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "published_at", "pubdate")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t"), " ")
# Legacy single-byte codecs whose mis-decoding of UTF-8 ftfy does not undo on its own.
MOJIBAKE_CODECS = ("mac_latin2", "mac_roman", "cp1252", "cp1250", "latin-1")
# Hard-wrapped text: at least this many lines, most at least this share of the usual width,
# which is at most this many characters (prose written one paragraph per line is wider).
WRAPPED_MIN_LINES = 4
WRAPPED_FULL_SHARE = 0.75
WRAPPED_MAX_WIDTH = 100
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\s]{2,}")
# A caption ends with a photo credit in parentheses: "(Hassan Ammar/Associated Press)".
CAPTION_CREDIT = re.compile(
    r"\((?P<credit>[^()\n]{0,80}?(?:/|\bphoto\b|\bimages?\b|\bcredit\b)[^()\n]{0,80})\)\s*$",
    re.IGNORECASE,
)
# A wire digest's rule between stories ("- - - -") and a tab kept escaped ("&\\t") at a line's start.
STRAY_HYPHEN_SPACE = re.compile(r"(?<=[A-Za-z]{2})- (?=[a-z]{3,}\b(?<!\band)(?<!\bnor)(?<!\bto))"
                                r"|(?<=\b[Aa]l)- (?=[A-Z])|(?<=\b[Ee]l)- (?=[A-Z])")
DIGEST_RULE = re.compile(r"(?m)^[ \t]*(?:&?\\t)?[ \t]*(?:-[ \t]*){3,}$")
ESCAPED_TAB = re.compile(r"(?m)^[ \t]*&?\\t[ \t]*")
# A character lost in decoding, alone between two spaces, was a dash: "BEIRUT (AP) � A Kurdish".
LOST_DASH = re.compile(r"(?<= )\ufffd(?= )")
HEADLINE_MAX_CHARS = 160
# "WASHINGTON, March 3 (Reuters) - ", "BEIRUT (AP) — ": the filing place in capitals opens the story.
# The agency may be any ("(WMBF)", "(APP)"), and the place end in a colon ("NEW DELHI: "), a dash
# without spaces ("WASHINGTON—President") or, after an agency, nothing ("MEXICO CITY (AP) Mexico's").
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\- ]{2,40}(?:, ?[A-Z](?:[A-Za-z.' ]|-(?!-)){1,30})?)"
    r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}))?"
    r"(?P<agency> ?\((?:[A-Z][A-Za-z]{1,14}(?: [A-Z][A-Za-z]{1,14})?| )\))?"
    r"(?P<sep> ?[-–—]+ |[–—](?=[A-Z])| ?[-–—]{2}(?:\([^)\n]{0,30}\)[-–—]{2})?(?=[A-Z])|(?P<colon>:(?: |(?=[A-Z])))"
    r"|(?(agency) (?=[A-Z])|(?!)))")
# Labels a story may open with in capitals that name no place: "UPDATE: ", "EXCLUSIVE: ".
NOT_DATELINES = {"UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "WATCH", "WARNING", "OPINION",
                 "ANALYSIS", "EDITORIAL", "COMMENT", "LIVE", "VIDEO", "PHOTOS", "REVIEW", "INTERVIEW",
                 "CORRECTION", "NOTE", "EDITOR'S NOTE", "FILE", "FACTBOX", "EXPLAINER", "FEATURE", "Q&A"}
# A dateline may open a later paragraph, after a photo caption or a headline: one of the first few.
DATELINE_PARAGRAPHS = 3
# A byline ends its line, or a sentence the dateline follows on the same line: "By Jane Doe. BOSTON (Reuters) - ".
BYLINE = re.compile(r"By (?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})(?:,? [^\n]{0,80}?)?(?:\n|(?<=\.) (?=[A-Z]{3,}))")
# Fewer words than this in an HTML page's extracted text is navigation, not an article.
MIN_HTML_WORDS = 8


class IngestError(Exception):
    """A file or record that cannot become an article; the message is one line."""


class IngestWarning(IngestError):
    """The article was kept, but something was lost or guessed on the way (one line)."""


# Magic numbers of binary formats people drop into article folders.
BINARY_SIGNATURES = {
    b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
    b"PK\x03\x04": "zip archive", b"%PDF": "PDF document", b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable", b"SQLite format 3": "SQLite database", b"RIFF": "media file",
    b"\xd0\xcf\x11\xe0": "Office document",
}


def binary_kind(data):
    """The kind of binary file `data` starts like, or None."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return "binary data" if b"\x00" in data[:8192] else None


# ---------------------------------------------------------------- text repair


def undo_mojibake(text):
    """Decode runs of UTF-8 that were mis-read in a legacy codec ftfy does not try."""

    def fix(match):
        run = match.group(0)
        for codec in MOJIBAKE_CODECS:
            try:
                fixed = run.encode(codec).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if len(fixed) < len(run) and not unicodedata.combining(fixed[0]):
                return fixed
        return run

    return NON_ASCII_RUN.sub(fix, text)


def unwrap_lines(text):
    """Join the lines of hard-wrapped paragraphs (wire copy broken at ~70 columns) into one line each.

    A line joins the one before when that one is full (near the text's usual width) or this one
    goes on with a lower-case word, and this one is not indented: a short line ends a paragraph,
    an indented one starts the next.
    """
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < WRAPPED_MIN_LINES:
        return text
    width = lengths[int(len(lengths) * 0.9) - 1]
    full = width * WRAPPED_FULL_SHARE
    if width > WRAPPED_MAX_WIDTH or sum(n >= full for n in lengths) < len(lengths) / 2:
        return text
    out, previous = [lines[0]], lines[0].rstrip()
    for line in lines[1:]:
        ended = previous[-1:] in (".", "!", "?", ":", '"', "”")
        continued = line[:1].islower() and not ended
        # After a sentence's end only a full line goes on: a short one is a table row or a sign-off.
        goes_on = len(previous) >= full and (not ended or len(line.rstrip()) >= full)
        if (goes_on or continued) and line.strip() and not line[:1].isspace():
            # "state-\nproduced" is one word; any other break is a space.
            joined = out[-1].rstrip()
            out[-1] = joined + ("" if re.search(r"[A-Za-z]-$", joined) else " ") + line
        else:
            out.append(line)
        previous = line.rstrip()
    return "\n".join(out)


def repair_text(text):
    """Fix mojibake, drop zero-width characters, unwrap hard-wrapped lines, normalise spaces and line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Wire digests part their stories with a rule of dashes ("- - - -"), and some copy keeps a
    # tab escaped as "&\t" at a paragraph's start: a paragraph break, and nothing.
    text = DIGEST_RULE.sub("\n", text)
    text = ESCAPED_TAB.sub("", text)
    text = unwrap_lines(text)
    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    text = undo_mojibake(text)
    text = LOST_DASH.sub("\u2014", text)
    text = text.translate(ZERO_WIDTH).translate(SPACES)
    text = "".join(
        ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf")
    )
    text = re.sub(r" {2,}", " ", text)
    # Wire copy breaks compounds with a stray space: "Shiite- dominated", "pro- government",
    # "Imam al- Hussein" (but "pre- and post-war" is two words sharing a part).
    text = STRAY_HYPHEN_SPACE.sub("-", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# ---------------------------------------------------------------- structure


def paragraphs(text):
    """(start, end) of each blank-line separated block of `text`."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", text)]


def find_captions(text):
    """Photo captions: paragraphs ending in a parenthesised credit, with the credit span."""
    captions = []
    for start, end in paragraphs(text):
        match = CAPTION_CREDIT.search(text, start, end)
        if match and match.end() >= end:
            captions.append(
                {
                    "start": start,
                    "end": end,
                    "credit": match.group("credit").strip(),
                    "credit_start": match.start(),
                }
            )
    return captions


def looks_like_headline(line):
    """A short single line without closing sentence punctuation."""
    line = line.strip()
    return (
        0 < len(line) <= HEADLINE_MAX_CHARS
        and len(line.split()) >= 2
        and not line.endswith((".", ",", ";", ":"))
        and not CAPTION_CREDIT.search(line)
        and not BYLINE.match(line + "\n")
    )


# ---------------------------------------------------------------- metadata


def normalize_date(value):
    """An ISO 8601 date or datetime string, or None."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed.isoformat()
    except ValueError:
        pass
    import dateparser  # slow to import: only when a date is not ISO already

    parsed = dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        return None
    if parsed.time() == dt.time(0, 0) and not re.search(r"\d:\d", text):
        return parsed.date().isoformat()
    return parsed.isoformat()


def read_sidecar(path):
    """Metadata from NAME.meta.json / NAME.meta.yml beside an article file, or {}."""
    for base in (path.with_suffix(""), path):
        for suffix in SIDECAR_SUFFIXES:
            sidecar = base.parent / (base.name + suffix)
            if sidecar.is_file():
                data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
                if not isinstance(data, dict):
                    raise IngestError(f"{sidecar.name}: metadata sidecar is not a mapping")
                return data
    return {}


def split_front_matter(text):
    """(metadata, body) of a text that may start with a YAML front matter block."""
    match = re.match(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", text, re.DOTALL)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return data, text[match.end():]


# ---------------------------------------------------------------- decoding


def decode_bytes(data):
    """(text, note) from raw bytes: UTF-8, UTF-16 with BOM, else a detected encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    kind = binary_kind(data)
    if kind:
        raise IngestError(f"binary file ({kind}), not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        # Most non-UTF-8 news text is Windows-1252; undefined bytes make this fail cleanly.
        return data.decode("cp1252"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        text = data.decode("utf-8", errors="replace")
        return text, f"not valid UTF-8 and no encoding detected: {text.count(chr(0xFFFD))} undecodable bytes replaced"
    text = str(best)
    if looks_garbled(text):
        return text, f"not valid UTF-8; guessed {best.encoding}, some characters are likely wrong"
    return text, None


def looks_garbled(text):
    """True when decoded text mixes alphabets or symbols the way a wrong codec does."""
    scripts = collections.Counter()
    symbols = 0
    for ch in text:
        if ch.isalpha() and ord(ch) > 0x7F:
            scripts[unicodedata.name(ch, "UNKNOWN").split()[0]] += 1
        elif unicodedata.category(ch) in ("So", "Co", "Cn", "Sk"):
            symbols += 1
    has_ascii_letters = any("a" <= ch.lower() <= "z" for ch in text)
    return symbols > 0 or len(scripts) > 1 or (has_ascii_letters and bool(scripts) and "LATIN" not in scripts)


def read_text_file(path, max_bytes=DEFAULT_MAX_BYTES):
    """(text, note) of a file, refusing empty, oversized and binary files; note says what was lost."""
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty file")
    if max_bytes and size > max_bytes:
        raise IngestError(f"file is {size:,} bytes, over the {max_bytes:,} byte limit")
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        import gzip
        import zlib

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            raise IngestError(f"damaged gzip file: {e}") from None
    return decode_bytes(data)


def article_suffix(path):
    """The format suffix of an article file, looking through a .gz ending: 'feed.jsonl.gz' -> '.jsonl'."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


# ---------------------------------------------------------------- articles


def content_hash(article):
    """A hash of everything that ends up in the article's rows."""
    keys = ("title", "source", "url", "published", "byline", "language", "dateline", "text")
    payload = json.dumps([article.get(k) for k in keys], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def make_article(record, path, rel_path, record_id=None):
    """An article dict from a metadata record whose `text` is raw."""
    meta = {k.lower(): v for k, v in record.items()}
    text = next((meta[k] for k in TEXT_FIELDS if isinstance(meta.get(k), str)), None)
    if text is None or not text.strip():
        raise IngestError("no article text (expected a 'text', 'body' or 'content' field)")
    text = repair_text(text)
    title = meta.get("title") or meta.get("headline")
    title = repair_text(str(title)) if title else None
    title_in_text = False
    if not title:
        first_line = text.split("\n", 1)[0]
        if "\n" in text and looks_like_headline(first_line):
            title, title_in_text = first_line.strip(), True
    published = normalize_date(next((meta[k] for k in DATE_FIELDS if meta.get(k)), None))
    url = meta.get("url") or meta.get("link")
    key = meta.get("id") or record_id or url or re.sub(r"\.[A-Za-z0-9]+(\.gz)?$", "", rel_path)
    article = {
        "id": str(key),
        "title": title,
        "source": _string(meta.get("source") or meta.get("publisher")),
        "url": _string(url),
        "published": published,
        "byline": _string(meta.get("byline") or meta.get("author")),
        "language": _string(meta.get("language") or meta.get("lang")) or "en",
        "text": text,
        "word_count": len(text.split()),
        "path": rel_path,
        "title_in_text": title_in_text,
    }
    dateline, byline, skip = find_dateline_and_byline(text, title_in_text)
    article["dateline"] = _string(meta.get("dateline")) or dateline
    article["byline"] = article["byline"] or byline
    article["content_hash"] = content_hash(article)
    article["text_hash"] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    article["captions"] = find_captions(text)
    # Spans that name the reporter or the filing place, not the story's entities.
    article["skip_spans"] = skip
    return article


def find_dateline_and_byline(text, title_in_text=False):
    """(dateline, byline, spans to skip) found at the start of the body: "BEIRUT (AP) — ", "By Jane Doe"."""
    skip, dateline, byline = [], None, None
    start = text.index("\n") + 1 if title_in_text and "\n" in text else 0
    while start < len(text) and text[start] == "\n":
        start += 1
    match = BYLINE.match(text, start)
    if match:
        byline = re.sub(r"(?<=[a-z]{3})\.$", "", match.group("name"))  # "By Nate Raymond. BOSTON"
        skip.append((match.start(), match.end()))
        start = match.end()
        while start < len(text) and text[start] == "\n":
            start += 1
    match = dateline_at(text, start)
    paragraph = start
    for _ in range(DATELINE_PARAGRAPHS - 1):
        end = text.find("\n", paragraph)
        # Past a photo caption or a headline only, never a paragraph of another story (a digest's).
        if match or end < 0 or not (CAPTION_CREDIT.search(text, paragraph, end) or looks_like_headline(text[paragraph:end])):
            break
        paragraph = end + 1
        while paragraph < len(text) and text[paragraph] == "\n":
            paragraph += 1
        # Later in the text only the wire's own form: an agency or a dash, not a colon.
        match = dateline_at(text, paragraph)
        match = match if match and not match.group("colon") else None
    if match:
        dateline = text[match.start():match.start("sep")].strip()
        skip.append((match.start(), match.end()))
    return dateline, byline, skip


def dateline_at(text, start):
    """The dateline opening the text at `start`, if one does: a place in capitals, not a label."""
    match = DATELINE.match(text, start)
    if not match or not re.search(r"[A-Z]{3,}", match.group("place")):
        return None
    if match.group("place").split(",")[0].strip() in NOT_DATELINES:
        return None
    return match


def _string(value):
    if value is None or value == "":
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value).strip()


def articles_from_text_file(path, rel_path, max_bytes):
    """One article from a .txt or .md file (front matter and sidecar metadata)."""
    text, note = read_text_file(path, max_bytes)
    if note:
        yield IngestWarning(note), None
    front, body = split_front_matter(text)
    record = {**read_sidecar(path), **front, "text": body}
    yield make_article(record, path, rel_path)


def articles_from_json_file(path, rel_path, max_bytes):
    """Articles from a .json file holding one object or a list of them."""
    text, note = read_text_file(path, max_bytes)
    if note:
        yield IngestWarning(note), None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise IngestError(f"invalid JSON: {e.msg} at line {e.lineno}") from None
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, 1):
        yield _record_article(record, path, rel_path, n, len(records) > 1)


def articles_from_jsonl_file(path, rel_path, max_bytes):
    """Articles from a .jsonl file; a malformed line is an error, the others are kept."""
    text, note = read_text_file(path, max_bytes)
    if note:
        yield IngestWarning(note), None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(f"invalid JSON: {e.msg}"), n
            continue
        yield _record_article(record, path, rel_path, n, True)


def _record_article(record, path, rel_path, n, many):
    """An article from record n of a JSON file, or an (error, record number) pair."""
    if not isinstance(record, dict):
        return IngestError("not a JSON object"), (n if many else None)
    fallback_id = f"{rel_path}#{n}" if many else re.sub(r"\.[A-Za-z0-9]+$", "", rel_path)
    try:
        return make_article(record, path, rel_path, record_id=record.get("id") or fallback_id)
    except IngestError as e:
        return IngestError(str(e)), (n if many else None)


def articles_from_html_file(path, rel_path, max_bytes):
    """One article from an HTML page: main text and metadata with trafilatura."""
    import trafilatura

    text, note = read_text_file(path, max_bytes)
    if note:
        yield IngestWarning(note), None
    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if doc is None:
        raise IngestError("HTML page has no main text")
    doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
    if len((doc.get("text") or "").split()) < MIN_HTML_WORDS:
        raise IngestError("HTML page has no main text")
    record = {
        "title": doc.get("title"),
        "text": doc.get("text"),
        "url": doc.get("url"),
        "source": doc.get("sitename"),
        "published": doc.get("date"),
        "byline": doc.get("author"),
        "language": doc.get("language"),
        **read_sidecar(path),
    }
    yield make_article(record, path, rel_path)


READERS = {
    ".txt": articles_from_text_file,
    ".md": articles_from_text_file,
    ".json": articles_from_json_file,
    ".jsonl": articles_from_jsonl_file,
    ".html": articles_from_html_file,
    ".htm": articles_from_html_file,
}


def is_sidecar(path):
    """True for NAME.meta.json / NAME.meta.yml files."""
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def find_files(paths):
    """(root, path) for every article file under the given files and folders, sorted."""
    for given in paths:
        root = pathlib.Path(given)
        if root.is_file() or root.is_symlink() and not root.is_dir():
            yield root.parent, root
            continue
        if not root.is_dir():
            raise IngestError(f"{given}: no such file or folder")
        found = []
        for folder, dirs, files in os.walk(root, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                path = pathlib.Path(folder) / name
                if name.startswith(".") or is_sidecar(path):
                    continue
                found.append(path)
        for path in sorted(found):
            yield root, path


def read_articles(paths, max_bytes=DEFAULT_MAX_BYTES, unchanged=None):
    """Yield article dicts and error dicts ({"error": reason, ...}) for every input file.

    `unchanged(rel_path, size, mtime_ns)` may say a file is as it was when last built: it is
    then not read, and {"unchanged_file": rel_path} stands for its articles.
    """
    for root, path in find_files(paths):
        rel_path = path.relative_to(root).as_posix()
        problem = link_problem(path)
        if problem:
            yield ingest_error(rel_path, None, problem)
            continue
        stat = source_stat(path)
        if stat is not None and unchanged is not None and unchanged(rel_path, *stat):
            yield {"unchanged_file": rel_path}
            continue
        reader = READERS.get(article_suffix(path))
        if reader is None:
            yield ingest_error(rel_path, None, unsupported_reason(path))
            continue
        try:
            for item in reader(path, rel_path, max_bytes):
                if isinstance(item, tuple):
                    error, record = item
                    yield ingest_error(rel_path, record, str(error), kept=isinstance(error, IngestWarning))
                else:
                    item["file_size"], item["file_mtime"] = stat or (None, None)
                    yield item
        except IngestError as e:
            yield ingest_error(rel_path, None, str(e))
        except OSError as e:
            yield ingest_error(rel_path, None, f"cannot read: {e.strerror or e}")
        except (yaml.YAMLError, ValueError) as e:
            reason = str(e).splitlines()[0] if str(e) else type(e).__name__
            yield ingest_error(rel_path, None, f"cannot parse: {reason}")


def ingest_error(path, record, reason, kept=False, article_id=None):
    """An error dict for the `ingest_errors` table; kept means the article was still built."""
    return {"error": True, "path": path, "record": record, "reason": reason, "kept": int(kept),
            "article_id": article_id}


def source_stat(path):
    """(size, newest mtime in ns) of an article file and its metadata sidecars, or None."""
    try:
        stat = path.stat()
    except OSError:
        return None
    mtime = stat.st_mtime_ns
    for base in (path.with_suffix(""), path):
        for suffix in SIDECAR_SUFFIXES:
            sidecar = base.parent / (base.name + suffix)
            try:
                mtime = max(mtime, sidecar.stat().st_mtime_ns)
            except OSError:
                continue
    return stat.st_size, mtime


def link_problem(path):
    """Why a symbolic link cannot be read (dangling, a loop), or None."""
    if not path.is_symlink():
        return None
    try:
        path.resolve(strict=True)
    except FileNotFoundError:
        return f"dangling symlink (points to {os.readlink(path)})"
    except (RuntimeError, OSError):
        return "symlink loop"
    return None


def unsupported_reason(path):
    """The one-line reason for a file dateline does not read."""
    try:
        with open(path, "rb") as f:
            kind = binary_kind(f.read(8192))
    except OSError as e:
        return f"cannot read: {e.strerror or e}"
    if kind:
        return f"binary file ({kind}), not an article"
    return f"unsupported file type '{path.suffix or path.name}' (expected .txt, .md, .json, .jsonl, .html)"
