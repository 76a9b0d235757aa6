"""Store: the only writer of the SQLite database.

A build works on a copy next to the published file (`news.db.building`) and renames it
over `news.db` only when it is complete, so a killed build never touches the published
database. The published file is one self-contained .db: no WAL, VACUUMed and ANALYZEd.
"""
import datetime as dt
import json
import os
import pathlib
import shutil
import sqlite3

import sqlite_utils

SCHEMA_VERSION = "1"

TABLES = {
    "places": (
        {"id": int, "geonameid": int, "name": str, "feature": str, "country_code": str,
         "admin1": str, "latitude": float, "longitude": float, "population": int,
         "mention_count": int, "article_count": int, "event_count": int, "popup": str},
        {"pk": "id"},
    ),
    "articles": (
        {"id": str, "title": str, "source": str, "url": str, "published": str, "byline": str,
         "language": str, "dateline": str, "text": str, "word_count": int, "path": str, "content_hash": str,
         "pipeline_version": str, "sentence_count": int, "mention_count": int, "event_count": int,
         "text_hash": str, "file_size": int, "file_mtime": int, "dateline_place_id": int, "sport": int},
        {"pk": "id", "foreign_keys": [("dateline_place_id", "places", "id")]},
    ),
    "sentences": (
        {"id": int, "article_id": str, "idx": int, "start": int, "end": int, "kind": str,
         "text": str, "credit": str},
        {"pk": "id", "foreign_keys": [("article_id", "articles", "id")]},
    ),
    "entities": (
        {"id": int, "name": str, "type": str, "place_id": int, "mention_count": int,
         "article_count": int},
        {"pk": "id", "foreign_keys": [("place_id", "places", "id")]},
    ),
    "mentions": (
        {"id": int, "article_id": str, "sentence_id": int, "entity_id": int, "text": str,
         "label": str, "start": int, "end": int, "place_id": int, "place_confidence": float,
         "place_precision": str, "metonymic": int, "nested": int},
        {"pk": "id", "foreign_keys": [("article_id", "articles", "id"),
                                      ("sentence_id", "sentences", "id"),
                                      ("entity_id", "entities", "id"),
                                      ("place_id", "places", "id")]},
    ),
    "place_candidates": (
        {"id": int, "mention_id": int, "rank": int, "geonameid": int, "name": str, "feature": str,
         "country_code": str, "latitude": float, "longitude": float, "population": int,
         "score": float, "probability": float},
        {"pk": "id", "foreign_keys": [("mention_id", "mentions", "id")]},
    ),
    "events": (
        {"id": int, "article_id": str, "sentence_id": int, "trigger": str, "trigger_start": int,
         "trigger_end": int, "cameo_code": str, "cameo_base": str, "cameo_root": str,
         "cameo_label": str, "plover": str, "plover_mode": str, "quad_class": int,
         "goldstein": float, "actor1": str, "actor1_entity_id": int, "actor1_start": int,
         "actor1_end": int, "actor1_sector": str, "actor1_country": str, "actor2": str,
         "actor2_entity_id": int, "actor2_start": int, "actor2_end": int, "actor2_sector": str,
         "actor2_country": str, "location_mention_id": int, "place_id": int,
         "location_precision": str, "location_method": str, "country_code": str, "latitude": float,
         "longitude": float, "date": str, "date_text": str, "date_precision": str,
         "date_method": str, "negated": int, "future": int, "reported": int,
         "attributed_to": str, "attributed_to_entity_id": int, "confidence": float,
         "cluster_id": int, "popup": str},
        {"pk": "id", "foreign_keys": [("article_id", "articles", "id"),
                                      ("sentence_id", "sentences", "id"),
                                      ("actor1_entity_id", "entities", "id"),
                                      ("actor2_entity_id", "entities", "id"),
                                      ("attributed_to_entity_id", "entities", "id"),
                                      ("location_mention_id", "mentions", "id"),
                                      ("place_id", "places", "id")]},
    ),
    "event_clusters": (
        {"id": int, "plover": str, "date": str, "place_id": int, "latitude": float, "longitude": float,
         "label": str, "event_count": int, "article_count": int, "source_count": int},
        {"pk": "id"},
    ),
    "quotes": (
        {"id": int, "article_id": str, "sentence_id": int, "speaker": str, "speaker_entity_id": int,
         "quote": str, "quote_start": int, "quote_end": int, "kind": str, "verb": str},
        {"pk": "id", "foreign_keys": [("article_id", "articles", "id"), ("sentence_id", "sentences", "id"),
                                      ("speaker_entity_id", "entities", "id")]},
    ),
    "entity_roles": (
        {"id": int, "entity_id": int, "role": str, "article_id": str, "mention_id": int},
        {"pk": "id", "foreign_keys": [("entity_id", "entities", "id"), ("article_id", "articles", "id"),
                                      ("mention_id", "mentions", "id")]},
    ),
    "aliases": (
        {"entity_id": int, "alias": str, "count": int},
        {"pk": ("entity_id", "alias"), "foreign_keys": [("entity_id", "entities", "id")]},
    ),
    "cooccurrences": (
        {"entity_a": int, "entity_b": int, "articles": int, "sentences": int},
        {"pk": ("entity_a", "entity_b"), "foreign_keys": [("entity_a", "entities", "id"), ("entity_b", "entities", "id")]},
    ),
    "ingest_errors": (
        {"id": int, "path": str, "record": int, "reason": str, "kept": int, "article_id": str, "at": str},
        {"pk": "id"},
    ),
    "dateline_meta": ({"key": str, "value": str}, {"pk": "key"}),
}

INDEXES = {
    "articles": [["source"], ["published"], ["content_hash"]],
    "sentences": [["article_id", "idx"], ["kind"]],
    "entities": [["name", "type"], ["type"], ["place_id"], ["mention_count"]],
    "mentions": [["article_id"], ["sentence_id"], ["entity_id"], ["place_id"], ["label"]],
    "place_candidates": [["mention_id"]],
    "entity_roles": [["entity_id"], ["article_id"], ["role"]],
    "event_clusters": [["plover"], ["date"], ["source_count"]],
    "quotes": [["article_id"], ["sentence_id"], ["speaker_entity_id"], ["kind"]],
    "aliases": [["alias"]],
    "cooccurrences": [["entity_b"], ["articles"]],
    "places": [["feature"], ["country_code"], ["geonameid"], ["mention_count"]],
    "events": [["article_id"], ["sentence_id"], ["plover"], ["cameo_root"], ["cameo_code"],
               ["quad_class"], ["date"], ["country_code"], ["place_id"], ["actor1_entity_id"], ["actor2_entity_id"],
               ["actor1_country"], ["location_mention_id"], ["attributed_to_entity_id"], ["cluster_id"]],
}


def building_path(db_path):
    """The working copy a build writes to before it is published."""
    db_path = pathlib.Path(db_path)
    return db_path.with_name(db_path.name + ".building")


def open_build(db_path):
    """Start a build: a fresh working copy of the published database (or an empty one)."""
    db_path = pathlib.Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    work = building_path(db_path)
    work.unlink(missing_ok=True)
    if db_path.exists():
        shutil.copyfile(db_path, work)
    db = sqlite_utils.Database(work)
    db.execute("pragma journal_mode = delete")
    db.execute("pragma synchronous = off")
    db.execute("pragma foreign_keys = off")
    ensure_schema(db)
    return db


def ensure_schema(db):
    """Create any missing table, column, full-text index and index."""
    for name, (columns, options) in TABLES.items():
        table = db[name]
        if not table.exists():
            table.create(columns, **options)
        else:
            missing = {c: t for c, t in columns.items() if c not in table.columns_dict}
            for column, kind in missing.items():
                table.add_column(column, kind)
    if not db["articles_fts"].exists():
        db["articles"].enable_fts(["title", "text"], tokenize="porter", create_triggers=True)
    if not db["sentences_fts"].exists():
        db["sentences"].enable_fts(["text"], tokenize="porter", create_triggers=True)
    for name, indexes in INDEXES.items():
        for columns in indexes:
            db[name].create_index(columns, if_not_exists=True)


def known_articles(db):
    """article id -> (content_hash, pipeline_version) of what the database holds."""
    return {
        row["id"]: (row["content_hash"], row["pipeline_version"])
        for row in db.query("select id, content_hash, pipeline_version from articles")
    }


def known_files(db, version):
    """path -> (size, mtime_ns, article ids, text hashes) of input files built with this pipeline version."""
    files = {}
    for row in db.query("select id, path, file_size, file_mtime, pipeline_version, text_hash from articles"):
        entry = files.setdefault(row["path"], {"stats": set(), "ids": [], "hashes": [], "current": True})
        entry["stats"].add((row["file_size"], row["file_mtime"]))
        entry["ids"].append(row["id"])
        entry["hashes"].append(row["text_hash"])
        entry["current"] &= row["pipeline_version"] == version
    return {
        path: (*next(iter(e["stats"])), e["ids"], e["hashes"])
        for path, e in files.items()
        if e["current"] and len(e["stats"]) == 1 and None not in next(iter(e["stats"]))
    }


def previous_errors(db):
    """The ingest errors of the last build, by path."""
    found = {}
    for row in db.query("select path, record, reason, kept, article_id from ingest_errors"):
        found.setdefault(row["path"], []).append({"error": True, **row})
    return found


def delete_article(db, article_id):
    """Remove an article and every row derived from it."""
    mention_ids = "select id from mentions where article_id = ?"
    db.execute(f"delete from place_candidates where mention_id in ({mention_ids})", [article_id])
    for table in ("events", "quotes", "entity_roles", "mentions", "sentences"):
        db.execute(f"delete from {table} where article_id = ?", [article_id])
    db.execute("delete from articles where id = ?", [article_id])


def entity_id(db, cache, name, kind, place_id):
    """The id of the canonical entity (name, type), created when new."""
    key = (name, kind)
    if key not in cache:
        row = db.execute("select id from entities where name = ? and type = ?", [name, kind]).fetchone()
        if row is None:
            cursor = db.execute(
                "insert into entities (name, type, place_id, mention_count, article_count) values (?, ?, ?, 0, 0)",
                [name, kind, place_id],
            )
            cache[key] = cursor.lastrowid
        else:
            cache[key] = row[0]
            if place_id is not None:
                db.execute("update entities set place_id = ? where id = ? and place_id is null", [place_id, row[0]])
    return cache[key]


class IdAllocator:
    """Hands out row ids per table: one build is the only writer, so ids follow input order."""

    def __init__(self, db):
        self.db = db
        self.next = {}

    def take(self, table, count):
        """The first of `count` fresh ids for `table`."""
        if table not in self.next:
            self.next[table] = (self.db.execute(f"select max(id) from {table}").fetchone()[0] or 0) + 1
        first = self.next[table]
        self.next[table] += count
        return first


def insert_rows(db, table, rows):
    """Insert dicts that share keys with one executemany (faster than per-row inserts)."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(f"insert into {table} ({names}) values ({marks})", [[r[c] for c in columns] for r in rows])


PLACE_COLUMNS = ("id", "geonameid", "name", "feature", "country_code", "admin1", "latitude", "longitude", "population")


def write_article(db, result, version, entity_cache, ids):
    """Replace an article's rows with a fresh extraction result."""
    article = dict(result["article"])
    delete_article(db, article["id"])
    article.update(
        pipeline_version=version,
        sentence_count=len(result["sentences"]),
        mention_count=len(result["mentions"]),
        event_count=len(result["events"]),
    )
    insert_rows(db, "articles", [article])
    db.conn.executemany(
        f"insert or ignore into places ({', '.join(PLACE_COLUMNS)}) values ({', '.join('?' * len(PLACE_COLUMNS))})",
        [[p[c] for c in PLACE_COLUMNS] for p in result["places"]],
    )
    first = ids.take("sentences", len(result["sentences"]))
    sentence_ids = [first + n for n in range(len(result["sentences"]))]
    insert_rows(db, "sentences", [
        {"id": sid, "article_id": article["id"], "idx": s["idx"], "start": s["start"], "end": s["end"],
         "kind": s["kind"], "text": s["text"], "credit": s["credit"]}
        for sid, s in zip(sentence_ids, result["sentences"])
    ])
    first = ids.take("mentions", len(result["mentions"]))
    mention_ids = [first + n for n in range(len(result["mentions"]))]
    mention_entities, mentions, candidates, roles = [], [], [], []
    for mid, m in zip(mention_ids, result["mentions"]):
        eid = entity_id(db, entity_cache, m["name"], m["type"], m["place_id"] or m["norp_place_id"])
        mention_entities.append(eid)
        mentions.append({"id": mid, "article_id": article["id"], "sentence_id": sentence_ids[m["sentence"]],
                         "entity_id": eid, "text": m["text"], "label": m["label"], "start": m["start"],
                         "end": m["end"], "place_id": m["place_id"], "place_confidence": m["place_confidence"],
                         "place_precision": m["place_precision"], "metonymic": m["metonymic"], "nested": m["nested"]})
        candidates.extend({"mention_id": mid, "rank": rank, **c} for rank, c in enumerate(m["candidates"] or (), 1))
        roles.extend({"entity_id": eid, "role": r, "article_id": article["id"], "mention_id": mid}
                     for r in m.get("roles") or ())
    insert_rows(db, "mentions", mentions)
    insert_rows(db, "entity_roles", roles)
    insert_rows(db, "place_candidates", candidates)
    events = []
    first = ids.take("events", len(result["events"]))
    for n, e in enumerate(result["events"]):
        row = {"id": first + n}
        row.update((k, v) for k, v in e.items() if not k.endswith("_mention") and k != "sentence")
        row["article_id"] = article["id"]
        row["sentence_id"] = sentence_ids[e["sentence"]]
        for role in ("actor1", "actor2", "attributed_to"):
            n_mention = e[f"{role}_mention"]
            row[f"{role}_entity_id"] = mention_entities[n_mention] if n_mention is not None else None
        n_mention = e["location_mention"]
        row["location_mention_id"] = mention_ids[n_mention] if n_mention is not None else None
        events.append(row)
    insert_rows(db, "events", events)
    insert_rows(db, "quotes", [
        {"article_id": article["id"], "sentence_id": sentence_ids[q["sentence"]], "speaker": q["speaker"],
         "speaker_entity_id": mention_entities[q["speaker_mention"]] if q["speaker_mention"] is not None else None,
         "quote": q["quote"], "quote_start": q["quote_start"], "quote_end": q["quote_end"], "kind": q["kind"],
         "verb": q["verb"]}
        for q in result.get("quotes", ())
    ])


def record_errors(db, errors):
    """Replace the ingest errors with this build's: every file is read again on every build."""
    db.execute("delete from ingest_errors")
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    db["ingest_errors"].insert_all(
        {"path": e["path"], "record": e["record"], "reason": e["reason"], "kept": e.get("kept", 0),
         "article_id": e.get("article_id"), "at": now}
        for e in errors
    )


def update_aggregates(db, database_name):
    """Recompute counts and map popups, and drop entities and places nothing refers to."""
    db.executescript(
        """
        update entities set
            mention_count = (select count(*) from mentions where entity_id = entities.id),
            article_count = (select count(distinct article_id) from mentions where entity_id = entities.id);
        delete from entities where mention_count = 0
            and id not in (select actor1_entity_id from events where actor1_entity_id is not null)
            and id not in (select actor2_entity_id from events where actor2_entity_id is not null);
        update places set
            mention_count = (select count(*) from mentions where place_id = places.id),
            article_count = (select count(distinct article_id) from mentions where place_id = places.id),
            event_count = (select count(*) from events where place_id = places.id);
        delete from places where mention_count = 0 and event_count = 0
            and id not in (select place_id from entities where place_id is not null)
            and id not in (select dateline_place_id from articles where dateline_place_id is not null);
        delete from aliases;
        insert into aliases (entity_id, alias, count)
            select entity_id, text, count(*) from mentions group by entity_id, text;
        delete from cooccurrences;
        insert into cooccurrences (entity_a, entity_b, articles, sentences)
            select a.entity_id, b.entity_id, count(distinct a.article_id),
                count(distinct case when a.sentence_id = b.sentence_id then a.sentence_id end)
            from (select distinct article_id, sentence_id, entity_id from mentions where nested = 0) a
            join (select distinct article_id, sentence_id, entity_id from mentions where nested = 0) b
                on a.article_id = b.article_id and a.entity_id < b.entity_id
            group by a.entity_id, b.entity_id;
        """
    )
    db.execute(
        "update places set popup = json_object('title', name, 'description',"
        " feature || coalesce(' · ' || country_code, '') || ' · ' || mention_count || ' mentions',"
        " 'link', ? || id)",
        [f"/{database_name}/places/"],
    )
    db.execute(
        "update events set popup = json_object('title', coalesce(plover, cameo_label) || ': ' || trigger,"
        " 'description', coalesce(actor1, '?') || ' → ' || coalesce(actor2, '?') || ' · ' || coalesce(date, ''),"
        " 'link', ? || id)",
        [f"/{database_name}/events/"],
    )


def update_event_clusters(db):
    """Group events that report the same real event; one cluster row per group."""
    from .events import cluster_events

    columns = "id, plover, date, latitude, longitude, actor1, actor1_entity_id, actor2, actor2_entity_id"
    rows = [dict(r) for r in db.query(f"select {columns} from events order by id")]
    clusters = cluster_events(rows)
    db.conn.executemany("update events set cluster_id = ? where id = ?", [(c, e) for e, c in clusters.items()])
    db.executescript(
        """
        delete from event_clusters;
        insert into event_clusters (id, plover, date, place_id, latitude, longitude, label, event_count,
                                    article_count, source_count)
            select e.cluster_id, e.plover, min(e.date), e.place_id, e.latitude, e.longitude,
                (select coalesce(x.actor1, '?') || ' ' || x.trigger || ' ' || coalesce(x.actor2, '?')
                 from events x where x.cluster_id = e.cluster_id order by x.confidence desc, x.id limit 1),
                count(*), count(distinct e.article_id), count(distinct coalesce(a.source, a.id))
            from events e join articles a on a.id = e.article_id
            group by e.cluster_id;
        """
    )


def set_meta(db, **values):
    """Store build facts (model, pipeline version, time) in dateline_meta."""
    db["dateline_meta"].upsert_all(
        [{"key": k, "value": v if isinstance(v, str) else json.dumps(v)} for k, v in values.items()], pk="key"
    )


def discard_build(db, db_path):
    """Drop the working copy: the published database stays as it is."""
    work = pathlib.Path(db.conn.execute("pragma database_list").fetchone()[2])
    db.conn.close()
    work.unlink(missing_ok=True)


def publish(db, db_path):
    """Finish the working copy (aggregates, ANALYZE, VACUUM) and atomically replace the published file."""
    db_path = pathlib.Path(db_path)
    update_aggregates(db, db_path.stem)
    update_event_clusters(db)
    db.execute("pragma foreign_keys = on")
    problems = db.execute("pragma foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"foreign key check failed: {problems[:3]}")
    db.conn.commit()
    db.analyze()
    db.vacuum()
    work = pathlib.Path(db.conn.execute("pragma database_list").fetchone()[2])
    db.conn.close()
    with sqlite3.connect(work) as check:
        if check.execute("pragma integrity_check").fetchone()[0] != "ok":
            raise RuntimeError("integrity check of the new database failed")
    fd = os.open(work, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(work, db_path)
