"""A hostile article cannot script the site: every page shows its HTML as text, in real Chromium."""
import json

import pytest
import sqlite_utils

from conftest import GAZETTEER, start_server, stop_server
from dateline import builder

HOSTILE = {
    "id": "hostile",
    "title": "<script>alert('title')</script> Clashes <img src=x onerror=alert('title-img')>",
    "published": "2020-01-02",
    "source": "<b onmouseover=alert('source')>Evil</b>",
    "url": "javascript:alert('url')",
    "text": "Fighters of the <img src=x onerror=alert('entity')>Brigade attacked police in Mosul on Monday.\n\n"
            "The <script>alert('text')</script>rebels attacked a convoy near Kirkuk, officials said.\n\n"
            "Click <a href=\"javascript:alert('link')\">here</a> for news. "
            "Omar<img src=x onerror=alert('person')> met Erdogan in Ankara.",
}
INJECTED = """() => ({
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.scripts].filter(s => s.textContent.includes("alert(")).length,
    js_links: document.querySelectorAll('a[href^="javascript:"]').length,
    bold: [...document.querySelectorAll('b')].filter(b => b.getAttribute('onmouseover')).length,
})"""
CLEAN = {"images": 0, "scripts": 0, "js_links": 0, "bold": 0}


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "in").mkdir()
    (folder / "in" / "hostile.json").write_text(json.dumps(HOSTILE))
    db_path = folder / "news.db"
    builder.build([folder / "in"], db_path=db_path, gazetteer_path=GAZETTEER)
    db = sqlite_utils.Database(db_path)
    # The test only means something if hostile text reached the tables the pages show.
    assert any("<img" in (e["actor1"] or "") for e in db["events"].rows)
    assert any("alert(" in e["name"] for e in db["entities"].rows)
    url, proc = start_server(db_path)
    yield url
    stop_server(proc)
    proc.wait(10)


@pytest.mark.parametrize("path", [
    "/", "/news", "/news/articles", "/news/articles/hostile", "/news/articles?_search=Mosul",
    "/news/sentences?_search=rebels", "/news/entities", "/news/mentions", "/news/events",
    "/news/events_map?plover=", "/news/event_sentences?plover=", "/news/articles_mentioning?entity=Omar",
    "/-/events-map", "/-/timeline",
])
def test_hostile_text_stays_text(page, hostile_server, path):
    page.goto(hostile_server + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate(INJECTED) == CLEAN
    assert page.dialogs == []


def test_hostile_text_stays_text_in_map_popups(page, hostile_server):
    page.goto(hostile_server + "/news/events")
    page.wait_for_selector(".leaflet-marker-icon", timeout=20000)
    opened, shown_as_text = 0, []
    for _ in range(8):
        single = page.locator(".leaflet-marker-icon:not(.marker-cluster)")
        if single.count():
            for n in range(single.count()):
                single.nth(n).click(force=True)
                page.wait_for_timeout(300)
                texts = page.locator(".leaflet-popup-content").all_inner_texts()
                opened += len(texts)
                shown_as_text.extend(t for t in texts if "alert(" in t)
                assert page.evaluate(INJECTED) == CLEAN
            break
        # A cluster: clicking zooms in or spreads its markers out.
        page.locator(".marker-cluster").first.click(force=True)
        page.wait_for_timeout(700)
    assert opened, "no popup opened"
    assert shown_as_text, "the hostile actor text should be visible, as text, in a popup"
    assert page.evaluate(INJECTED) == CLEAN
    assert page.dialogs == []
