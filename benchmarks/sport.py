"""Sports filter: the share of stories read as sports reports (and so coded with no events), per section.

    python benchmarks/sport.py ../shared/data/corpora/bbc [--record]

The folder holds one subfolder per section (BBC: business, entertainment, politics, sport,
tech). Stories are read as `dateline build` reads them. A good filter holds back most of
`sport` and almost nothing else: every story it holds back outside sport loses its events.
"""
import argparse
import datetime as dt
import pathlib

from common import record_accuracy
from dateline import events, ingest


def flagged_by_section(folder):
    """section -> (stories, stories read as sport, titles of the others read as sport)."""
    sections = {}
    for section in sorted(p for p in pathlib.Path(folder).iterdir() if p.is_dir()):
        stories = [a for a in ingest.read_articles([section]) if "text" in a]
        sport = [a for a in stories if events.is_sport_story(a["text"])]
        sections[section.name] = (len(stories), len(sport), [a.get("title") for a in sport])
    return sections


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--record", action="store_true", help="write the figures to accuracy.json")
    args = parser.parse_args()
    sections = flagged_by_section(args.folder)
    for name, (n, sport, titles) in sections.items():
        print(f"{name:15} stories {n:5}  read as sport {sport:4}  ({sport / max(n, 1):.3f})")
        if name != "sport":
            for title in titles:
                print(f"    {title}")
    others = [(n, s) for name, (n, s, _) in sections.items() if name != "sport"]
    figures = {"measured": dt.date.today().isoformat(), "corpus": pathlib.Path(args.folder).name,
               "sport_held_back": round(sections["sport"][1] / max(sections["sport"][0], 1), 3) if "sport" in sections else None,
               "others_held_back": round(sum(s for _, s in others) / max(sum(n for n, _ in others), 1), 3)}
    print(f"sports stories held back {figures['sport_held_back']}, other stories held back {figures['others_held_back']}")
    if args.record:
        record_accuracy("sport_filter", figures)


if __name__ == "__main__":
    main()
