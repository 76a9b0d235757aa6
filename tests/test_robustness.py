"""Any pile of files builds: bad input is reported in one line and recorded, good input is never lost,
and a killed build leaves the published database intact."""
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile

import pytest
import sqlite_utils

from conftest import GAZETTEER
from dateline import builder, nlp

GOOD = {
    "plain.txt": "Rebels shelled the airport in Benghazi on Saturday, officials said.\n",
    "with spaces and é.txt": "Police detained two journalists in Istanbul on Friday.\n",
    "utf16.txt": ("Farmers protested in Paris on Monday.\n", "utf-16"),
    "cp1252.txt": ("The minister’s visit to Zürich was cancelled on Tuesday — again.\n", "cp1252"),
}


def write_bad_corpus(folder):
    """Every kind of bad input the robustness issue names, written here, next to good articles."""
    folder.mkdir()
    for name, content in GOOD.items():
        text, encoding = content if isinstance(content, tuple) else (content, "utf-8")
        (folder / name).write_bytes(text.encode(encoding) if encoding != "utf-16" else text.encode("utf-16"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "hello")
    (folder / "archive.txt").write_bytes(archive.getvalue())
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "f1", "text": "Troops withdrew from Mosul on Sunday."}) + "\n"
        + '{"id": "f2", "text": "truncated\n'
        + json.dumps({"id": "f3", "body": "Voters queued in Nairobi on Tuesday."}) + "\n"
        + json.dumps({"id": "f4", "body": "Voters queued in Nairobi on Tuesday."}) + "\n")
    (folder / "not-article.json").write_text(json.dumps({"name": "config", "version": 3}))
    (folder / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "huge.txt").write_text("Protesters marched in Lagos. " * 40_000)
    (folder / "one-line.txt").write_text("word " * 20_000 + "\n")
    (folder / "long.txt").write_text("Soldiers patrolled the streets of Kabul on Monday. " * 2_500)
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "plain_copy.txt").write_text(GOOD["plain.txt"])
    (folder / "undecodable.txt").write_bytes(b"Talks ended \xff\xfe\xfa\xfb in \x81\x8d\x8f\x90 Geneva.")
    locked = folder / "locked.txt"
    locked.write_text("Strikers blocked the port of Antwerp on Monday.\n")
    locked.chmod(0)
    return folder


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    folder = write_bad_corpus(tmp_path_factory.mktemp("bad") / "corpus")
    db_path = folder.parent / "news.db"
    summary, errors = builder.build([folder], db_path=db_path, gazetteer_path=GAZETTEER, max_bytes=1_000_000)
    db = sqlite_utils.Database(db_path)
    reasons = {(r["path"], r["record"]): r for r in db["ingest_errors"].rows}
    return summary, db, reasons


def test_every_good_article_is_built(bad_build):
    _, db, _ = bad_build
    paths = {r["path"] for r in db["articles"].rows}
    expected = {"plain.txt", "with spaces and é.txt", "utf16.txt", "cp1252.txt", "feed.jsonl", "one-line.txt",
                "long.txt", "undecodable.txt"}
    if os.geteuid() == 0:
        expected.add("locked.txt")  # root reads files whatever their mode
    assert expected <= paths
    ids = {r["id"] for r in db["articles"].rows}
    assert {"f1", "f3"} <= ids
    assert "Zürich" in db["articles"].get("cp1252")["text"]
    assert db["articles"].get("utf16")["text"] == "Farmers protested in Paris on Monday."


@pytest.mark.parametrize("path, record, reason", [
    ("empty.txt", None, "empty file"),
    ("photo.png", None, "binary file (PNG image), not an article"),
    ("archive.txt", None, "binary file (zip archive), not text"),
    ("feed.jsonl", 2, "invalid JSON"),
    ("not-article.json", None, "no article text"),
    ("menu.html", None, "HTML page has no main text"),
    ("huge.txt", None, "over the 1,000,000 byte limit"),
    ("dangling.txt", None, "dangling symlink"),
    ("loop.txt", None, "symlink loop"),
    ("plain_copy.txt", None, "duplicate of plain.txt (same text)"),
    ("undecodable.txt", None, "some characters are likely wrong"),
])
def test_each_bad_input_has_a_one_line_reason(bad_build, path, record, reason):
    _, _, reasons = bad_build
    row = reasons[(path, record)]
    assert reason in row["reason"] and "\n" not in row["reason"] and "Traceback" not in row["reason"]


def test_a_repeated_record_names_both_records(bad_build):
    _, db, _ = bad_build
    (row,) = db.query("select * from ingest_errors where path = 'feed.jsonl' and kept = 1")
    assert row["reason"] == "'f4' repeats the text of 'f3' (built once)" and row["article_id"] == "f3"


def test_duplicates_and_lossy_decodes_keep_their_article(bad_build):
    _, db, reasons = bad_build
    duplicate = reasons[("plain_copy.txt", None)]
    assert duplicate["kept"] == 1 and duplicate["article_id"] == "plain"
    assert reasons[("undecodable.txt", None)]["kept"] == 1
    assert reasons[("empty.txt", None)]["kept"] == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_reported(bad_build):
    _, _, reasons = bad_build
    assert "Permission denied" in reasons[("locked.txt", None)]["reason"]


def test_long_texts_are_processed_in_pieces_with_correct_offsets(bad_build):
    _, db, _ = bad_build
    article = db["articles"].get("long")
    assert len(article["text"]) > 2 * nlp.MAX_SEGMENT_CHARS
    text = article["text"]
    mentions = list(db.query("select * from mentions where article_id = 'long'"))
    assert len(mentions) >= 2_500
    assert all(text[m["start"]:m["end"]] == m["text"] for m in mentions)
    last = list(db.query("select max(\"end\") as e from sentences where article_id = 'long'"))[0]["e"]
    assert last == len(text)


def test_text_beyond_spacys_max_length_is_cut_into_pieces(model):
    text = "Troops moved north. " * 60_000
    assert len(text) > model.max_length
    pieces = nlp.pieces({"text": text.strip()})
    assert len(pieces) > 1 and all(p["end"] - p["start"] <= nlp.MAX_SEGMENT_CHARS for p in pieces)
    assert pieces[0]["start"] == 0 and pieces[-1]["end"] == len(text.strip())
    assert all(a["end"] == b["start"] for a, b in zip(pieces, pieces[1:]))


def test_summary_counts_failures_and_warnings(bad_build):
    summary, _, reasons = bad_build
    assert summary.failed == sum(1 for r in reasons.values() if not r["kept"])
    assert summary.warnings == 3  # plain_copy.txt, undecodable.txt, the repeated record f4


def test_cli_exit_status_and_strict(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("Police arrested a man in Leeds on Monday.\n")
    (folder / "empty.txt").write_text("")
    cmd = [sys.executable, "-m", "dateline.cli", "build", str(folder), "--db", str(tmp_path / "n.db"),
           "--gazetteer", str(GAZETTEER), "--workers", "1"]
    ok = subprocess.run(cmd, capture_output=True, text=True)
    assert ok.returncode == 0
    assert "skipped: empty.txt: empty file" in ok.stderr and "Traceback" not in ok.stderr
    assert "1 added" in ok.stdout and "1 failed" in ok.stdout
    strict = subprocess.run(cmd + ["--strict"], capture_output=True, text=True)
    assert strict.returncode == 1


def test_cli_shows_every_failure_but_counts_the_rest_of_many_warnings(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps({"id": f"r{n}", "text": "Police arrested a man in Leeds on Monday."}) for n in range(26)]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "empty.txt").write_text("")
    cmd = [sys.executable, "-m", "dateline.cli", "build", str(folder), "--db", str(tmp_path / "n.db"),
           "--gazetteer", str(GAZETTEER), "--workers", "1"]
    run = subprocess.run(cmd, capture_output=True, text=True)
    assert "skipped: empty.txt: empty file" in run.stderr
    assert run.stderr.count("warning: feed.jsonl") == 20
    assert "... and 5 more warnings in the ingest_errors table" in run.stderr
    assert sqlite_utils.Database(tmp_path / "n.db")["ingest_errors"].count == 26  # 25 repeats and the empty file


def dump(path):
    db = sqlite_utils.Database(path)
    return {t: list(db[t].rows_where(order_by="rowid")) for t in
            ("articles", "sentences", "entities", "mentions", "places", "events")}


def test_killed_build_leaves_the_published_database_intact(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a-first.txt").write_text("Rebels attacked a checkpoint near Homs on Tuesday.\n")
    db_path = tmp_path / "news.db"
    builder.build([folder], db_path=db_path, gazetteer_path=GAZETTEER)
    before = dump(db_path)
    for n in range(400):
        (folder / f"b-{n:03}.txt").write_text(
            f"Police in Cairo arrested {n + 2} protesters on Monday after clashes near Tahrir Square, officials said.\n" * 5)
    cmd = [sys.executable, "-m", "dateline.cli", "build", str(folder), "--db", str(db_path),
           "--gazetteer", str(GAZETTEER), "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    building = db_path.with_name("news.db.building")
    deadline = time.monotonic() + 60
    while not building.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "the build finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db_path) as check:
        assert check.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert dump(db_path) == before
    subprocess.run(cmd, check=True, capture_output=True)
    clean = tmp_path / "clean" / "news.db"
    builder.build([folder], db_path=clean, gazetteer_path=GAZETTEER)
    assert dump(db_path) == dump(clean)


def test_ctrl_c_stops_cleanly_with_a_message(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    # Enough that the build is still running half a second after it starts.
    for n in range(400):
        (folder / f"{n:03}.txt").write_text(f"Rebels attacked {n + 2} checkpoints near Homs on Tuesday, officials said.\n" * 5)
    db_path = tmp_path / "news.db"
    cmd = [sys.executable, "-m", "dateline.cli", "build", str(folder), "--db", str(db_path),
           "--gazetteer", str(GAZETTEER), "--workers", "1"]
    # A shell that runs the tests in the background ignores Ctrl-C for them, and a child inherits
    # that: the build gets Ctrl-C as a terminal would give it.
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not db_path.with_name("news.db.building").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Interrupted" in err and "Traceback" not in err
    assert not db_path.exists(), "nothing is published by an interrupted first build"
