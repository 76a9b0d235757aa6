"""The served site in real Chromium: the map shows the seed's places on the offline basemap."""
import os
import urllib.parse

import pytest

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is required at /usr/bin/chromium (apt-get install chromium)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page that may only talk to this machine, recording console errors and tile loads."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.console_errors, page.blocked, page.tiles = [], [], []

    def route(r):
        host = urllib.parse.urlsplit(r.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            page.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.on("response", lambda r: "/-/tiles/" in r.url and page.tiles.append(r.status))
    yield page
    context.close()


def test_places_map_shows_every_place_on_local_tiles(page, server, seed_db, tmp_path):
    page.goto(server + "/news/places")
    page.wait_for_selector(".leaflet-marker-icon", timeout=20000)
    page.wait_for_function("document.querySelectorAll('img.leaflet-tile-loaded').length > 0", timeout=20000)
    page.wait_for_timeout(500)
    page.screenshot(path=str(tmp_path / "places-map.png"), full_page=True)
    counts = page.eval_on_selector_all(
        ".leaflet-marker-icon",
        "els => els.map(e => e.classList.contains('marker-cluster') ? parseInt(e.innerText) : 1)",
    )
    assert sum(counts) == seed_db["places"].count
    assert page.tiles and all(status == 200 for status in page.tiles)
    assert page.console_errors == []
    assert page.blocked == []


def test_place_popup_links_to_its_row(page, server):
    page.goto(server + "/news/places?feature=city")
    page.wait_for_selector(".leaflet-marker-icon", timeout=20000)
    page.locator(".leaflet-marker-icon").first.click()
    popup = page.locator(".leaflet-popup-content a").first
    popup.wait_for(timeout=10000)
    href = popup.get_attribute("href")
    assert href.startswith("/news/places/")
    popup.click()
    page.wait_for_load_state()
    assert page.url.endswith(href)
    assert page.console_errors == []
