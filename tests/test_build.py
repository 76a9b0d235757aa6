"""Whole builds: incremental updates, pruning, and the worker pool giving the same rows."""
import shutil

import pytest
import sqlite_utils

from conftest import GAZETTEER, SEEDS
from dateline import builder

STORIES = {
    "a.txt": "Rebels attacked an army base near Homs on Tuesday, officials said.\n",
    "b.txt": "Police arrested three protesters in Cairo on Monday.\n",
    "c.md": "---\ntitle: Talks\npublished: 2020-02-02\n---\nThe foreign ministers of France and Germany met in Paris on Friday.\n",
}


def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEEDS / "000_6be5bcf672b74f89.txt", folder)
    shutil.copy(SEEDS / "000_6be5bcf672b74f89.meta.yml", folder)
    for name, text in STORIES.items():
        (folder / name).write_text(text)
    return folder


def dump(path):
    db = sqlite_utils.Database(path)
    return {t: list(db[t].rows_where(order_by="rowid")) for t in ("articles", "sentences", "entities", "mentions", "places", "events")}


def test_rebuild_skips_unchanged_updates_changed_and_prunes(tmp_path):
    folder, db = corpus(tmp_path), tmp_path / "news.db"
    first, _ = builder.build([folder], db_path=db, gazetteer_path=GAZETTEER)
    assert first.added == 4
    again, _ = builder.build([folder], db_path=db, gazetteer_path=GAZETTEER)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    (folder / "b.txt").write_text("Police released three protesters in Cairo on Monday.\n")
    (folder / "a.txt").unlink()
    changed, _ = builder.build([folder], db_path=db, gazetteer_path=GAZETTEER, prune=True)
    assert (changed.updated, changed.unchanged, changed.removed) == (1, 2, 1)
    rows = sqlite_utils.Database(db)
    assert {r["id"] for r in rows["articles"].rows} == {"000_6be5bcf672b74f89", "b", "c"}
    assert "released" in rows["articles"].get("b")["text"]
    assert not list(rows.query("select * from mentions where article_id = 'a'"))


def test_worker_pool_builds_the_same_database(tmp_path):
    folder = corpus(tmp_path)
    one, two = tmp_path / "one" / "news.db", tmp_path / "two" / "news.db"
    builder.build([folder], db_path=one, gazetteer_path=GAZETTEER, workers=1)
    builder.build([folder], db_path=two, gazetteer_path=GAZETTEER, workers=2)
    assert dump(one) == dump(two)


def test_bad_files_are_recorded_and_good_ones_built(tmp_path):
    folder = corpus(tmp_path)
    (folder / "empty.txt").write_text("")
    (folder / "junk.jsonl").write_text('{"id": "j1", "text": "Troops withdrew from the city."}\nnot json\n')
    summary, errors = builder.build([folder], db_path=tmp_path / "news.db", gazetteer_path=GAZETTEER)
    assert summary.added == 5 and summary.failed == 2
    db = sqlite_utils.Database(tmp_path / "news.db")
    assert {(r["path"], r["record"]) for r in db["ingest_errors"].rows} == {("empty.txt", None), ("junk.jsonl", 2)}


def test_dask_local_cluster_builds_the_same_database(tmp_path):
    pytest.importorskip("dask.distributed")
    folder = corpus(tmp_path)
    one, dask = tmp_path / "one" / "news.db", tmp_path / "dask" / "news.db"
    builder.build([folder], db_path=one, gazetteer_path=GAZETTEER, workers=1)
    summary, _ = builder.build([folder], db_path=dask, gazetteer_path=GAZETTEER, dask="local")
    assert summary.added == 4
    assert dump(one) == dump(dask)


def test_unchanged_files_are_not_read_again_and_nothing_is_republished(tmp_path):
    folder, db = corpus(tmp_path), tmp_path / "news.db"
    builder.build([folder], db_path=db, gazetteer_path=GAZETTEER)
    published = db.stat().st_mtime_ns
    summary, errors = builder.build([folder], db_path=db, gazetteer_path=GAZETTEER)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 4) and not errors
    assert db.stat().st_mtime_ns == published, "an unchanged build leaves the published file alone"
    # A changed sidecar is a changed article, even though the text file is untouched.
    (folder / "000_6be5bcf672b74f89.meta.yml").write_text("title: A new headline\npublished: 2017-05-18\n")
    summary, _ = builder.build([folder], db_path=db, gazetteer_path=GAZETTEER)
    assert summary.updated == 1
    assert sqlite_utils.Database(db)["articles"].get("000_6be5bcf672b74f89")["title"] == "A new headline"


def test_datelines_give_articles_their_filing_place(tmp_path):
    folder = tmp_path / "datelines"
    folder.mkdir()
    (folder / "sd.txt").write_text("SAN DIEGO (AP) — Police arrested two men after a robbery at a bank on Monday.\n")
    (folder / "abq.txt").write_text("ALBUQUERQUE, N.M. (AP) — Firefighters contained a brush fire on Tuesday.\n")
    (folder / "none.txt").write_text("Firefighters contained a brush fire on Tuesday.\n")
    builder.build([folder], db_path=tmp_path / "news.db", gazetteer_path=GAZETTEER)
    db = sqlite_utils.Database(tmp_path / "news.db")
    rows = {r["path"]: r for r in db.query(
        "select a.path, p.name, p.country_code, p.admin1 from articles a"
        " left join places p on p.id = a.dateline_place_id")}
    # The filing place is kept though the story never names it.
    assert (rows["sd.txt"]["name"], rows["sd.txt"]["country_code"], rows["sd.txt"]["admin1"]) == ("San Diego", "US", "CA")
    assert (rows["abq.txt"]["name"], rows["abq.txt"]["admin1"]) == ("Albuquerque", "NM")
    assert rows["none.txt"]["name"] is None
