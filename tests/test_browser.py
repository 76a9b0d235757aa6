"""The served site in real Chromium: the map shows the seed's places on the offline basemap."""
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
