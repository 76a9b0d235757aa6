"""Shared fixtures: the seed built once per session with the real model and gazetteer."""
import pathlib
import socket
import subprocess
import sys
import time
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


@pytest.fixture(scope="session")
def server(seed_db_path):
    """A real `datasette serve` of the seed database, as `dateline serve` runs it."""
    from dateline.cli import datasette_args

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", *datasette_args(seed_db_path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError(proc.stdout.read().decode())
    yield url
    proc.terminate()
    proc.wait(10)
