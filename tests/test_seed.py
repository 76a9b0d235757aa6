"""The seed story, built end to end: the facts the user named."""
import math


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_article_metadata_and_repaired_text(seed_db):
    (article,) = seed_db["articles"].rows
    assert article["published"] == "2017-05-18"
    assert article["source"] == "The Associated Press"
    assert article["title"]
    text = article["text"]
    assert text.startswith("The U.S.-led coalition fighting ISIS")
    assert text.endswith("since early 2016.")
    assert "‚Äč" not in text and "\u200b" not in text and "\u00a0" not in text


def test_damascus_and_zabadani_on_the_map_at_geonames_coordinates(seed_db):
    expected = {170654: (33.5102, 36.29128), 172059: (33.72488, 36.1005)}
    for geonameid, (lat, lon) in expected.items():
        place = seed_db["places"].get(geonameid)
        assert place["feature"] == "city" and place["country_code"] == "SY"
        assert haversine_km(lat, lon, place["latitude"], place["longitude"]) < 5


def test_countries_resolved_as_countries(seed_db):
    countries = {r["country_code"] for r in seed_db.query("select country_code from places where feature = 'country'")}
    assert {"SY", "JO", "IQ", "RU", "US"} <= countries


def test_us_forms_are_one_entity(seed_db):
    rows = list(seed_db.query(
        "select e.id, e.name, group_concat(distinct m.text) as forms from mentions m"
        " join entities e on e.id = m.entity_id where m.text in ('U.S.', 'United States') group by e.id"))
    assert len(rows) == 1
    assert rows[0]["name"] == "United States"
    assert set(rows[0]["forms"].split(",")) == {"U.S.", "United States"}


def test_un_is_the_united_nations(seed_db):
    rows = list(seed_db.query("select distinct e.name from mentions m join entities e on e.id = m.entity_id where m.text = 'UN'"))
    assert [r["name"] for r in rows] == ["United Nations"]


def test_caption_credits_are_not_persons(seed_db):
    captions = list(seed_db.query("select * from sentences where kind = 'caption'"))
    assert len(captions) == 2
    assert all(c["credit"] == "Hassan Ammar/Associated Press" for c in captions)
    assert all("Hassan Ammar" not in c["text"] for c in captions)
    persons = [r["name"] for r in seed_db.query("select name from entities where type = 'PERSON'")]
    assert not [p for p in persons if "Hassan" in p or "Associated" in p]
    assert "Bashar al-Assad" in persons


def test_no_events_from_captions(seed_db):
    rows = list(seed_db.query("select count(*) as n from events e join sentences s on s.id = e.sentence_id where s.kind != 'body'"))
    assert rows[0]["n"] == 0


def test_coalition_assault_on_pro_government_forces(seed_db):
    rows = list(seed_db.query(
        "select * from events where plover = 'ASSAULT' and actor1 like '%coalition%'"
        " and actor2 like '%government forces%'"))
    assert rows
    assert all(r["date"] == "2017-05-18" and r["cameo_root"] == "19" for r in rows)
    assert any(r["actor2_country"] == "SY" for r in rows)


def test_un_mediated_talks_are_consult(seed_db):
    rows = list(seed_db.query("select * from events where trigger = 'talks' and plover = 'CONSULT'"))
    assert rows and rows[0]["actor2"] == "Syrian government delegation"


def test_refusal_is_negated_reject(seed_db):
    (row,) = seed_db.query("select * from events where trigger = 'accept'")
    assert row["plover"] == "REJECT" and row["negated"] == 1 and row["actor1"] == "Damascus"


def test_events_have_places_and_popups(seed_db):
    rows = list(seed_db.query("select * from events"))
    assert rows and all(r["latitude"] is not None and r["popup"] for r in rows)


def test_every_offset_points_at_its_text(seed_db):
    (article,) = seed_db["articles"].rows
    text = article["text"]
    for m in seed_db["mentions"].rows:
        assert text[m["start"]:m["end"]] == m["text"]
    for s in seed_db["sentences"].rows:
        assert text[s["start"]:s["end"]] == s["text"]
    for e in seed_db["events"].rows:
        assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger"]


def test_published_file_is_self_contained(seed_db_path):
    import sqlite3

    with sqlite3.connect(seed_db_path) as db:
        assert db.execute("pragma journal_mode").fetchone()[0] == "delete"
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert db.execute("select count(*) from sqlite_stat1").fetchone()[0] > 0
    assert not seed_db_path.with_name("news.db-wal").exists()
    assert not seed_db_path.with_name("news.db.building").exists()
