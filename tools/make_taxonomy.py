"""Carry the CAMEO codebook and the CAMEO->PLOVER mapping into dateline/data/cameo.tsv.

    python tools/make_taxonomy.py ../shared/data/taxonomy > dateline/data/cameo.tsv

The 2021 mapping still spells three PLOVER types by their draft names; they are
renamed to the 18 types of the published PLOVER ontology (ACCUSE splits into
INVESTIGATE and DISAPPROVE by mode, REQUEST is DEMAND).

The two files number some codes differently (the codebook's 163 is "Halt negotiations",
the mapping's 163 "Impose embargo, boycott, or sanctions"), so a code takes the mapping
entry whose CAMEO label is its own, and the entry of its number only when no label matches.
"""
import csv
import pathlib
import re
import sys

RENAMES = {"REQUEST": "DEMAND"}


def plover_type(name, mode):
    """Today's PLOVER type for a 2021 draft type and mode."""
    name = RENAMES.get(name, name)
    if name == "ACCUSE":
        return "INVESTIGATE" if mode == "investigate" else "DISAPPROVE"
    return name


def label_key(label):
    """A CAMEO label reduced for comparison: 'Impose embargo, boycott, or sanctions' -> 'impose embargo boycott or sanctions'."""
    label = re.sub(r",?\s*not specified below", "", label.lower())
    return " ".join(re.findall(r"[a-z]+", label))


def read_mapping(path):
    """(CAMEO code -> entry, label key -> entry) from cameo2plover-2021.txt; an entry is (plover, mode, context)."""
    by_code, by_label = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#?(.*)", line)
        if not m:
            continue
        code, name, mode, context, label = (g.strip() for g in m.groups())
        entry = (plover_type(name, mode), mode, context.replace(" ", ""))
        by_code.setdefault(code, entry)
        if label:
            by_label.setdefault(label_key(label), entry)
    return by_code, by_label


def main(folder):
    folder = pathlib.Path(folder)
    mapping, by_label = read_mapping(folder / "cameo2plover-2021.txt")
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["code", "label", "goldstein", "plover", "plover_mode", "plover_context"])
    with open(folder / "cameo-codes.tsv", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    for code, label, goldstein, _ in rows:
        code = code.strip()
        plover, mode, context = by_label.get(label_key(label)) or mapping.get(code, ("", "", ""))
        if not plover:
            # A code the mapping leaves out takes its base code's type; a root its "x0" code's.
            base = code + "0" if len(code) == 2 else code[:3]
            plover, mode, context = mapping.get(base, ("", "", ""))
        out.writerow([code, label.strip(), goldstein.strip(), plover, mode, context])


if __name__ == "__main__":
    main(sys.argv[1])
