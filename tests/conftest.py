"""Shared fixtures: the seed built once per session with the real model and gazetteer."""
import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
import sqlite_utils

from dateline import builder, nlp, places

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# The gazetteer is derived from packaged data only; share it between runs like `make serve` does.
GAZETTEER = ROOT / "build" / "gazetteer.db"


@pytest.fixture(scope="session")
def gazetteer():
    return places.open_gazetteer(GAZETTEER)


@pytest.fixture(scope="session")
def model():
    return nlp.load_model()


@pytest.fixture(scope="session")
def extract(model, gazetteer):
    """Run one text (with optional metadata) through the pipeline as a build would: its result rows."""
    from dateline import ingest, pipeline

    def run(text, published="2021-03-04", **meta):
        article = ingest.make_article({"text": text, "published": published, **meta}, None, "test.txt")
        ((article, parsed),) = nlp.parse_articles(model, [article])
        return pipeline.extract_article(article, parsed, gazetteer)
    return run


@pytest.fixture(scope="session")
def seed_db_path(tmp_path_factory, gazetteer):
    path = tmp_path_factory.mktemp("seed") / "news.db"
    summary, errors = builder.build([SEEDS], db_path=path, gazetteer_path=GAZETTEER)
    assert summary.added == 1 and not errors
    return path


@pytest.fixture(scope="session")
def seed_db(seed_db_path):
    return sqlite_utils.Database(seed_db_path)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db_path, workers=1):
    """A real `dateline serve` of a database: (url, process).

    Its log goes to a file: a pipe nobody reads fills up and stalls the server.
    """
    import tempfile

    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="datasette-", suffix=".log", delete=False)
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline.cli", "serve", "--db", str(db_path), "--port", str(port),
         "--workers", str(workers)],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=1)
            return url, proc
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError(pathlib.Path(log.name).read_text())


def stop_server(proc):
    """Stop a server started by start_server, with its worker processes."""
    import signal

    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def server(seed_db_path):
    url, proc = start_server(seed_db_path)
    yield url
    stop_server(proc)
    proc.wait(10)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (it cannot download browsers here).

    Module-scoped: Playwright's sync API holds an event loop that pytest-asyncio tests must not meet.
    """
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is required at /usr/bin/chromium (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page that may only talk to this machine, recording console errors, dialogs and tile loads."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.console_errors, page.blocked, page.tiles, page.dialogs = [], [], [], []

    def route(r):
        host = urllib.parse.urlsplit(r.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            page.blocked.append(r.request.url)
            r.abort()

    def dialog(d):
        page.dialogs.append(d.message)
        d.dismiss()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.on("response", lambda r: "/-/tiles/" in r.url and page.tiles.append(r.status))
    page.on("dialog", dialog)
    yield page
    context.close()
