"""Name normalisation and word lists shared by the entity, place and event stages."""
import csv
import functools
import pathlib
import re
import unicodedata

LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# In week order: the event stage counts back from a publication day ("last Thursday").
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Prepositions that make the name they govern a place: "in Buffalo", "from Cornwall".
PLACE_PREPOSITIONS = {"in", "at", "near", "from", "to", "into", "outside", "inside", "around", "across", "throughout"}


def is_placed(mention):
    """True for a mention a place preposition governs."""
    return mention.get("dep") == "pobj" and mention.get("head_lemma") in PLACE_PREPOSITIONS


def strip_accents(text):
    """'Zabadānī' -> 'Zabadani'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


TRAILING_SCORE = re.compile(r"(?:\s+[\d][\d\-/.:]*)+$")


def clean_surface(text):
    """A mention's text without a leading article, possessive, trailing scores or edge punctuation."""
    text = TRAILING_SCORE.sub("", text.strip())
    text = text.strip().strip(" \"'“”‘’,;:()[]")
    text = LEADING_ARTICLE.sub("", text)
    text = POSSESSIVE.sub("", text).strip()
    return text.rstrip(",;:").strip()


@functools.lru_cache(maxsize=65536)
def normalize_name(text):
    """A lookup key: lower case, no accents, no dots, apostrophes or hyphens, single spaces.

    "St." before a name is "Saint": "St. Petersburg" and "Saint Petersburg" share a key.
    """
    text = strip_accents(clean_surface(text)).lower()
    text = re.sub(r"[.'’`ʻʼ]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"\bst (?=[a-z])", "saint ", text)


AGE_AFTER = re.compile(r"\s*,\s*(\d{1,3})\s*,(?!\d)")


def followed_by_age(text, end):
    """True when the name ending at `end` is followed by an age between commas: "Jordan, 56, was shot"."""
    age = AGE_AFTER.match(text, end)
    return bool(age) and 0 < int(age.group(1)) < 120


@functools.lru_cache(maxsize=1)
def known_organisations():
    """Normalised names of the organisations in aliases.tsv ("White House", "Pentagon")."""
    with open(pathlib.Path(__file__).parent / "data" / "aliases.tsv", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]
    return frozenset(normalize_name(name) for row in rows if row[2] == "ORG" for name in row[:2])
