"""Two views of the events: a map coloured by PLOVER type, and a timeline faceted by type and country."""
import collections
import datetime as dt

from datasette import hookimpl
from datasette.utils.asgi import Response

# One colour per PLOVER type: cooperation in blues and greens, conflict in oranges and reds.
PLOVER_COLOURS = {
    "AGREE": "#1f77b4", "CONSULT": "#4e9ad6", "SUPPORT": "#17becf", "CONCEDE": "#2ca02c",
    "COOPERATE": "#5cb85c", "AID": "#98df8a", "RETREAT": "#9edae5", "INVESTIGATE": "#9467bd",
    "DEMAND": "#c5b0d5", "DISAPPROVE": "#bcbd22", "REJECT": "#e6ab02", "THREATEN": "#ff9896",
    "SANCTION": "#ff7f0e", "PROTEST": "#e377c2", "CRIME": "#8c564b", "MOBILIZE": "#d62728",
    "COERCE": "#b22222", "ASSAULT": "#7f0000",
}


async def events_map(datasette, request):
    """Located events on the offline basemap, coloured by PLOVER type."""
    return Response.html(await datasette.render_template(
        "events_map.html", {"colours": PLOVER_COLOURS}, request=request))


def day_range(first, last):
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(start + dt.timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


async def timeline(datasette, request):
    """Events per day (or month, over long spans) stacked by PLOVER type, with type and country filters."""
    db = datasette.get_database("news")
    plover = request.args.get("plover") or ""
    country = request.args.get("country") or ""
    where, params = ["length(date) = 10", "plover is not null"], {}
    if plover:
        where.append("plover = :plover")
        params["plover"] = plover
    if country:
        where.append("country_code = :country")
        params["country"] = country
    rows = (await db.execute(
        f"select date, plover, count(*) as n from events where {' and '.join(where)} group by date, plover",
        params)).rows
    facets = {
        "plover": (await db.execute("select plover, count(*) from events where plover is not null group by plover order by 2 desc")).rows,
        "country": (await db.execute("select country_code, count(*) from events where country_code is not null group by country_code order by 2 desc limit 30")).rows,
    }
    bars, period = [], "day"
    if rows:
        days = sorted({r["date"] for r in rows})
        span = day_range(days[0], days[-1])
        if len(span) > 120:
            period, key = "month", (lambda d: d[:7])
            span = sorted({d[:7] for d in span})
        else:
            key = lambda d: d  # noqa: E731
        stacks = collections.defaultdict(collections.Counter)
        for r in rows:
            stacks[key(r["date"])][r["plover"]] += r["n"]
        peak = max(sum(c.values()) for c in stacks.values())
        width = max(4.0, 900 / len(span))
        for n, label in enumerate(span):
            y = 200.0
            for kind, count in sorted(stacks[label].items()):
                h = 200.0 * count / peak
                y -= h
                bars.append({"x": n * width, "y": y, "w": max(width - 1, 1), "h": h, "colour": PLOVER_COLOURS.get(kind, "#999"),
                             "title": f"{label} {kind}: {count}"})
        context_span = (span[0], span[-1], len(span) * width)
    else:
        context_span = (None, None, 900)
    return Response.html(await datasette.render_template("timeline.html", {
        "bars": bars, "period": period, "first": context_span[0], "last": context_span[1],
        "chart_width": context_span[2], "facets": facets, "plover": plover, "country": country,
        "colours": PLOVER_COLOURS, "total": sum(r["n"] for r in rows)}, request=request))


@hookimpl
def extra_template_vars():
    """The PLOVER colours, for every page that draws a map of events."""
    return {"plover_colours": PLOVER_COLOURS}


@hookimpl
def register_routes():
    return [(r"^/-/events-map$", events_map), (r"^/-/timeline$", timeline)]
