"""Entities: named-entity mentions from the parse, cleaned, relabelled and made canonical.

Rules are data (dateline/data/entity_rules.yml, aliases.tsv). A mention is a plain dict
with article offsets; `canonicalize` gives each mention the (name, type) of the one
entity it refers to, using the places stage's resolution for toponyms.
"""
import bisect
import csv
import functools
import pathlib
import re

import yaml

from .names import WEEKDAYS, clean_surface, followed_by_age, is_placed, known_organisations, normalize_name
from .nlp import doc_text, original_text

DATA = pathlib.Path(__file__).parent / "data"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}


@functools.lru_cache(maxsize=1)
def rules():
    """The entity rules, with word lists as sets."""
    data = yaml.safe_load((DATA / "entity_rules.yml").read_text(encoding="utf-8"))
    return {k: set(v) for k, v in data.items()}


@functools.lru_cache(maxsize=1)
def aliases():
    """Normalized alias -> (canonical name, type) from aliases.tsv."""
    table = {}
    with open(DATA / "aliases.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row and not row[0].startswith("#"):
                table[normalize_name(row[0])] = (row[1], row[2])
                table.setdefault(normalize_name(row[1]), (row[1], row[2]))
    return table


# ---------------------------------------------------------------- mentions


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
TIME_WORDS = re.compile(r"\d|\b(?:%s|today|tonight|yesterday|morning|afternoon|evening|night|week|month|year)s?\b"
                        % "|".join(WEEKDAYS + MONTHS), re.IGNORECASE)


def names_time(span):
    """True for a span that says when or how many ("Friday", "late 1990"), not a name the model
    took for a date ("the village of Maheen", tagged DATE)."""
    return bool(TIME_WORDS.search(span.text))


def fix_label(span, label):
    """The entity label after the rules for frequent errors of the statistical NER."""
    r = rules()
    root = span.root
    words = [t.lower_ for t in span]
    head = root.head
    if label not in ("PERSON", "GPE", "LOC") and words[-1] in r["org_suffixes"] and len(words) > 1:
        return "ORG"
    if any(child.dep_ == "appos" and child.lemma_.lower() in r["org_nouns"] for child in root.children):
        return "ORG"
    if label in ("FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART") and len(span) > 1 and all(t.is_title for t in span) and any(
            c.dep_ == "appos" and c.lemma_.lower() in r["kin_nouns"] | r["person_roles"] for c in root.children):
        return "PERSON"  # "Cindy Sheehan, the mother who ..."
    if label in ("ORG", "PRODUCT", "GPE") and any(
        t.dep_ == "compound" and t.head.i >= span.start and t.i < span.start and t.lower_ in r["person_roles"]
        for t in span.doc[max(span.start - 2, 0):span.start]
    ) and len(span) >= 2 and all(t.is_title or t.lower_ in ("de", "al", "bin", "van", "von", "la", "-") for t in span):
        return "PERSON"
    if label in ("ORG", "PRODUCT", "GPE", "LOC") and after_honorific(span, r):
        return "PERSON"  # "Lord Hamilton": no town in Bermuda
    bare = words[1:] if words[0] == "the" else words
    if label == "FAC" and len(bare) > 1 and bare[0] in r["landform_prefixes"]:
        return "LOC"  # "the Jabal Al-Akrad", a mountain range, not a building
    if label in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT") and len(words) > 1 and not (
            set(words) & (r["org_suffixes"] | r["org_nouns"])):
        if words[-1] in r["facility_suffixes"]:
            return "FAC"  # "the Palestine Roundabout"
        if words[-1] in r["landform_suffixes"] or (label != "PERSON" and words[-1] in r["landform_suffixes_not_persons"]):
            return "LOC"  # "Biju Hill", "the Hayyan Gas Fields"
        if words[0] in r["place_name_prefixes"] or (words[0] in ("al", "al-") and words[1] in r["place_name_prefixes"]):
            return "LOC"  # "Jabal Afa'ii", "Kafr Nabl"
    if words[-1].replace(".", "") in ("am", "pm") and span.start > 0 and span.doc[span.start - 1].like_num:
        return "TIME"  # "around 11 A.M.", not Armenia or a Belgian town
    # The few tokens after the name, not doc.text: a Doc builds its text anew on each access.
    if label in ("GPE", "NORP", "ORG") and followed_by_age(span.doc[span.end:span.end + 4].text, 0):
        return "PERSON"  # "Jordan, 56, was shot"
    if label == "LANGUAGE" and root.dep_ == "amod" and head.lemma_.lower() in r["place_nouns"]:
        return "NORP"  # "the English city of Salisbury" says where, not in which language
    # A person is the owner of a stronghold or a port, not its name: "a stronghold of Moqtada al-Sadr".
    of_nouns = r["place_nouns"] if label == "PERSON" else r["place_nouns"] | r["place_of_nouns"]
    after_place_noun = root.dep_ == "pobj" and head.lower_ == "of" and head.head.is_lower and (
        is_word_of(head.head, of_nouns))
    if label == "NORP" and after_place_noun and root.tag_ == "NNP":
        return "GPE"  # "the village of Akkarayankulam" (but "a village of Palestinians")
    if label not in PLACE_LABELS and label not in ("NORP",):
        if label in NAME_LABELS and (names_place_noun(root, r) or is_apposed_place(root, r)):
            return "GPE"
        if after_place_noun and not names_time(span):  # not the day: "the city of Antwerp Friday"
            return "GPE"  # "the town of Taybat al-Imam", "the island of Hanish", "the perimeter of Saraf"
        if root.dep_ == "pobj" and head.lower_ in r["locative_prepositions"] and label in ("PRODUCT", "PERSON", "ORG"):
            return "GPE"
    return label


# Results lines ("Leeds 2 Chelsea 1", "Gough 8-0-39-3", "5 - Robin Brooke ,"): scores and
# figures say who is a team and who a player where the model, trained on prose, guesses.
SCORE = re.compile(r"^(?!\d{4}-\d\d-\d\d$)\d+(?:[-./:,]\d+)*$")  # not a date: "LONDON 1996-08-31"
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
BOWLING_FIGURES = re.compile(r"^\d+(?:\.\d)?-\d+-\d+-\d+$")
INITIAL = re.compile(r"^[A-Z]\.$")
APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]*['’‘][a-z]+$")  # "Ma’an", "Dara'a": not title case to Python
NAME_PARTICLES = {"de", "van", "der", "den", "von", "la", "le", "da", "di", "del", "dos", "al", "bin", "-"}
RESULTS_LINE_SCORES = 0.15  # at least this share of a line's words are numbers...
RESULTS_LINE_LOWER = 0.34  # ...and at most this share lower-case words (prose has verbs and units)
MAX_RESULTS_LINE = 1000


def is_word_of(token, words):
    """True when a word or its lemma is in `words`: the tagger lemmatises "outskirts" to "outskirt"."""
    return token.lower_ in words or token.lemma_.lower() in words


def is_model_of(token, r):
    """True for a name before a vehicle or weapon noun: "a Chinook transport helicopter"."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
        if token.lemma_.lower() in r["vehicle_nouns"]:
            return True
    return False


OWNER_PARTICIPLE = re.compile(r"-(?:run|led|backed|controlled|held|owned|occupied|based|funded|built)$", re.IGNORECASE)


def names_place_noun(token, r):
    """True when a name is a place noun's modifier ("the Aziziyah district"), or a conjunct of
    one ("the Shuqayf and Bustan al-Basha districts")."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    head = token.head
    modifier_deps = ("compound", "nmod", "amod") if token.pos_ == "PROPN" else ("compound", "nmod")
    if token.dep_ not in modifier_deps or head.i < token.i or not head.is_lower or not is_word_of(head, r["place_nouns"]):
        return False
    # Only other names, "and" and nouns of the place noun between ("the Balata refugee camp"),
    # not an owner's words: "the Fatah Halab controlled districts", "a Tamil Tiger rebel base".
    if token.lower_ in r["org_suffixes"] or any(c.dep_ == "prep" for c in token.children):
        return False  # "the Jaysh al-Islam (Army of Islam) town of Hawsh"
    if normalize_name(token.doc[token.left_edge.i:token.i + 1].text) in known_organisations():
        return False  # "a Hezbollah base", "a Boko Haram camp": the group's
    if OWNER_PARTICIPLE.search(token.text):
        return False  # "a U.S.-run prison", "the rebel-held town": whose, not which
    between = token.doc[token.right_edge.i + 1:head.i]
    return not any(t.is_lower and t.lower_ not in ("and", "or") and not (
        t.dep_ == "compound" and t.head.i == head.i and t.lemma_ not in r["owner_nouns"]) for t in between)


def is_results_line(sentence):
    """True when the sentence lies in a line of scores, standings or figures rather than prose:
    many numbers, few lower-case words. The whole line counts: the parser splits such lines anywhere."""
    text = doc_text(sentence.doc)
    start = text.rfind("\n", 0, sentence.start_char) + 1
    verdicts = sentence.doc.user_data.setdefault("dateline_results_lines", {})
    if start not in verdicts:
        end = text.find("\n", sentence.end_char)
        verdicts[start] = is_results_text(text[start:len(text) if end < 0 else end])
    return verdicts[start]


def is_results_text(line):
    """True for a line of text that reads as a table of results."""
    if len(line) > MAX_RESULTS_LINE or not any(ch.isdigit() for ch in line):
        return False
    words = [w for w in line.split() if any(ch.isalnum() for ch in w)]
    if len(words) < 4:
        return False
    numbers = sum(bool(SCORE.match(w) or ORDINAL.match(w)) for w in words)
    lower = sum(w[0].islower() for w in words)
    return numbers / len(words) >= RESULTS_LINE_SCORES and lower / len(words) <= RESULTS_LINE_LOWER


def name_runs(sentence):
    """Maximal runs of capitalised words, initials and name particles: (start, end) token indexes."""
    runs, start = [], None
    for t in sentence:
        capitalised = t.is_alpha and (t.is_title or t.is_upper) or bool(INITIAL.match(t.text))
        # "Ata-ur-Rehman" joins, "Portugal - Nuno Gomes" separates.
        particle = t.lower_ in NAME_PARTICLES and (t.text != "-" or not (t.whitespace_ or t.nbor(-1).whitespace_))
        if capitalised or (start is not None and particle):
            if start is None:
                start = t.i
            continue
        if start is not None:
            runs.append((start, t.i))
            start = None
    if start is not None:
        runs.append((start, sentence.end))
    trimmed = []
    for start, end in runs:
        doc = sentence.doc
        while start < end and (doc[start].is_stop or doc[start].lower_ in NAME_PARTICLES):
            start += 1
        while end > start and doc[end - 1].lower_ in NAME_PARTICLES:
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


PARENTHESIS = re.compile(r"^\s*\(\s*([^()]{1,30}?)\s*\)")


def results_label(run, place_kind):
    """The label a results line gives a run of names, or None to keep the model's."""
    text = doc_text(run.doc)
    following = text[run.end_char:run.end_char + 40]
    after = (following.split() or [""])[0].rstrip(",;")
    before = text[max(run.start_char - 12, 0):run.start_char].split()
    kind = place_kind(normalize_name(run.text))
    if kind == "country" and text[:run.start_char].rstrip().endswith("(") and following.lstrip().startswith(")"):
        return "GPE"  # the player's country: "( Belgium )"
    inside = PARENTHESIS.match(following)
    if inside and kind in (None, "town") and (place_kind(normalize_name(inside.group(1))) in ("country", "nationality")
                                    or ORDINAL.match(inside.group(1))):
        return "PERSON"  # "Pete Sampras ( U.S. )", "Marc Degryse ( 13th )"
    if ORDINAL.match(after) and kind in (None, "town"):
        return "PERSON"  # "Cuauhtemoc Blanco 65th"
    if len(before) >= 2 and SCORE.match(before[-2]) and before[-1] == "-" and kind in (None, "town"):
        return "PERSON"  # a numbered line-up: "5 - Robin Brooke ,"
    if not SCORE.match(after):
        return None
    if BOWLING_FIGURES.match(after) or INITIAL.match(run[0].text):
        return "PERSON"  # "Gough 8-0-39-3", "J. Russell 56"
    if kind == "country":
        return "GPE"  # a national side keeps its country: "Australia 228"
    if kind in ("place", "town") or any(t.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "FAC") for t in run):
        return "ORG"  # a club or county side named after its town: "Darlington 2"
    return None


def results_line_ents(sentence, ents, place_kind):
    """The entities of a results line, with teams as ORG and players as PERSON.

    `place_kind(key)` says whether a name is a "country", a "nationality", a strong "place",
    another "town", or None.
    """
    from spacy.tokens import Span

    fixed = []
    for start, end in name_runs(sentence):
        label = results_label(sentence.doc[start:end], place_kind)
        if label:
            fixed.append(Span(sentence.doc, start, end, label=label))
    if not fixed:
        return ents
    kept = [e for e in ents if not any(e.start < f.end and e.end > f.start for f in fixed)]
    return sorted(kept + fixed, key=lambda e: e.start)


def with_missed_places(sentence, ents, place_kind):
    """The sentence's entities plus the place names the model left untagged.

    A lone proper noun that names a country is a GPE ("Nigeria will withdraw ..." at a sentence
    start); so is a name before a place noun ("the Aziziyah district"), ending in one ("the Dara'a
    Governorate") or after its "of" ("the town of Marka"), a known place a verb of attack takes
    ("jets hit Aleppo"), and a name a locative preposition or a compass adjective governs when it
    is a country, division or big city ("in the rebel stronghold of Donetsk", "over southern Aleppo").
    """
    from spacy.tokens import Span

    doc, added = sentence.doc, []
    covered = {i for e in ents for i in range(e.start, e.end)}
    r = rules()
    attack_verbs = r["place_taking_verbs"] | r["place_or_other_verbs"]

    def add(start, end, label="GPE"):
        added.append(Span(doc, start, end, label=label))
        covered.update(range(start, end))
    for start, end in listed_places(sentence, ents, place_kind):
        add(start, end)
    for t in sentence:
        if t.ent_type_ or not is_capitalised(t) or t.i in covered:
            continue
        neighbours = [doc[i] for i in (t.i - 1, t.i + 1) if sentence.start <= i < sentence.end]
        lone = not any(n.pos_ == "PROPN" or n.is_title and not n.is_sent_start for n in neighbours)
        if lone and t.pos_ in ("PROPN", "ADJ") and place_kind(normalize_name(t.text)) == "nationality":
            add(t.i, t.i + 1, "NORP")  # "Malawian farmers protested": the model tagged nothing
            continue
        if t.pos_ != "PROPN":
            if t.pos_ in ("NOUN", "ADJ") and is_located_big_place(t, sentence, covered, r, place_kind):
                add(t.i, t.i + 1)  # "killed in Taez", "the southern Aleppo districts": tagged as words
            continue
        if lone and place_kind(normalize_name(t.text)) == "country":
            added.append(Span(doc, t.i, t.i + 1, label="GPE"))  # not "Chad Johnson", "Jordan Valley"
            continue
        if t.lower_ in r["place_name_suffixes"] and t.dep_ != "compound":
            start = name_start(t, sentence, covered)  # "the Dara'a Governorate", "Al-Manishiyah District"
            if start < t.i and not any(doc[i].ent_type_ for i in range(start, t.i)):
                add(start, t.i + 1)
            continue
        if t.lower_ in r["landform_suffixes"] and t.dep_ != "compound":
            start = name_start(t, sentence, covered)  # "shelled the Zawiya Mountains", "the Nineveh Plain"
            if start < t.i and not any(doc[i].ent_type_ for i in range(start, t.i)):
                add(start, t.i + 1, "LOC")
            continue
        if t.lower_ in r["facility_suffixes"] and t.dep_ != "compound" and not t.is_sent_start:
            start = name_start(t, sentence, covered)  # "the Handarat Refugee Camp", "the Tahtani Roundabout"
            if start < t.i and not any(doc[i].ent_type_ for i in range(start, t.i)):
                add(start, t.i + 1, "FAC")
            continue
        if names_place_noun(t, r):
            start = name_start(t, sentence, covered)  # "the Aziziyah district", "the Qaboun and Jobar districts"
            if not any(doc[i].ent_type_ for i in range(start, t.i)):
                add(start, t.i + 1)
            continue
        if is_apposed_place(t, r):
            add(name_start(t, sentence, covered), t.i + 1)  # "Ngabe, a village in ..."
            continue
        if is_example_of_places(t, r):
            add(name_start(t, sentence, covered), t.i + 1)  # "villages like Bakool and Dinsoor"
            continue
        if is_territory_taken(t, r):
            add(name_start(t, sentence, covered), t.i + 1)  # "captured half of Darayya"
            continue
        if t.dep_ == "dobj" and t.head.lemma_.lower() in attack_verbs:
            start = name_start(t, sentence, covered)  # "jets hit Aleppo"
            kind = place_kind(normalize_name(doc[start:t.i + 1].text))
            if kind in ("country", "place") or (kind == "town" and t.head.lemma_.lower() in r["place_taking_verbs"]):
                add(start, t.i + 1)
            continue
        # "marched in Sanaa Friday": the parser hung the name on the day as a compound
        pobj = t.head if is_before_day(t) else t
        if pobj.dep_ != "pobj" or any(c.dep_ in ("compound", "flat") and c.i > t.i for c in t.children if c != pobj):
            continue
        start = name_start(t, sentence, covered)
        if any(doc[i].ent_type_ for i in range(start, t.i)):
            continue
        after_place_noun = pobj.head.lower_ == "of" and is_word_of(pobj.head.head, r["place_of_nouns"])
        located = (pobj.head.lower_ in r["name_prepositions"]
                   or any(c.dep_ == "amod" and c.lower_ in r["compass_adjectives"] for c in t.children))
        # Inside, outside or near a name is at a place, known or not: "shelled houses inside Bab Nairab".
        surrounding = pobj.head.lower_ in r["surrounding_prepositions"]
        if after_place_noun or surrounding or (located and (place_kind(normalize_name(doc[start:t.i + 1].text)) in ("country", "place")
                                                            or is_placed_by_next(t, ents, place_kind))):
            add(start, t.i + 1)
    return sorted([*ents, *added], key=lambda e: e.start) if added else ents


def listed_places(sentence, ents, place_kind):
    """(start, end) of untagged names of countries, divisions or big cities listed beside a place:
    "Rogaland, Vestfold, Buskerud, Telemark" when the model tagged one county, or none but as a person."""
    doc = sentence.doc
    strong = ("country", "place")
    separators = {",", "and", "or"}
    if not any(not t.ent_type_ and t.pos_ == "PROPN" and is_capitalised(t) and (
            (t.i > sentence.start and doc[t.i - 1].lower_ in separators)
            or (t.i + 1 < sentence.end and doc[t.i + 1].lower_ in separators)) for t in sentence):
        return []  # most sentences list nothing the model left untagged: look no further
    # A place is any entity that names one, whatever the model called it: "Rogaland" (a person),
    # "Vestfold, Buskerud" (an organisation).
    places = {i for e in ents if e.label_ in ("GPE", "LOC") or all(
        place_kind(normalize_name(part)) in strong for part in e.text.split(", ")) for i in range(e.start, e.end)}
    covered = {i for e in ents for i in range(e.start, e.end)}
    found, grew = [], True
    while grew:  # each name found may be the neighbour of the next, either way along the list
        grew = False
        for t in sentence:
            if t.ent_type_ or t.i in covered or not is_capitalised(t) or t.pos_ != "PROPN":
                continue
            end = list_item_end(t, sentence)
            if is_listed_with(t.i, end, sentence, places) and place_kind(normalize_name(doc[t.i:end].text)) in strong:
                found.append((t.i, end))
                covered.update(range(t.i, end))
                places.update(range(t.i, end))
                grew = True
    return sorted(found)


def list_item_end(token, sentence):
    """The end of the name a token opens, through hyphens written without spaces ("Vest-Agder")."""
    doc, end = token.doc, token.i + 1
    while end + 1 < sentence.end and doc[end].text == "-" and not doc[end - 1].whitespace_ and (
            not doc[end].whitespace_ and doc[end + 1].is_title):
        end += 2
    return end


def is_listed_with(start, end, sentence, places):
    """True when tokens start..end are an item of a list whose item before or after is a place:
    "Rogaland, Vestfold and Telemark"."""
    doc = sentence.doc
    before = [t.lower_ for t in doc[max(sentence.start, start - 2):start]]
    after = [t.lower_ for t in doc[end:min(sentence.end, end + 2)]]
    if before[-1:] in ([","], ["and"], ["or"]):
        back = start - (2 if before[-2:] == [",", "and"] or before[-2:] == [",", "or"] else 1)
        if back - 1 >= sentence.start and back - 1 in places:
            return True
    if after[:1] in ([","], ["and"], ["or"]):
        ahead = end + (2 if after[:2] in ([",", "and"], [",", "or"]) else 1)
        if ahead < sentence.end and ahead in places:
            return True
    return False


def is_before_day(token):
    """True for a name the parser made a compound of the day after it ("in Sanaa Friday")."""
    head = token.head
    return (token.dep_ == "compound" and head.i == token.i + 1 and head.ent_type_ == "DATE"
            and names_time(head.doc[head.i:head.i + 1]))


def name_role(token):
    """The dependency and governor of a name, seen through a day the parser hung it on:
    "patrolled Harare Saturday" is the object of "patrolled", "in Sanaa Friday" the object of "in"."""
    if not is_before_day(token):
        return token.dep_, token.head
    day = token.head
    return ("dobj" if day.dep_ in ("npadvmod", "dobj") and day.head.pos_ == "VERB" else day.dep_), day.head


def is_located_big_place(token, sentence, covered, r, place_kind):
    """True for a lone capitalised word that names a country or big place where a place goes: after a
    locative preposition, or before a place noun."""
    doc, head = token.doc, token.head
    located = token.dep_ == "pobj" and head.lower_ in r["name_prepositions"]
    modifies_place = (token.dep_ in ("amod", "compound") and head.i > token.i and head.is_lower
                      and head.lemma_ in r["place_nouns"])
    if token.is_sent_start or not (located or modifies_place):
        return False
    if any(doc[i].is_title and doc[i].i not in covered for i in (token.i - 1, token.i + 1)
           if sentence.start <= i < sentence.end and doc[i].pos_ in ("PROPN", "NOUN")):
        return False
    return place_kind(normalize_name(token.text)) in ("country", "place")


def is_placed_by_next(token, ents, place_kind):
    """True for a name followed by a comma and a country or division: "near Riviere-du-Loup, Quebec"."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
        return False
    following = next((e for e in ents if e.start == token.i + 2), None)
    return following is not None and following.label_ == "GPE" and place_kind(
        normalize_name(following.text)) in ("country", "place")


def with_misread_places(sentence, ents, place_kind):
    """The sentence's entities with place names the model tagged as people or organisations made
    places: a known town after "in" ("in Klamath Falls"), a big place after "to" or "from", any
    name a place-taking verb governs ("stormed Bayyanoun"), a known one after "captured" or
    what an offensive is on ("the battle for Derna").

    A possessive ("in Lincoln's speech") or an organisation's name ("entered Parliament") keeps its label.
    """
    from spacy.tokens import Span

    r, changed = rules(), []
    places = {i for e in ents if e.label_ in PLACE_LABELS for i in range(e.start, e.end)}
    for n, ent in enumerate(ents):
        if ent.label_ in NAME_LABELS | PLACE_LABELS and names_vessel(ent, r):
            ent = Span(ent.doc, ent.start, ent.end, label="PRODUCT")  # "the tanker Sea Isle City"
        elif ent.label_ in NAME_LABELS | PLACE_LABELS and names_work(ent, r):
            ent = Span(ent.doc, ent.start, ent.end, label="WORK_OF_ART")  # "the thriller Constantine"
        elif ent.label_ in PLACE_LABELS and names_brand(ent, r):
            ent = Span(ent.doc, ent.start, ent.end, label="ORG")  # "the Mecca Bingo chain"
        elif ent.label_ in NAME_LABELS | PLACE_LABELS and len(ent) > 1 and ent[-1].lower_ in WEEKDAYS and all(
                is_capitalised(t) for t in ent[:-1]) and (
                ent.label_ in PLACE_LABELS or place_kind(normalize_name(ent[:-1].text)) is not None):
            ent = Span(ent.doc, ent.start, ent.end - 1, label="GPE")  # "patrolled Goma Thursday"
            places.update(range(ent.start, ent.end))
        elif ent.label_ in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT") and not after_honorific(ent, r) and (
                is_misread_place(ent, r, place_kind) or is_listed_with_places(ent, ents[n + 1:n + 2], places, place_kind)):
            ent = Span(ent.doc, ent.start, ent.end, label="GPE")
            places.update(range(ent.start, ent.end))
        elif ent.label_ == "NORP" and place_kind(normalize_name(ent.text)) != "nationality" and is_misread_place(ent, r, place_kind):
            ent = Span(ent.doc, ent.start, ent.end, label="GPE")  # "fighting erupted in Taez": no people's name
            places.update(range(ent.start, ent.end))
        elif ent.label_ == "NORP" and names_unknown_place(ent, r, place_kind):
            ent = Span(ent.doc, ent.start, ent.end, label="GPE")  # "Akida village" tagged as a people
            places.update(range(ent.start, ent.end))
        elif ent.label_ in ("PERSON", "ORG", "PRODUCT") and len(ent) == 1 and place_kind(normalize_name(ent.text)) == "nationality":
            ent = Span(ent.doc, ent.start, ent.end, label="NORP")  # "Kosovar officials" tagged ORG
        elif ent.label_ == "GPE" and (is_victim_name(ent, r, place_kind) or is_speaker_name(ent, r, place_kind)):
            ent = Span(ent.doc, ent.start, ent.end, label="PERSON")  # "the gunman shot Quinn"
        elif ent.label_ in ("GPE", "LOC", "NORP") and is_known_organisation(ent, place_kind):
            ent = Span(ent.doc, ent.start, ent.end, label="ORG")  # "the military official of Daesh"
        changed.append(ent)
    return changed


def after_honorific(ent, r):
    """True for a name right after a word only people's names follow: "Lord Hamilton", "Mr Houston"."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in r["honorifics"]


def is_victim_name(ent, r, place_kind):
    """True for a name a verb done only to people takes, no country, division or big city:
    "the gunman shot Quinn", "Doyle was murdered"."""
    root = ent.root
    verb = root.head
    return (root.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() in r["person_only_verbs"]
            and (ent.end >= len(ent.doc) or ent.doc[ent.end].tag_ != "POS")
            and place_kind(normalize_name(ent.text)) not in ("country", "place"))


def is_speaker_name(ent, r, place_kind):
    """True for a name of two or more words that says or meets, or that follows a title, and that
    no country, division or big city bears: "Thabo Mbeki met union leaders" (a South African
    village bears his name); "New York said" is the city, speaking for its government."""
    root = ent.root
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    # Or one a capitalised title precedes: "South African President Thabo Mbeki".
    titled = before is not None and before.is_title and before.lower_ in {t.split()[-1] for t in r["person_titles"]}
    speaks = root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in r["person_subject_verbs"]
    return (len(ent) >= 2 and all(t.is_title for t in ent) and (speaks or titled)
            and place_kind(normalize_name(ent.text)) not in ("country", "place"))


def names_vessel(ent, r):
    """True for a name right after a ship noun: "the tanker Sea Isle City", "the ferry Estonia"."""
    return after_noun(ent, r["vessel_nouns"])


def names_work(ent, r):
    """True for a name right after a noun for a film, book or song: "the thriller Constantine"."""
    return after_noun(ent, r["work_nouns"])


def after_noun(ent, nouns):
    """True for a name right after a lower-case common noun among `nouns` ("the ferry Estonia")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.is_lower and before.pos_ == "NOUN" and before.lemma_ in nouns


def names_brand(ent, r):
    """True for a name compounding a business noun, through other names: "the Mecca Bingo chain"."""
    node = ent.root
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
    return node is not ent.root and node.lemma_.lower() in r["brand_nouns"]


def names_unknown_place(ent, r, place_kind):
    """True for a name tagged as a people that modifies a place noun and names no people:
    "Akida village", "the Fdhiliyah neighborhood" (not "a Sunni town", "the French island")."""
    words = {w.lower_ for w in ent}
    return ent.root.tag_ == "NNP" and ent.root.dep_ != "amod" and names_place_noun(ent.root, r) and not (words & r["faith_and_group_words"]) and (
        place_kind(normalize_name(ent.text)) != "nationality")


def is_known_organisation(ent, place_kind):
    """True when a name tagged as a place is an organisation of aliases.tsv and no place's name."""
    key = normalize_name(ent.text)
    return aliases().get(key, (None, None))[1] == "ORG" and place_kind(key) is None


def is_listed_with_places(ent, following, places, place_kind):
    """True when a known town's name is joined to places: a conjunct of one ("stores in Zilina,
    Nitra and Presov", "stops in Hilversum and Almelo") or followed by its country or division
    ("in Castlegar, British Columbia")."""
    root, doc = ent.root, ent.doc
    if (ent.end < len(doc) and doc[ent.end].tag_ == "POS") or ent[-1].lower_ in rules()["org_suffixes"]:
        return False
    parent = following[0] if following else None
    joined = (root.dep_ == "conj" and root.head.i in places) or (
        parent is not None and parent.start == ent.end + 1 and doc[ent.end].text == ","
        and parent.label_ in ("GPE", "LOC") and place_kind(normalize_name(parent.text)) in ("country", "place"))
    # The gazetteer last: most names are joined to no place.
    return joined and place_kind(normalize_name(ent.text)) in ("town", "place", "country")


def is_misread_place(ent, r, place_kind):
    """True when the syntax and the gazetteer say a name tagged otherwise is a place."""
    root, doc = ent.root, ent.doc
    if (ent.end < len(doc) and doc[ent.end].tag_ == "POS") or ent[-1].lower_ in r["org_suffixes"]:
        return False
    if len(ent) > 1 and ent[-1].lower_ in r["landform_suffixes"] | r["facility_suffixes"]:
        return False  # fix_label makes it a landform or a facility
    dep, governor = name_role(root)
    head = governor.lemma_.lower()
    person = ent.label_ == "PERSON"
    if (dep == "dobj" and head in r["place_taking_verbs"]) or is_example_of_places(root, r) or (
            is_territory_taken(root, r)):
        return True
    # "Samashki and Bamut were encircled by troops": what such a verb's passive is done to.
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ == "nsubjpass" and first.head.lemma_.lower() in r["place_taking_verbs"]:
        return True
    kind = place_kind(normalize_name(ent.text))
    strong = kind in ("country", "place")
    if dep == "dobj" and head in r["place_or_other_verbs"]:
        return strong or (kind == "town" and not person)  # "captured Diaz" is a person
    if dep != "pobj":
        return False
    preposition = governor.lower_
    if preposition in r["misread_place_prepositions"]:
        return strong or kind == "town"
    if is_fought_over(root, r) and not person:  # "the attack on Bush" is on the man
        return strong or kind == "town"
    return strong and preposition in r["misread_strong_place_prepositions"]


def is_territory_taken(token, r):
    """True for a name a verb of capture takes a share of or takes from fighters: "captured half of
    Darayya", "recaptured Bayyanoun from the rebels"."""
    verbs = r["place_taking_verbs"] | r["place_or_other_verbs"]
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        share = token.head.head
        return share.lower_ in r["territory_shares"] and share.dep_ == "dobj" and share.head.lemma_.lower() in verbs
    return token.dep_ == "dobj" and token.head.lemma_.lower() in verbs and any(
        g.lemma_.lower() in r["fighter_nouns"] or g.ent_type_ in ("ORG", "NORP")
        for p in token.head.children if p.dep_ == "prep" and p.lower_ == "from"
        for g in p.children if g.dep_ == "pobj")


def is_fought_over(token, r):
    """True for what an offensive is on or for: "the assault on Souran", "the battle for Jaabar"."""
    preposition = token.head
    return token.dep_ == "pobj" and preposition.lower_ in r["offensive_prepositions"] and (
        preposition.head.pos_ == "NOUN" and preposition.head.lemma_.lower() in r["offensive_nouns"])


def is_example_of_places(token, r):
    """True for a name given as one of the places a plural place noun names: "towns in Helmand,
    including Musa Qala and Sangin", "villages like Cailaco"."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    preposition = token.head
    return token.dep_ == "pobj" and preposition.lower_ in ("including", "like") and (
        preposition.head.tag_ == "NNS" and preposition.head.lemma_.lower() in r["place_of_nouns"])


def is_apposed_place(token, r):
    """True for a name in apposition with a place noun: "Ngabe, a village in the Plateaux
    region", "Lashkar Gah, the capital of Helmand", "Aceh's capital, Banda Aceh"."""
    nouns = r["apposed_place_nouns"]
    if token.dep_ == "appos" and token.head.is_lower and token.head.lemma_ in nouns:
        return True
    return any(c.dep_ == "appos" and c.is_lower and c.lemma_ in nouns for c in token.children)


def is_capitalised(token):
    """True for a word written as a name: "Aleppo", and "Ma’an" with its apostrophe."""
    return token.is_title or bool(APOSTROPHE_NAME.match(token.text))


def name_start(token, sentence, covered):
    """The first token of the title-case name that ends at `token`: 'Taybat Al-Imam'."""
    start = token.i
    doc = token.doc
    while start - 1 >= sentence.start and start - 1 not in covered:
        before = doc[start - 1]
        # "Riviere-du-Loup", "Mazar-e-Sharif": a short lower-case word between hyphens.
        hyphenated = before.is_lower and len(before) <= 4 and start - 2 >= sentence.start and (
            doc[start - 2].text == "-" and doc[start].text == "-")
        if hyphenated:
            start -= 1
            continue
        if not (is_capitalised(before) or before.text in ("-", "'", "’") or before.lower_ in ("al", "el")):
            break
        if before.pos_ not in ("PROPN", "PUNCT") and before.lower_ not in ("al", "el"):
            break
        start -= 1
    while start < token.i and not is_capitalised(doc[start]):
        start += 1
    return start


def with_whole_place_names(sentence, ents, place_kind):
    """The sentence's entities with place names the model cut short made whole: "Guinea-Bissau"
    (not "Guinea"), "Democratic Republic of the Congo" (not "Democratic Republic" and "Congo"),
    "Goz Beida" (not "Beida"), "Boa Vista" (not "Boa" and "Vista"). A longer name is taken only
    when the gazetteer knows it."""
    from spacy.tokens import Span

    doc, changed = sentence.doc, False
    ents = list(ents)
    for n, ent in enumerate(ents):
        if ent is None:
            continue
        # A name of any label joined by hyphens to a known place's whole name is that place:
        # "Stockton" (tagged a person) of "Stockton-on-Tees".
        hyphened = ent.end < sentence.end and doc[ent.end].text == "-" and not doc[ent.end - 1].whitespace_
        # ...and so is a known place's name before a particle: "Mato Grosso" (a person) of
        # "Mato Grosso do Sul".
        particled = ent.end < sentence.end and doc[ent.end].lower_ in rules()["name_particles"] and (
            place_kind(normalize_name(ent.text)) is not None)
        if ent.label_ not in ("GPE", "LOC") and not (hyphened or particled):
            continue
        for start, end in place_name_extensions(ent, sentence):
            if ent.label_ not in ("GPE", "LOC") and end <= ent.end + 1:
                continue  # only the hyphened extensions for a name of another label
            if place_kind(normalize_name(doc[start:end].text)) is None:
                continue
            for m, other in enumerate(ents):
                if other is not None and m != n and other.start < end and other.end > start:
                    ents[m] = None  # absorbed: "Democratic Republic" + "Congo"
            ents[n], changed = Span(doc, start, end, label="GPE"), True
            break
    return [e for e in ents if e is not None] if changed else ents


def place_name_extensions(ent, sentence):
    """Longer token ranges that could be the whole name of a place, longest first: across a
    hyphen ("Guinea-Bissau"), through "of (the)" ("Republic of the Congo") or a particle ("Rio
    Grande do Sul"), or a capitalised
    word before ("Goz Beida") or after ("Boa Vista")."""
    doc, found = ent.doc, []
    end = ent.end
    if end + 1 < sentence.end and doc[end].text == "-" and not doc[end].whitespace_ and doc[end + 1].is_title:
        found.append((ent.start, end + 2))
    # "Mazar-e-Sharif", "Stratford-upon-Avon": a short lower-case word between hyphens.
    if end + 3 < sentence.end and [t.text for t in (doc[end], doc[end + 2])] == ["-", "-"] and (
            doc[end + 1].is_lower and len(doc[end + 1]) <= 4 and doc[end + 3].is_title
            and not any(t.whitespace_ for t in doc[end - 1:end + 3])):
        found.append((ent.start, end + 4))
    if end + 1 < sentence.end and doc[end].lower_ in rules()["name_particles"] and doc[end].is_lower:
        stop = end + 1
        while stop < sentence.end and stop < end + 3 and doc[stop].is_title:
            stop += 1
        found.extend((ent.start, last) for last in range(stop, end + 1, -1))
    if end + 1 < sentence.end and doc[end].lower_ == "of":
        after = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        stop = after
        while stop < sentence.end and stop < after + 3 and doc[stop].is_title:
            stop += 1
        found.extend((ent.start, last) for last in range(stop, after, -1))
    before = ent.start - 1
    if before >= sentence.start and doc[before].is_title and doc[before].pos_ == "PROPN" and not doc[before].is_sent_start:
        found.append((before, ent.end))
    if end < sentence.end and doc[end].is_title and doc[end].pos_ == "PROPN":
        found.append((ent.start, end + 1))  # "Boa" + "Vista", which the model tagged apart
    return found


def is_cased(sentence):
    """True for a sentence written in upper and lower case, not all in one."""
    return any(ch.isupper() for ch in sentence.text) and any(ch.islower() for ch in sentence.text)


def with_given_name(span, sentence_start=0):
    """A person span widened to the capitalised word before it that no entity took: 'Waqar' + 'Younis'."""
    doc = span.doc
    if span.start <= sentence_start:
        return span
    before = doc[span.start - 1]
    words = rules()
    if (before.is_title and before.is_alpha and not before.ent_type_ and not before.is_stop
            and before.lower_ not in words["person_titles"] and before.lower_ not in words["person_roles"]):
        return doc[span.start - 1:span.end]
    return span


def with_title_word(span, sentence_start=0):
    """A place the model read as a person widened to the title word it left out: "the Sheikh Lufti
    area" is "Sheikh Lufti", not "Lufti"."""
    doc, start = span.doc, span.start
    while start - 1 > sentence_start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and (
            not doc[start - 1].ent_type_ and doc[start - 1].dep_ == "compound" and span.start <= doc[start - 1].head.i):
        start -= 1
    return doc[start:span.end]


def mention_from_span(span, offset, sentence_idx, sentence_start=0):
    """A mention dict for an entity span, or None when it is not an entity."""
    label = fix_label(span, span.label_)
    if label not in rules()["keep_labels"]:
        return None
    if label in PLACE_LABELS and not any(ch.isupper() for ch in span.text) and is_cased(span.sent):
        return None  # "defending the naira": edited text capitalises every place name
    if label == "PERSON":
        span = with_given_name(span, sentence_start)
        if any(ch.isdigit() for ch in span.text):
            return None
    elif label in PLACE_LABELS and span.label_ == "PERSON":
        span = with_title_word(span, sentence_start)
    raw = original_text(span.doc, span.start_char, span.end_char)
    text = clean_surface(raw)
    if len(text) < 2 or not re.search(r"[A-Za-z]", text):
        return None
    lead = raw.find(text)
    start = offset + span.start_char + max(lead, 0)
    root = span.root
    roles = roles_of(span) if label == "PERSON" else []
    return {
        "roles": roles,
        "titled": label == "PERSON" and after_honorific(span, rules()),
        "text": text,
        "label": label,
        "start": start,
        "end": start + len(text),
        "sentence": sentence_idx,
        "key": normalize_name(text),
        "dep": root.dep_,
        "head_lemma": root.head.lemma_.lower(),
        # What the preposition belongs to: "rejected by Washington", "talks with Tokyo".
        "governor_lemma": root.head.head.lemma_.lower() if root.dep_ == "pobj" else None,
        # "a Chinook helicopter": a people's name may be a model's, never a town's.
        "names_model": label == "NORP" and is_model_of(root, rules()),
        # "the ferry Estonia", "the film Casablanca", "the Mecca Bingo chain": a ship's, a work's or a business's name, no place.
        "names_thing": names_vessel(span, rules()) or names_work(span, rules()) or names_brand(span, rules()),
        # "the Bush administration": a leader's name, not a town's.
        "leader": root.dep_ == "compound" and root.head.i > root.i and root.head.lemma_.lower() in rules()["leader_nouns"],
        # "killed one Malay": people are counted, places are not.
        "counted": any(c.dep_ == "nummod" for c in root.children),
    }


def role_text(tokens):
    """The words of a role phrase, without punctuation at the edges."""
    words = [t for t in tokens if not t.is_punct or t.text in ("-", "'s", "’s")]
    while words and (words[0].dep_ in ("det", "cc") or words[0].lower_ in ("also", "the", "a", "an")):
        words.pop(0)
    return "".join(t.text_with_ws for t in words).strip()


def roles_of(span):
    """Titles and roles a person is given: 'UN envoy' X, 'President' X, X, 'Syria's UN ambassador'."""
    roles_words = rules()["person_roles"]
    root, doc = span.root, span.doc
    found = []
    # Title words written before the name and attached to it: "UN envoy Staffan de Mistura".
    first = span.start
    while first > max(span.start - 5, 0):
        t = doc[first - 1]
        if t.dep_ not in ("compound", "amod", "nmod", "poss", "case") or not (t.i < t.head.i < span.end):
            break
        first -= 1
    if first < span.start and any(t.lower_ in roles_words for t in doc[first:span.start]):
        found.append(role_text(doc[first:span.start]))
    elif after_honorific(span, rules()):
        found.append(doc[span.start - 1].text)  # "Lord Hamilton", however the parser attached "Lord"
    title = [t for t in span if t.lower_ in rules()["person_titles"] and t.i < span.end - 1]
    if title and title[0].i == span.start:
        found.append(role_text(title))
    for child in root.children:
        # "Bashar al-Ja'afari, Syria's UN ambassador, said" and "..., who is also Syria's UN ambassador".
        head = child if child.dep_ == "appos" else None
        if child.dep_ == "relcl" and child.lemma_ == "be":
            head = next((c for c in child.children if c.dep_ == "attr"), None)
        if head is not None and head.lemma_.lower() in roles_words:
            clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos", "prep") for t in c.subtree}
            found.append(role_text([t for t in head.subtree if t.i not in clauses]))
    return [r for r in dict.fromkeys(found) if r and len(r) <= 80]


def surname(name):
    """The last word of a person's name, without a possessive."""
    words = strip_titles(name).split()
    return words[-1] if len(words) > 1 else None


def given_name(name):
    """The first word of a person's name of two words or more, when it is a capitalised word."""
    words = strip_titles(name).split()
    return words[0] if len(words) > 1 and len(words[0]) > 2 and words[0].isalpha() and words[0].istitle() else None


def propagate_mentions(mentions, text, sentence_starts, skip=(), place_kind=None):
    """Add the mentions the model missed, one sense per article: a person's surname alone, and
    later occurrences of a name it tagged elsewhere. A lone surname tagged as something else
    becomes the person ("Wang" after "Wang Junxia"); a town's name that opens a firm's name
    elsewhere in the story, the firm ("Iroquois" after "Iroquois Brands Ltd"). Returns the mentions added.
    """
    firms_as_places(mentions, place_kind)
    covered = sorted((m["start"], m["end"]) for m in mentions)
    surnames = {}
    for m in mentions:
        if m["label"] == "PERSON" and surname(m["text"]) and len(surname(m["text"])) > 2:
            surnames[surname(m["text"])] = "PERSON"
    for m in mentions:
        if m["text"] in surnames and m["label"] != "PERSON" and " " not in m["text"]:
            m["label"] = "PERSON"
    # "Paul has been a trusted friend" after "Paul Boateng": a given name alone is the person too,
    # unless it names a country ("Chad", "Jordan") or a preposition makes it a place ("in Buffalo"
    # after a "Buffalo Fire Chief" the model took for a person).
    given = {given_name(m["text"]) for m in mentions if m["label"] == "PERSON"} - {None}
    for m in mentions:
        if m["text"] in given and m["label"] in ("GPE", "LOC", "ORG") and not is_placed(m) and (
                place_kind is None or place_kind(normalize_name(m["text"])) != "country"):
            m["label"] = "PERSON"
    names = dict(surnames)
    for m in mentions:
        if len(m["text"]) > 2 and m["text"][0].isupper():
            names.setdefault(m["text"], m["label"])
    added = []
    if not names:
        return added
    # One pass over the text for all names, longest first so "Bashar al-Assad" beats "Assad".
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    for match in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text):
        start, end = match.span()
        at = bisect.bisect_left(covered, (start, end))
        neighbours = covered[max(at - 1, 0):at + 1]
        if any(s < end and e > start for s, e in neighbours) or any(s <= start < e for s, e in skip):
            continue
        sentence = bisect.bisect_right(sentence_starts, start) - 1
        if sentence < 0:
            continue
        name = match.group(0)
        added.append({"roles": [], "text": name, "label": names[name], "start": start, "end": end,
                      "sentence": sentence, "key": normalize_name(name), "dep": None, "head_lemma": None})
        bisect.insort(covered, (start, end))
    mentions.extend(added)
    mentions.sort(key=lambda m: (m["start"], -m["end"]))
    return added


INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def firms_as_places(mentions, place_kind=None):
    """Relabel ORG the place mentions that name a firm of the same story: the first word of a
    firm's name ("Iroquois" of "Iroquois Brands Ltd"), or the name after a founder's initials
    ("Hutton" of "E.F. Hutton"). A country, division or big city keeps its label ("Texas" of
    "Texas Instruments Inc")."""
    suffixes = set(rules()["firm_suffixes"])
    firms = set()
    for m in mentions:
        words = m["text"].split()
        if m["label"] != "ORG" or len(words) < 2:
            continue
        initials = bool(INITIALS.fullmatch(words[0]))  # "E.F. Hutton": the founder's name is the firm's
        lead = words[1] if initials else words[0]
        if (initials or words[-1].lower().rstrip(".") in suffixes) and lead[:1].isupper():
            firms.add(lead)
    for m in mentions:
        if m["label"] in ("GPE", "LOC") and m["text"] in firms and (
                place_kind is None or place_kind(normalize_name(m["text"])) in ("town", None)):
            m["label"] = "ORG"


# ---------------------------------------------------------------- canonical names


def strip_titles(name):
    """'President Bashar al-Assad' -> 'Bashar al-Assad'."""
    titles = rules()["person_titles"]
    words = name.split()
    while len(words) > 1 and (words[0].lower() in titles or " ".join(words[:2]).lower() in titles):
        words = words[2:] if " ".join(words[:2]).lower() in titles else words[1:]
    return " ".join(words)


def name_tokens(name):
    """Comparable word parts of a person name: 'al-Assad' -> ['al', 'assad']."""
    return [w for w in re.split(r"[\s\-]+", normalize_name(name)) if w]


def is_short_form(short, full):
    """True when `short` is the surname or a trailing part of `full` ('Assad' of 'Bashar al-Assad')."""
    s, f = name_tokens(short), name_tokens(full)
    if not s or len(s) >= len(f):
        return False
    if f[-len(s):] == s:
        return True
    # "Ja'afari" for "Bashar al-Ja'afari": the surname without its article.
    return len(s) == 1 and f[-1] == s[0]


def acronym(name):
    """'United Nations' -> 'UN'."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def canonicalize(mentions):
    """Give every mention `name` and `type`: the canonical entity it refers to.

    Order of rules: a resolved place's own name; the alias table; within the article,
    a person's full name for a short form (or for a given name only one person bears) and an
    organisation's name for its acronym.
    """
    table = aliases()
    persons = sorted(
        {strip_titles(m["text"]) for m in mentions if m["label"] == "PERSON"},
        key=lambda n: -len(n),
    )
    orgs = {acronym(m["text"]): m["text"] for m in mentions if m["label"] == "ORG" and len(m["text"].split()) > 1}
    for m in mentions:
        label, text = m["label"], m["text"]
        place = m.get("place")
        if place and label in PLACE_LABELS and (m.get("place_confidence") or 0) >= 0.5:
            m["name"] = place["name"]
            m["type"] = "LOC" if place["feature"] in ("continent", "region") else "GPE"
        elif m["key"] in table and label in ("ORG", "GPE", "PERSON", "PRODUCT", "NORP"):
            m["name"], m["type"] = table[m["key"]]
        elif label == "PERSON":
            name = strip_titles(text)
            full = next((p for p in persons if is_short_form(name, p)), None)
            # "Paul" after "Paul Boateng", when no one else in the story is called Paul.
            bearers = [p for p in persons if " " not in name and given_name(p) == name]
            full = full or (bearers[0] if len(bearers) == 1 else None)
            m["name"], m["type"] = full or name, "PERSON"
        elif label == "ORG" and text.isupper() and text in orgs:
            m["name"], m["type"] = orgs[text], "ORG"
        else:
            m["name"], m["type"] = text, label
    return mentions
