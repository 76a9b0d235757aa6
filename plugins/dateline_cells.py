"""Render dateline's columns helpfully: popups as text, GeoNames ids as links. All output escaped."""
import json

from datasette import hookimpl
from markupsafe import Markup, escape


@hookimpl
def render_cell(value, column, table, database):
    """Show a popup column as its title, and a geonameid as a link to GeoNames."""
    if database != "news" or value is None:
        return None
    if column == "popup":
        try:
            popup = json.loads(value)
        except (TypeError, ValueError):
            return None
        return Markup('<a href="{}">{}</a>').format(popup.get("link", ""), popup.get("title", ""))
    if column == "geonameid" and table in ("places", "place_candidates") and isinstance(value, int):
        return Markup('<a href="https://www.geonames.org/{0}">{0}</a>').format(escape(value))
    return None
