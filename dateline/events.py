"""Events: who did what to whom, where and when, coded in CAMEO and PLOVER.

A rule-based coder over spaCy's dependency parse. The trigger lexicon, the agent
nouns and the CAMEO/PLOVER taxonomy are data files in dateline/data/. The functions
take a parsed sentence, the article's mention dicts (with resolved places) and the
publication date, and return plain event dicts.
"""
import csv
import datetime as dt
import functools
import math
import pathlib
import re

from .entities import is_word_of, names_place_noun, rules as entity_rules
from .names import WEEKDAYS
from .places import admin1_code, is_strong_place
from .nlp import original_text

DATA = pathlib.Path(__file__).parent / "data"
REPORTING_VERBS = {
    "say", "tell", "report", "claim", "state", "announce", "add", "insist", "note", "write",
    "confirm", "allege", "declare", "explain", "acknowledge", "argue", "suggest", "believe",
}
PERSONAL_PRONOUNS = {"i", "you", "he", "she", "we", "they"}
PRONOUNS = {"it", "they", "he", "she", "we", "i", "who", "that", "which", "this"}
LOCATIVE_PREPOSITIONS = {"in", "near", "at", "around", "outside", "inside", "across", "on", "into",
                         "throughout", "along", "off", "over", "within", "through", "between",
                         "towards", "toward", "above", "below", "beneath", "beside", "alongside"}
QUANTITY_WORDS = {"thousands", "hundreds", "dozens", "scores", "tens", "millions", "crowds", "crowd",
                  "group", "groups", "number", "some", "many", "most", "all", "several", "few", "majority",
                  "members", "member", "one", "third", "half"}
SINGLE_WORDS = {"member", "one"}
# "dozens of fighters across Syria" are many events, in many places.
SPREAD_PREPOSITIONS = {"across", "throughout", "around"}
# "murdered during a meeting in Darjeeling": the phrase's event happened where the trigger's did.
SCENE_PREPOSITIONS = {"during", "amid", "in", "at"}
NAMING_VERBS = {"know", "call", "name", "dub"}
BUILDING_WORDS = {"office", "center", "centre", "university", "mosque", "church", "temple", "hospital", "museum",
                  "school", "hotel", "station", "stadium", "building", "headquarters", "terminal", "market", "prison"}
# Where a thing stands: a clause on one says where ("at a checkpoint they guarded in Tikrit").
SITE_NOUNS = BUILDING_WORDS | {"checkpoint", "shop", "store", "home", "house", "camp", "post", "compound", "restaurant",
                               "cafe", "café", "bar", "factory", "plant", "farm", "base", "village", "town", "city",
                               "area", "district", "neighbourhood", "neighborhood"}
ARGUMENT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative"}
PLACE_ONLY_PREPOSITIONS = {"in", "at", "near", "outside", "inside"}
CASUALTY_VERBS = {"kill", "wound", "injure"}
ENTRY_VERBS = {"enter", "sneak", "slip", "cross", "infiltrate"}
DEPARTURE_VERBS = {"flee", "escape", "leave"}
MOTION_VERBS = {"go", "march", "move", "travel", "flee", "return", "head", "arrive", "advance", "retreat",
                "drive", "fly", "sail", "walk", "run", "deploy", "send", "transfer", "escape", "come",
                "ship", "dispatch", "redeploy", "airlift", "ferry", "transport"}
# Verbs of going somewhere oneself: their destination is a place whatever the model tagged it
# ("marched to Bellary", "travelling to Bentiu", tagged ORG); "sent a letter to Obama" is no going.
SELF_MOTION_VERBS = {"march", "travel", "flee", "return", "head", "walk", "drive", "advance", "retreat"}
# A part of a place is where its whole is: "the streets of Suva", "in the capital Baku".
PLACE_PART_NOUNS = {"streets", "street", "outskirts", "centre", "center", "suburbs", "heart", "capital", "city",
                    "town", "village", "area", "province", "district", "region", "countryside", "vicinity",
                    "environs", "part", "parts", "coastline", "waters", "airspace", "territory", "battlefield",
                    "battleground", "mainland", "hinterland", "coast", "shore", "shores"}
PLACE_OBJECT_NOUNS = {"district", "village", "town", "area", "neighbourhood", "neighborhood", "hill", "mountain",
                      "farm", "base", "airport", "city", "suburb", "outskirts", "capital", "settlement",
                      "hamlet", "quarter", "locality", "commune", "province", "governorate", "region", "county",
                      "stronghold", "port", "enclave"}
# ...whose modifiers name an owner, not the place: "a Taliban stronghold" (but "the stronghold of Kunduz").
OWNED_PLACE_NOUNS = {"stronghold", "enclave"}
CONTROL_VERBS = {"control", "hold"}
# Verbs of taking people away: where they were taken is not where the first verb happened.
REMOVAL_VERBS = {"evacuate", "deport", "rush", "take", "airlift", "hospitalize", "transfer", "fly", "ship",
                 "send", "extradite", "carry", "bring"}
# A road "leading into" a town is no place the road's user was at.
PATH_VERBS = {"lead", "link", "connect", "run", "stretch", "go", "head"}
# What an issuer issues: "issued a statement condemning X" is the issuer's condemnation.
DOCUMENT_NOUNS = {"statement", "declaration", "resolution", "letter", "communique", "communiqué", "report",
                  "decree", "appeal", "petition", "motion", "bill", "message", "note", "ultimatum", "warning",
                  "order", "directive", "memo", "memorandum", "notice"}
# Where a report is made: "said in an interview", "told a news conference in Kabul".
SPEECH_NOUNS = {"interview", "briefing", "conference", "speech", "broadcast", "address", "meeting", "telephone",
                "phone", "call", "email", "e-mail", "post", "tweet", "video", "session", "hearing", "court", "parliament"}
RESIDENT_NOUNS = {"resident", "native", "citizen", "inhabitant", "man", "woman", "boy", "girl", "mother",
                  "father", "son", "daughter", "family"}
COMPASS_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                 "north-east", "north-west", "south-east", "south-west"}
DEMONSTRATIVES = {"this", "that", "these", "those"}
SITING_VERBS = {"locate", "situate", "base", "station", "position", "lie", "sit", "deploy", "stand"}
NEARNESS_WORDS = {"next", "close", "adjacent"}
# "the border with Jordan" names a neighbour, not the place where the event happened.
BOUNDARY_NOUNS = {"border", "borders", "frontier", "boundary"}
# A noun trigger used as a reference ("a report about the airstrike") is not a new event.
REFERENCE_PREPOSITIONS = {"about", "of", "after", "before", "since", "following", "over", "despite"}
FUTURE_AUX = {"will", "would", "shall", "'ll"}
INTENT_VERBS = {"plan", "intend", "threaten", "vow", "promise", "want", "seek", "aim", "hope", "expect",
                "prepare", "decide", "willing", "ready", "prepared", "determined", "committed", "pledge", "swear",
                "offer", "agree"}
OBLIGATION_AUX = {"must", "should"}
REFUSAL_ADJECTIVES = {"unwilling", "reluctant", "loath", "loth", "hesitant", "unable"}
# Verbs that carry an event noun: "staged a protest", "opened an investigation", "declared a ceasefire".
LIGHT_VERBS = {"open", "launch", "conduct", "stage", "hold", "lodge", "issue", "impose", "begin", "make",
               "file", "declare", "announce", "carry", "mount", "organize", "organise", "start", "give",
               "receive", "take", "step", "resume", "continue", "call", "speed", "accelerate", "complete",
               "order", "plan", "prepare", "reiterate", "renew", "repeat", "voice"}
# What a future or intended action becomes (CAMEO codes intent as AGREE, threats as THREATEN):
# the root of the action -> the code of its intent.
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
THREAT_CODES = {"14": "133", "15": "138", "16": "131", "17": "132", "18": "138", "19": "138", "20": "138"}
ACTOR_DEPS = {"det", "amod", "compound", "poss", "case", "nummod", "nmod", "quantmod", "punct",
              "prep", "pobj", "cc", "conj", "predet", "preconj"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


# ---------------------------------------------------------------- data


@functools.lru_cache(maxsize=1)
def taxonomy():
    """CAMEO code -> {label, goldstein, plover, plover_mode, plover_context}."""
    with open(DATA / "cameo.tsv", encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {
            r["code"]: {**r, "goldstein": float(r["goldstein"]), "plover": r["plover"] or None}
            for r in rows
        }


@functools.lru_cache(maxsize=1)
def lexicon():
    """(lemma or 'lemma particle', pos) -> (cameo, cameo when negated); paired rows are keyed
    (lemma, pos, other word): a verb's object or the verb over a noun."""
    table = {}
    with open(DATA / "event_lexicon.tsv", encoding="utf-8") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            # "cut	VERB	-	tax|rate|price": one row per word it holds with.
            for other in (row.get("with") or "").split("|"):
                key = (row["lemma"], row["pos"], other) if other else (row["lemma"], row["pos"])
                table[key] = (row["cameo"], row["negated"] or None)
    return table


@functools.lru_cache(maxsize=1)
def lexicon_words():
    """(verbs, nouns): the words a lexicon row can start on, to pass over every other token at once."""
    verbs = {key[0].split()[0] for key in lexicon() if key[1] == "VERB"}
    # A noun row is keyed by the noun, or by "compound noun": the token is its last word.
    nouns = {key[0].split()[-1] for key in lexicon() if key[1] == "NOUN"}
    return verbs, nouns


@functools.lru_cache(maxsize=1)
def natural_hazards():
    """Lemmas of the forces of nature (natural_hazards.txt)."""
    lines = (DATA / "natural_hazards.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def done_by_nature(trigger):
    """True when a force of nature did it: "an earthquake struck Tokyo", "homes destroyed by
    floods", "killed in the storm". No one is to code."""
    if trigger.pos_ != "VERB":
        return False
    subj, passive = subject_of(trigger)
    if subj is not None and subj.tag_ in ("WDT", "WP") and trigger.dep_ == "relcl":
        subj = trigger.head  # "an earthquake that struck Japan"
    doers = [] if subj is None or passive else [subj]
    doers += [child(p, "pobj") for p in trigger.children if p.dep_ in ("agent", "prep")
              and p.lower_ in ("by", "in", "during", "following", "after")]  # "killed following an earthquake"
    return any(d is not None and d.lemma_.lower() in natural_hazards() for d in doers)


@functools.lru_cache(maxsize=1)
def agents():
    """Actor noun -> CAMEO sector code."""
    with open(DATA / "actor_agents.tsv", encoding="utf-8") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        return {r["noun"]: r["sector"] for r in csv.DictReader(lines, delimiter="\t")}


@functools.lru_cache(maxsize=1)
def sport_words():
    """Word of sports reporting -> its weight."""
    with open(DATA / "sport_words.tsv", encoding="utf-8") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        return {r["word"]: float(r["weight"]) for r in csv.DictReader(lines, delimiter="\t")}


WORD = re.compile(r"[a-z][a-z'-]*")
# "won 2-1", "6-4 6-4"; not "2-1-0" figures, nor betting odds ("at 5-2", "a 40-1 shot").
SCORE = re.compile(r"(?<!\bat )(?<!\bof )(?<!\bfrom )(?<!\bto )\b\d{1,2}-\d{1,2}\b(?!-)(?! (?:favourite|favorite|shot|outsider|on\b))")
SPORT_PER_100_WORDS = 1.0  # BBC: 83% of sports stories reach it, 0.8% of the others (benchmarks/sport.py)
SPORT_MIN_WEIGHT = 3  # a single sentence about a stadium or a match is no sports report


def is_sport_story(text):
    """True when the story reads as a sports report: dense in sport's words and scores."""
    lower = text.lower()
    words = WORD.findall(lower)
    weights = sport_words()
    scores = len(SCORE.findall(lower))
    weight = sum(weights.get(w, 0) for w in words) + scores
    # A word only sport uses, or a score: awards stories "win" and "won" as often.
    sure = scores or any(weights.get(w) == 1 for w in words)
    return sure and weight >= SPORT_MIN_WEIGHT and 100 * weight / max(len(words), 1) >= SPORT_PER_100_WORDS


def quad_class(code):
    """CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


# ---------------------------------------------------------------- dates


MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])")
# A span of days starts on its first: "June 8-10", "8 to 10 June", "March 1 and 2".
DAY_RANGE = re.compile(r"\b(\d{1,2})\s*(?:-|–|—|to|and|through|until)\s*\d{1,2}\b(?!\s*(?:[:.]\d|a\.?m|p\.?m|gmt))")


def resolve_date(text, published, future=False):
    """(ISO date, precision) of a temporal expression relative to the publication date, or (None, None).

    A bare date is the nearer of its last and next ("May 18" in a story of June 1 is last
    month's, "June 8" next week's), and the next for an event still to come ("will meet on
    Tuesday"); a span of days is its first day ("June 8-10").
    """
    if not published:
        return None, None
    base = dt.date.fromisoformat(published[:10])
    lower = text.lower()
    if MONTH_NAME.search(lower):
        lower = DAY_RANGE.sub(r"\1", lower)
    for n, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", lower):
            back = (base.weekday() - n) % 7
            if re.search(r"\bnext\b", lower):
                back = -((n - base.weekday()) % 7 or 7)
            elif future and not re.search(r"\blast\b", lower):
                back = -((n - base.weekday()) % 7)  # "will meet on Thursday": the coming one
            elif re.search(r"\blast\b", lower) and back == 0:
                back = 7
            return (base - dt.timedelta(days=back)).isoformat(), "day"
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", lower):
        return base.isoformat(), "day"
    if re.search(r"\b(yesterday|last night)\b", lower):
        return (base - dt.timedelta(days=1)).isoformat(), "day"
    if re.search(r"\b(last|past) week\b", lower):
        return (base - dt.timedelta(days=7)).isoformat(), "week"
    if re.search(r"\bthis week\b", lower):
        return base.isoformat(), "week"
    cleaned = re.sub(r"\b(early|late|mid|earlier|later|on|in|since|by|until|the)\b", " ", lower).strip()
    data = parse_date(cleaned, base, "future" if future else "past")
    if data is None or data.date_obj is None:
        return None, None
    period = data.period if data.period in ("day", "week", "month", "year") else "day"
    parsed = data.date_obj.date()
    if not YEAR.search(cleaned):
        if abs(parsed.year - base.year) > 1:
            return None, None  # a misread number ("June 8 at 10-11 am" is no date in 1910)
        if not future and period == "day" and (base - parsed).days > 180:
            # "June 8" in a story of June 1 is the coming one, not last year's.
            ahead = parse_date(cleaned, base, "future")
            if ahead is not None and ahead.date_obj is not None and (ahead.date_obj.date() - base).days < (base - parsed).days:
                parsed = ahead.date_obj.date()
    date = parsed.isoformat()
    # Reduced precision is written as ISO 8601 allows: "2016", "2016-05".
    return {"year": date[:4], "month": date[:7]}.get(period, date), period


YEAR = re.compile(r"\b(?:1\d|20)\d\d\b|'\d\d\b")  # not a clock: "at 0336 GMT"


def parse_date(text, base, prefer):
    """dateparser's reading of a date expression, counted from `base`, preferring past or future."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()), "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": False})
    return parser.get_date_data(text)


# ---------------------------------------------------------------- syntax helpers


# Entity types whose names hold no event noun.
NAME_TYPES = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT"}


def find_trigger(token):
    """(cameo, negated cameo, trigger tokens) when the token starts an event trigger, else None."""
    if token.ent_type_ in ("DATE", "TIME"):
        return None  # "bought March soymeal": a month, not a protest
    if token.pos_ in ("NOUN", "PROPN") and token.is_title and not token.is_sent_start and token.ent_type_ in NAME_TYPES:
        return None  # "Kool-Aid drinks", "Live Aid": a word of a name, not aid
    found = lexicon_match(token)
    return None if found is None or found[0] == "-" else found  # "-": a sense that is no event


def is_no_event_sense(token):
    """True for a trigger word in a sense the lexicon says is no event: "prices shot up"."""
    found = lexicon_match(token)
    return found is not None and found[0] == "-"


# What makes a market or a bank a place full of people: "targeted a busy car market".
CROWDED_WORDS = {"busy", "crowded", "packed", "bustling", "thronged", "open-air", "outdoor", "teeming"}


# Particles that may follow a verb's object: "forced UNHCR out", "called the strike off".
ADVERB_PARTICLES = {"out", "off", "up", "down", "back", "away", "over", "in", "on"}


def lexicon_match(token):
    """The lexicon row a token starts, paired rows first: (cameo, negated cameo, tokens) or None."""
    table = lexicon()
    lemma = token.lemma_.lower()
    verbs, nouns = lexicon_words()
    if token.pos_ == "VERB" and lemma in verbs:
        # What it is done to: the object, a passive's subject ("the report was released"), or
        # the noun a participle describes ("the circular, released to Reuters").
        obj = child(token, "dobj", "nsubjpass") or (token.head if token.dep_ == "acl" and token.tag_ == "VBN" else None)
        # A share is of its whole: "captured the majority of the Yarmouk Camp" (not "of the vote").
        of = child(obj, "prep") if obj is not None and obj.lemma_.lower() in entity_rules()["territory_shares"] else None
        obj = (child(of, "pobj") if of is not None and of.lower_ == "of" else None) or obj
        # The object's word, or before a title the word right after the verb: "hit film Pirates"
        # (not "hit film studios"); or the verb it takes: "declined to comment"; or who it lets
        # do something: "allowed UN inspectors to visit".
        # The word as written comes first, so a plural can hold apart: "hit rebel targets".
        words = [] if obj is None else [obj.lower_] * (obj.lower_ != obj.lemma_.lower()) + [obj.lemma_.lower()] + [
            c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod") and c.i == token.i + 1
            and (obj.pos_ == "PROPN" or obj.ent_type_)]
        words += [f"ent:{obj.ent_type_}"] if obj is not None and obj.ent_type_ else []  # "seized Tikrit"
        if obj is not None and any(c.dep_ == "amod" and c.lower_ in CROWDED_WORDS for c in obj.children):
            words = []  # "targeted a busy market" is a place full of people, not a line of business
        clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
        words += [c.lemma_.lower() for c in clauses if c.dep_ == "xcomp"]
        words += [g.lemma_.lower() for c in clauses for g in c.children if g.dep_ == "nsubj"]
        # What it says of the subject ("pleaded guilty"), the subject ("where the borders meet"), and
        # what a preposition takes.
        words += [c.lemma_.lower() for c in token.children if c.dep_ in ("acomp", "oprd")]
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        # ...or the subject of the verb it completes: "bank workers voted to strike".
        if not subjects and token.dep_ == "xcomp":
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        # ...the people a count names: "scores of troops marched".
        subjects += [g for c in subjects if c.lower_ in QUANTITY_WORDS for p in c.children
                     if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        words += ["subject:" + c.lemma_.lower() for c in subjects]
        words += [f"{p.lower_}:{o.lemma_.lower()}" for p in token.children if p.dep_ in ("prep", "agent")
                  for o in p.children if o.dep_ == "pobj"]  # "returned to profit", "hit by the slump"
        # "called them terrorists": naming, not calling; "shot back: '...'": a retort, not a shot.
        words += ["(named)"] if any(c.dep_ == "oprd" for c in token.children) else []
        after = token.doc[token.i + 1:token.i + 4]
        words += ["(said)"] if any(t.text == ":" or (t.text == "," and t.i + 1 < len(token.doc) and token.doc[t.i + 1].is_quote)
                                   for t in after[:2]) else []
        if obj is None and not any(c.dep_ == "xcomp" for c in clauses):
            # Nothing done to anyone: "lending declined" fell, "declined the offer" refused; "Mr
            # Howard asked: '...?'" put a question, "asked them to leave" made a demand.
            words.append("()")
        for particle in token.children:
            phrasal = f"{lemma} {particle.lower_}"
            # Not a preposition taking a day ("called a strike for Monday") nor one past the
            # object ("met Shultz with a handshake"; but "forced UNHCR out of the country").
            loose = particle.dep_ == "prep" and (any(o.ent_type_ in ("DATE", "TIME") for o in particle.children) or (
                obj is not None and token.i < obj.i < particle.i and particle.lower_ not in ADVERB_PARTICLES))
            if particle.dep_ in ("prt", "prep") and (phrasal, "VERB") in table and not loose:
                row = next((table[(phrasal, "VERB", w)] for w in words if (phrasal, "VERB", w) in table), table[(phrasal, "VERB")])
                return (*row, [token, particle])  # "pull out troops", but not "pull out all the stops"
        for word in words:
            if (lemma, "VERB", word) in table:
                return (*table[(lemma, "VERB", word)], [token])
        # Any object: "demonstrated its strength"; but not a noun past a comma, which the parser
        # hung on the verb ("demonstrated in Minsk ..., the world's worst accident").
        if obj is not None and (lemma, "VERB", "*") in table and obj.pos_ != "NUM" and not (
                obj.i > token.i and any(t.text == "," for t in token.doc[token.i + 1:obj.left_edge.i])):
            return (*table[(lemma, "VERB", "*")], [token])
        if (lemma, "VERB") in table:
            return (*table[(lemma, "VERB")], [token])
    elif token.pos_ in ("NOUN", "PROPN") and (lemma in nouns or token.lower_ in nouns):
        if token.dep_ == "dobj" and (lemma, "NOUN", token.head.lemma_.lower()) in table:
            return (*table[(lemma, "NOUN", token.head.lemma_.lower())], [token])
        compound = [c for c in token.children if c.dep_ == "compound"]
        if compound and (f"{compound[-1].lower_} {token.lower_}", "NOUN") in table:
            return (*table[(f"{compound[-1].lower_} {token.lower_}", "NOUN")], [compound[-1], token])
        # Its modifiers and what its prepositions take: "a general strike", "a miners' strike",
        # "strikes against a wage freeze", "a strike over pay".
        words = ["mod:" + c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        words += [f"{p.lower_}:{o.lemma_.lower()}" for p in token.children if p.dep_ == "prep"
                  for o in p.children if o.dep_ == "pobj"]
        for word in words:
            if (lemma, "NOUN", word) in table:
                return (*table[(lemma, "NOUN", word)], [token])
        for key in (token.lower_, lemma):
            if (key, "NOUN") in table:
                return (*table[(key, "NOUN")], [token])
    return None


@functools.lru_cache(maxsize=1)
def light_verb_forms():
    """Every regular form of the light verbs: the lemmatizer reads 'staged' as 'stag'."""
    forms = set()
    for verb in LIGHT_VERBS:
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", verb + "es", stem + "ed", stem + "ing"}
    return forms


def is_light_verb(token):
    """True for a verb that lends its clause to an event noun: 'staged a rally', 'held talks'."""
    return token.lemma_.lower() in LIGHT_VERBS or token.lower_ in light_verb_forms()


def carried(noun):
    """True when the noun is the event of the verb whose object it is: a light verb ('staged a
    rally') or the verb a lexicon pair names ('sought refuge')."""
    if noun.dep_ != "dobj":
        return False
    head = noun.head
    return is_light_verb(head) or (noun.lemma_.lower(), "NOUN", head.lemma_.lower()) in lexicon()


def child(token, *deps):
    """The first child of `token` with one of the dependency labels."""
    return next((c for c in token.children if c.dep_ in deps), None)


def is_negated(token):
    """True when the trigger, or the auxiliary chain above a noun trigger, is negated, or an
    adjective of refusal governs it ('unwilling to negotiate', 'reluctant to offer')."""
    if child(token, "neg") is not None:
        return True
    if token.dep_ == "xcomp" and token.head.lower_ in REFUSAL_ADJECTIVES:
        return True
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return child(token.head, "neg") is not None
    return any(c.lower_ in ("no", "never") and c.dep_ == "det" for c in token.children)


def is_future(token):
    """True for intended or future events: 'will strike', 'plans to attack', 'willing to withdraw',
    'will give a grant' (the light verb's tense is its noun's)."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
        return True
    if token.pos_ == "NOUN" and carried(token):
        return is_future(token.head)
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in INTENT_VERBS


def is_obligation(token):
    """True for what someone must or should do: 'Israel must withdraw' is a demand."""
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in token.children)


def is_own_obligation(token):
    """True for what the speakers say they must do themselves: 'we must withdraw' is an intent,
    'I should have done better' no demand."""
    return is_obligation(token) and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children)


SUBORDINATE_DEPS = {"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "dobj", "nsubj"}


def governed_by_event(token):
    """True when the trigger lies in a clause of another event ("demanded that X provide aid",
    "a strike to protest ..."): the governing event is the sentence's main one."""
    node = token
    for _ in range(6):
        if node.dep_ not in SUBORDINATE_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in REPORTING_VERBS:
            return False
        if find_trigger(node) is not None and not is_light_verb(node):
            return True
        # "reiterated its demand that Israel ease ...": the clause belongs to the carried noun.
        if is_light_verb(node) and any(c.dep_ == "dobj" and c.i != token.i and find_trigger(c) for c in node.children):
            return True
    return False


def reported_obligation(token):
    """A demand voiced as what someone must do, whatever the verb: 'the UN said Israel must
    ensure access' is the UN's demand of Israel. (cameo, negated cameo, trigger tokens) or None."""
    if token.pos_ != "VERB" or not is_obligation(token) or is_own_obligation(token) or reporting_clause(token) is None:
        return None
    # Someone must do it: "the deficit should fall to 1.5 pct" is a forecast, not a demand.
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.ent_type_ in ACTOR_LABELS or subject.lower_ in PERSONAL_PRONOUNS
                               or subject.lemma_.lower() in agents()):
        return None
    return ("100", None, [token])


def is_conditional(token):
    """True when a clause sets a condition on the action: 'will withdraw unless ...' is a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in token.children)


def modal_code(code, future, obligation, negated, conditional=False):
    """The CAMEO code of an action that is only intended, threatened or demanded."""
    if negated:
        return code
    if obligation and code[:2] not in ("10", "12"):
        return "100"
    if future and conditional and code[:2] not in ("10", "11", "12", "13"):
        return THREAT_CODES.get(code[:2], "130")  # a promise with a condition is a threat
    if future:
        return INTENT_CODES.get(code[:2]) or THREAT_CODES.get(code[:2]) or code
    return code


def demanding_speaker(token):
    """Who voices an obligation: the subject of the reporting verb over 'X must ...', or None."""
    reporter = reporting_clause(token)
    subj = child(reporter, "nsubj") if reporter is not None else None
    return resolve_pronoun(subj, reporter) if subj is not None else None


def reporting_clause(token):
    """The reporting verb whose clause contains the trigger ('X says it hit ...'), or None."""
    node = token
    while node.dep_ in ("ccomp", "conj", "xcomp", "advcl", "acomp") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in REPORTING_VERBS and node.pos_ in ("VERB", "AUX"):
            return node
    if token.dep_ == "parataxis" or any(c.dep_ == "parataxis" and c.lemma_.lower() in REPORTING_VERBS for c in token.children):
        rep = next((c for c in token.children if c.dep_ == "parataxis" and c.lemma_.lower() in REPORTING_VERBS), None)
        return rep
    return None


def subject_of(verb):
    """The verb's subject, inherited through xcomp, conjunction and a predicate adjective:
    'forces are trying to force X', 'Syria is willing to withdraw'."""
    node = verb
    for _ in range(4):
        subj = child(node, "nsubj")
        if subj is not None:
            return subj, False
        subj = child(node, "nsubjpass")
        if subj is not None:
            # An inherited passive subject is the doer of an active conjunct ("were not authorized
            # ... and demanded"), not of a bare participle ("were killed, wounded or captured").
            return subj, node is verb or is_bare_participle(verb)
        # "it is willing to withdraw": through the adjective to the subject of "is".
        if node.dep_ in ("xcomp", "conj", "acomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            thing = node.head
            # "the party issued a declaration demanding ...": a document's clause is its issuer's.
            if node.dep_ == "acl" and thing.dep_ == "dobj" and thing.lemma_.lower() in DOCUMENT_NOUNS:
                return subject_of(thing.head)
            # "the airstrip captured by Chadian troops": a participle's noun is what is done to.
            passive = node.dep_ == "acl" and node.tag_ == "VBN" and (node is verb or is_bare_participle(verb))
            return thing, passive
        break
    return None, False


def is_bare_participle(verb):
    """True for a conjoined past participle without an auxiliary of its own: "wounded" in "were
    killed, wounded or captured"."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def actor_tokens(head):
    """The tokens of the noun phrase headed by `head`, without clauses and appositions."""
    keep = [head]
    stack = [head]
    # "talks between Israel and Syria": each side is an actor of its own.
    between = head.dep_ == "pobj" and head.head.lower_ == "between"
    while stack:
        node = stack.pop()
        for c in node.children:
            if c.dep_ not in ACTOR_DEPS or (between and node == head and c.dep_ in ("conj", "cc")):
                continue
            if c.dep_ == "prep" and c.lower_ != "of":
                continue
            if c.dep_ == "punct" and c.text not in ("-",):
                continue
            keep.append(c)
            stack.append(c)
    keep.sort(key=lambda t: t.i)
    # One stretch of words from the head on: "radicals and supporters of the party" with the
    # other side left out is "radicals", not "radicals and supporters of the party".
    kept, doc = {t.i for t in keep}, head.doc
    end = head.i
    while end + 1 in kept or (end + 1 < len(doc) and doc[end + 1].dep_ == "advmod" and doc[end + 1].head.i in kept):
        end += 1  # "two thirds of mostly rural Afghanistan"
    keep = [t for t in keep if t.i <= end]
    while keep and keep[0].dep_ in ("det", "punct", "cc", "preconj", "predet", "case"):
        keep.pop(0)
    while keep and (keep[-1].dep_ in ("punct", "cc", "case", "det") or keep[-1].dep_ == "prep" and keep[-1].lower_ == "of"):
        keep.pop()  # "accused by unions of awarding ...": the "of" opens a clause, not the name
    return keep or [head]


def resolve_pronoun(token, trigger):
    """The antecedent of a pronoun subject: the subject of the reporting verb above the trigger."""
    if token.lower_ not in PRONOUNS:
        return token
    if token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
        return token.head.head
    reporter = reporting_clause(trigger)
    if reporter is not None:
        subj = child(reporter, "nsubj")
        if subj is not None and subj.lower_ not in PRONOUNS:
            return subj
    return token


# ---------------------------------------------------------------- actors, places


def mention_at(mentions, start, end):
    """The mention overlapping [start, end), preferring the longest."""
    hits = [m for m in mentions if m["start"] < end and m["end"] > start]
    return max(hits, key=lambda m: m["end"] - m["start"]) if hits else None


def is_actor(head, mentions, offset):
    """True when a noun phrase can act: a named person, group or place, an agent noun, or a pronoun."""
    if head.lower_ in PRONOUNS:
        return True
    if head.ent_type_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"):
        return False
    if agents().get(head.lower_) or agents().get(head.lemma_.lower()):
        return True
    for token in [head, *head.conjuncts]:
        m = mention_at(mentions, offset + token.idx, offset + token.idx + len(token))
        if m is not None and m["label"] in ACTOR_LABELS:
            return True
        # "Swiss doctors", "Palestinian Islamic Jihad members": a named modifier makes an actor.
        for modifier in token.lefts:
            if modifier.dep_ in ("amod", "compound", "poss", "nmod"):
                if modifier.dep_ == "compound" and agents().get(modifier.lower_):
                    return True  # "opposition groups", "army officers" (but not "official contact")
                m = mention_at(mentions, offset + modifier.idx, offset + modifier.idx + len(modifier))
                if m is not None and m["label"] in ACTOR_LABELS:
                    return True
    return False


RECIPIENT_PREPOSITIONS = ("to", "on", "against", "with", "from", "for", "of", "into")


def recipient(trigger, thing, mentions, offset):
    """The actor an action is done to when its object is a thing: 'sent arms to Pakistan', 'a curfew on Cizre'."""
    dative = next((c for c in trigger.children if c.dep_ in ("dative", "iobj")), None)
    if dative is not None:
        dative = child(dative, "pobj") or dative
        if is_actor(dative, mentions, offset):
            return dative
    # "suspended part of an aid program for Bosnia", "a suspension of links with Serbia": through
    # the thing's "of" too.
    owners = [h for h in (thing, trigger if trigger.pos_ == "NOUN" else None) if h is not None]
    whole = [child(p, "pobj") for h in owners for p in h.children if p.dep_ == "prep" and p.lower_ == "of"]
    for head in (trigger, thing, *whole):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPOSITIONS:
                pobj = child(prep, "pobj")
                if pobj is not None and is_actor(pobj, mentions, offset):
                    return pobj
    return None


def hidden_target(trigger, thing, mentions, offset):
    """The target an actor-less object hides: the author of a thing ('rejected calls by
    X'), the object of the action the trigger governs ('threatened to ban X', 'offered to talk
    with X', 'refused to deploy troops in X'), the subject of a demanded clause ('demanded
    that X withdraw'), or the place where a thing is acted on ('imposed a curfew in Cizre')."""
    def actor(token):
        return token if token is not None and is_actor(token, mentions, offset) else None

    if thing is not None:
        for c in thing.children:
            found = actor(child(c, "pobj")) if c.dep_ == "prep" and c.lower_ == "by" else (
                actor(c) if c.dep_ == "poss" else None)
            if found is not None:
                return found
    for clause in trigger.children:
        if clause.dep_ == "xcomp":
            obj = actor_head(child(clause, "dobj"))
            found = actor(obj) or recipient(clause, obj, mentions, offset) or place_acted_on(
                (clause, obj), mentions, offset)
            if found is not None:
                return found
        is_that_clause = clause.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        if (clause.dep_ == "ccomp" or is_that_clause) and actor(child(clause, "nsubj")) is not None:
            return child(clause, "nsubj")
    if carried(trigger):
        # "reiterated its demand that Israel ease ...": the clause the light verb took.
        clause = child(trigger.head, "ccomp")
        found = recipient(trigger.head, None, mentions, offset) or (
            actor(child(clause, "nsubj")) if clause is not None else None)
        if found is not None:
            return found
    # "met in Geneva" acts on nothing: Geneva is where, not whom; nor are the victims of a verb
    # done to people a thing acted on in a place: "wounded 16 in Baghdad", "butchers were shot in Mosul".
    if thing is None or trigger.lemma_.lower() in entity_rules()["person_taking_verbs"]:
        return None
    return place_acted_on((trigger, thing), mentions, offset)


def place_acted_on(heads, mentions, offset):
    """The place an action on a thing is done in: "imposed a curfew in (the town of) Cizre"."""
    for head in heads:
        for prep in (head.children if head is not None else ()):
            pobj = child(prep, "pobj") if prep.dep_ == "prep" and prep.lower_ == "in" else None
            of = child(pobj, "prep") if pobj is not None else None
            for token in (pobj, child(of, "pobj") if of is not None and of.lower_ == "of" else None):
                if token is not None and is_actor(token, mentions, offset):
                    return token
    return None


def describe_actor(head, offset, mentions, require_actor=True):
    """An actor dict for a noun phrase head: text, span, mention, sector and country."""
    if head is None or (require_actor and not is_actor(head, mentions, offset)):
        return None
    tokens = actor_tokens(head)
    doc = head.doc
    start = offset + tokens[0].idx
    end = offset + tokens[-1].idx + len(tokens[-1])
    head_start = offset + head.idx
    mention = mention_at(mentions, head_start, head_start + len(head))
    # A name given in apposition keeps its title's sector and country: "the Iraqi interior
    # minister, Ahmed Saleh" is GOV, IQ.
    title = head.head if head.dep_ == "appos" and head.head.pos_ == "NOUN" else None
    sector = next((agents().get(w) for t in (head, title) if t is not None
                   for w in (t.lower_, t.lemma_.lower()) if agents().get(w)), None)
    spans = [(start, end)] + ([(offset + actor_tokens(title)[0].idx, offset + title.idx + len(title))] if title else [])
    country = None
    for m in mentions:
        if any(a <= m["start"] < b for a, b in spans) and m.get("place") and m["place"]["feature"] == "country":
            country = m["place"]["country_code"]
            break
    if mention is not None and mention.get("place") and mention["place"]["feature"] == "country":
        country = mention["place"]["country_code"]
    return {
        "is_time": head.ent_type_ in ("DATE", "TIME"),
        # One line, though the wire wrapped it: "the key\nOuadi Doum airstrip".
        "text": " ".join(original_text(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1])).split()),
        "start": start,
        "end": end,
        "mention": mention,
        "sector": sector,
        "country": country,
    }


# CAMEO roots from protest on are contention and force; those before, talk and cooperation.
PROTEST_ROOT = "14"
# Time zones the model may take for a place or a group: "at 12:10 p.m. (0910 GMT)".
TIME_ZONES = {"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest", "bst", "eet",
              "eest", "msk", "jst", "aest", "aedt", "sast", "wat", "eat", "cat"}
# What a country keeps abroad: "Australia's embassy" is not in Australia.
ABROAD_NOUNS = {"embassy", "consulate", "mission", "ambassador", "envoy", "diplomat", "citizen", "national",
                "tourist", "expatriate", "peacekeeper"}
# CAMEO roots of saying, asking, criticising and threatening.
SPEECH_ROOTS = {"01", "02", "03", "10", "11", "12", "13"}
# A town nearer than this to a bigger city is a part of it ("Queens", "Brooklyn" in New York City).
CITY_PART_KM = 30


# How specific a kind of place is: "in Yemen's Maarib province" happened in Maarib, not Yemen.
SPECIFICITY = {"country": 0, "continent": 0, "region": 0, "admin1": 1, "admin2": 2, "city": 3, "locality": 3}
# ...but an unknown name ending in one of these is a division: "Tortuguero, a community in the
# South Atlantic Autonomous Region" happened in Tortuguero.
DIVISION_WORDS = {"region", "province", "governorate", "state", "prefecture", "oblast"}


def specificity(mention):
    """A facility is most specific, then names the gazetteer lacks, towns, divisions, countries."""
    if mention["label"] == "FAC":
        return 4
    place = mention.get("place")
    # A name the gazetteer lacks is most often smaller than the town beside it: "the Kafr Souseh
    # area of Damascus", "the Baghdad neighbourhood of Al-Bayaa".
    if place is None:
        return SPECIFICITY["admin1"] if mention["text"].split()[-1].lower() in DIVISION_WORDS else 3.5
    return SPECIFICITY.get(place["feature"], 3)


def toponym_in(tokens, offset, mentions, skip_borders=True, near=None):
    """The most specific toponym mention among tokens, the nearest the token `near` (else the
    first) among equals, skipping neighbours named by 'the border with X'."""
    found, references, owners, tokens = [], set(), set(), list(tokens)
    for token in tokens:
        if (skip_borders and names_neighbour(token)) or names_clock(token):
            continue
        m = mention_at(mentions, offset + token.idx, offset + token.idx + len(token))
        # A place name the model tagged otherwise still counts once the places stage resolved it.
        is_place = m is not None and (m["label"] in ("GPE", "LOC", "FAC") or (m.get("toponym") and m.get("place")))
        if is_place and m not in found:
            found.append(m)
            if names_owner(token, offset, mentions):
                owners.add(id(m))
            if is_reference_place(token) or is_possessor(token, m, offset):
                references.add(id(m))
    # "Bab El Oued, a district near the Casbah": a place in the phrase on an apposition says
    # where the place before it is.
    starts = {m["start"] for m in found}
    for token in tokens:
        m = mention_at(mentions, offset + token.idx, offset + token.idx + len(token))
        if m in found and describes_apposed(token, starts, offset):
            references.add(id(m))
    if not found:
        return None
    # "in Diyala province, north of Baghdad": a reference point is the place only when alone. An
    # owner never is: "near a U.S. patrol" did not happen in the U.S., nor "in front of
    # Singapore's embassy" in Singapore.
    found = [m for m in found if id(m) not in owners]
    # "in Thailand's restive South": a bare direction no gazetteer places is the part, the owner the place.
    found = [m for m in found if m.get("place") or m["text"].lower() not in COMPASS_WORDS] or found
    found = [m for m in found if id(m) not in references] or found
    if not found:
        return None
    at = offset + near.idx if near is not None else found[0]["start"]
    return min(found, key=lambda m: (-specificity(m), not is_part_of_bigger_city(m, found),
                                     0 if m["start"] <= at < m["end"] else min(abs(m["start"] - at), abs(m["end"] - at))))


def is_part_of_bigger_city(mention, others):
    """True for a town that lies within a bigger city named beside it: "the New York borough of
    Queens" happened in Queens."""
    place = mention.get("place")
    if place is None or place["feature"] != "city":
        return False
    return any(o.get("place") and o["place"]["feature"] == "city" and (o["place"]["population"] or 0) > (
        place["population"] or 0) and distance_km(place["latitude"], place["longitude"], o["place"]["latitude"],
                                                  o["place"]["longitude"]) < CITY_PART_KM for o in others)


def describes_apposed(token, starts, offset):
    """True for a place in a locative phrase on an apposition to a place starting at one of `starts`."""
    through_prep = False
    for node in token.ancestors:
        through_prep = through_prep or (node.dep_ == "prep" and node.lower_ in LOCATIVE_PREPOSITIONS)
        if node.dep_ == "appos":
            return through_prep and any(offset + t.idx in starts for t in node.head.subtree if t.i < node.i)
    return False


def names_neighbour(token):
    """True for a country named by 'the border with X (and Y)': a neighbour, not the place."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.head.lower_ in ("with", "of") and token.head.head.lower_ in BOUNDARY_NOUNS


def names_clock(token):
    """True for a place that names a time zone: "at 12:30 Moscow time", "(Damascus Time)", "0910 GMT"."""
    if token.lower_ in TIME_ZONES:
        return True
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
        if token.lower_ == "time":
            return True
    return False


def place_described_before(token, offset, mentions):
    """The toponym just before a comma that opens the phrase at `token`: "in Yendi, 531 km north
    of Accra" describes where Yendi is, whatever the parser hung the phrase on."""
    doc, at = token.doc, token.left_edge.i
    if at < 2 or doc[at - 1].text != ",":
        return None
    before = doc[at - 2]
    m = mention_at(mentions, offset + before.idx, offset + before.idx + len(before))
    return m if m is not None and m["label"] in ("GPE", "LOC", "FAC") and m["end"] == offset + before.idx + len(before) else None


def place_written_before(token, offset, mentions):
    """The place written right before the phrase at `token`, after a comma or not: "Muuri village
    in ...", "Talacogon town, also in ..."."""
    doc, at = token.doc, token.left_edge.i
    if at > 0 and doc[at - 1].text == ",":
        at -= 1
    if at < 1:
        return None
    before = doc[at - 1]
    if is_word_of(before, PLACE_OBJECT_NOUNS):
        m = named_in_place_phrase(before, offset, mentions)
    else:
        # A name alone only when the gazetteer knows it: "captured Ocalan in Kenya" names a man.
        m = mention_at(mentions, offset + before.idx, offset + before.idx + len(before))
        if m is None or not m.get("place") or m["end"] != offset + before.idx + len(before) or is_reference_place(before):
            return None
    return m if m is not None and m["label"] in ("GPE", "LOC") else None


def is_reference_place(token):
    """True for a place named to say where another is: "north of Baghdad", "west of Laredo, Texas"."""
    while token.dep_ in ("appos", "conj", "compound", "npadvmod") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in COMPASS_WORDS


def locative_phrases(head):
    """The locative prepositional phrases attached to a word: 'in Aleppo', 'near the border';
    for a verb of motion its destination and origin too: 'marched to Johannesburg'; for a part
    of a place its whole: 'the streets of Suva'."""
    preps = LOCATIVE_PREPOSITIONS
    if head.lemma_.lower() in MOTION_VERBS:
        preps = preps | {"to", "from"}
    # ...and for the event the trigger happened during, the place it befell: "captured during
    # the invasion of Panama" (but "protested against the bombing of Yugoslavia" was elsewhere).
    occasion = head.dep_ == "pobj" and head.head.lower_ in SCENE_PREPOSITIONS and head.pos_ == "NOUN"
    # Plurals too ("areas of Baghdad"), but named places are the place: "Shaffa and Shindiffu
    # villages of Hawul".
    part = head.lower_ in PLACE_PART_NOUNS or (head.lemma_.lower() in PLACE_PART_NOUNS and not any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in head.children))
    if part or (occasion and find_trigger(head)):
        preps = preps | {"of"}
    # ...and for an attack named by a noun, the place it fell on: "launched attacks on Michika town".
    if head.pos_ == "NOUN" and (find_trigger(head) or ("",))[0][:2] in FORCE_ROOTS:
        preps = preps | {"on", "against"}
    return [p for p in head.children if p.dep_ == "prep" and p.lower_ in preps and not is_manner_phrase(p)]


FORCE_ROOTS = {"18", "19", "20"}


# "In a sign of the antipathy facing Bush in Europe, ... demonstrated in Brussels": "in" with one of
# these says why or how, not where.
MANNER_NOUNS = {"sign", "response", "reaction", "retaliation", "revenge", "reprisal", "solidarity", "protest",
                "bid", "attempt", "effort", "move", "show", "display", "gesture", "defiance", "addition",
                "contrast", "preparation", "memory", "honour", "honor", "support", "opposition", "violation"}


def is_manner_phrase(prep):
    """True for an "in" phrase of purpose or manner: "in response to", "in a bid to", "in protest at"."""
    pobj = child(prep, "pobj")
    return prep.lower_ == "in" and pobj is not None and pobj.lemma_.lower() in MANNER_NOUNS


def named_after_place_noun(pobj, offset, mentions):
    """The toponym written right after a place noun: 'in the capital Baku', 'in the town, Jenin'."""
    doc = pobj.doc
    following = pobj.i + 1
    if following < len(doc) and doc[following].text == ",":
        following += 1
    if pobj.lower_ not in PLACE_PART_NOUNS or following >= len(doc):
        return None
    token = doc[following]
    m = mention_at(mentions, offset + token.idx, offset + token.idx + len(token))
    return m if m is not None and m["label"] in ("GPE", "LOC", "FAC") else None


def location_of(trigger, offset, mentions):
    """The toponym where the trigger's event happened, or None.

    In order, the first locative phrase (or compass phrase, or a motion verb's destination) on:
    the trigger, its object or an event-noun subject ('hit forces near Tanf'); the verbs that
    govern it or that it is coordinated with, up to a reporting verb ('fighters attacked,
    killing 12 in Donetsk'); a passive's agent or the occasion ('murdered during a rally in
    Peshawar'); the subject ('factions in Idlib attacked') or an adverb ('elsewhere in Niger');
    an object ('shot a boy in Tulkarm'). Then the place a relative clause refers back to ('an
    attack in Kenya in which gunmen shot 28'); a toponym inside the trigger's object or compound
    ('hit the Nablus checkpoint', but not the nation of 'a US soldier' or the home town of 'X,
    34, of Leeds'); last, a clause on the trigger ('killed five when attacked near Diwaniyah',
    'captured after driving to Kidal'). Within a phrase a reference point ('north of Baghdad')
    or an owner is the place only when alone. A place named elsewhere in the sentence is not
    taken: it is as often where something else happened. A phrase fronted before the subject
    ('In Kandahar, ...') gives way to a more specific place in the clause itself.
    """
    # "talks between Iran and Iraq": the two sides of a talk are its parties, not its place.
    parties = [p for p in trigger.children if p.dep_ == "prep" and p.lower_ == "between"] if (
        trigger.pos_ == "NOUN" and (find_trigger(trigger) or ("99",))[0][:2] < PROTEST_ROOT) else []
    found = located_by_phrases(trigger, offset, mentions, hidden=parties)
    # "In Kandahar, six civilians were killed by a bomb in Maiwand district": a fronted phrase
    # sets a broad scene; a more specific place in the clause itself is where it happened.
    fronted = fronted_phrases(trigger)
    scene_only = found is not None and any(
        offset + p.left_edge.idx <= found["start"] < offset + p.right_edge.idx + len(p.right_edge) for p in fronted)
    if scene_only:
        inner = located_by_phrases(trigger, offset, mentions, hidden=fronted + parties)
        # A reference point ("South of Baghdad, ...") is never where it happened if the clause says.
        reference = any(p.head.lower_ in COMPASS_WORDS for p in fronted)
        if inner is not None and (specificity(inner) > specificity(found) or reference):
            found = inner
    # "shelled the Aziziyah district in the city of Aleppo": a place the verb acts on is where it
    # happened; the phrase beside it names what contains it.
    # It also beats a place a governing clause names ("launched an attack at the airport,
    # targeting Kafr Zita"); against the trigger's own phrase the more specific wins.
    # So does the place it acts on: "In the province of Quneitra, terrorists shelled the settlement of Jaba".
    # ...but not whom a statement or a demand is made to: "Kuwait asked Britain to protect its tankers".
    target = None if is_speech(trigger) else place_object(trigger, offset, mentions) or held_object(trigger, found, offset, mentions)
    if target is not None and (found is None or scene_only or specificity(target) >= specificity(found)
                               or found is not toponym_of_phrases(trigger, offset, mentions)):
        return target
    if found is None:
        found = owner_place(trigger, offset, mentions)
    if found is None:
        # "A police source in Ramadi said the blast killed four": the reporter's town, when the
        # report says no place of its own.
        reporter = reporting_clause(trigger)
        subject = child(reporter, "nsubj") if reporter is not None else None
        found = toponym_of_phrases(subject, offset, mentions) if subject is not None else None
        # ...or the town of the reporter's office, or of the one given in apposition: "a Gaza
        # hospital said", "Ahmed Ali, a doctor in Hilla, said".
        described = [subject] + [a for a in subject.children if a.dep_ == "appos"] if subject is not None else []
        for whole in described[1:] if found is None else ():
            found = found or toponym_of_phrases(whole, offset, mentions)
        for whole in described if found is None else ():
            found = found or toponym_in([c for c in whole.children if c.dep_ in ("compound", "poss")], offset, mentions)
        # ...or the scene set before the report: "In the town of Jenin, medics said troops shot two men".
        for prep in fronted_phrases(reporter) if reporter is not None and found is None else ():
            found = found or toponym_in(phrase_tokens(prep), offset, mentions)
        if found is not None and specificity(found) < SPECIFICITY["admin2"]:
            found = None  # "sources in Yemen" may be anywhere in it
    if found is None:
        found = phrase_after_aside(trigger, offset, mentions)
    return found


def phrase_after_aside(trigger, offset, mentions):
    """The place in a phrase the parser hung on a report set in as an aside after the clause:
    "were shot dead in their car, police said, on a road in Diwaniyah" (but not "said in a
    statement in Kabul" nor "told reporters in Gode": where it was said)."""
    reporter = trigger.head if trigger.dep_ == "ccomp" else None
    if reporter is None or reporter.i < trigger.i or reporter.lemma_.lower() not in REPORTING_VERBS or any(
            c.dep_ in ("dobj", "dative") for c in reporter.children):
        return None  # "..., the official told reporters in Gode": where it was told
    doc = trigger.doc
    if not any(t.text == "," for t in doc[trigger.right_edge.i:reporter.i]):
        return None
    for prep in (p for p in locative_phrases(reporter) if p.i > reporter.i):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() in DOCUMENT_NOUNS | SPEECH_NOUNS:
            continue
        found = toponym_in(phrase_tokens(prep), offset, mentions, near=pobj)
        if found is not None:
            return found
    return None


def owner_place(trigger, offset, mentions):
    """The place that owns what the trigger is done to, when nothing else says where: "Mexico's
    police chief was shot", "Yugoslavia's refineries were destroyed". Only for force: a protest
    at "China's attempts" is not in China; nor for what a country keeps abroad ("Australia's
    embassy was bombed")."""
    if (find_trigger(trigger) or ("",))[0][:2] <= PROTEST_ROOT:
        return None
    for obj in (c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() not in ABROAD_NOUNS):
        for owner in (c for c in obj.children if c.dep_ == "poss"):
            found = mention_at(mentions, offset + owner.idx, offset + owner.idx + len(owner))
            if found is not None and found["label"] in ("GPE", "LOC") and found.get("place"):
                return found
    return None


def place_object(trigger, offset, mentions, by_noun_only=False):
    """The place a trigger acts on, as its object or its passive subject ("shelled Marjayoun",
    "the village of Kinsibba", "the Aziziyah district", "the capital, Kabul, is patrolled"), or
    None. A name the verb alone made a place ("captured Ocalan in Kenya") is not one."""
    guessed = trigger.lemma_.lower() in entity_rules()["place_or_other_verbs"]
    # "patrolled Goma Thursday": the parser hangs the object on the day.
    days = [g for c in trigger.children if c.dep_ == "npadvmod" and c.lower_ in WEEKDAYS
            for g in c.children if g.dep_ == "compound" and g.pos_ == "PROPN"]
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    # "targeting the Syrian Arab Army (SAA) controlled town of Kawkab": the parser hangs the
    # place noun on the army as an apposition.
    objects += [a for o in objects if o.dep_ == "dobj" for a in o.children
                if a.dep_ == "appos" and is_word_of(a, PLACE_OBJECT_NOUNS)]
    # ...or, without the hyphen, takes "controlled" for a verb of its own: "targeting the Syrian
    # Arab Army (SAA) controlled Al-Sina'a District".
    objects += [d for o in objects if o.dep_ == "dobj" for d in controlled_places(o)]
    # ...or a clause of its own with the army for subject: "targeting the Syrian Arab Army
    # controlled Al-Rashidiyah District".
    if not objects:
        objects += [d for c in trigger.children if c.dep_ == "ccomp" and c.lemma_.lower() in CONTROL_VERBS
                    and c.tag_ in ("VBD", "VBN") for d in c.children if d.dep_ == "dobj"]
    for obj in objects + [d for d in days if not any(c.dep_ == "dobj" for c in trigger.children)]:
        own = mention_at(mentions, offset + obj.idx, offset + obj.idx + len(obj)) if obj.is_title else None
        if own is not None and obj.dep_ == "dobj" and own["label"] in ("LOC", "FAC"):
            return own  # "targeting the Handarat Refugee Camp", "the Al-Sina'a District"
        if is_word_of(obj, PLACE_OBJECT_NOUNS) and (obj.dep_ in ("dobj", "appos") or any(c.dep_ == "appos" for c in obj.children)):
            # "the Aziziyah district", "the Al-Assad and Minyan suburbs", "the village of Kinsibba",
            # "the capital, Kabul"
            names = [c for c in obj.children if c.dep_ in ("compound", "nmod") and (
                c.i == obj.i - 1 or names_place_noun(c, entity_rules())) and obj.lemma_.lower() not in OWNED_PLACE_NOUNS]
            names += [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
            names += [c for c in obj.children if c.dep_ == "appos"]
            # "captured key towns in North Kivu, including Kanyabayonga and Alimbongo"
            examples = [g for p in obj.children if p.dep_ == "prep" and p.lower_ in ("including", "like")
                        for g in p.children if g.dep_ == "pobj"]
            # ...and "including Mazar-e-Sharif city": the name of the place noun given as one.
            names += [n for g in examples for n in [g] + [c for c in g.children if c.dep_ == "compound"
                                                          and c.pos_ == "PROPN" and is_word_of(g, PLACE_OBJECT_NOUNS)]]
            labels = ("GPE", "LOC")
        elif not by_noun_only and (obj.dep_ == "dobj" or obj in days) and not is_unknown_victim(obj, trigger, offset, mentions):
            # The entity stage makes a known name a GPE after "captured"; a landform (LOC) is no guess.
            names, labels = [obj], ("LOC",) if guessed else ("GPE", "LOC")
        else:
            continue
        for name in names:
            m = mention_at(mentions, offset + name.idx, offset + name.idx + len(name)) if name.pos_ == "PROPN" else None
            # Not an acronym the verb made a place: "stormed the army's (SAA) defenses".
            # ...but a country, a division or a big city is no one's name: "captured Lubumbashi".
            strong = m is not None and m["label"] == "GPE" and m.get("place") and is_strong_place(m["place"])
            if m is not None and (m["label"] in labels or strong) and starts_with_capital(m["text"]) and not (
                    m["text"].isupper() and (m.get("place") or {}).get("feature") not in ("country", "admin1")):
                return m
    return None


def object_toponym(verb, deps, whole, offset, mentions):
    """The toponym inside the verb's object's own noun phrase ("struck a Baghdad cafe"), not a
    country that owns it nor a victim's home; a name's parts only when `whole`."""
    tokens = [t for c in verb.children if c.dep_ in deps for t in actor_tokens(c)
              if (whole or not is_part_of_name(t, c)) and not (t is c and is_unknown_victim(c, verb, offset, mentions))]
    return toponym_in([t for t in tokens if not names_owner(t, offset, mentions)
                       and not names_home(t, offset, mentions)], offset, mentions)


def controlled_places(noun):
    """What the actor `noun` is said to hold when the parser made "controlled" a verb of its own:
    "the Syrian Arab Army (SAA) controlled Al-Sina'a District" (no subject, right after the noun)."""
    doc, after = noun.doc, noun.right_edge.i + 1
    verb = doc[after] if after < len(doc) else None
    if verb is None or verb.lemma_.lower() not in CONTROL_VERBS or verb.tag_ not in ("VBD", "VBN") or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "dobj" and (c.pos_ == "PROPN" or is_word_of(c, PLACE_OBJECT_NOUNS))]


ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash)[-‘’' ]", re.IGNORECASE)


def starts_with_capital(name):
    """True for a name written with a capital, after an Arabic article too: "Kabul", "al-Rai"."""
    return ARTICLE_PREFIX.sub("", name).lstrip("‘’'`")[:1].isupper()


def held_object(trigger, found, offset, mentions):
    """The town a verb takes when the phrase beside it names the country or division holding it:
    "Iraq captures Irbil in northern Iraq" (but not "captured Ocalan in Kenya": no Kenyan town)."""
    if found is None or (found.get("place") or {}).get("feature") not in ("country", "admin1"):
        return None
    holder = found["place"]
    for obj in (c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "PROPN"):
        m = mention_at(mentions, offset + obj.idx, offset + obj.idx + len(obj))
        place = (m or {}).get("place") or {}
        if m is not None and m["label"] == "GPE" and m["end"] <= found["start"] and place.get("feature") in ("city", "admin2") \
                and place["country_code"] == holder["country_code"] and (
                holder["feature"] == "country" or admin1_code(place) == admin1_code(holder)):
            return m
    return None


def is_speech(trigger):
    """True for a trigger that says, asks or refuses something rather than does it."""
    return (find_trigger(trigger) or ("",))[0][:2] in SPEECH_ROOTS


def fronted_phrases(trigger):
    """The trigger's locative phrases written before its subject and closed by a comma: "In Kandahar, ..."."""
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    doc = trigger.doc
    # "South of Baghdad, ...": a compass phrase's "of" too.
    phrases = [p for p in trigger.children if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPOSITIONS]
    phrases += [p for d in trigger.children if d.dep_ in ("advmod", "npadvmod") and d.lower_ in COMPASS_WORDS
                for p in d.children if p.dep_ == "prep" and p.lower_ == "of"]
    return [p for p in phrases if p.right_edge.i < subject.i and closed_by_comma(doc, p.right_edge.i + 1)]


def closed_by_comma(doc, i):
    """True when a comma comes at token i, after a day or time set in there ("In Dagestan Wednesday, ...")."""
    while i < len(doc) and doc[i].ent_type_ in ("DATE", "TIME"):
        i += 1
    return i < len(doc) and doc[i].text == ","


def located_by_phrases(trigger, offset, mentions, hidden=()):
    """location_of's search, with some of the trigger's phrases left out."""
    # What is said about happened elsewhere: "condemned an upsurge of attacks in Ghouta".
    speech = is_speech(trigger)
    rules = entity_rules()
    heads = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") and not speech]
    # "shot him in the back and head at a welfare office in Belfast": a noun the parser joined to
    # the verb is one of its phrase objects.
    heads += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "NOUN" and trigger.pos_ == "VERB"
              and not happens_later(c)]
    # "detonated a bomb packed with nails in a coffee shop in Tel Aviv": the parser made the
    # object's participle a clause of its own, the object its subject.
    heads += [c for c in trigger.children if is_object_participle(c, trigger) and not speech]
    # A noun a light verb carries happened where the verb says: "staged a rally in Nairobi".
    heads += [trigger.head] if trigger.pos_ == "NOUN" and carried(trigger) else []
    # ...and so does one whose verb says what became of it: "talks resumed in Geneva".
    heads += [trigger.head] if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") and (
        trigger.head.pos_ == "VERB") else []
    # "the attack at the Zarka junction destroyed ...": the subject names the event.
    # "a wave of attacks across Iraq killed 30": so does the event noun the subject counts.
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    subjects += [g for c in subjects for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"]
    heads += [c for c in subjects if find_trigger(c)]
    # "were killed in Misrata during fighting": an event noun happened where the verb it is the occasion of did.
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "amid") and trigger.head.head.pos_ == "VERB":
        heads.append(trigger.head.head)
    node, governors = trigger, []
    first_governor_head = len(heads)
    while (node.dep_ in ("advcl", "xcomp", "pcomp", "conj") or is_casualty_aside(node)) and node.head.i != node.i:
        if node.dep_ == "conj" and happens_later(node):
            break  # "was captured in Fallujah in April but released a week later": elsewhere, maybe
        node = node.head
        # "captured the hill after killing 20", "protested by blocking the highway": the verb
        # whose phrase the clause is.
        if node.dep_ == "prep" and node.pos_ == "ADP" and node.head.pos_ == "VERB" and node.head.i != node.i:
            node = node.head
        if node.lemma_.lower() in REPORTING_VERBS:
            break
        heads.append(node)
        governors.append(node)
        heads += [c for c in node.children if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "nsubj" and find_trigger(c))]
        # "targeted a bus carrying pilgrims in the town of Taji, killing 10": where its object was.
        heads += [a for c in node.children if c.dep_ == "dobj" for a in c.children if a.dep_ == "acl" and a.tag_ == "VBG"]
        # "carried out a series of airstrikes over the Deir Ezzor Governorate, targeting ...": the
        # event noun the governing verb's object counts.
        heads += [g for c in node.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep"
                  and p.lower_ == "of" for g in p.children if g.dep_ == "pobj" and find_trigger(g)]
    governor_subjects = [c for v in governors for c in v.children if c.dep_ == "nsubj"]
    # Verbs sharing the trigger's arguments ("shot and killed a man at a roadblock"), the agent of
    # a passive ("shot by a settler near Beitunia") and the event a time phrase names ("murdered
    # during a meeting in Darjeeling").
    # A chain of them too: "were captured, tortured and killed by fighters near Bunia".
    # Not one that came later or took them elsewhere: "was shot and later died at a hospital",
    # "were shot and evacuated to a hospital in San Juan".
    co_verbs = [c for c in trigger.conjuncts if c.i > trigger.i and c.pos_ == "VERB" and (
        c.head == trigger or find_trigger(c)) and not happens_later(c) and not is_removal(c)]
    # ...with the verb left out after its subject: "14 were killed and 20 others wounded in Raqqa",
    # "seven were killed and nine other injured in Sousan".
    co_verbs += [a for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ")
                 for a in c.children if a.dep_ == "acl" and a.tag_ == "VBN"]
    # The trigger's own agent and occasion come before them: "shot by police in Khanpur ..., and
    # the Muslim was burned in the Vejalpur area"; the left-out verb's after them: "36 injured by
    # a motorcycle bomb in Al-Bayaa".
    heads += agent_and_occasion(trigger) + co_verbs
    # Where a verb sharing the trigger's arguments took them is not where the trigger happened:
    # "was captured in 2001 and shipped to Guantanamo Bay".
    hidden = list(hidden) + destinations(co_verbs)
    heads += [n for v in co_verbs if v.dep_ == "acl" for n in agent_and_occasion(v)]
    # ...and the occasion of a verb it depends on: "killed 100 during an attack on the town of
    # Fotokol, murdering residents".
    heads += [g for v in governors for p in v.children if p.dep_ == "prep" and p.lower_ in ("during", "amid")
              for g in p.children if g.dep_ == "pobj"]
    # Then the subject's own place: "rebel factions in Idlib attacked each other", and a scene
    # set by an adverb: "elsewhere in Swaziland, troops patrolled roads".
    heads += [c for c in trigger.children if c.dep_ in ("nsubj", "advmod")]
    # ...or by a time phrase: "Last week in Nasiriyah, three troops were killed".
    heads += [c for c in trigger.children if c.dep_ == "npadvmod" and (c.ent_type_ in ("DATE", "TIME") or c.lemma_ == "time")]
    # ...the one it shares with the verb it is coordinated with: "soldiers in Bangui killed 6 and wounded many".
    if trigger.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        heads += [c for c in trigger.head.children if c.dep_ == "nsubj"]
    # Last, a clause on the trigger that sets the scene: "killed five when attacked near Diwaniyah".
    # Its conjuncts' too: "were killed and 24 wounded when a bomb exploded in Adhamiyah".
    # ...and the left-out verb's: "four were shot and one injured as militiamen raided their base near Beni".
    partners = [trigger] + [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    partners += [a for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
                 for a in c.children if a.dep_ == "acl" and a.tag_ == "VBN"]
    partners += [trigger.head] if is_casualty_aside(trigger) else []
    scene = [c for p in partners for c in p.children if c.dep_ == "advcl" and (p.i in (trigger.i, trigger.head.i) or any(
        m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "after") for m in c.children))]
    # ...or a clause after a preposition: "killed after being ambushed at Kafr Shams".
    scene += [g for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("after", "while", "upon")
              for g in p.children if g.dep_ == "pcomp"]
    # ...or the means: "began the assault by storming positions at the Al-Jafra Farms".
    scene += [g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "by"
              for g in p.children if g.dep_ == "pcomp" and g.pos_ == "VERB"]
    # ...or a clause on its time: "were shot dead last week when troops raided their West Bank hideout".
    scene += [r for n in trigger.children if n.dep_ == "npadvmod" for r in n.children
              if r.dep_ == "relcl" and any(m.lower_ == "when" for m in r.children)]
    # ...or what it was done to do: "managed to advance in Jabal Thurdeh".
    scene += [c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    for n, head in enumerate(heads):
        found = toponym_of_phrases(head, offset, mentions, hidden)
        if found is not None:
            if n >= first_governor_head and trigger.dep_ in ("advcl", "xcomp", "conj"):
                # "launched an offensive in the Hama countryside, targeting positions near the
                # town of Kawkab": the clause's own object says where, more closely, or as
                # closely ("marched in Leeds, while thousands gathered for rallies in Manchester").
                nouns = [] if speech else argument_nouns(trigger)
                own = next((m for m in (toponym_of_phrases(h, offset, mentions, hidden) for h in nouns) if m), None)
                # ...or the place it strikes: "targeting the Al-Bab Plateau's southern flank".
                if own is None and not speech and trigger.lemma_.lower() in rules["place_taking_verbs"] | rules[
                        "place_or_other_verbs"]:
                    own = object_toponym(trigger, ("dobj",), True, offset, mentions)
                if own is not None and specificity(own) >= specificity(found):
                    return own
            return found
    # Then a locative phrase on an argument: "shot a policeman and a boy in the town of Tulkarm",
    # "clashed with forces in Mitrovica".
    # A coordinated verb's object too when the trigger has none: "shot and injured a doctor in Pattani".
    sharing = [] if any(c.dep_ in ("dobj", "nsubjpass") for c in trigger.children) else [
        c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    nouns = [] if speech else argument_nouns(trigger) + [n for c in sharing for n in argument_nouns(c)]
    # What a protest is against happened elsewhere: "protested against the bombing of embassies in Yugoslavia".
    nouns = [n for n in nouns if not is_protested_event(n, trigger)]
    # ...and last a coordinated verb's own object: "killed 43 people and wounded 74 others in Orgun District".
    later = [] if speech else [n for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB" and c not in sharing
                               and find_trigger(c) and not is_removal(c) for n in argument_nouns(c)]
    for head in sorted(nouns, key=lambda h: abs(h.i - trigger.i)):
        found = toponym_of_phrases(head, offset, mentions, hidden)
        if found is not None:
            return found
    # Then the clause on the subject: "a car parked near the Sa'ah Restaurant detonated", "a bomb
    # targeting a mosque in Parachinar killed 22", "the attacks, which took place in Zangang, left
    # scores injured" (but "tanks stationed at Kfar Darom shelled a post in Deir El-Balah").
    # So does the clause on a passive's agent: "shot by gunmen who opened fire on his car in
    # Monterrey", and the whole it is part of: "by soldiers of the 101st Division near Mosul".
    agents = [g for p in trigger.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"]
    described = [c for s in trigger.children if s.dep_ == "nsubj" for c in s.children
                 if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    described += [c for a in agents for c in a.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    # ...and on the governing verb's subject: "gunmen who stormed a hotel in Mogadishu killed nine
    # guests, wounding several others".
    described += [c for s in governor_subjects for c in s.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    # ...but not where it is based: "patrolled by troops which have their bases in Turkey".
    described = [c for c in described if c.lemma_.lower() not in SITING_VERBS | {"have"}]
    hidden += destinations(described)  # "U.N. forces, dispatched to Lebanon in 1978, patrol an area"
    wholes = [g for a in agents for p in a.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]
    for head in described + [o for c in described for o in c.children if o.dep_ == "dobj"] + wholes:
        found = toponym_of_phrases(head, offset, mentions, hidden)
        if found is not None:
            return found
    # "an attack in Kenya in which gunmen shot 28", "Kenya, where gunmen shot 28": the place the
    # relative clause refers back to.
    if trigger.dep_ == "relcl" and any(is_locative_relative(c) for c in trigger.children):
        # "the camp at Mauthausen, Austria, where they were executed": the town, not the country
        # that places it.
        referent = trigger.head
        if referent.dep_ == "appos" and referent.head.pos_ == "PROPN" and referent.head.i < referent.i:
            referent = referent.head
        found = toponym_in([referent], offset, mentions) if referent != trigger.head else None
        found = found or toponym_of_phrases(trigger.head, offset, mentions, hidden) or toponym_in(
            actor_tokens(trigger.head), offset, mentions)
        if found is not None:
            return found
    # "a children's hospital in Basra, which is patrolled by", "a Mogadishu cafe frequented by",
    # "the power plant that the army is storming": the place the clause is done to.
    if is_done_to_its_head(trigger):
        found = toponym_of_phrases(trigger.head, offset, mentions, hidden) or toponym_in(
            actor_tokens(trigger.head), offset, mentions)
        if found is not None:
            return found
    # An object that is a place by its noun: "entered the Hanano and Jabal Badro districts",
    # "targeting the village of Kinsibba", whatever the model tagged the names.
    for obj in (c for c in trigger.children if c.dep_ == "dobj" and is_word_of(c, PLACE_OBJECT_NOUNS)):
        found = named_in_place_phrase(obj, offset, mentions)
        if found is not None:
            return found
    # "struck the Idlib governorate, killing 50": the place a governing verb acts on, named as
    # one ("asked Hanoi to return" is no place).
    for governor in governors:
        found = place_object(governor, offset, mentions, by_noun_only=True)
        if found is not None:
            return found
    # Then a locative phrase on a governing verb's argument: "police clashed with students in
    # central Dhaka, firing rubber bullets and arresting dozens".
    # ...or on the event its subject tells of: "a string of bombings across Kano killed 12 people and
    # wounded dozens", "the toll from the raid on Saraqib rose to 15 after three more died".
    told_of = [g for c in governor_subjects for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
               for g in p.children if g.dep_ == "pobj" and find_trigger(g)]
    for head in [] if speech else [n for v in governors if not is_speech(v) for n in argument_nouns(v)] + told_of:
        found = toponym_of_phrases(head, offset, mentions, hidden)
        if found is not None:
            return found
    for head in later:
        found = toponym_of_phrases(head, offset, mentions, hidden)
        if found is not None:
            return found
    # Only the object's own noun phrase: a relative clause on it tells of something else. Then
    # a governing verb's object: "struck a Baghdad cafe ..., killing 12", "stormed the Rasoul
    # checkpoint, killing 3"; but a name is a place only when a verb of attack takes it ("asked
    # Hanoi to return").
    found = None
    for verb in [trigger] + governors:
        if verb == trigger and speech:
            continue  # "Kuwait asked Britain and China": whom it asked, not where
        whole = verb == trigger or verb.lemma_.lower() in rules["place_taking_verbs"] | rules["place_or_other_verbs"]
        deps = ("dobj", "compound", "nsubjpass") if verb == trigger else ("dobj",)
        found = found or object_toponym(verb, deps, whole, offset, mentions)
    # A town the subject belongs to: "New Delhi police shot dead a man" (not a country: "US troops"),
    # or the agent: "shot by London police".
    for subject in [c for c in trigger.children if c.dep_ == "nsubj"] + agents:
        towns = [t for t in subject.children if t.dep_ == "compound" and t.pos_ == "PROPN"]
        m = toponym_in(towns, offset, mentions)
        town = m is not None and m["label"] == "GPE" and m["end"] <= offset + subject.idx
        found = found or (m if town and specificity(m) >= SPECIFICITY["admin1"] else None)
    # The scene clause's phrases, then its object's: "killed when fighters attacked a centre in
    # Piranshahr", "shot dead as he was leaving his home in Moscow".
    # The scene clause's agent too: "killed when his convoy was hit by a bomb near Samarra".
    scene += [g for head in scene for p in head.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"]
    # ...and what it was trying to do at that moment: "shot while trying to escape arrest close to
    # the town of Poso" (not where it was going: "captured as he tried to enter Afghanistan").
    # Fleeing a place is being there: "shot as he tried to flee the Trujillo prison".
    scene += [x for head in scene if is_same_moment(head) for x in head.children if x.dep_ == "xcomp"
              and x.pos_ == "VERB" and (x.lemma_.lower() not in MOTION_VERBS | ENTRY_VERBS or (
                  x.lemma_.lower() in DEPARTURE_VERBS and child(x, "dobj") is not None))]
    # ...and the scene of its own moment: "killed when their vehicle was hit by a bomb while
    # conducting operations in Nineveh province".
    scene += [x for head in scene if is_same_moment(head) for x in head.children if x.dep_ == "advcl"
              and x.pos_ == "VERB" and is_same_moment(x)]
    # A place the scene clause acts on comes before its phrases, as for the trigger: "began the
    # assault by storming the village of Kafr Saghir in northeast Aleppo".
    for head in scene:
        found = found or place_object(head, offset, mentions, by_noun_only=head.lemma_.lower() not in rules["place_taking_verbs"])
    for head in scene:
        found = found or toponym_of_phrases(head, offset, mentions, hidden)
    for head in scene:
        # Beyond its object only for a clause of the same moment: "shot when their van came
        # under fire in eastern Georgia", not "after beginning the year with a win at Chennai".
        # "while scavenging for food behind a store in Murphy" is that moment too; "while other
        # fighters withdrew to Jarablus", with a subject of its own, a contrast.
        meanwhile = is_same_moment(head, own_subject=False)
        for noun in (n for n in argument_nouns(head) if n.dep_ == "dobj" or meanwhile):
            found = found or toponym_of_phrases(noun, offset, mentions, hidden)
    # ...or a place inside that object: "shot dead as he entered a Baghdad mosque".
    for head in scene:
        found = found or toponym_in([t for c in head.children if c.dep_ == "dobj" for t in actor_tokens(c)
                                     if not names_owner(t, offset, mentions) and not names_home(t, offset, mentions)
                                     and not is_part_of_name(t, c)], offset, mentions)
    # Last, where the doers are: "hundreds of students in Mosul demonstrated", "shot and killed
    # by police in Vienna".
    conjuncts = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    doers = [actor_head(c) for c in trigger.children if c.dep_ == "nsubj"] + agents
    doers += [g for v in conjuncts for p in v.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"]
    # ...and where the governing verb's doers are: "fighters in Idlib stormed the checkpoint, killing six".
    doers += [actor_head(c) for c in governor_subjects]
    for subject in doers:
        for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in SUBJECT_PLACE_PREPOSITIONS):
            found = found or toponym_in(list(prep.subtree), offset, mentions)
    return found


def is_object_participle(clause, verb):
    """True for a participle the parser made a clause of the verb's, its object for subject:
    "detonated a bomb packed with nails", the verb left with no object."""
    return (clause.dep_ == "ccomp" and clause.tag_ in ("VBN", "VBD") and verb.lemma_.lower() not in REPORTING_VERBS
            and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
            and not any(c.dep_ == "dobj" for c in verb.children)
            and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i > verb.i for c in clause.children))


LATER_WORDS = {"later", "afterwards", "afterward", "subsequently", "eventually", "since"}


def happens_later(verb):
    """True for a verb said to come some time after the one it is joined to: "released a week
    later", "and has since annexed", "released within days"."""
    times = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod")]
    times += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "within" for g in p.children if g.dep_ == "pobj"]
    return any(t.lower_ in LATER_WORDS or t.dep_ == "pobj" or any(c.lower_ in LATER_WORDS for c in t.children)
               for t in times)


def is_removal(verb):
    """True for a verb of taking the trigger's people away: "(were shot and) evacuated", "taken
    into Lebanon" (but "took industrial action" does something else)."""
    return verb.lemma_.lower() in REMOVAL_VERBS and not any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def destinations(verbs):
    """The 'to' and 'from' phrases of verbs of motion: where they went, not where they were."""
    return [p for v in verbs if v.lemma_.lower() in MOTION_VERBS
            for p in v.children if p.dep_ == "prep" and p.lower_ in ("to", "from")]


# Where the doers are, not where they come from: "students in Mosul", not "farmers from Kisumu".
SUBJECT_PLACE_PREPOSITIONS = {"in", "at", "near", "inside", "outside"}


def is_casualty_aside(verb):
    """True for a clause the parser hung on the casualty verb after it: "120 civilians were killed,
    250 others injured as attacks rocked Jablah" (killed is no report of injured)."""
    return verb.dep_ == "ccomp" and verb.head.i > verb.i and verb.head.lemma_.lower() in CASUALTY_VERBS


def is_same_moment(clause, own_subject=True):
    """True for a clause opened by "when" or "as", or by "while" (with a subject of its own only
    when `own_subject`: "while other fighters withdrew" may be a contrast)."""
    return any(m.dep_ in ("mark", "advmod") and (m.lower_ in ("when", "as") or (m.lower_ == "while" and (
        own_subject or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)))) for m in clause.children) or (
        clause.dep_ == "pcomp" and clause.head.lower_ == "while")


OPPONENT_PREPOSITIONS = {"with", "against", "between"}


def agent_and_occasion(verb):
    """The nouns of a verb's agent and of its scene phrases: "by settlers", "during a rally"."""
    nouns = [c for p in verb.children if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in SCENE_PREPOSITIONS)
             for c in p.children if c.dep_ == "pobj"]
    # ...and where the other side of a clash was: "during clashes with Kurdish forces in Allok village".
    return nouns + [g for n in nouns if find_trigger(n) for p in n.children if p.dep_ == "prep"
                    and p.lower_ in OPPONENT_PREPOSITIONS for g in p.children if g.dep_ == "pobj"]


def is_unknown_victim(noun, verb, offset, mentions):
    """True for an object that is a name alone, unknown to the gazetteer, of a verb done to
    people: "Zubaydah was shot", "captured Schalit" (but "captured Birao", a known town)."""
    if verb.lemma_.lower() not in entity_rules()["person_taking_verbs"]:
        return False
    m = mention_at(mentions, offset + noun.idx, offset + noun.idx + len(noun))
    return m is not None and m["label"] == "GPE" and not m.get("place")


AIMING_VERBS = {"target", "hit", "strike", "attack"}


def argument_nouns(trigger):
    """The trigger's objects and the objects of its own prepositions, with their conjuncts."""
    heads = [c for c in trigger.children if c.dep_ in ARGUMENT_DEPS]
    heads += [g for p in trigger.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    nouns = [n for h in heads for n in (h, *h.conjuncts) if n.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
    # "bombed bases of a group in Lebanon": the whole the object is part of; one member of it
    # ("shot a member of the minority in Cyprus") but not a count across a place ("killed dozens
    # of fighters across Syria" is many events).
    # A count in one place is there, though: "killed dozens of people in Hasakah".
    wholes = [g for n in nouns if n.dep_ in ("dobj", "nsubjpass")
              for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
              and (n.lower_ not in QUANTITY_WORDS - SINGLE_WORDS or not any(
                  c.dep_ == "prep" and c.lower_ in SPREAD_PREPOSITIONS for c in g.children))]
    # "shot an officer walking near his home in Mosul", "a man riding a motorcycle in Nablus was
    # shot": where the object was, doing what it did.
    # ...or where it was put or held: "detonated a bomb planted near a camp in Zamboanga",
    # "captured towns held by Aidid in Somalia" (but "Ane Ses Pass, located in Preah Vihear" is the place).
    doing = [c for n in nouns if n.dep_ in ("dobj", "nsubjpass") for c in n.children
             if c.dep_ == "acl" and c.lemma_.lower() not in PATH_VERBS and (
                 c.tag_ == "VBG" or (c.tag_ == "VBN" and c.lemma_.lower() not in SITING_VERBS))]
    # ...and so does a relative clause that says what it was doing then: "shot eight farmers who
    # were protesting in Kajaki" (not "a man who had fought in Iraq").
    doing += [c for n in nouns if n.dep_ in ("dobj", "nsubjpass") for c in n.children
              if c.dep_ == "relcl" and c.tag_ == "VBG" and c.lemma_.lower() not in PATH_VERBS
              and any(a.dep_ == "aux" and a.lemma_ == "be" for a in c.children)]
    # "launched an offensive against positions on the Panorama Roundabout": where the target of
    # the event the verb takes was.
    targets = [g for n in nouns if n.dep_ == "dobj" and find_trigger(n) for p in n.children
               if p.dep_ == "prep" and p.lower_ in ("against", "on") for g in p.children if g.dep_ == "pobj"]
    # "detonated a device targeting a vehicle at Sopore town": where what the object was aimed at was.
    aimed_at = [o for c in doing if c.lemma_.lower() in AIMING_VERBS for o in c.children if o.dep_ == "dobj"]
    return nouns + wholes + doing + targets + aimed_at


TOPIC_PREPOSITIONS = {"against", "over", "at", "about", "on"}


def is_protested_event(noun, trigger):
    """True for an event a protest is against: "protested the killing of a boy", "against the
    detention of the party's chairman"."""
    if (find_trigger(trigger) or ("",))[0][:2] != PROTEST_ROOT or noun.pos_ != "NOUN" or not find_trigger(noun):
        return False
    return (noun.head == trigger and noun.dep_ == "dobj") or (
        noun.dep_ == "pobj" and noun.head.head == trigger and noun.head.lower_ in TOPIC_PREPOSITIONS)


def names_building(mention):
    """True for an organisation's or a building's name: 'the Land Revenue Office', 'Ershad Mosque'."""
    rules = entity_rules()
    words = mention["text"].lower().split()
    return len(words) > 1 and words[-1] in rules["facility_suffixes"] | rules["org_suffixes"] | BUILDING_WORDS


def is_possessor(token, mention, offset):
    """True for a place written as the owner of another: "Baghdad" in "Baghdad's Sadr City district"."""
    while token.head.i != token.i and mention["start"] <= offset + token.head.idx < mention["end"]:
        token = token.head
    return token.dep_ == "poss"


def is_parent_of(token, name):
    """True when a token lies in a locative phrase on a name: 'Olangur in Villupuram district'."""
    return any(p.dep_ == "prep" and p.lower_ in ("in", "near", "of") and token in p.subtree for p in name.children)


def is_part_of_name(token, head):
    """True for a noun phrase's head and, when it is a name ("the Golan Heights"), the words of its name."""
    return token.i == head.i or (head.is_title and token.head.i == head.i and token.dep_ in ("compound", "flat"))


def named_in_place_phrase(noun, offset, mentions):
    """The first proper name in a place noun's phrase, its "of" complement or its conjuncts."""
    modifiers = ("appos",) if noun.lemma_.lower() in OWNED_PLACE_NOUNS else ("compound", "amod", "nmod", "appos")
    tokens = [t for c in noun.children if c.dep_ in modifiers for t in c.subtree]
    # "an area known as El Tablazo", "a village called Kisima"
    tokens += [t for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS for t in c.subtree]
    tokens += [t for c in noun.children if (c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "conj" for t in c.subtree]
    for token in sorted(tokens, key=lambda t: t.i):
        m = mention_at(mentions, offset + token.idx, offset + token.idx + len(token)) if token.pos_ == "PROPN" else None
        if m is not None and m["label"] != "NORP":
            return m
    return None


def is_done_to_its_head(verb):
    """True for a relative or participle clause whose verb is done to the noun it describes:
    "Basra, which is patrolled", "a cafe frequented by", "the plant that troops are storming"."""
    if verb.dep_ == "acl":
        return verb.tag_ == "VBN"
    if verb.dep_ != "relcl":
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or any(
        c.dep_ == "dobj" and c.lower_ in ("that", "which", "whom") for c in verb.children)


def phrase_tokens(prep):
    """The words of a phrase, less relative clauses on its nouns: "against a tunnel dug by militants
    near X" tells where the tunnel was dug, "an agreement which has been passed by Colombia" of
    something else; a clause of time or place still tells where ("in October, when they met in X")."""
    told_apart = [t for t in prep.subtree if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN")
                  and not find_trigger(t.head) and t.head.lemma_.lower() not in SITE_NOUNS
                  and not any(c.lower_ in ("when", "where", "while") or is_locative_relative(c) for c in t.children)]
    # ...nor the doer of a participle: "talks sponsored by France", "prisoners held by Israel".
    told_apart += [a for t in prep.subtree if t.dep_ == "acl" and t.tag_ == "VBN" for a in t.children if a.dep_ == "agent"]
    skipped = {t.i for r in told_apart for t in r.subtree}
    return [t for t in prep.subtree if t.i not in skipped]


def is_locative_relative(token):
    """True for the 'where' or 'in which' that opens a relative clause about a place or an event."""
    if token.dep_ == "advmod" and token.lower_ == "where":
        return True
    return token.dep_ == "prep" and any(c.lower_ == "which" for c in token.children)


def names_owner(token, offset, mentions):
    """True when a country modifies a noun as its nationality or owner ("a US soldier",
    "Australia's embassy"): that is whose it is, not where it was."""
    m = mention_at(mentions, offset + token.idx, offset + token.idx + len(token))
    if m is None or not m.get("place") or m["place"]["feature"] != "country":
        return False
    # The name's own head decides: "Saudi Arabia" in "bases in Saudi Arabia" owns nothing.
    while token.head.i != token.i and m["start"] <= offset + token.head.idx < m["end"]:
        token = token.head
    # "Syria's borders", "Iraq's capital": a place's part is in that place; "Hong Kong Sunday"
    # (the parser hung the name on the day) owns nothing.
    owned = token.head
    if owned.lower_ in WEEKDAYS or owned.ent_type_ in ("DATE", "TIME"):
        return False
    if token.dep_ == "pobj" and owned.lower_ == "of" and owned.head.lemma_.lower() in MISSION_NOUNS:
        return True  # "the embassy of the Republic of Congo" stands in another country
    return token.dep_ in ("poss", "compound", "amod", "nmod") and (
        owned.lemma_.lower() not in BOUNDARY_NOUNS | PLACE_PART_NOUNS | COMPASS_WORDS)


# A country's missions abroad: "the embassy of X" is not in X.
MISSION_NOUNS = {"embassy", "consulate", "legation", "mission"}


def names_home(token, offset, mentions):
    """True for the place a person is from: "Mechelle Torres, 18, of Atlanta", "a resident of
    Bainganwadi". It says who the victim is, not where it happened."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    person = token.head.head
    if person.lemma_.lower() in RESIDENT_NOUNS:
        return True
    m = mention_at(mentions, offset + person.idx, offset + person.idx + len(person))
    return m is not None and m["label"] == "PERSON"


def enclosing_place(location, sent, offset, mentions):
    """The resolved toponym of the phrase an unknown location sits in: 'in the Baghdad suburb of
    Saydiya' is in Baghdad, 'at Tal Rifaat, north of Aleppo' near Aleppo."""
    node = next((t for t in sent if location["start"] <= offset + t.idx < location["end"]), None)
    for _ in range(6):
        if node is None or (node.dep_ == "prep" and node.lower_ in LOCATIVE_PREPOSITIONS) or node.head.i == node.i:
            break
        node = node.head
    if node is None:
        return None
    known = [m for m in mentions if m is not location and m.get("place") and (m.get("place_confidence") or 0) >= 0.5]
    return toponym_in(node.subtree, offset, known, near=node)


def place_a_phrase_describes(prep, pobj, found, offset, mentions):
    """The place written just before a locative phrase that names a place no smaller (`found`),
    or None: the phrase says where that place is."""
    # "in the town of Remolinos, in the region of Madgalena": after "X,", a wider place.
    described = place_described_before(prep, offset, mentions)
    if described is not None and described is not found and (specificity(described) > specificity(found) or (
            pobj is not None and pobj.lemma_.lower() in DIVISION_WORDS | {"district", "county"})):
        return described
    # "a mosque in Muuri village in Lower Shabelle": "X in Y", the phrase no more than Y.
    if pobj is None or not (found["start"] <= offset + pobj.idx < found["end"]
                            or is_word_of(pobj, PLACE_OBJECT_NOUNS | DIVISION_WORDS)):
        return None
    described = place_written_before(prep, offset, mentions)
    if described is not None and described is not found and (specificity(described) > specificity(found) or (
            specificity(described) == specificity(found) >= SPECIFICITY["city"])):
        return described
    return None


def toponym_of_phrases(head, offset, mentions, hidden=()):
    """The toponym of the first locative phrase on a word that names one ("north of Baghdad" too)."""
    # "north of Baghdad", and "next to soldiers in Kunduz", "close to the border".
    directions = [c for c in head.children if c.dep_ in ("advmod", "npadvmod") and c.lower_ in COMPASS_WORDS | NEARNESS_WORDS]
    destination = None
    for prep in locative_phrases(head) + [p for d in directions for p in d.children if p.dep_ == "prep"]:
        if prep in hidden:
            continue
        described = place_described_before(prep.head, offset, mentions) if prep.head in directions else None
        if described is not None:
            return described
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        found = toponym_in(phrase_tokens(prep), offset, mentions, near=pobj)
        described = place_a_phrase_describes(prep, pobj, found, offset, mentions) if found is not None else None
        if described is not None:
            return described
        if found is None and pobj is not None:
            found = named_after_place_noun(pobj, offset, mentions)
        if found is None and pobj is not None and is_word_of(pobj, PLACE_OBJECT_NOUNS):
            found = named_in_place_phrase(pobj, offset, mentions)  # "in the Sukari district", X tagged ORG
        # A village the model took for a person or a group is still where it happened: "in Tal
        # Rifaat", and beats the reference point that locates it ("in Hilla, south of Baghdad").
        misread = None
        if pobj is not None and pobj.pos_ == "PROPN":
            m = mention_at(mentions, offset + pobj.idx, offset + pobj.idx + len(pobj))
            misread = m if m is not None and m["label"] in ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART") and not (
                names_clock(pobj)) else None
        if prep.lower_ not in PLACE_ONLY_PREPOSITIONS:
            # ...and so is where one goes, unless another phrase names a place: "marched to
            # Parliament in Wellington" went to Wellington.
            goes_to = prep.lower_ == "to" and head.lemma_.lower() in SELF_MOTION_VERBS and not child(head, "dobj")
            destination = destination or (misread if goes_to and found is None else None)
            misread = None
        # ...or the town it is in ("murdered at Olangur in Villupuram district"), but a building
        # is where the town is ("at the Land Revenue Office in Gulariya").
        if found is not None and misread is not None and any(
                is_reference_place(t) or (is_parent_of(t, pobj) and not names_building(misread))
                for t in prep.subtree if found["start"] <= offset + t.idx < found["end"]):
            return misread
        if found is not None or misread is not None:
            return found or misread
    if destination is not None:
        return destination
    # "targeting the farms located near the town of X": where the object lies (not a place's own
    # reference point: "entered this village, located near the river").
    sited = [c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in SITING_VERBS] if (
        head.dep_ == "dobj" and head.pos_ == "NOUN" and not any(
            c.dep_ == "compound" and c.pos_ == "PROPN" or c.lower_ in DEMONSTRATIVES for c in head.children)) else []
    for verb in sited:
        found = toponym_of_phrases(verb, offset, mentions, hidden)
        if found is not None:
            return found
    return None


# ---------------------------------------------------------------- events


def events_from_sentence(sent, offset, sentence_idx, mentions, published, focus_place=None):
    """Event dicts for every trigger in one parsed body sentence."""
    codes = taxonomy()
    found = []
    sentence_mentions = [m for m in mentions if m["sentence"] == sentence_idx]
    dates = None  # read when a trigger is found: Span.ents walks the whole document's entities
    for token in sent:
        hit = find_trigger(token) or reported_obligation(token)
        if hit is None:
            continue
        code, negated_code, trigger_tokens = hit
        if token.pos_ in ("NOUN", "PROPN"):
            if token.dep_ == "pobj" and token.head.lower_ in REFERENCE_PREPOSITIONS:
                continue
            # "the airstrike hit a convoy": the verb's event carries the noun's code.
            if token.dep_ in ("nsubj", "nsubjpass") and find_trigger(token.head):
                continue
            # "signed a production agreement": one event, the verb's (but "condemned the attack" is two).
            governing = find_trigger(token.head) if token.dep_ == "dobj" and not carried(token) else None
            if governing and governing[0][:2] == code[:2]:
                continue
        if done_by_nature(token):
            continue
        if token.dep_ == "xcomp" and lexicon_match(token.head):
            # "agreed to allow", "refused to deploy": the governing verb is the event; "declined
            # to comment" is none.
            continue
        if is_light_verb(token) and len(trigger_tokens) == 1 and any(
                c.dep_ == "dobj" and c.pos_ == "NOUN" and find_trigger(c) for c in token.children):
            continue  # "imposed sanctions", "held talks": the noun is the event ("called off" is a verb)
        negated = is_negated(token)
        if negated and negated_code:
            code = negated_code
        own_obligation = is_own_obligation(token)
        obligation = is_obligation(token) and not negated and not own_obligation
        future = is_future(token) or own_obligation
        code = modal_code(code, future, obligation, negated, is_conditional(token))
        if token.pos_ == "VERB":
            subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subj is not None and token.dep_ != "relcl":
                noun_hit = find_trigger(subj)
                if noun_hit and noun_hit[0][:2] == code[:2] and code.endswith("0") and len(noun_hit[0]) >= len(code):
                    code = noun_hit[0]
        if code not in codes:
            continue
        # "the interior minister, Ahmed Saleh, ordered ...": the person named is the actor.
        source, target = (actor_head(t) and named_speaker(actor_head(t)) for t in event_roles(token))
        if source is not None and source.dep_ == "compound" and source.head == token and names_town(
                source, offset, sentence_mentions):
            source = None  # "the Paris agreement" was reached in Paris, not by it ("a U.S. attack" is by it)
        demander = demanding_speaker(token) if obligation and code.startswith("10") else None
        if demander is not None:
            # "Russia said Sudan must return the helicopter": Russia demands, of Sudan.
            source, target = demander, source
        if target is None or not is_actor(target, sentence_mentions, offset) or is_own(target):
            target = (recipient(token, target, sentence_mentions, offset)
                      or hidden_target(token, target, sentence_mentions, offset) or target)
        target_is_actor = target is not None and is_actor(target, sentence_mentions, offset)
        source = describe_actor(source, offset, sentence_mentions) or protesting_crowd(token, code, offset, sentence_mentions)
        target = describe_actor(target, offset, sentence_mentions, require_actor=False)
        if target and (target["text"].lower() in PRONOUNS or target["is_time"]):
            target = None
        if source and target and source["start"] == target["start"]:
            target = None
        if source is None and target is None:
            continue
        # Talk, help and yielding are between actors: "to meet merchandise needs", "dealers will
        # offer monthly payments" name none. Force needs none: "two houses were destroyed".
        if source is None and not target_is_actor and code[:2] < PROTEST_ROOT:
            continue
        reporter = reporting_clause(token)
        speaker = None
        if reporter is not None:
            subject = child(reporter, "nsubj")
            speaker = describe_actor(subject and named_speaker(subject), offset, sentence_mentions, require_actor=False)
        location = location_of(token, offset, sentence_mentions)
        within = enclosing_place(location, sent, offset, sentence_mentions) if location and not location.get("place") else None
        if dates is None:
            dates = [e for e in sent.ents if e.label_ == "DATE"]
        date, precision, date_text, date_method = event_date(token, dates, published, future)
        info = codes[code]
        first, last = trigger_tokens[0], trigger_tokens[-1]
        confidence = 0.5 + (0.2 if source else 0) + (0.15 if target else 0)
        # A noun is the main event when a light verb carries it: "announced a suspension of links".
        confidence -= 0.15 if token.pos_ != "VERB" and not carried(token) else 0
        confidence -= 0.15 if token.dep_ in ("relcl", "acl", "amod", "advcl", "pcomp", "xcomp") else 0
        confidence += 0.05 if token.dep_ == "ROOT" or (token.dep_ == "ccomp" and reporter is not None) else 0
        confidence -= 0.1 if negated and not negated_code else 0
        confidence -= 0.15 if governed_by_event(token) else 0
        found.append(
            {
                "sentence": sentence_idx,
                "trigger": " ".join(original_text(sent.doc, first.idx, last.idx + len(last)).split()),
                "trigger_start": offset + first.idx,
                "trigger_end": offset + last.idx + len(last),
                "cameo_code": code,
                "cameo_base": code[:3],
                "cameo_root": code[:2],
                "cameo_label": info["label"],
                "plover": info["plover"],
                "plover_mode": info["plover_mode"] or None,
                "quad_class": quad_class(code),
                "goldstein": info["goldstein"],
                "actor1": source,
                "actor2": target,
                "location": location,
                "location_within": within,
                "date": date,
                "date_text": date_text,
                "date_precision": precision,
                "date_method": date_method,
                "negated": int(negated),
                "future": int(future),
                "reported": int(reporter is not None),
                "attributed_to": speaker,
                "confidence": round(max(0.05, min(confidence, 0.95)), 2),
            }
        )
    return share_purpose_actors(found)


def names_town(token, offset, mentions):
    """True for a word of a place the gazetteer puts below a country: a city or a division."""
    m = mention_at(mentions, offset + token.idx, offset + token.idx + len(token))
    return m is not None and (m.get("place") or {}).get("feature") in ("city", "admin1", "admin2", "locality")


def protesting_crowd(trigger, code, offset, mentions):
    """The crowd that protests, as an actor: "Thousands demonstrated", "hundreds marched"."""
    subject = subject_of(trigger)[0] if trigger.pos_ == "VERB" and code[:2] == PROTEST_ROOT else None
    if subject is None or subject.lower_ not in QUANTITY_WORDS - SINGLE_WORDS:
        return None
    return describe_actor(subject, offset, mentions, require_actor=False)


def is_own(noun):
    """True for the source's own people or things: 'withdraw its troops' targets no one by them."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in noun.children)


def share_purpose_actors(found):
    """Events of one type in a sentence share actors: "began a hunger strike to protest X's decision"
    gives the strike its target, and the protest its source."""
    for event in found:
        for other in found:
            if other is event or other["plover"] != event["plover"] or not event["plover"]:
                continue
            if event["actor2"] is None and other["actor2"] is not None and not same_words(other["actor2"], event["actor1"]):
                event["actor2"] = other["actor2"]
            if event["actor1"] is None and other["actor1"] is not None and not same_words(other["actor1"], event["actor2"]):
                event["actor1"] = other["actor1"]
    return found


def same_words(a, b):
    """True when two actor dicts are the same words of the sentence."""
    return a is not None and b is not None and a["start"] == b["start"]


def actor_head(head):
    """The group a quantity stands for: "thousands of students" acts as the students."""
    if head is None or not (head.lower_ in QUANTITY_WORDS or head.like_num):
        return head
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = child(of, "pobj") if of is not None else None
    return pobj if pobj is not None else head


# What one goes on or is put on is no one done to: "went on strike", "are on patrol", "put on trial".
ACTION_NOUNS = {"strike", "hunger", "patrol", "alert", "trial", "rampage", "offensive", "defensive"}


def event_roles(trigger):
    """(source head, target head) tokens of an event trigger."""
    if trigger.pos_ == "VERB":
        subj, passive = subject_of(trigger)
        target = child(trigger, "dobj")
        source = None
        if passive:
            target = subj
            agent = child(trigger, "agent")
            source = child(agent, "pobj") if agent is not None else None
        else:
            source = subj
        if target is None:
            for prep in trigger.children:
                # ...or whom a phrasal trigger's preposition takes: "rallied behind the premier".
                if prep.dep_ == "prep" and (prep.lower_ in ("with", "against", "on", "to")
                                            or (f"{trigger.lemma_.lower()} {prep.lower_}", "VERB") in lexicon()):
                    target = child(prep, "pobj")
                    if target is not None and target.ent_type_ in ("DATE", "TIME"):
                        target = None  # "meet on Friday": a day is no one met
                    if target is not None and target.lemma_.lower() in ACTION_NOUNS:
                        target = None  # "went on strike": what they did, not to whom
                    if target is not None:
                        break
        if source is not None:
            source = resolve_pronoun(source, trigger)
        return source, target
    # Noun trigger: "Russia's attack on Aleppo", "attacks by rebels", "talks with X".
    talk = (find_trigger(trigger) or ("99",))[0][:2] <= "05"  # statements, talks, agreements
    source = child(trigger, "poss")
    if source is not None and source.tag_ == "PRP$":
        source = None  # "held their first meeting": the light verb's subject says whose
    target = None
    for prep in trigger.children:
        if prep.dep_ != "prep":
            continue
        pobj = child(prep, "pobj")
        if pobj is None:
            continue
        if prep.lower_ == "by" and source is None:
            source = pobj
        elif prep.lower_ == "between" and target is None and source is None and child(pobj, "conj") is not None:
            source, target = pobj, child(pobj, "conj")  # "a clash between X and Y": X against Y
        elif prep.lower_ in ("on", "against", "with", "between") and target is None and not (
                prep.lower_ == "on" and talk):  # "talks on the future of the EMS": a topic
            target = pobj
    if carried(trigger) and source is None:
        subj, _passive = subject_of(trigger.head)
        source = resolve_pronoun(subj, trigger.head) if subj is not None else None
    if trigger.dep_ in ("nsubj", "nsubjpass") and target is None:
        for prep in trigger.head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "against", "on"):
                target = child(prep, "pobj")
    if source is None:
        # "a U.S. attack", "the Iraqi offensive"; not where: "a Gulf attack".
        source = next((c for c in trigger.children if c.dep_ in ("compound", "amod") and c.ent_type_
                       and c.ent_type_ not in ("LOC", "FAC", "DATE", "TIME")), None)
    return source, target


def event_date(trigger, dates, published, future=False):
    """(date, precision, date_text, method) for an event: its clause's date, else publication."""
    in_clause = [d for d in dates if d.root.is_ancestor(trigger) or trigger.is_ancestor(d.root)]
    for span in in_clause + [d for d in dates if d not in in_clause]:
        date, precision = resolve_date(span.text, published, future)
        if date:
            return date, precision, span.text, "text"
    if published:
        return published[:10], "day", None, "published"
    return None, None, None, None


# ---------------------------------------------------------------- quotes

QUOTE_MARKS = re.compile(r"[\"“”]")
SPEECH_VERBS = REPORTING_VERBS | {"warn", "urge", "ask", "deny", "promise", "vow", "reply", "respond",
                                  "stress", "say", "tell", "insist", "admit", "predict", "describe", "call"}


def quoted_spans(text):
    """(start, end) of text between paired quotation marks, without the marks."""
    marks = [m.start() for m in QUOTE_MARKS.finditer(text)]
    return [(a + 1, b) for a, b in zip(marks[::2], marks[1::2]) if b - a > 2]


def antecedent(pronoun, offset, mentions):
    """The nearest person (for he/she) or group or place (for they/it) named before a pronoun."""
    wanted = {"he": ("PERSON",), "she": ("PERSON",), "they": ("ORG", "NORP", "GPE", "PERSON"),
              "it": ("ORG", "GPE")}.get(pronoun.lower_)
    if not wanted:
        return None
    start = offset + pronoun.idx
    before = [m for m in mentions if m["end"] <= start and m["label"] in wanted and not m.get("nested")]
    if not before:
        return None
    m = max(before, key=lambda m: m["start"])
    return {"text": m.get("name") or m["text"], "start": m["start"], "end": m["end"], "mention": m,
            "sector": None, "country": None, "is_time": False}


def named_speaker(subject):
    """The name a title is given in apposition ("the foreign minister, Ibrahim al-Jaafari,
    said"): who speaks is the person; else the subject itself."""
    if subject.ent_type_ in ("PERSON", "ORG"):
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), subject)


def quotes_from_sentence(sent, offset, sentence_idx, mentions, last_speaker=None):
    """Direct and indirect speech in one sentence: speaker, quote text and span, verb.

    Direct quotes are the text between quotation marks; indirect ones the clause a speech
    verb governs ("officials said the strike had hit a tank"). A pronoun speaker is the
    previous quote's speaker when there is one.
    """
    found = []
    direct = None
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in SPEECH_VERBS:
            continue
        subject = child(token, "nsubj")
        if subject is None:
            continue
        speaker = describe_actor(named_speaker(subject), offset, mentions, require_actor=False)
        pronoun = subject.lower_ in PRONOUNS
        if pronoun:
            speaker = last_speaker or antecedent(subject, offset, mentions) or speaker
        clause = child(token, "ccomp")
        spans = []
        if direct is None:
            direct = quoted_spans(sent.text)
        if direct:
            spans = [(offset + sent.start_char + a, offset + sent.start_char + b, "direct") for a, b in direct]
        elif clause is not None:
            tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
            spans = [(offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1]), "indirect")]
        for start, end, kind in spans:
            found.append({"sentence": sentence_idx, "speaker": speaker, "start": start, "end": end,
                          "kind": kind, "verb": token.text, "verb_start": offset + token.idx})
        if spans:
            break  # one speaker per sentence: the first speech verb with a subject
    return found


# ---------------------------------------------------------------- the same event in several reports

CLUSTER_DAYS = 1
CLUSTER_KM = 50
ACTOR_STOPWORDS = {"the", "a", "an", "of", "and", "pro", "its", "their", "his", "her", "s", "led", "backed",
                   "forces", "force", "officials", "official", "group", "groups"}


def actor_words(text):
    """Content words of an actor's text, for comparing two reports of one event."""
    return {w for w in re.findall(r"[a-z]+", (text or "").lower()) if w not in ACTOR_STOPWORDS and len(w) > 2}


def same_actor(a_entity, a_text, b_entity, b_text):
    """True, False, or None (unknown) for whether two actor slots name the same actor."""
    if a_entity and b_entity:
        return a_entity == b_entity
    a_words, b_words = actor_words(a_text), actor_words(b_text)
    if not a_words or not b_words:
        return None
    return bool(a_words & b_words)


def same_event(a, b):
    """Two coded events that report one real event: same PLOVER type, close dates and places, matching actors."""
    if a["plover"] != b["plover"] or not a["plover"] or not a["date"] or not b["date"]:
        return False
    try:
        gap = abs((dt.date.fromisoformat(a["date"][:10]) - dt.date.fromisoformat(b["date"][:10])).days)
    except ValueError:
        return False
    if gap > CLUSTER_DAYS:
        return False
    if a["latitude"] is None or b["latitude"] is None:
        return False
    if distance_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"]) > CLUSTER_KM:
        return False
    verdicts = [same_actor(a["actor1_entity_id"], a["actor1"], b["actor1_entity_id"], b["actor1"]),
                same_actor(a["actor2_entity_id"], a["actor2"], b["actor2_entity_id"], b["actor2"])]
    return True in verdicts and False not in verdicts


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, a)))


def cluster_events(rows):
    """Cluster number per event id: events that report the same real event share one.

    Only events that could match are compared: the same PLOVER type, within CLUSTER_DAYS,
    in the same or a neighbouring half-degree cell, and sharing an actor word or entity in
    one role. The work grows with the number of events, not with its square.
    """
    parent = {r["id"]: r["id"] for r in rows}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    blocks = {}
    for r in rows:
        if not (r["plover"] and r["date"] and len(r["date"]) >= 10 and r["latitude"] is not None):
            continue
        day = dt.date.fromisoformat(r["date"][:10]).toordinal()
        cell = (int(math.floor(r["latitude"] * 2)), int(math.floor(r["longitude"] * 2)))
        for role in ("actor1", "actor2"):
            keys = actor_words(r[role]) | ({f"#{r[role + '_entity_id']}"} if r[role + "_entity_id"] else set())
            for key in keys:
                blocks.setdefault((r["plover"], role, key, day, cell), []).append(r)
    for (plover, role, key, day, cell), group in blocks.items():
        # Compare with the same block and with the blocks one day later or one cell over.
        nearby = []
        for d_day in range(0, CLUSTER_DAYS + 1):
            for d_lat in (-1, 0, 1):
                for d_lon in (-1, 0, 1):
                    if d_day == 0 and (d_lat, d_lon) < (0, 0):
                        continue
                    other = blocks.get((plover, role, key, day + d_day, (cell[0] + d_lat, cell[1] + d_lon)))
                    if other is not None and other is not group:
                        nearby.extend(other)
        for i, a in enumerate(group):
            for b in group[i + 1:] + nearby:
                if find(a["id"]) != find(b["id"]) and same_event(a, b):
                    parent[find(b["id"])] = find(a["id"])
    return {r["id"]: find(r["id"]) for r in rows}
