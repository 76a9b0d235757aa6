"""Entity rules on sentences written for the test, and the entity tables of the seed."""
import pytest

from dateline import entities


@pytest.fixture(scope="module")
def extract_with_mentions(extract):
    def run(text, **meta):
        result = extract(text, **meta)
        return result, [m for m in result["mentions"] if not m["nested"]]
    return run


def test_titles_are_kept_apart_from_names():
    assert entities.strip_titles("President Emmanuel Macron") == "Emmanuel Macron"
    assert entities.strip_titles("Prime Minister Jacinda Ardern") == "Jacinda Ardern"
    assert entities.strip_titles("Gen. Mark Milley") == "Mark Milley"


def test_surname_and_article_forms_resolve_to_the_full_name():
    assert entities.is_short_form("Assad", "Bashar al-Assad")
    assert entities.is_short_form("al-Assad", "Bashar al-Assad")
    assert entities.is_short_form("Ja'afari", "Bashar al-Ja'afari")
    assert not entities.is_short_form("Bashar", "Bashar al-Assad")


def test_acronym_resolves_to_its_expansion_in_the_article(extract_with_mentions):
    _, mentions = extract_with_mentions("The International Energy Agency cut its forecast. The IEA blamed weak demand in China.")
    names = {m["text"]: m["name"] for m in mentions if m["label"] == "ORG"}
    assert names.get("IEA") == "International Energy Agency"


def test_roles_from_titles_and_appositions(extract_with_mentions):
    _, mentions = extract_with_mentions("UN envoy Kofi Annan met Mohammed al-Rashid, Iraq's foreign minister, in Geneva on Monday.")
    roles = {m["name"]: m["roles"] for m in mentions if m["label"] == "PERSON"}
    assert "UN envoy" in roles["Kofi Annan"]
    assert "Iraq's foreign minister" in roles["Mohammed al-Rashid"]


def test_dateline_and_byline_are_not_story_entities(extract_with_mentions):
    result, mentions = extract_with_mentions("By Maria Lopez\n\nMADRID, May 2 (Reuters) - Spain's government approved the budget on Tuesday.")
    assert result["article"]["byline"] == "Maria Lopez"
    assert result["article"]["dateline"] == "MADRID, May 2 (Reuters)"
    texts = {m["text"] for m in mentions}
    assert "Maria Lopez" not in texts and "MADRID" not in texts and "Reuters" not in texts
    assert "Spain" in texts


def test_org_suffixes_and_apposition_make_organisations(extract_with_mentions):
    _, mentions = extract_with_mentions("The Revolutionary Guard Brigade, a militia, clashed with police. "
                          "The Syrian Observatory News Network reported the clash.")
    labels = {m["text"]: m["label"] for m in mentions}
    assert labels.get("Syrian Observatory News Network") == "ORG"


def test_seed_aliases_roles_and_cooccurrences(seed_db):
    (us,) = seed_db.query("select id from entities where name = 'United States'")
    aliases = {r["alias"]: r["count"] for r in seed_db.query("select * from aliases where entity_id = ?", [us["id"]])}
    assert aliases == {"U.S.": 2, "United States": 1}
    roles = {(r["name"], r["role"]) for r in seed_db.query(
        "select e.name, r.role from entity_roles r join entities e on e.id = r.entity_id")}
    assert ("Bashar al-Ja'afari", "Syria's UN ambassador") in roles
    assert ("Staffan de Mistura", "UN envoy") in roles
    pairs = list(seed_db.query(
        "select c.* from cooccurrences c join entities a on a.id = c.entity_a join entities b on b.id = c.entity_b"
        " where (a.name, b.name) in (values ('Syria', 'Jordan'), ('Jordan', 'Syria'))"))
    assert pairs and pairs[0]["articles"] == 1 and pairs[0]["sentences"] >= 1


def test_seed_entities_match_the_issue(seed_db):
    rows = {(r["name"], r["type"]): r for r in seed_db["entities"].rows}
    assert rows[("Bashar al-Assad", "PERSON")]["mention_count"] >= 2
    assert not [name for name, kind in rows if kind == "PERSON" and "Assad" in name and name != "Bashar al-Assad"]
    assert ("Maghaweer al-Thawra", "ORG") in rows
    assert ("Palmyra News Network", "ORG") in rows
    assert not [name for name, kind in rows if kind == "PERSON" and ("Hassan" in name or "Press" in name)]


def labels_in(extract_with_mentions, text):
    _, mentions = extract_with_mentions(text)
    return {m["text"]: m["label"] for m in mentions}


def test_results_lines_make_towns_teams(extract_with_mentions):
    labels = labels_in(extract_with_mentions, "Football results on Saturday:\n\nWrexham 3 Bristol 1 Reading 2 Stoke 2 Exeter 0 Plymouth 4")
    for town in ("Bristol", "Reading", "Stoke", "Plymouth"):
        assert labels.get(town) == "ORG", (town, labels)


def test_results_lines_keep_national_sides_as_countries(extract_with_mentions):
    labels = labels_in(extract_with_mentions, "Group standings:\n\nPortugal 3 2 1 0 7 2 7 Ireland 3 1 1 1 4 4 4")
    assert labels.get("Portugal") == "GPE" and labels.get("Ireland") == "GPE"


def test_figures_initials_and_countries_in_brackets_mark_players(extract_with_mentions):
    labels = labels_in(extract_with_mentions, "Bowling : Anderson 9-2-31-3 , Broad 7-1-22-1 , Swann 10-0-48-2 .")
    assert labels.get("Anderson") == labels.get("Swann") == "PERSON", labels
    labels = labels_in(extract_with_mentions, "Kent 245 and 118-4 ( J. Denly 61 ) , Sussex 198 ( T. Smith 4-40 ) .")
    assert labels.get("J. Denly") == labels.get("T. Smith") == "PERSON", labels
    assert labels.get("Kent") == labels.get("Sussex") == "ORG", labels
    labels = labels_in(extract_with_mentions, "Women 's singles : Kirsten Flipkens ( Belgium ) beat Alize Cornet ( France ) 6-2 6-4")
    assert labels.get("Kirsten Flipkens") == labels.get("Alize Cornet") == "PERSON", labels
    assert labels.get("Belgium") == labels.get("France") == "GPE", labels


def test_scorers_and_numbered_line_ups_are_players(extract_with_mentions):
    labels = labels_in(extract_with_mentions, "Scorers : Portugal - Nuno Gomes ( 12th ) , Rui Costa ( 77th )\n\n"
                                              "Ireland : 1 - Shay Given , 2 - Steve Finnan , 4 - Kevin Kilbane , 9 - Robbie Keane")
    for player in ("Nuno Gomes", "Rui Costa", "Steve Finnan", "Kevin Kilbane", "Robbie Keane"):
        assert labels.get(player) == "PERSON", (player, labels)


def test_prose_and_datelines_with_numbers_are_no_results(extract_with_mentions):
    labels = labels_in(extract_with_mentions, "LONDON 2021-03-04\n\nPrices in London rose 5 percent in 2020 while "
                                              "Paris fell 2 percent, Berlin 3 percent and Madrid 1 percent.")
    for city in ("Paris", "Berlin", "Madrid"):
        assert labels.get(city) == "GPE", (city, labels)


def test_a_town_the_model_left_untagged_is_a_place(extract_with_mentions):
    text = "Gunmen killed four traders in the rebel stronghold of Donetsk and two more in the village of Kalaya."
    labels = labels_in(extract_with_mentions, text)
    assert labels.get("Donetsk") == "GPE" and labels.get("Kalaya") == "GPE"
    labels = labels_in(extract_with_mentions, "Drones circled over central Donetsk before dawn.")
    assert labels.get("Donetsk") == "GPE"


# (rule, sentence, name, the label it gets)
LABEL_CASES = [
    ("an_untagged_demonym_is_a_people",  # the model tags nothing
     "Malawian farmers protested against the maize price.", "Malawian", "NORP"),
    ("a_demonym_the_model_called_an_organisation_is_a_people",
     "Kosovar officials met Serbian envoys in Brussels.", "Kosovar", "NORP"),
    ("a_name_before_a_place_noun_is_a_place",  # the model tags nothing
     "Shells fell on the Qaboun district overnight.", "Qaboun", "GPE"),
    ("a_name_after_a_place_noun_s_of_is_a_place",  # the model says PERSON
     "Jets bombed the settlement of Maharda.", "Maharda", "GPE"),
    ("a_name_ending_in_a_place_noun_is_a_place",  # the model tags nothing
     "Rebels attacked positions inside the Al-Manishiyah District of the capital.", "Al-Manishiyah District", "GPE"),
    ("a_name_with_an_apostrophe_ending_in_a_place_noun_is_a_place",  # "Ra’ees" is no title case to Python
     "Shells fell on the Tal Ja’far District overnight.", "Tal Ja’far District", "GPE"),
    ("a_name_ending_in_a_facility_word_the_model_left_untagged_is_a_facility",
     "Police initially cleared the Calais Migrant Camp last week; however, hundreds of people returned.",
     "Calais Migrant Camp", "FAC"),
    ("a_name_ending_in_a_building_word_the_model_called_an_organisation_is_a_facility",
     "Rockets hit the Al-Rahma Hospital on Monday.", "Al-Rahma Hospital", "FAC"),
    ("a_station_the_model_called_an_organisation_is_a_facility",
     "Two bombs exploded at Kalyani Station during the rush hour.", "Kalyani Station", "FAC"),
    ("a_town_a_verb_of_entry_takes_is_a_place_though_the_model_called_it_an_event",
     "Soldiers entered Quraytayn in the morning.", "Quraytayn", "GPE"),
    ("a_people_s_name_on_a_vehicle_is_its_model_not_a_town",  # the model says NORP; Chinook, Montana
     "Gunmen shot down a Chinook transport helicopter near the base.", "Chinook", "NORP"),
    ("a_known_place_on_or_off_which_something_is_is_a_place",  # the model tags nothing
     "Fishermen on Lake Chad say the water has retreated from their villages.", "Lake Chad", "GPE"),
    ("a_known_place_a_verb_of_attack_takes_is_a_place",  # the model tags nothing
     "Dozens of airstrikes by Russian jets hit Aleppo on Monday.", "Aleppo", "GPE"),
    ("a_name_after_a_ship_noun_is_the_ship_s",  # the model says GPE
     "The ferry Estonia sank in 1994 with 852 people aboard.", "Estonia", "PRODUCT"),
    ("a_town_s_name_after_a_ship_noun_is_the_ship_s",  # the model says LOC: Sea Isle City, New Jersey
     "A missile hit the tanker Sea Isle City off Kuwait.", "Sea Isle City", "PRODUCT"),
    ("a_name_that_meets_people_is_a_person_s",  # the model says GPE: a South African village bears it
     "Thabo Mbeki met union leaders in Pretoria on Tuesday.", "Thabo Mbeki", "PERSON"),
    ("a_name_after_a_title_is_a_person_s",  # the model says GPE
     "Tony Blair spoke by video link after fog grounded his plane - and South African President Thabo Mbeki, "
     "whose arrival has been delayed by Ivory Coast peace talks, will speak later.", "Thabo Mbeki", "PERSON"),
    ("a_big_place_that_speaks_stays_a_place",
     "New York said it would sue the drug makers.", "New York", "GPE"),
    ("a_name_after_a_film_noun_is_the_film_s",  # the model says GPE: Constantine, Algeria
     "His next film, the supernatural thriller Constantine, opens later this month.", "Constantine", "WORK_OF_ART"),
    ("a_city_s_name_after_an_album_noun_is_the_album_s",  # the model says GPE
     "The band recorded the album Paris in a studio in Berlin.", "Paris", "WORK_OF_ART"),
    ("a_team_a_verb_plays_is_no_work",  # "play" is a verb here, not the noun
     "The team will play Samoa in the final.", "Samoa", "ORG"),
    ("a_place_s_name_before_a_business_noun_is_the_business_s",  # the model says GPE: Mecca, Saudi Arabia
     "The group sold the Mecca Bingo chain to a rival.", "Mecca", "ORG"),
    ("a_known_town_an_offensive_is_on_is_a_place",  # the model says ORG
     "Rebels launched a counter-attack on Darayya overnight.", "Darayya", "GPE"),
    ("a_known_town_a_battle_is_for_is_a_place",  # the model says ORG
     "Dozens died in the battle for Derna last spring.", "Derna", "GPE"),
    ("a_known_town_an_offensive_is_against_is_a_place",  # the model says ORG
     "The offensive against Saraqib stalled.", "Saraqib", "GPE"),
    ("a_person_an_attack_is_on_stays_a_person",  # "Obama" is a town in Japan
     "Hundreds protested the attack on Obama at the rally.", "Obama", "PERSON"),
    ("a_known_place_a_verb_of_attack_takes_is_a_place_whatever_the_model_said",  # the model says ORG
     "Rebels targeted Bentiu with rockets.", "Bentiu", "GPE"),
    ("a_company_a_verb_of_attack_takes_stays_a_company",
     "The recession hit Apple hard.", "Apple", "ORG"),
    ("names_before_a_place_noun_are_places",  # the model says PERSON
     "Rebels shelled the Qaboun and Jobar districts overnight.", "Jobar", "GPE"),
    ("an_owner_s_name_before_a_place_noun_is_no_place",
     "Militants attacked the Fatah Halab controlled districts at dawn.", "Fatah", "ORG"),
    ("a_name_followed_by_an_age_is_a_person",  # the model says GPE
     "Jordan, 56, was shot as he napped in his car.", "Jordan", "PERSON"),
    ("a_known_organisation_is_no_place",  # the model says GPE; aliases.tsv knows Daesh
     "A senior commander of Daesh was killed in the battle.", "Daesh", "ORG"),
    ("a_known_town_joined_to_a_place_is_a_place",  # the model says ORG
     "The chain sold its stores in Zilina, Nitra and Presov last year.", "Nitra", "GPE"),
    ("a_known_town_joined_to_a_place_is_a_place_whatever_the_model_said",  # the model says PERSON
     "The new line stops in Hilversum and Almelo before the border.", "Almelo", "GPE"),
    ("a_known_town_followed_by_its_division_is_a_place",  # the model says PERSON
     "Instead of driving to Castlegar, British Columbia, people can now visit the office.", "Castlegar", "GPE"),
    ("a_hyphenated_name_followed_by_its_division_is_a_place",  # the model tags nothing
     "The plane was found near Riviere-du-Loup, Quebec, on Monday.", "Riviere-du-Loup", "GPE"),
    ("a_name_a_plural_place_noun_gives_as_an_example_is_a_place",  # the model says PERSON
     "Rebels seized towns in Helmand, including Musa Qala and Sangin, last year.", "Sangin", "GPE"),
    ("an_untagged_name_a_plural_place_noun_gives_as_an_example_is_a_place",  # the model tags nothing
     "Floods cut roads to villages like Bakool and Dinsoor.", "Dinsoor", "GPE"),
    ("a_name_with_an_apostrophe_after_a_place_noun_s_of_is_a_place",  # the model tags nothing
     "The offensive targeted the key town of Ma’an along the highway.", "Ma’an", "GPE"),
    ("a_name_in_apposition_with_a_place_noun_is_a_place",  # the model says PERSON
     "The convoy reached Gidami, the capital of the district, on Friday.", "Gidami", "GPE"),
    ("a_name_a_place_noun_is_in_apposition_with_is_a_place",  # the model says ORG
     "Rebels shelled the provincial capital, Kabaro, at dawn.", "Kabaro", "GPE"),
    ("an_untagged_name_in_apposition_with_a_place_noun_is_a_place",  # the model tags nothing
     "Fighting reached Dagu, the district capital.", "Dagu", "GPE"),
    ("a_name_with_a_short_word_between_hyphens_is_kept_whole",  # the model tags "Mazar" alone
     "Troops returned to Mazar-e-Sharif on Sunday.", "Mazar-e-Sharif", "GPE"),
    ("a_name_after_a_place_noun_s_of_is_no_nationality",  # the model says NORP
     "Troops captured the northern village of Akkarayan on Monday.", "Akkarayan", "GPE"),
    ("a_name_after_a_perimeter_s_of_is_a_place",  # the model says PERSON
     "Rebels stormed the western perimeter of Kafrun overnight.", "Kafrun", "GPE"),
    ("an_untagged_name_after_a_perimeter_s_of_is_a_place",  # the model tags nothing
     "Rebels stormed the southern perimeter of Tadif overnight.", "Tadif", "GPE"),
    ("a_name_opening_with_an_arabic_landform_word_is_a_place",  # the model says PERSON
     "The rebels retreated to Jabal Zawiya after the battle.", "Jabal Zawiya", "LOC"),
    ("the_passive_subject_of_a_verb_that_takes_places_is_a_place",  # the model says PERSON
     "Samashki and Bamut were completely encircled by Russian troops on Sunday night.", "Bamut", "GPE"),
    ("an_unknown_name_the_model_called_a_people_before_a_place_noun_is_a_place",  # the model says NORP
     "Fighters were killed in clashes in Tellak village.", "Tellak", "GPE"),
    ("a_sect_before_a_place_noun_stays_a_people",  # the model says NORP
     "Mortars hit the Shi'ite neighbourhood of Kadhimiya.", "Shi'ite", "NORP"),
    ("a_regime_s_people_before_a_place_noun_stays_a_people",  # the model says NORP
     "Prisoners were held in a Nazi camp until 1945.", "Nazi", "NORP"),
    ("a_surname_spelled_like_a_big_town_only_without_its_apostrophe_stays_a_person",  # GeoNames: Mar’ino, Moscow
     "Marino was shot in the chest by police on Sunday.", "Marino", "PERSON"),
    ("a_person_owning_a_stronghold_stays_a_person",
     "Amarah, a stronghold of Moqtada al-Sadr, was quiet.", "Moqtada al-Sadr", "PERSON"),
    ("a_person_in_apposition_with_an_office_stays_a_person",
     "Kofi Mensah, the town's mayor, resigned on Monday.", "Kofi Mensah", "PERSON"),
    ("a_place_the_model_read_as_a_person_keeps_its_title_word",  # the model tags "Maqsoud" PERSON
     "Rebels shelled the Sheikh Maqsoud district on Monday.", "Sheikh Maqsoud", "GPE"),
    ("a_day_after_a_place_noun_s_town_is_no_place",
     "Thousands marched through the Belgian city of Antwerp Friday to protest against racism.", "Friday", None),
    ("a_name_the_model_took_for_a_date_after_a_place_noun_is_a_place",  # the model says DATE
     "Islamic State fighters tried to recapture the strategic village of Maheen from the army.", "Maheen", "GPE"),
    ("a_name_in_apposition_with_a_kin_noun_is_a_person",  # the model says FAC
     "Protesters rallied in the hometown of Cindy Sheehan, the mother who started a protest camp.",
     "Cindy Sheehan", "PERSON"),
    ("a_mountain_the_model_took_for_a_building_is_a_landform",  # the model says FAC
     "Government forces shelled rebel positions in the Jabal Al-Akrad.", "Jabal Al-Akrad", "LOC"),
    ("a_country_s_adjective_before_a_place_noun_stays_a_people",  # not a town called "Philippine"
     "Rebels bombed a ferry in the southern Philippine port of Jolo.", "Philippine", "NORP"),
    ("a_small_town_s_name_a_verb_done_to_people_takes_is_a_person",  # the model says GPE (Quinn, Ireland)
     "The gunman shot Quinn several times in the back and head at a betting shop in north Belfast.", "Quinn", "PERSON"),
    ("a_big_city_a_verb_done_to_people_takes_stays_a_place",
     "The siege killed Sarajevo's hopes of a quick peace.", "Sarajevo", "GPE"),
    ("a_direction_before_a_day_is_a_place_without_the_day",  # the model says "South Saturday", LOC
     "Insurgents detonated a roadside bomb in Thailand's restive South Saturday.", "South", "GPE"),
    ("a_name_after_the_outskirts_of_is_a_place",  # the tagger's lemma is "outskirt"; the model says ORG
     "Two tanks were destroyed by missiles on the outskirts of Bza'a.", "Bza'a", "GPE"),
    ("a_name_before_a_plural_place_noun_is_a_place",  # the lemma is "mountain"; the model says ORG
     "Fighting raged in the Sinjar mountains on Sunday.", "Sinjar", "GPE"),
    ("an_untagged_name_ending_in_a_landform_is_a_place",  # the model tags nothing
     "Government troops shelled the Zawiya Mountains overnight.", "Zawiya Mountains", "LOC"),
    ("a_south_asian_locality_is_a_place",  # "Vihar": the model says PERSON
     "A shopkeeper was robbed at gunpoint in Mayur Vihar on Friday.", "Mayur Vihar", "LOC"),
    ("a_name_before_a_checkpoint_or_an_airbase_is_a_place",  # the model says PERSON
     "Rebels shelled the Kafrun airbase overnight.", "Kafrun", "GPE"),
    ("a_known_town_after_in_tagged_as_a_people_is_a_place",  # the model says NORP
     "Fighting between rebels and the army erupted in Taez late on Tuesday.", "Taez", "GPE"),
    ("a_known_group_before_a_base_is_the_group",  # not a place called Hezbollah
     "Israeli jets struck a Hezbollah base near the border.", "Hezbollah", "ORG"),
]


@pytest.mark.parametrize("rule, text, name, label", LABEL_CASES, ids=[case[0] for case in LABEL_CASES])
def test_label_rule(extract_with_mentions, rule, text, name, label):
    assert labels_in(extract_with_mentions, text).get(name) == label


def test_a_name_ending_in_a_landform_or_a_facility_is_a_place(extract_with_mentions):
    labels = labels_in(extract_with_mentions, "Government troops stormed the Hayyan Gas Fields before dawn.")
    assert labels.get("Hayyan Gas Fields") == "LOC"
    labels = labels_in(extract_with_mentions, "Hundreds of protesters gathered at the Kalma Roundabout on Friday.")
    assert labels.get("Kalma Roundabout") == "FAC"
    labels = labels_in(extract_with_mentions, "Damon Hill won the race ahead of Jean Alesi.")
    assert labels.get("Damon Hill") == "PERSON"  # "Hill" is a surname too


def test_a_country_the_model_left_untagged_is_a_place(extract_with_mentions):
    labels = labels_in(extract_with_mentions, "Nigeria will withdraw its troops from Chad unless the fighting stops.")
    assert labels.get("Nigeria") == "GPE"
    labels = labels_in(extract_with_mentions, "Chad Johnson scored twice for the visitors.")
    assert labels.get("Chad") is None  # a given name before a surname is no country


def test_a_known_town_the_model_called_a_person_or_an_organisation_is_a_place(extract_with_mentions):
    labels = labels_in(extract_with_mentions, "Water bills rose sharply in Klamath Falls last year.")
    assert labels.get("Klamath Falls") == "GPE"  # the model says PERSON
    labels = labels_in(extract_with_mentions, "Rents doubled in Dewsbury after the mill closed.")
    assert labels.get("Dewsbury") == "GPE"  # the model says ORG
    labels = labels_in(extract_with_mentions, "Fans flew to Wollongong for the final.")
    assert labels.get("Wollongong") == "GPE"  # a big city after "to"
    # An organisation that is no place, and a possessive, keep their labels.
    assert labels_in(extract_with_mentions, "Shares in Vodafone fell.").get("Vodafone") == "ORG"
    labels = labels_in(extract_with_mentions, "Much of the money went to Lincoln's campaign.")
    assert labels.get("Lincoln") != "GPE"


def test_a_lower_case_word_is_no_place(extract_with_mentions):
    # The model tags the currency GPE, and one of Naila's GeoNames names is "Naira".
    labels = labels_in(extract_with_mentions, "Importers paid more for the naira, which was over-valued for years.")
    assert "naira" not in labels
    labels = labels_in(extract_with_mentions, "Importers in Lagos paid more for the naira, which was over-valued for years.")
    assert labels.get("Lagos") == "GPE"


def test_a_word_of_a_person_s_name_alone_is_the_person(extract_with_mentions):
    # Nigel is a South African town, Paul a district of Cape Verde.
    text = ("Health secretary Nigel Crisp praised Paul Dacre on Friday. \"Nigel has served the service well,\" "
            "the prime minister said. Paul's newspaper was less kind.")
    result, mentions = extract_with_mentions(text)
    assert {m["text"]: m["label"] for m in mentions if m["text"] in ("Nigel", "Paul")} == {"Nigel": "PERSON", "Paul": "PERSON"}
    assert not result["places"]
    # ...and the same entity as the full name.
    assert {m["name"] for m in mentions if m["text"] in ("Nigel", "Paul")} == {"Nigel Crisp", "Paul Dacre"}
    # A country keeps its sense: "Chad Johnson flew to Chad".
    assert labels_in(extract_with_mentions, "Chad Johnson flew to Chad on Monday.").get("Chad") == "GPE"
