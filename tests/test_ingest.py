"""Ingest: every format, metadata, the caption rule and text repair, on files written here."""
import json

import pytest

from dateline import ingest


def read(tmp_path):
    items = list(ingest.read_articles([tmp_path]))
    return [i for i in items if not i.get("error")], [i for i in items if i.get("error")]


def test_repair_undoes_mac_mojibake_and_zero_width_characters():
    broken = "Talks resumed in Geneva.\u00a0" + "\u200b".encode("utf-8").decode("mac_latin2")
    assert ingest.repair_text(broken) == "Talks resumed in Geneva."
    assert ingest.repair_text("Caf\u00c3\u00a9 owners\u00a0protested") == "Café owners protested"
    assert ingest.repair_text("He said \u201cno\u201d.") == "He said \u201cno\u201d."


def test_a_compound_broken_by_a_stray_space_is_whole_again():
    assert ingest.repair_text("A car bomb hit the Shiite- dominated Sadr City near the shrine of Imam al- Hussein.") == (
        "A car bomb hit the Shiite-dominated Sadr City near the shrine of Imam al-Hussein.")
    # Two words sharing a part, and a dateline's dash, stay as written.
    assert ingest.repair_text("Pre- and post-war talks failed.") == "Pre- and post-war talks failed."
    assert ingest.repair_text("NAIROBI - Police arrested two men.") == "NAIROBI - Police arrested two men."


WIRE_COPY = """\
The finance ministry said on Tuesday that talks with the
country's creditor banks would resume in Geneva next week,
and that a state-
owned bank would lead them.
    The central bank kept its lending rate at nine pct, a
spokesman said, after a run on the currency last month.
Shr 40 cts vs 10 cts
Net 2,136,000 vs 467,000
"""


def test_a_wire_digest_s_rules_and_escaped_tabs_are_paragraph_breaks():
    digest = ("Rescuers reached the village on Monday.\n&\\t- - - -\n    NAIROBI - Police arrested two men.\n"
              "&\\t - - - -\n    LIMA - Farmers blocked a road.\n&\\tThe army said it would clear it.")
    repaired = ingest.repair_text(digest)
    assert "\\t" not in repaired and "- - -" not in repaired
    blocks = repaired.split("\n\n")
    assert blocks[:2] == ["Rescuers reached the village on Monday.", "NAIROBI - Police arrested two men."]
    assert len(blocks) == 3 and blocks[2].startswith("LIMA - Farmers blocked a road.")
    assert blocks[2].endswith("The army said it would clear it.")


def test_hard_wrapped_wire_copy_is_unwrapped_into_paragraphs():
    lines = ingest.repair_text(WIRE_COPY).split("\n")
    assert lines[0] == ("The finance ministry said on Tuesday that talks with the country's creditor banks "
                        "would resume in Geneva next week, and that a state-owned bank would lead them.")
    # An indented line starts a paragraph; short table lines stay apart.
    assert lines[1].startswith("The central bank kept") and lines[1].endswith("last month.")
    assert lines[2:] == ["Shr 40 cts vs 10 cts", "Net 2,136,000 vs 467,000"]
    # Prose written one paragraph per line is left as it is.
    prose = "\n".join([
        "Rescuers searched the rubble through the night, and by morning had pulled eleven people alive from the collapsed block.",
        "The mayor said the search would go on.",
        "Engineers blamed an illegal extra floor added last year, which the owner denied, and the city has opened an inquiry into permits.",
        "Two cranes arrived from the capital before noon.",
        "Relatives waited behind police tape for news of the missing."])
    assert ingest.repair_text(prose) == prose


@pytest.mark.parametrize("text, dateline", [
    ("MADRID, May 2 (Reuters) - Spain's government approved the budget.", "MADRID, May 2 (Reuters)"),
    ("HORRY COUNTY, SC (WMBF) - A homeless man and his dog were rescued.", "HORRY COUNTY, SC (WMBF)"),  # any station
    ("NEW DELHI: The High Court sought a response on Monday.", "NEW DELHI"),  # the Indian press's colon
    ("QUETTA, June 3 (APP):Police said two men were arrested.", "QUETTA, June 3 (APP)"),
    ("WASHINGTON—The president signed the order on Friday.", "WASHINGTON"),  # a dash without spaces
    ("MEXICO CITY (AP) Mexico's Senate passed the bill.", "MEXICO CITY (AP)"),  # the agency, then the story
    ("PLEASANTON, Calif.--(BUSINESS WIRE)--Acme Corp. today announced a deal.", "PLEASANTON, Calif."),
    ("WINSTON-SALEM, N.C. (AP) - A fire destroyed a warehouse.", "WINSTON-SALEM, N.C. (AP)"),
    # After a photo caption, as wire pages print it.
    ("Fans cheer before the final in Columbus, Ohio. (AP Photo/Jane Roe)\n\nCOLUMBUS, Ohio (AP) — So how do they top that?",
     "COLUMBUS, Ohio (AP)"),
    # A byline and the dateline on one line.
    ("By Nate Raymond. BOSTON (Reuters) - The owner of a restaurant was arrested.", "BOSTON (Reuters)"),
    # The dash lost in decoding, as copy pasted through a legacy codec leaves it.
    ("BEIRUT (AP) \ufffd A Kurdish militia spokesman said the town was shelled.", "BEIRUT (AP)"),
    ("UPDATE: The company said output would fall.", None),  # a label, not a place
    ("COVID-19 cases rose again in the city.", None),
    ("NATO-led forces said the road was open.", None),
    # A digest's second story: its dateline is not the first story's filing place.
    ("Iran said its forces had repulsed the attack.\n\nBEIRUT - Rescue workers planned to evacuate the wounded.", None),
])
def test_a_dateline_is_the_filing_place_the_story_opens_with(text, dateline):
    assert ingest.find_dateline_and_byline(ingest.repair_text(text))[0] == dateline


def test_a_byline_before_the_dateline_on_its_line_is_the_writer_s_name():
    article = ingest.make_article({"text": "By Nate Raymond. BOSTON (Reuters) - The owner of a restaurant was "
                                           "arrested on Thursday."}, None, "story.txt")
    assert article["byline"] == "Nate Raymond" and article["dateline"] == "BOSTON (Reuters)"
    # "By" opening a sentence is no byline.
    article = ingest.make_article({"text": "By Tuesday, ROME had agreed to the terms."}, None, "story.txt")
    assert not article.get("byline") and not article.get("dateline")


def test_text_file_with_sidecar_metadata(tmp_path):
    (tmp_path / "story.txt").write_text("Police arrested two men in Leeds on Monday.\n", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(json.dumps({"title": "Two held", "published": "March 3, 2021", "source": "Gazette"}))
    (article,), errors = read(tmp_path)
    assert not errors
    assert article["id"] == "story" and article["title"] == "Two held"
    assert article["published"] == "2021-03-03" and article["source"] == "Gazette"


def test_markdown_front_matter_and_headline_from_first_line(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Floods in Kerala\npublished: 2020-08-09\n---\nRain fell for a week.\n")
    (tmp_path / "b.txt").write_text("Storm hits coast\n\nThe storm made landfall at dawn.\n")
    (a, b), errors = read(tmp_path)
    assert a["title"] == "Floods in Kerala" and a["text"] == "Rain fell for a week."
    assert b["title"] == "Storm hits coast"
    assert b["text"].startswith("Storm hits coast"), "body text is never dropped"


def test_a_first_line_that_is_a_sentence_is_not_a_title(tmp_path):
    (tmp_path / "c.txt").write_text("The minister resigned on Friday.\n\nShe gave no reason.\n")
    (article,), _ = read(tmp_path)
    assert article["title"] is None


def test_json_list_and_jsonl_records(tmp_path):
    records = [{"id": "r1", "title": "One", "body": "Troops entered the town."},
               {"id": "r2", "title": "Two", "content": "Protesters gathered in the square.", "date": "2019-01-02"}]
    (tmp_path / "list.json").write_text(json.dumps(records))
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "r3", "text": "Rebels seized the airport."}) + "\n{broken\n"
        + json.dumps({"title": "no text"}) + "\n")
    articles, errors = read(tmp_path)
    assert sorted(a["id"] for a in articles) == ["r1", "r2", "r3"]
    assert next(a for a in articles if a["id"] == "r2")["published"] == "2019-01-02"
    reasons = sorted(e["reason"] for e in errors)
    assert len(reasons) == 2 and "invalid JSON" in reasons[0] and "no article text" in reasons[1]


def test_html_main_text_and_metadata(tmp_path):
    paragraph = "The council voted on Tuesday to close the bridge for repairs after engineers found cracks. " * 3
    (tmp_path / "page.html").write_text(
        "<html><head><title>Bridge to close</title><meta property='article:published_time' content='2022-06-07'></head>"
        f"<body><nav>Home | News</nav><article><h1>Bridge to close</h1><p>{paragraph}</p><p>{paragraph}</p></article></body></html>")
    (article,), errors = read(tmp_path)
    assert not errors
    assert "engineers found cracks" in article["text"] and "Home | News" not in article["text"]
    assert article["published"] == "2022-06-07"


def test_caption_paragraph_with_credit(tmp_path):
    text = ("Fighting continued near the port.\n\n"
            "Residents walk past a burned car in the old city on Monday. (Jane Doe/Reuters)\n\n"
            "The ministry gave no figures (see below).")
    captions = ingest.find_captions(text)
    assert len(captions) == 1
    assert captions[0]["credit"] == "Jane Doe/Reuters"
    assert text[captions[0]["start"]:captions[0]["credit_start"]].strip().endswith("on Monday.")


def test_bad_files_are_reported_not_fatal(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "binary.txt").write_bytes(b"abc\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes("Le président a visité Montréal et Québec hier soir.".encode("latin-1"))
    articles, errors = read(tmp_path)
    assert [a["path"] for a in articles] == ["latin1.txt"]
    assert "président" in articles[0]["text"]
    reasons = {e["path"]: e["reason"] for e in errors}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert reasons["image.png"] == "binary file (PNG image), not an article"
