"""The published site as an ASGI app, for serving with several processes.

`dateline serve --workers N` runs uvicorn with N processes, each calling `app()`; a Datasette
process renders one page at a time, so more processes render more pages at once. The
database, inspect file and project folder come from the environment `dateline serve` sets.
"""
import json
import os
import pathlib

import yaml
from datasette.app import Datasette

PROJECT = pathlib.Path(__file__).resolve().parent.parent
SETTINGS = {"sql_time_limit_ms": 3000, "suggest_facets": False}


def datasette(db, inspect_file=None):
    """A Datasette for the published database, as `dateline serve` configures it."""
    metadata = yaml.safe_load((PROJECT / "metadata.yml").read_text(encoding="utf-8"))
    inspect_data = json.loads(pathlib.Path(inspect_file).read_text()) if inspect_file else None
    return Datasette(immutables=[str(db)], inspect_data=inspect_data, metadata=metadata,
                     plugins_dir=str(PROJECT / "plugins"), template_dir=str(PROJECT / "templates"),
                     settings=SETTINGS)


def app():
    """The ASGI app of the database named by DATELINE_DB (uvicorn factory)."""
    return datasette(os.environ["DATELINE_DB"], os.environ.get("DATELINE_INSPECT") or None).app()
