"""Explorer pages: an annotated article, entity, place and event page, and a front page with
the dataset's contents and measured accuracy. Row pages keep Datasette's own table below.

Every piece of article text is escaped; highlights are built from character offsets into
escaped HTML, never by replacing strings in raw text.
"""
import collections
import json
import math
import pathlib
import re

from datasette import hookimpl
from markupsafe import Markup, escape

ACCURACY_FILE = pathlib.Path(__file__).resolve().parent.parent / "accuracy.json"
LABEL_CLASSES = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
                 "NORP": "group", "EVENT": "other", "PRODUCT": "other", "WORK_OF_ART": "other",
                 "LAW": "other", "LANGUAGE": "other"}


def link(href, text, css=None, title=None):
    """An escaped <a> element."""
    return Markup('<a href="{}"{}{}>{}</a>').format(
        href, Markup(' class="{}"').format(css) if css else "", Markup(' title="{}"').format(title) if title else "", text)


def highlight(text, start, end, marks, base=0):
    """Escaped HTML of text[start:end] with (start, end, html_open, html_close) marks wrapped in."""
    out, pos = [], start
    for m_start, m_end, opening, closing in sorted(marks):
        if m_start < pos or m_end > end:
            continue
        out.append(escape(text[pos:m_start]))
        out.append(opening)
        out.append(escape(text[m_start:m_end]))
        out.append(closing)
        pos = m_end
    out.append(escape(text[pos:end]))
    return Markup("").join(out)


async def rows(db, sql, params=()):
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def article_page(db, base, article_id):
    """The article's paragraphs with mentions highlighted, its captions, and its events."""
    article = (await rows(db, "select * from articles where id = ?", [article_id]))[0]
    text = article["text"]
    sentences = await rows(db, "select * from sentences where article_id = ? order by idx", [article_id])
    mentions = await rows(db, "select m.*, e.name from mentions m left join entities e on e.id = m.entity_id"
                               " where m.article_id = ? and m.nested = 0 order by m.start", [article_id])
    events = await rows(db, "select * from events where article_id = ? order by trigger_start", [article_id])
    by_sentence = collections.defaultdict(list)
    for m in mentions:
        kind = LABEL_CLASSES.get(m["label"], "other")
        href = f"{base}/places/{m['place_id']}" if m["place_id"] else f"{base}/entities/{m['entity_id']}"
        opening = Markup('<a class="dl-m dl-{}" href="{}" title="{}: {}">').format(kind, href, m["label"], m["name"] or "")
        by_sentence[m["sentence_id"]].append((m["start"], m["end"], opening, Markup("</a>")))
    paragraphs, captions, current, last_end = [], [], [], None
    for s in sentences:
        html = highlight(text, s["start"], s["end"], by_sentence[s["id"]])
        if s["kind"] == "caption":
            captions.append({"html": html, "credit": s["credit"]})
            continue
        span = Markup('<span class="dl-s dl-{}" id="s{}">{}</span>').format(s["kind"], s["id"], html)
        if last_end is not None and "\n\n" in text[last_end:s["start"]] and current:
            paragraphs.append(current)
            current = []
        current.append(span)
        last_end = s["end"]
    if current:
        paragraphs.append(current)
    body = Markup("").join(
        Markup("<p>{}</p>").format(Markup(" ").join(p)) for p in paragraphs)
    legend = sorted({(LABEL_CLASSES.get(m["label"], "other"), m["label"]) for m in mentions})
    return {"kind": "article", "article": article, "body": body, "captions": captions, "events": events,
            "legend": legend, "mention_count": len(mentions)}


def month_bars(counts, width=360, height=80):
    """A small SVG bar chart of {YYYY-MM: n} (escaped labels)."""
    if not counts:
        return Markup("")
    months = sorted(counts)
    peak = max(counts.values())
    bar = width / len(months)
    parts = [Markup('<svg class="dl-chart" viewBox="0 0 {} {}" role="img" aria-label="articles per month">').format(width, height + 16)]
    for n, month in enumerate(months):
        h = max(2, height * counts[month] / peak)
        parts.append(Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"><title>{}: {}</title></rect>').format(
            n * bar + 1, height - h, max(bar - 2, 1), h, month, counts[month]))
    parts.append(Markup('<text x="0" y="{}">{}</text><text x="{}" y="{}" text-anchor="end">{}</text></svg>').format(
        height + 14, months[0], width, height + 14, months[-1]))
    return Markup("").join(parts)


async def entity_page(db, base, entity_id):
    """Aliases, roles, articles over time, co-occurring entities, quotes and events of an entity."""
    aliases = await rows(db, "select alias, count from aliases where entity_id = ? order by count desc", [entity_id])
    roles = await rows(db, "select role, count(*) as n from entity_roles where entity_id = ? group by role order by n desc", [entity_id])
    per_month = await rows(db, "select substr(a.published, 1, 7) as month, count(distinct a.id) as n from mentions m"
                                " join articles a on a.id = m.article_id where m.entity_id = ? and a.published is not null"
                                " group by month", [entity_id])
    articles = await rows(db, "select a.id, a.title, a.published, count(*) as mentions from mentions m join articles a"
                               " on a.id = m.article_id where m.entity_id = ? group by a.id order by a.published desc limit 50", [entity_id])
    cooccurring = await rows(db, "select e.id, e.name, e.type, c.articles from cooccurrences c join entities e"
                                  " on e.id = case when c.entity_a = :id then c.entity_b else c.entity_a end"
                                  " where c.entity_a = :id or c.entity_b = :id order by c.articles desc, c.sentences desc limit 20",
                             {"id": entity_id})
    quotes = await rows(db, "select id, article_id, quote, kind from quotes where speaker_entity_id = ? limit 50", [entity_id])
    events = await rows(db, "select id, plover, trigger, actor1, actor2, date, article_id from events"
                             " where actor1_entity_id = :id or actor2_entity_id = :id order by date desc limit 50", {"id": entity_id})
    return {"kind": "entity", "aliases": aliases, "roles": roles, "chart": month_bars({r["month"]: r["n"] for r in per_month}),
            "articles": articles, "cooccurring": cooccurring, "quotes": quotes, "events": events}


async def place_page(db, base, place_id):
    """Events located at a place, articles naming it, and places nearby."""
    place = (await rows(db, "select * from places where id = ?", [place_id]))[0]
    events = await rows(db, "select id, plover, trigger, actor1, actor2, date, article_id from events"
                             " where place_id = ? order by date desc limit 50", [place_id])
    articles = await rows(db, "select a.id, a.title, a.published, count(*) as mentions from mentions m join articles a"
                               " on a.id = m.article_id where m.place_id = ? group by a.id order by a.published desc limit 50", [place_id])
    per_month = await rows(db, "select substr(date, 1, 7) as month, count(*) as n from events where place_id = ?"
                                " and length(date) >= 7 group by month", [place_id])
    nearby = []
    if place["latitude"] is not None:
        box = 2.0
        candidates = await rows(db, "select id, name, feature, latitude, longitude from places where id != ?"
                                     " and latitude between ? and ? and longitude between ? and ?",
                                [place_id, place["latitude"] - box, place["latitude"] + box,
                                 place["longitude"] - box, place["longitude"] + box])
        for c in candidates:
            c["km"] = round(distance_km(place["latitude"], place["longitude"], c["latitude"], c["longitude"]))
        nearby = sorted(candidates, key=lambda c: c["km"])[:10]
    return {"kind": "place", "events": events, "articles": articles, "nearby": nearby,
            "chart": month_bars({r["month"]: r["n"] for r in per_month}),
            "map_link": f"{base}/events?place_id={place_id}"}


async def event_page(db, base, event_id):
    """An event with its evidence sentence highlighted, its cluster and attribution."""
    event = (await rows(db, "select * from events where id = ?", [event_id]))[0]
    sentence = (await rows(db, "select * from sentences where id = ?", [event["sentence_id"]]))[0]
    text = (await rows(db, "select text from articles where id = ?", [event["article_id"]]))[0]["text"]
    marks = [(event["trigger_start"], event["trigger_end"], Markup('<mark class="dl-trigger">'), Markup("</mark>"))]
    for role in ("actor1", "actor2"):
        if event[f"{role}_start"] is not None:
            marks.append((event[f"{role}_start"], event[f"{role}_end"],
                          Markup('<mark class="dl-{}">').format(role), Markup("</mark>")))
    # Actors may contain the trigger's neighbours but never overlap it; keep the first of overlapping marks.
    kept, last = [], -1
    for mark in sorted(marks):
        if mark[0] >= last:
            kept.append(mark)
            last = mark[1]
    evidence = highlight(text, sentence["start"], sentence["end"], kept)
    cluster = []
    if event["cluster_id"] is not None:
        cluster = await rows(db, "select e.id, e.trigger, e.actor1, e.actor2, e.date, a.source, a.title, e.article_id"
                                  " from events e join articles a on a.id = e.article_id where e.cluster_id = ? and e.id != ?",
                             [event["cluster_id"], event_id])
    article = (await rows(db, "select id, title, source, published from articles where id = ?", [event["article_id"]]))[0]
    return {"kind": "event", "event": event, "evidence": evidence, "cluster": cluster, "article": article,
            "map_link": f"{base}/events?id={event_id}"}


def distance_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, a)))


PAGES = {"articles": article_page, "entities": entity_page, "places": place_page, "events": event_page}


async def front_page(datasette):
    """What the dataset holds, and the accuracy the benchmarks measured."""
    db = datasette.get_database("news")
    counts = {}
    for table in ("articles", "sentences", "entities", "places", "events", "quotes", "event_clusters"):
        counts[table] = (await db.execute(f"select count(*) from {table}")).first()[0]
    span = (await db.execute("select min(published), max(published) from articles")).first()
    sources = await rows(db, "select source, count(*) as n from articles where source is not null"
                              " group by source order by n desc limit 8")
    plover = await rows(db, "select plover, count(*) as n from events where plover is not null group by plover order by n desc")
    stored = (await db.execute("select value from dateline_meta where key = 'accuracy'")).first()
    accuracy = json.loads(stored[0]) if stored else {}
    if not accuracy and ACCURACY_FILE.exists():
        accuracy = json.loads(ACCURACY_FILE.read_text())
    return {"kind": "front", "counts": counts, "first": span[0], "last": span[1], "sources": sources,
            "plover": plover, "accuracy": accuracy}


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    """Data for the explorer templates."""
    async def inner():
        if view_name == "index":
            if "news" not in datasette.databases:
                return {}
            return {"explorer": await front_page(datasette)}
        if view_name != "row" or database != "news" or table not in PAGES:
            return {}
        pk = request.url_vars.get("pks")
        if not pk:
            return {}
        from datasette.utils import tilde_decode

        key = tilde_decode(pk)
        if table != "articles":
            if not re.fullmatch(r"-?\d+", key):
                return {}
            key = int(key)
        db = datasette.get_database(database)
        try:
            data = await PAGES[table](db, datasette.urls.database(database), key)
        except IndexError:
            return {}
        return {"explorer": data, "dl_link": link}
    return inner
