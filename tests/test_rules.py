"""Rules of each stage on sentences written for the test, through the real model and gazetteer."""
from dateline import events


def test_weekday_is_the_latest_such_day_up_to_publication():
    # 2021-03-04 is a Thursday.
    assert events.resolve_date("Thursday", "2021-03-04") == ("2021-03-04", "day")
    assert events.resolve_date("late on Friday", "2021-03-04") == ("2021-02-26", "day")
    assert events.resolve_date("on Monday", "2021-03-01") == ("2021-03-01", "day")
    assert events.resolve_date("last week", "2021-03-04") == ("2021-02-25", "week")
    assert events.resolve_date("yesterday", "2021-01-01") == ("2020-12-31", "day")
    assert events.resolve_date("in 2016", "2021-03-04") == ("2016", "year")


def test_a_span_of_days_starts_on_its_first_and_a_misread_number_is_no_date():
    assert events.resolve_date("June 8-10", "1990-06-20") == ("1990-06-08", "day")
    assert events.resolve_date("from 3 to 5 May", "1990-06-20") == ("1990-05-03", "day")
    assert events.resolve_date("June 8 at 10-11 am", "1990-06-20") == (None, None)  # dateparser says 1910
    assert events.resolve_date("0336", "1990-06-20") == (None, None)  # a clock ("at 0336 GMT"), not the year 336


def test_a_bare_date_is_the_nearest_and_a_coming_event_s_day_is_ahead():
    # 1990-06-01 is a Friday.
    assert events.resolve_date("May 18", "1990-06-01") == ("1990-05-18", "day")
    assert events.resolve_date("June 8", "1990-06-01") == ("1990-06-08", "day")  # not 1989
    assert events.resolve_date("Tuesday", "1990-06-01", future=True) == ("1990-06-05", "day")
    assert events.resolve_date("last Tuesday", "1990-06-01", future=True) == ("1990-05-29", "day")


def test_a_future_event_takes_the_coming_day(extract):
    result = extract("The two ministers will meet in Oslo on Tuesday.", published="1990-06-01")
    (event,) = [e for e in result["events"] if e["trigger"] == "meet"]
    assert event["future"] == 1 and event["date"] == "1990-06-05"


def test_passive_voice_swaps_source_and_target(extract):
    result = extract("The convoy was attacked by rebels near the town on Tuesday.")
    (event,) = [e for e in result["events"] if e["trigger"] == "attacked"]
    assert event["plover"] == "ASSAULT"
    assert event["actor1"] == "rebels" and event["actor1_sector"] == "REB"
    assert event["actor2"] == "convoy"
    assert event["date"] == "2021-03-02"


def test_negation_turns_acceptance_into_rejection(extract):
    result = extract("Iran will not accept the proposal, the foreign minister said.")
    (event,) = [e for e in result["events"] if e["trigger"] == "accept"]
    assert event["plover"] == "REJECT" and event["negated"] == 1 and event["future"] == 1


def test_reported_speech_keeps_the_speaker(extract):
    result = extract("Police officials said the protesters attacked a bank in Lyon.")
    (event,) = [e for e in result["events"] if e["trigger"] == "attacked"]
    assert event["actor1"] == "protesters" and event["reported"] == 1
    assert event["attributed_to"] == "Police officials"


def test_event_located_by_the_governed_toponym(extract):
    result = extract("Government forces shelled rebel positions in Aleppo, Syria, on Sunday.")
    (event,) = [e for e in result["events"] if e["trigger"] == "shelled"]
    assert event["cameo_code"] == "194" and event["location_method"] == "text"
    assert event["country_code"] == "SY"
    mention = result["mentions"][event["location_mention"]]
    assert mention["text"] == "Aleppo"


def test_aleppo_in_syria_is_not_a_us_town(extract):
    result = extract("Doctors in Aleppo in Syria reported new cases.")
    (aleppo,) = [m for m in result["mentions"] if m["text"] == "Aleppo"]
    assert aleppo["place_id"] == 170063


def test_abbreviations_and_demonyms(extract):
    result = extract("The U.K. and Russian diplomats met in Lexington, Ky., on Monday.")
    by_text = {m["text"]: m for m in result["mentions"]}
    assert by_text["U.K."]["name"] == "United Kingdom"
    assert by_text["Russian"]["norp_place_id"] == 2017370
    assert by_text["Ky."]["place_precision"] == "admin1"


def test_short_person_name_resolves_to_full_name(extract):
    result = extract("President Emmanuel Macron arrived in Berlin. Macron met the chancellor.")
    names = {m["text"]: m["name"] for m in result["mentions"] if m["label"] == "PERSON"}
    assert names["Macron"] == "Emmanuel Macron"


def test_facility_named_after_a_town_is_low_confidence(extract):
    result = extract("The attack happened at the Zarka junction, officials in Syria said.")
    (zarka,) = [m for m in result["mentions"] if m["text"] == "Zarka"]
    assert zarka["place_id"] is None or zarka["place_confidence"] < 0.5
