"""The published site through Datasette's own client, with the project's metadata and plugins."""
import csv
import io
import json
import pathlib

import pytest
from datasette.app import Datasette

from conftest import ROOT, start_server, stop_server
from dateline import web

TABLES = ["articles", "sentences", "entities", "mentions", "places", "place_candidates", "events", "ingest_errors"]


@pytest.fixture(scope="module")
def ds(seed_db_path):
    return web.datasette(seed_db_path)  # configured exactly as `dateline serve` configures it


async def test_index_and_every_table_page(ds):
    response = await ds.client.get("/")
    assert response.status_code == 200 and "news" in response.text
    for table in TABLES:
        response = await ds.client.get(f"/news/{table}")
        assert response.status_code == 200, table


async def test_configured_facets_are_shown(ds):
    response = await ds.client.get("/news/events.json?_extra=facet_results")
    facets = response.json()["facet_results"]
    assert {"plover", "cameo_root", "quad_class", "country_code", "date"} <= set(facets)
    plover = {f["value"]: f["count"] for f in facets["plover"]["results"]}
    assert plover.get("ASSAULT", 0) >= 2 and plover.get("CONSULT", 0) >= 1
    response = await ds.client.get("/news/places.json?_extra=facet_results")
    features = {f["value"] for f in response.json()["facet_results"]["feature"]["results"]}
    assert {"country", "city"} <= features


async def test_full_text_search(ds):
    response = await ds.client.get("/news/articles.json?_search=bulldozer&_shape=array")
    assert len(response.json()) == 1
    response = await ds.client.get("/news/articles.json?_search=helicopter&_shape=array")
    assert response.json() == []
    response = await ds.client.get("/news/sentences.json?_search=bulldozer&_shape=array")
    assert [r["text"] for r in response.json()] == ["U.S. officials said earlier Thursday the strike had hit a tank and a bulldozer and forces there."]


async def test_canned_queries(ds):
    response = await ds.client.get("/news/articles_mentioning.json?entity=Assad&_shape=array")
    assert response.json()[0]["entity"] == "Bashar al-Assad"
    response = await ds.client.get("/news/cooccurring_entities.json?entity=Syria&_shape=array")
    names = {r["name"] for r in response.json()}
    assert {"Jordan", "Iraq", "Bashar al-Assad"} <= names
    response = await ds.client.get("/news/unresolved_places.json?_shape=array")
    assert "Tanf" in {r["text"] for r in response.json()}
    response = await ds.client.get("/news/events_map.json?plover=ASSAULT&_shape=array")
    rows = response.json()
    assert rows and all(r["plover"] == "ASSAULT" and json.loads(r["popup"])["link"].startswith("/news/events/") for r in rows)


async def test_json_and_csv_exports(ds):
    response = await ds.client.get("/news/entities.json?_shape=array&type=GPE")
    assert "United States" in {r["name"] for r in response.json()}
    response = await ds.client.get("/news/events.csv?_stream=on")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {"cameo_code", "plover", "actor1", "actor2", "date"} <= set(rows[0])


async def test_popup_links_resolve(ds):
    response = await ds.client.get("/news/places.json?_shape=array")
    for place in response.json():
        link = json.loads(place["popup"])["link"]
        assert (await ds.client.get(link)).status_code == 200


async def test_offline_basemap_tiles_are_served(ds):
    response = await ds.client.get("/-/tiles/basemap/0/0/0.png")
    assert response.status_code == 200 and response.content[:4] == b"\x89PNG"


async def test_repeated_pages_of_the_immutable_database_come_from_memory(ds):
    first = await ds.client.get("/news/events?_facet=plover&_sort=date")
    again = await ds.client.get("/news/events?_facet=plover&_sort=date")
    assert "x-dateline-cache" not in first.headers
    assert again.headers.get("x-dateline-cache") == "hit" and again.text == first.text
    other = await ds.client.get("/news/events?_facet=plover&_sort=trigger")
    assert "x-dateline-cache" not in other.headers  # the query string is part of the key


async def test_concurrent_requests_for_one_page_render_it_once(ds):
    import asyncio

    responses = await asyncio.gather(*(ds.client.get("/news/mentions?_facet=label&_sort=start") for _ in range(6)))
    assert len({r.text for r in responses}) == 1
    assert sum(r.headers.get("x-dateline-cache") == "hit" for r in responses) == 5


async def test_signed_in_requests_and_mutable_databases_are_never_cached(ds, tmp_path):
    signed_in = [await ds.client.get("/news/articles", cookies={"ds_actor": "x"}) for _ in range(2)]
    assert all("x-dateline-cache" not in r.headers for r in signed_in)
    import sqlite_utils

    db_path = tmp_path / "notes.db"
    sqlite_utils.Database(db_path)["notes"].insert({"text": "first"})
    live = Datasette([str(db_path)], plugins_dir=str(ROOT / "plugins"))
    assert (await live.client.get("/notes/notes.json?_shape=array")).json() == [{"rowid": 1, "text": "first"}]
    sqlite_utils.Database(db_path)["notes"].insert({"text": "second"})
    again = await live.client.get("/notes/notes.json?_shape=array")
    assert [row["text"] for row in again.json()] == ["first", "second"]


def test_cache_keeps_the_most_recent_pages_within_its_byte_bound():
    import importlib.util

    spec = importlib.util.spec_from_file_location("response_cache", ROOT / "plugins" / "response_cache.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cache = module.ResponseCache(max_bytes=10)
    cache.put("a", {}, b"1234")
    cache.put("b", {}, b"1234")
    cache.get("a")  # a is now more recent than b
    cache.put("c", {}, b"1234")
    assert cache.get("b") is None and cache.get("a") and cache.get("c") and cache.size == 8


def session_processes(session):
    """Ids of the running processes of a session (Linux)."""
    found = []
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[3]) == session:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def test_serve_with_several_worker_processes(seed_db_path):
    import urllib.request

    url, proc = start_server(seed_db_path, workers=2)
    try:
        for path in ("/", "/news/events.json?_shape=array", "/-/events-map"):
            with urllib.request.urlopen(url + path, timeout=10) as response:
                assert response.status == 200, path
        assert len(session_processes(proc.pid)) >= 3  # the uvicorn supervisor and two workers
    finally:
        stop_server(proc)
