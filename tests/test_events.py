"""Event coding rules on sentences written for the test, and the seed's events, quotes and clusters."""
import pytest

from dateline import events


@pytest.fixture(scope="module")
def coded(extract):
    return lambda text, published="2021-06-10": extract(text, published=published)


def top(result):
    return max(result["events"], key=lambda e: e["confidence"])


def test_a_digest_s_dateline_is_no_part_of_the_actor(coded):
    result = coded("Talks ended on Monday.\n\nNAIROBI - Kenyan police arrested two opposition leaders on Friday.")
    arrest = next(e for e in result["events"] if e["trigger"] == "arrested")
    assert arrest["actor1"] == "Kenyan police"
    result = coded("Talks ended on Monday.\n\nLIMA, Peru - Peruvian troops arrested two rebel leaders on Friday.")
    assert next(e for e in result["events"] if e["trigger"] == "arrested")["actor1"] == "Peruvian troops"
    # A hyphen inside a word is no dateline's dash.
    result = coded("U.S.-led forces bombed a bridge near Mosul on Monday.")
    assert next(e for e in result["events"] if e["trigger"] == "bombed")["actor1"] == "U.S.-led forces"


def test_intended_cooperation_is_agree(coded):
    event = top(coded("Japan will provide emergency food aid to Haiti, the foreign ministry said."))
    assert event["plover"] == "AGREE" and event["future"] == 1


def test_intended_violence_is_a_threat(coded):
    event = top(coded("The rebels would attack the capital if talks failed, their commander said."))
    assert event["plover"] == "THREATEN"


def test_must_is_a_demand(coded):
    event = top(coded("Germany said Turkey must release the detained journalists."))
    assert event["plover"] == "DEMAND"


def test_what_speakers_say_they_must_do_is_intent_not_demand(coded):
    event = top(coded('"We must withdraw our troops from the border," the defence minister said.'))
    assert event["plover"] != "DEMAND" and event["future"] == 1
    assert coded('"I should have done more for them," he said.')["events"] == []


def test_governing_verb_is_the_event(coded):
    result = coded("Poland refused to deploy troops to the border.")
    assert [e["plover"] for e in result["events"]] == ["REJECT"]


def test_light_verb_gives_the_event_noun_its_source(coded):
    event = top(coded("Prosecutors in Lima opened an investigation into the mayor on Monday."))
    assert event["plover"] == "INVESTIGATE" and event["actor1"] == "Prosecutors"


def test_recipient_is_the_target_not_the_thing_given(coded):
    event = top(coded("The United States sent weapons to Ukraine."))
    assert event["actor1"] == "United States" and event["actor2"] == "Ukraine"


@pytest.mark.parametrize("text, target", [
    ("Rebels abducted an engineer in Kano on Monday.", "engineer"),
    ("Foreign nationals detained in the UK are being held at two prisons.", "Foreign nationals"),
    ("Gunmen shot dead a shopkeeper in Karachi on Monday.", "shopkeeper"),
    ("A nurse was kidnapped in Port Harcourt on Friday.", "nurse"),
    # Victims the lexicon does not know as people are still who it was done to.
    ("Four bakers were shot in Kirkuk on Monday.", "Four bakers"),
])
def test_a_person_done_to_is_the_target_not_the_place(coded, text, target):
    assert top(coded(text))["actor2"] == target


def test_a_count_of_victims_is_the_target_not_the_place(coded):
    result = coded("The blast killed two people and wounded 16 in Baghdad on Sunday.")
    assert next(e for e in result["events"] if e["trigger"] == "wounded")["actor2"] == "16"


def test_recipient_of_a_part_or_of_an_event_noun_s_thing_is_the_target(coded):
    event = top(coded("Norway suspended part of a development fund for Malawi on Monday."))
    assert event["plover"] == "SANCTION" and event["actor2"] == "Malawi"
    event = top(coded("Kenya announced a suspension of flights to Somalia."))
    assert event["plover"] == "SANCTION" and event["actor2"] == "Somalia"


def test_a_document_s_clause_is_its_issuer_s_event(coded):
    event = top(coded("The opposition alliance issued a statement condemning the Interior Ministry on Monday."))
    assert event["plover"] == "DISAPPROVE" and event["actor1"] == "opposition alliance"
    assert event["actor2"] == "Interior Ministry"
    # A person in the clause's place still acts himself.
    result = coded("Riot police used tear gas to disperse students protesting the fees in Accra.")
    protest = next(e for e in result["events"] if e["trigger"] == "protesting")
    assert protest["actor1"] == "students"


def test_a_renewed_demand_is_the_event_and_its_clause_names_the_target(coded):
    event = top(coded("The teachers' union renewed its demand that the government raise salaries."))
    assert event["plover"] == "DEMAND" and event["actor1"] == "teachers' union" and event["actor2"] == "government"
    event = top(coded("The Labour Office reiterated its demand that Israel ease restrictions on workers."))
    assert event["plover"] == "DEMAND" and event["actor2"] == "Israel"


def test_coordinated_subjects_act_together(coded):
    event = top(coded("France and Germany met in Paris on Tuesday."))
    assert event["plover"] == "CONSULT" and event["actor1"] == "France and Germany"


def test_the_sides_of_an_event_between_two_are_its_actors(coded):
    event = top(coded("Talks between Kenya and Somalia resumed in Nairobi on Monday."))
    assert event["plover"] == "CONSULT" and (event["actor1"], event["actor2"]) == ("Kenya", "Somalia")
    event = top(coded("Police reported a clash between striking miners and security guards near the pit."))
    assert (event["actor1"], event["actor2"]) == ("striking miners", "security guards")


def test_conjoined_participles_share_the_passive(coded):
    result = coded("Officials said 40 militiamen had been killed, wounded or captured near the dam.")
    for trigger in ("killed", "wounded", "captured"):
        event = next(e for e in result["events"] if e["trigger"] == trigger)
        assert event["actor1"] is None and event["actor2"] == "40 militiamen", event
    # An active conjunct's subject still does it.
    event = next(e for e in coded("The strikers were not paid and demanded a raise.")["events"] if e["trigger"] == "demanded")
    assert event["actor1"] == "strikers"


def test_a_noun_s_past_participle_is_done_to_the_noun(coded):
    result = coded("Aid workers said the convoy ambushed by gunmen near the border was carrying food.")
    event = next(e for e in result["events"] if e["trigger"] == "ambushed")
    assert event["actor1"] == "gunmen" and event["actor2"] == "convoy"
    # A present participle's noun still does it.
    result = coded("Hundreds of students protesting the tuition rise marched to parliament.")
    event = next(e for e in result["events"] if e["trigger"] == "protesting")
    assert event["actor1"] == "students"


def test_an_actor_wrapped_over_two_lines_reads_as_one(coded):
    result = coded("Libyan jets again bombed the Ouadi Doum\nairstrip on Monday.")
    event = next(e for e in result["events"] if e["trigger"] == "bombed")
    assert event["actor2"] == "Ouadi Doum airstrip"


def test_location_from_the_governing_clause(coded):
    result = coded("Gunmen stormed a market, killing six people in Kano on Friday.")
    killing = next(e for e in result["events"] if e["trigger"] == "killing")
    mention = result["mentions"][killing["location_mention"]]
    assert mention["text"] == "Kano" and killing["location_method"] == "text"


def test_direct_quote_with_pronoun_speaker(coded):
    result = coded('Prime Minister Ana Costa spoke in Lisbon. "We will not raise taxes," she said.')
    (quote,) = [q for q in result["quotes"] if q["kind"] == "direct"]
    assert quote["quote"] == "We will not raise taxes,"
    assert quote["speaker"] in ("Prime Minister Ana Costa", "Ana Costa") or "Costa" in quote["speaker"]


def test_indirect_quote_leaves_out_its_that(coded):
    (quote,) = coded("The minister said that the border would reopen on Monday.")["quotes"]
    assert quote["quote"] == "the border would reopen on Monday"


def test_a_title_given_a_name_in_apposition_speaks_as_that_person(coded):
    result = coded('"The talks have failed," the union leader, Maria Lopez, told reporters in Quito. '
                   'The interior minister, Ahmed Saleh, said police had arrested six people.')
    assert [q["speaker"] for q in result["quotes"]] == ["Maria Lopez", "Ahmed Saleh"]
    speaker_entities = {result["mentions"][q["speaker_mention"]]["text"] for q in result["quotes"]}
    assert speaker_entities == {"Maria Lopez", "Ahmed Saleh"}
    (arrest,) = [e for e in result["events"] if e["trigger"] == "arrested"]
    assert arrest["attributed_to"] == "Ahmed Saleh"


def test_a_title_given_a_name_acts_as_that_person_with_the_title_s_sector_and_country(coded):
    (event,) = coded("The Iraqi interior minister, Ahmed Saleh, ordered the arrest of six officers.")["events"]
    assert (event["actor1"], event["actor1_sector"], event["actor1_country"]) == ("Ahmed Saleh", "GOV", "IQ")


def test_indirect_quote(coded):
    result = coded("Police said the protesters blocked the highway.")
    (quote,) = result["quotes"]
    assert quote["speaker"] == "Police" and quote["quote"] == "the protesters blocked the highway"


def test_same_event_in_two_reports_clusters():
    base = {"plover": "ASSAULT", "date": "2021-06-10", "latitude": 36.2, "longitude": 37.1,
            "actor1_entity_id": None, "actor2_entity_id": None}
    rows = [
        {**base, "id": 1, "actor1": "Government forces", "actor2": "rebel positions"},
        {**base, "id": 2, "date": "2021-06-11", "latitude": 36.3, "actor1": "government troops", "actor2": None},
        {**base, "id": 3, "actor1": "rebels", "actor2": "an army convoy"},
        {**base, "id": 4, "plover": "PROTEST", "actor1": "Government forces", "actor2": None},
        {**base, "id": 5, "latitude": 40.0, "actor1": "Government forces", "actor2": "rebel positions"},
    ]
    clusters = events.cluster_events(rows)
    assert clusters[1] == clusters[2]
    assert len({clusters[1], clusters[3], clusters[4], clusters[5]}) == 4


def test_seed_quotes_and_clusters(seed_db):
    quotes = list(seed_db.query(
        "select q.*, e.name from quotes q left join entities e on e.id = q.speaker_entity_id where q.quote like '%interference%'"))
    assert quotes and quotes[0]["name"] == "Bashar al-Ja'afari" and quotes[0]["kind"] == "direct"
    strikes = list(seed_db.query(
        "select distinct cluster_id from events where plover = 'ASSAULT' and trigger = 'hit' and actor2 like '%government%'"))
    assert len(strikes) == 1
    (cluster,) = seed_db.query("select * from event_clusters where id = ?", [strikes[0]["cluster_id"]])
    assert cluster["event_count"] >= 3


def located(result, trigger):
    """The text of the toponym an event with this trigger is located at (resolved or not), or None."""
    event = next(e for e in result["events"] if e["trigger"] == trigger)
    if event["location_mention"] is None:
        return None
    return result["mentions"][event["location_mention"]]["text"]


# (rule, sentence, trigger, the toponym the event is located at, or None)
LOCATION_CASES = [
    ("location_of_the_doers_when_the_verb_has_none",
     "Hundreds of nurses in Kisumu marched on Tuesday to demand unpaid wages.", "marched", "Kisumu"),
    ("the_verb_s_own_place_before_the_doers",
     "Hundreds of nurses in Kisumu marched in Nairobi on Tuesday.", "marched", "Nairobi"),
    ("location_of_the_agent_of_a_conjoined_passive",
     "The reporter was shot and killed by police in Kisumu, Kenya, in 2009.", "shot", "Kisumu"),
    ("location_of_the_agent_of_a_casualty_passive",
     "A soldier was killed and four others were wounded on Friday by a roadside bomb in Kisumu, the army said.",
     "killed", "Kisumu"),
    ("a_country_before_a_battlefield_is_where_not_whose",
     "The two fighters were captured on an Iraq battlefield last year.", "captured", "Iraq"),
    ("where_the_doers_come_from_is_not_where",
     "Hundreds of nurses from Kisumu marched on Tuesday to demand unpaid wages.", "marched", None),
    ("location_shared_by_coordinated_verbs",
     "Soldiers shot and killed a driver at a checkpoint in Hebron on Monday.", "shot", "Hebron"),
    ("location_in_the_agent_of_a_passive",
     "A shepherd was attacked by settlers near Nablus on Friday.", "attacked", "Nablus"),
    ("location_of_the_occasion",
     "The mayor was murdered during a rally in Peshawar on Sunday.", "murdered", "Peshawar"),
    ("location_given_by_a_compass_direction",
     "Troops arrested six suspects north of Mosul on Tuesday.", "arrested", "Mosul"),
    ("location_through_a_place",
     "Thousands of students marched through Nairobi on Wednesday to protest fees.", "marched", "Nairobi"),
    ("location_is_the_phrase_own_place_not_its_country",
     "Gunmen attacked a convoy in Syria's Idlib province on Monday.", "attacked", "Idlib"),
    ("location_of_a_march_is_where_it_goes",
     "Hundreds of miners marched to Johannesburg on Friday.", "marched", "Johannesburg"),
    ("a_march_goes_to_a_town_the_model_took_for_a_name",  # the model says ORG
     "Thousands of farmers marched to Bellary on Monday to demand water.", "marched", "Bellary"),
    ("a_march_goes_to_the_town_its_building_is_in",
     "Thousands of nurses marched to Parliament in Nairobi on Monday.", "marched", "Nairobi"),
    ("where_a_co_verb_took_them_is_not_where",
     "The fighter was captured by soldiers in 2003 and shipped to Guantanamo Bay in 2004.", "captured", None),
    ("where_a_co_verb_flew_them_is_not_where",
     "Rebels captured the pilot and flew him to Kisumu.", "captured", None),
    ("a_verb_done_later_does_not_share_the_place",
     "The engineer was abducted in Kano in March but was released two weeks later.", "released", None),
    ("a_verb_done_then_shares_the_place",
     "Rebels abducted the engineer in Kano and released him.", "released", "Kano"),
    ("an_attack_against_a_group_in_a_place_is_there",
     "The rebels launched an attack against the militia in the northern sector of the Yarmouk Camp.",
     "attack", "Yarmouk Camp"),
    ("an_attack_a_verb_carries_out_is_where_its_killing_is",
     "The army carried out an attack against a group of fighters in the countryside of Sweida, killing ten.",
     "killing", "Sweida"),
    ("the_place_of_a_coordinated_verb_s_object",
     "A car bomb killed 51 people and wounded at least 56 others in southwestern Baghdad on Thursday.", "killed", "Baghdad"),
    ("a_place_an_army_controls_in_a_clause_of_its_own",
     "Jihadists launched an offensive in the Hama Governorate on Friday, targeting the Syrian Arab Army "
     "controlled Al-Rashidiyah District inside the city.", "targeting", "Al-Rashidiyah District"),
    ("a_noun_a_light_verb_carries_happens_where_the_verb_says",
     "Protesters staged a rally in Nairobi on Monday.", "rally", "Nairobi"),
    ("an_offensive_launched_in_a_governorate_is_there",
     "Jihadists launched an offensive in the Hama Governorate on Friday.", "offensive", "Hama Governorate"),
    ("the_sides_of_a_talk_are_its_parties_not_its_place",
     "Talks between Kenya and Somalia resumed in Nairobi on Monday.", "Talks", "Nairobi"),
    ("a_bare_direction_gives_way_to_its_owner",
     "Insurgents detonated a roadside bomb in Thailand's restive South on Saturday.", "detonated", "Thailand"),
    ("an_in_phrase_of_manner_is_no_scene",
     "In a sign of the anger facing Bush in Europe, 1,000 people demonstrated in central Brussels.",
     "demonstrated", "Brussels"),
    ("an_in_phrase_of_purpose_is_no_place",
     "Hundreds of students demonstrated on Friday in a show of solidarity with refugees in Gaza.", "demonstrated", None),
    ("a_share_of_a_name_a_verb_of_capture_takes_is_land",  # the model says PERSON
     "Rebels seized most of Minakh on Friday.", "seized", "Minakh"),
    ("what_is_retaken_from_fighters_is_land",  # the model says ORG
     "The militia recaptured Hardaneh from Islamic State fighters.", "recaptured", "Hardaneh"),
    ("location_of_the_subject",
     "Rebel factions in Idlib attacked each other on Sunday.", "attacked", "Idlib"),
    ("location_is_the_most_specific_place_of_the_phrase",
     "A bomb exploded in the West Bank city of Nablus, killing two people.", "killing", "Nablus"),
    ("location_on_an_object",
     "Soldiers shot dead a policeman and an 18-year-old boy in the town of Qalqilya.", "shot", "Qalqilya"),
    ("location_on_the_object_of_a_preposition",
     "Farmers clashed with herders in Makurdi on Sunday.", "clashed", "Makurdi"),
    ("a_name_alone_a_verb_does_to_people_is_who_not_where",  # the model tags Yassin GPE
     "Militants captured Yassin last year.", "captured", None),
    ("a_known_town_a_verb_takes_is_where",
     "Rebels captured Birao on Sunday.", "captured", "Birao"),
    ("a_nation_modifying_the_object_is_not_the_location",
     "Unknown gunmen abducted a US engineer on Tuesday.", "abducted", None),
    ("location_named_after_a_place_noun",
     "Hundreds of students protested in the capital Kampala Monday against fee increases.", "protested", "Kampala"),
    ("location_is_the_settlement_an_object_names",  # the model says ORG
     "Soldiers raided the commune of Ndiaye on Friday.", "raided", "Ndiaye"),
    ("location_is_the_place_a_verb_acts_on_not_what_contains_it",
     "Militants shelled the Qaboun district in the city of Damascus on Monday.", "shelled", "Qaboun"),
    ("location_is_the_place_a_governing_verb_acts_on",
     "Jets struck the Idlib governorate, killing 50 people.", "killing", "Idlib"),
    ("location_is_not_a_name_the_verb_alone_made_a_place",
     "Police captured Ocalan in Nairobi in February.", "captured", "Nairobi"),
    ("location_is_the_passive_subject_a_place_noun_names",
     "The capital, Nairobi, was patrolled by soldiers on Friday.", "patrolled", "Nairobi"),
    ("location_of_a_part_of_a_place",
     "Extra police patrolled the streets of the capital, Bamako, on Friday after the verdict.", "patrolled", "Bamako"),
    ("location_set_by_an_adverb",
     "Elsewhere in Niger, soldiers arrested two smugglers on Monday.", "arrested", "Niger"),
    ("location_is_a_captured_place_the_gazetteer_knows",  # the model says ORG
     "Rebel fighters captured Birao on Tuesday after a week of fighting.", "captured", "Birao"),
    ("location_is_the_place_a_verb_takes",  # the model says ORG
     "Hundreds of peacekeepers in armoured trucks patrolled Kakata after the battle.", "patrolled", "Kakata"),
    ("location_is_the_capital_an_object_names",
     "Rebel fighters captured the capital, Bangui, on Sunday.", "captured", "Bangui"),
    ("location_of_the_whole_an_object_belongs_to",
     "Warplanes bombed the offices of a militia in Benghazi on Friday.", "bombed", "Benghazi"),
    ("location_of_the_events_a_subject_counts",
     "A string of attacks across Helmand on Monday killed at least 12 people and wounded dozens more.", "killed", "Helmand"),
    ("location_of_the_verb_an_event_noun_is_the_occasion_of",
     "Nine people were killed in Bentiu during fighting between rival militias on Sunday.", "fighting", "Bentiu"),
    ("location_of_the_event_noun_subject_of_a_governing_verb",
     "A rocket attack on a crowded market in Maiduguri wounded 20 people after it hit the stalls.", "hit", "Maiduguri"),
    ("location_of_a_clause_after_a_preposition",
     "The aid worker was captured after driving to the northern town of Kidal to deliver food.", "captured", "Kidal"),
    ("a_fronted_scene_gives_way_to_a_more_specific_place",
     "In Kandahar, six civilians were killed by a homemade bomb on Friday in Maiwand district.", "killed", "Maiwand"),
    ("a_fronted_scene_alone_is_the_location",
     "In Kandahar, gunmen killed two police officers on Friday.", "killed", "Kandahar"),
    ("location_of_a_scene_clause_on_a_coordinated_verb",
     "Three people were killed and nine wounded when a car bomb exploded in Karrada on Monday.", "killed", "Karrada"),
    ("a_contrasting_clause_on_a_coordinated_verb_is_no_scene",
     "Two soldiers were killed and a truck destroyed, while other fighters withdrew to their base in Jarablus.",
     "killed", None),
    ("location_of_what_the_object_was_doing",
     "Gunmen shot dead a police officer walking near his home in the city of Mosul.", "shot", "Mosul"),
    ("a_road_leading_to_a_town_is_not_there",
     "Jets bombed the road leading into Tikrit on Friday.", "bombed", None),
    ("a_reference_point_is_not_the_location",
     "Four soldiers were killed on Sunday near their patrol base in Diyala province, north of Baghdad.",
     "killed", "Diyala province"),
    ("a_reference_point_at_a_distance_is_not_the_location",
     "Rebels attacked a checkpoint in Kirkuk, about 250 km north of Baghdad.", "attacked", "Kirkuk"),
    ("a_misread_town_beats_the_reference_point_that_locates_it",  # the model says PERSON
     "Gunmen attacked a police post in Hilla, some 100 km south of Baghdad, on Monday.", "attacked", "Hilla"),
    ("a_victim_s_home_town_is_no_location",
     "Karl Brenner, 34, of Leeds, was shot on Saturday as he left work.", "shot", None),
    ("a_home_country_is_no_location",
     "Thomas Hurndall, 21, of Britain, was shot in the head as he helped children.", "shot", None),
    ("a_captured_person_is_no_location",
     "Soldiers captured Tennenbaum on Monday.", "captured", None),
    ("a_captured_person_named_like_a_small_town_is_no_location",
     "Militiamen captured Diaz at a roadblock last year.", "captured", None),
    ("the_first_of_the_places_a_verb_takes_named_before_their_noun",
     "Government jets bombed the Karm and Jazmati suburbs of Aleppo on Monday.", "bombed", "Karm"),
    ("an_owner_named_before_the_place_noun_is_no_location",
     "Air force jets destroyed a Tamil Tiger rebel base on Wednesday.", "destroyed", None),
    ("location_is_the_owner_of_what_force_is_done_to",
     "Peru's deputy interior minister was shot dead outside his home on Tuesday.", "shot", "Peru"),
    ("location_is_the_owner_of_what_force_is_done_to_unless_kept_abroad",
     "Norway's embassy was bombed on Tuesday night.", "bombed", None),
    ("a_country_whose_embassy_a_march_goes_to_is_not_its_place",
     "They marched from the city centre to the embassy of the neighbouring Republic of Congo on Friday.", "marched", None),
    ("a_protest_at_what_a_country_does_is_not_in_it",
     "Exiled writers protested Vietnam's arrests of bloggers on Tuesday.", "protested", None),
    ("location_is_the_division_the_subject_belongs_to",
     "Angry Helmand residents protested on Friday after the raid.", "protested", "Helmand"),
    ("location_of_the_noun_a_passive_relative_clause_is_done_to",
     "Officials visited a hospital in Gao, which was shelled by rebels on Monday.", "shelled", "Gao"),
    ("location_of_the_noun_an_object_relative_clause_is_done_to",
     "The Kismayo airport that the militants stormed last week reopened on Friday.", "stormed", "Kismayo"),
    ("location_of_the_noun_a_participle_is_done_to",
     "A Quetta cafe bombed by militants in 2013 reopened on Friday.", "bombed", "Quetta"),
    ("location_in_the_clause_on_the_subject",
     "A bomb targeting a police patrol in Kirkuk killed three people on Monday.", "killed", "Kirkuk"),
    ("the_object_s_place_beats_the_clause_on_the_subject",
     "Tanks stationed near Beit Lahiya shelled a police post in Jabalya on Monday.", "shelled", "Jabalya"),
    ("location_where_the_object_was_put",
     "Soldiers destroyed a bomb planted near a market in Kisumu on Monday.", "destroyed", "Kisumu"),
    ("location_where_the_object_was_held",
     "Government troops recaptured three villages seized last year in Ituri.", "recaptured", "Ituri"),
    ("a_place_object_is_more_than_where_it_lies",
     "The Bakool airstrip, located in southern Somalia, was captured by militants on Monday.", "captured", "Bakool"),
    ("location_in_the_clause_on_the_agent",
     "A police officer was shot dead on Friday by gunmen who opened fire on his car in Monterrey.", "shot", "Monterrey"),
    ("where_the_agent_is_based_is_not_where_it_acts",
     "The zone is patrolled by troops which have their bases in Turkey.", "patrolled", None),
    ("location_of_the_whole_the_agent_is_part_of",
     "A rebel commander was captured last month by soldiers of the 4th Brigade near Beni.", "captured", "Beni"),
    ("location_of_the_town_the_agent_belongs_to",
     "A student was shot by Nairobi police on Monday.", "shot", "Nairobi"),
    ("location_in_a_clause_on_the_time",
     "Three more soldiers were killed Monday, when rebels detonated a roadside bomb in Vavuniya, bringing the toll to 40.",
     "killed", "Vavuniya"),
    ("the_trigger_s_own_agent_before_a_coordinated_verb",
     "The first man was shot by police in Kadugli, witnesses said, and the second was beaten in the Dilling area.",
     "shot", "Kadugli"),
    ("a_phrase_beats_the_owner",
     "Chile's top prosecutor was shot in Mendoza on Tuesday.", "shot", "Mendoza"),
    ("what_a_protest_is_against_happened_elsewhere",
     "Dock workers protested on Monday against the air strikes on Libya by NATO.", "protested", None),
    ("what_a_protest_is_against_happened_elsewhere_but_the_protest_has_its_own_place",
     "Dock workers protested in Genoa on Monday against the air strikes on Libya by NATO.", "protested", "Genoa"),
    ("the_places_a_subject_s_event_targets_parts_of",
     "Two bombings targeting crowded areas of Kirkuk killed nine people on Tuesday.", "killed", "Kirkuk"),
    ("named_villages_of_a_district_are_the_villages",
     "Gunmen attacked Dalori and Kofa villages of Jere Local Government Area, killing nine farmers.", "killing", "Dalori"),
    ("a_phrase_on_a_noun_the_parser_joined_to_the_verb",  # "head" is a conjunct of "shot"
     "The gunman shot Quinn several times in the back and head at a betting shop in north Belfast.", "shot", "Belfast"),
    ("where_what_the_object_was_aimed_at_was",
     "Insurgents detonated an improvised explosive device targeting a Central Reserve Police Force vehicle at "
     "Pulwama town in Kashmir on Sunday afternoon.", "detonated", "Pulwama"),
    ("an_object_s_participle_the_parser_made_a_clause_keeps_its_phrases",  # "bomb" the subject of "packed"
     "On Tuesday, a man from a village near Jenin detonated a two-kilogram TNT bomb packed with nails and pieces "
     "of glass in a bakery in the center of Netanya, killing four people.", "detonated", "Netanya"),
    ("a_protest_s_occasion_is_no_topic",
     "After the rally in central Lima, the protesters marched to the ministry.", "marched", "Lima"),
    ("a_count_of_people_in_one_place_is_there",
     "Unexploded shells have wounded dozens of children in Kassala state.", "wounded", "Kassala"),
    ("where_a_victim_later_died_is_not_where_he_was_shot",
     "The driver was shot twice in the chest and later died at a hospital in Mombasa.", "shot", None),
    ("where_the_wounded_were_taken_is_not_where_they_were_shot",
     "Three guards were shot in the legs and evacuated to a clinic in Mombasa.", "shot", None),
    ("a_country_s_coast_is_in_the_country",
     "Pirates seized a fishing trawler off the coast of Kenya before dawn.", "seized", "Kenya"),
    ("where_the_other_side_of_a_clash_was",
     "Nine rebels were killed during clashes with army units in Doba village.", "killed", "Doba"),
    ("a_clause_after_a_preposition_happened_where_its_verb_did",
     "Farmers protested outside Kisumu on Monday by blocking the main highway.", "blocking", "Kisumu"),
    ("a_clause_after_a_preposition_happened_at_the_place_its_verb_acts_on",
     "Government troops captured Jabal Badro after killing twenty rebels.", "killing", "Jabal Badro"),
    ("the_place_a_clause_s_verb_of_attack_strikes_is_closer_than_its_governor_s",
     "Rebels launched an assault in the southern countryside of Idlib on Monday, targeting the Wadi Deif "
     "base's western perimeter.", "targeting", "Wadi Deif"),
    ("a_fronted_scene_with_its_day_gives_way_to_the_clause_s_place",
     "In Chechnya Tuesday, troops shot and killed three rebels near the village of Shatoi.", "shot", "Shatoi"),
    ("the_outskirts_of_a_village_the_model_misread_are_where",  # the model says PERSON
     "The army stormed the eastern outskirts of Khan Al-Sheih on Friday.", "stormed", "Khan Al-Sheih"),
    ("the_scene_of_a_scene_clause_s_own_moment",
     "Two soldiers were killed when their truck was hit by a mine while escorting a convoy in Kidal region.",
     "killed", "Kidal"),
    ("a_place_noun_given_as_an_example_names_the_place",
     "The rebels captured several government strongholds, including Bentiu town.", "captured", "Bentiu"),
    ("where_the_object_was_doing_what_a_relative_clause_says",
     "Soldiers shot a shepherd who was grazing his goats near a settlement outside Hebron.", "shot", "Hebron"),
    ("a_relative_clause_of_the_object_s_past_is_elsewhere",
     "Police shot a man who had fought in Iraq.", "shot", None),
    ("fleeing_a_place_at_that_moment_is_being_there",
     "A prisoner was shot dead by guards as he tried to flee the central jail in Mzuzu.", "shot", "Mzuzu"),
    ("whom_a_demand_is_made_to_is_no_place",
     "Kenya asked Uganda and Tanzania to close their borders.", "asked", None),
    ("the_place_in_what_is_demanded_is_no_place",
     "The union demanded the resignation of the Nairobi governor.", "demanded", None),
    ("a_coordinated_verb_that_does_something_else_keeps_its_place",
     "Thousands of workers marched and took strike action across Portugal on Friday.", "marched", "Portugal"),
    ("the_place_a_checkpoint_is_named_after_is_where",
     "Soldiers detonated a roadside bomb near the Shayrat checkpoint on Monday.", "detonated", "Shayrat"),
    ("whose_prison_it_is_is_not_where",
     "A cameraman was killed while filming near a U.S.-run prison on the outskirts of Kabul.", "killed", "Kabul"),
    ("an_unknown_name_inside_which_it_happened_is_where",  # the model tags nothing
     "Soldiers shelled houses inside Bab Nairab tonight.", "shelled", "Bab Nairab"),
    ("the_scene_of_the_left_out_verb_is_the_trigger_s",
     "Four UN peacekeepers were shot and one injured as militiamen raided their base near Beni.", "shot", "Beni"),
    ("a_clause_happened_where_its_governor_s_argument_was",
     "Riot police clashed with students in the centre of Dhaka, firing rubber bullets and arresting dozens.",
     "arresting", "Dhaka"),
    ("a_clause_happened_where_its_governor_s_doers_are",
     "Gunmen in Kismayo ambushed a convoy on Tuesday, wounding four aid workers.", "wounding", "Kismayo"),
    ("the_town_of_a_reporter_given_in_apposition",
     "Omar Hassan, a doctor in Baidoa, said four civilians were killed in the shelling.", "killed", "Baidoa"),
    ("the_town_of_a_reporter_s_office",
     "A Kismayo hospital official said gunmen shot two traders overnight.", "shot", "Kismayo"),
    ("the_scene_set_before_a_report",
     "In the town of Jenin, medics said troops shot two men during a raid.", "shot", "Jenin"),
    ("a_clause_happened_where_the_event_its_governor_s_subject_tells_of",
     "A string of bombings across Kano on Friday killed 12 people and wounded dozens more.", "wounded", "Kano"),
    ("a_clause_happened_where_its_governor_s_subject_was_said_to_act",
     "Gunmen who stormed a hotel in Mogadishu killed nine guests, wounding several others.", "wounding", "Mogadishu"),
    ("a_town_within_a_bigger_city_named_with_it_is_where",  # both cities; Queens lies inside New York City
     "Police arrested him in the New York City borough of Queens, where he lived.", "arrested", "Queens"),
    ("mountains_the_model_left_untagged_are_where",
     "Government troops shelled the Zawiya Mountains overnight.", "shelled", "Zawiya Mountains"),
]


@pytest.mark.parametrize("rule, text, trigger, place", LOCATION_CASES, ids=[case[0] for case in LOCATION_CASES])
def test_location_rule(coded, rule, text, trigger, place):
    assert located(coded(text), trigger) == place


def test_an_unknown_village_a_verb_takes_is_the_location_and_an_unresolved_place(coded):
    result = coded("Government troops stormed Bayyanoun before dawn on Sunday.")  # the model says PERSON
    event = next(e for e in result["events"] if e["trigger"] == "stormed")
    mention = result["mentions"][event["location_mention"]]
    assert (mention["text"], mention["label"], mention["place_id"]) == ("Bayyanoun", "GPE", None)


def event_with(result, plover):
    return next(e for e in result["events"] if e["plover"] == plover)


def test_a_quantity_acts_as_the_group_it_counts(coded):
    event = top(coded("Hundreds of farmers blocked the highway near Lyon on Monday."))
    assert event["actor1"] == "farmers"


def test_target_of_the_action_an_intent_governs(coded):
    event = event_with(coded("Chile threatened to expel Peruvian diplomats on Monday."), "THREATEN")
    assert event["actor1"] == "Chile" and "Peruvian diplomats" in event["actor2"]
    event = top(coded("Colombia offered to negotiate with the ELN rebels."))
    assert event["actor1"] == "Colombia" and "ELN rebels" in event["actor2"]


def test_target_of_a_demand_is_who_must_act(coded):
    event = event_with(coded("Japan demanded that North Korea halt its missile tests."), "DEMAND")
    assert (event["actor1"], event["actor2"]) == ("Japan", "North Korea")
    event = event_with(coded("Canada said India must extradite the suspects."), "DEMAND")
    assert (event["actor1"], event["actor2"]) == ("Canada", "India")


def test_a_forecast_with_should_is_no_demand(coded):
    result = coded("The minister said the budget deficit should fall to 1.5 percent this year.")
    assert not [e for e in result["events"] if e["plover"] == "DEMAND"]
    event = event_with(coded("The minister said the rebels should lay down their arms."), "DEMAND")
    assert (event["actor1"], event["actor2"]) == ("minister", "rebels")


def test_target_behind_a_thing(coded):
    event = event_with(coded("Kenya rejected demands by Somalia for compensation."), "REJECT")
    assert event["actor2"] == "Somalia"
    event = top(coded("Indian authorities imposed a curfew in Srinagar on Friday."))
    assert event["actor1"] == "Indian authorities" and event["actor2"] == "Srinagar"


def test_subject_through_a_predicate_adjective_and_a_light_verb(coded):
    event = top(coded("Colombia is ready to release the prisoners, officials said."))
    assert event["actor1"] == "Colombia"
    event = event_with(coded("A group of Chilean senators held their first meeting with Pope Francis on Friday."), "CONSULT")
    assert event["actor1"] == "Chilean senators" and "Pope Francis" in event["actor2"]


def test_every_lexicon_code_is_in_the_codebook():
    codes = events.taxonomy()
    for key, (code, negated) in events.lexicon().items():
        if code == "-":  # a sense that is no event
            continue
        assert code in codes, (key, code)
        assert negated is None or negated in codes, (key, negated)
        # Statements and appeals (01, 02) have no PLOVER type; every other code has one.
        assert codes[code]["plover"] or code[:2] in ("01", "02"), (key, code)


def test_sport_prices_and_film_senses_of_triggers_are_no_events(coded):
    for text in ("Nadal captured his third title of the season in Madrid on Sunday.",
                 "Oil prices shot up on Monday after the pipeline closed.",
                 "The director shot the film in Morocco last spring.",
                 "The government plans to cut corporation tax to 50 pct from 56 pct.",
                 "The miner will lift its copper output by a third next year.",
                 "The rupee hit a five-year high against the dollar on Friday.",
                 "The reforms could cut poverty levels by half, the minister said.",
                 "The party says it will fight every seat in Scotland.",
                 "The publisher beat profit forecasts, posting a 52% rise in profits.",
                 "The figures demonstrate the lowest unemployment in decades.",
                 "The government plans to cut 100,000 civil servants.",
                 "The young striker shot to fame after the cup final in Lagos.",
                 "Halberg captured three wickets before lunch at the Wanderers.",
                 "The kidnapping of the engineers captured front pages across Italy.",
                 "The governor captured the state's primary by a wide margin.",
                 "The beating of the prisoner was captured on camera by a neighbour in Lahore.",
                 "A photographer captured the senator laughing with his family in Boston.",
                 "Her memoir hit number one in the bestseller lists within a week, the publisher said.",
                 "Coffee exports hit 2.3 billion dlrs last year, the ministry said.",
                 "Unemployment in the region hit 11 pct in March.",
                 "Zambia's copper mines, badly hit by the recession in Europe, will cut 2,000 jobs.",
                 "A sequel to hit film Harbour Ghosts opens in cinemas in May.",
                 "The army band provided the evening's entertainment at the summit dinner."):
        assert not coded(text)["events"], text


@pytest.mark.parametrize("text, no_event", [
    ("Emissions from road transport shot up by a fifth between 1995 and 2003.", True),
    ("Copper shot past $4,000 a tonne in London trading on Tuesday.", True),
    ("Soldiers shot up the car of a photographer near Falluja.", False),
    ("A sniper shot a boy near the market in Taiz.", False),
])
def test_a_rise_is_a_sense_of_shoot_that_is_no_event(model, text, no_event):
    from dateline import ingest, nlp

    ((article, parsed),) = nlp.parse_articles(model, [ingest.make_article({"text": text}, None, "test.txt")])
    verb = next(t for _piece, doc in parsed for t in doc if t.lower_ == "shot")
    assert events.is_no_event_sense(verb) == no_event


def test_trade_legal_and_speech_senses_of_triggers_are_no_events(coded):
    for text in ("Northwind Software released a security update for its browser on Tuesday.",
                 "The carrier offers a cheaper service to students from March.",
                 "Kestrel Media hosted the awards ceremony in May.",
                 "The provider blocked spam from 4,000 servers last month.",
                 "Record labels are charging more for downloads, the retailer said.",
                 "The chairman struck a more cautious tone on Tuesday.",
                 "Halvorsen Bank declined to comment on the lawsuit.",
                 "The minister refused to elaborate on the report.",
                 "Larkspur Search allowed advertisers to buy the names of rivals.",
                 "The ministry will allow banks to charge higher fees.",
                 "Bank lending to farmers declined by 12 pct in the first quarter.",
                 "Two officials, who asked not to be named, said the convoy had been stopped.",
                 "The officials were not authorised to speak and demanded anonymity.",
                 "Senator Jon Akers pleaded guilty to fraud charges on Monday.",
                 "The cautious central bank has beaten a retreat on rates, economists said.",
                 "The fund aims to mobilise capital for small firms in Kenya.",
                 "The camp is near Rutba, where Iraq's borders with Jordan and Syria meet.",
                 "The United States is prepared to pull out all the stops to defend its farm trade.",
                 "Tokyo failed to meet the targets set at the summit in Venice.",
                 "Foreign funds are returning to France, bankers said.",
                 "The circular, released officially to Reuters, said the rules would change.",
                 "The report was released by the ministry on Monday.",
                 "A funding gap still stood in the way of hitting the 2005 target, the WHO said.",
                 "The minister says the police cannot fight crime alone.",
                 "Irish equities continue to offer quality growth, the fund manager said.",
                 "The steel company said it hoped to return to profit in 2006.",
                 "Former MP Jackie Ballard recalled a stream of remarks from a leading MP.",
                 "The attorney general warned against sanctioning military action against Iraq.",
                 "Mr Howard asked: \"Why has the minister waited so long?\"",
                 "When asked if the bank would sell its stake, the spokesman declined to comment.",
                 # Prices recovering are no rally.
                 "Cocoa futures rallied late in the session on short covering.",
                 # A war's toll is a count, not one event.
                 "The conflict in Darfur has killed some 200,000 people since 2003.",
                 # A firm beating its target or hit with a charge is business, not force.
                 "The publisher beat its savings target for the year.",
                 "The firm was hit with a 12m pound charge for job cuts.",
                 # A word of a name is no event noun.
                 "Grocers stocked more Kool-Aid drinks this summer.",
                 # An election campaign's targets are seats.
                 "The aim is to target those seats and win a sizeable group in parliament.",
                 # Naming, a retort, an agenda and an assault on costs are no events.
                 "The minister called the protesters hooligans.",
                 "Asked if he thought Gates would be confirmed, the Georgia Democrat shot back: \"I would not vote for him.\"",
                 "The committee voted to strike the plan from the agenda.",
                 "The retailer launched an attack on prices this spring.",
                 "Two workers, who asked to remain anonymous, said the plant had closed.",
                 "This is incompatible with the important place occupied by agriculture, he said.",
                 # Business senses of battle, return, occupy, destroy, release, hit, fight and cut.
                 "Verizon has won a takeover battle for MCI with a bid worth $6.8bn.",
                 "Investors want the exchange to return cash to shareholders.",
                 "The chancellor has occupied the post since 2005.",
                 "The investors said the bid would destroy shareholder value.",
                 "The president is less likely to release supplies from the strategic oil reserve.",
                 "Analysts warn that the strength of the rand could hit exports.",
                 "The airline is restructuring in a bid to fight off insolvency.",
                 "The airline is cutting domestic fares by as much as 50%.",
                 "I would look at the stock market rally for Bush as a one-day event, said Ken Mayland.",
                 # Business senses of arrest, cut and halt.
                 "Parliament must pass the budget to arrest a rapid appreciation of the yen.",
                 "Yugoslavia will cut repayments on its foreign debt.",
                 "The smelter is halting production for five weeks for maintenance."):
        assert not coded(text)["events"], text


# The event senses beside the senses above that are none.
@pytest.mark.parametrize("text, field, value", [
    ("Rebels captured the town of Birao on Sunday.", "plover", "ASSAULT"),
    ("Rockets hit a crowded market in Aleppo on Sunday.", "plover", "ASSAULT"),
    ("Shells hit film studios in the capital on Sunday.", "plover", "ASSAULT"),
    ("Norway cut aid to Malawi on Monday.", "cameo_root", "16"),
    ("A missile hit the convoy near Kandahar on Monday.", "plover", "ASSAULT"),
    ("Thousands demonstrated outside parliament in Kiev on Sunday.", "plover", "PROTEST"),
    ("Soldiers shot up the car of a photographer near Falluja.", "plover", "ASSAULT"),
    ("Rebels captured the mayor of Kidal on Sunday.", "plover", "ASSAULT"),
    ("Fighting in Mogadishu killed 12 people on Monday.", "plover", "ASSAULT"),
    # Troops marching are a show of force; a crowd marching, a protest.
    ("Hundreds of soldiers marched into the town of Bor on Monday.", "plover", "MOBILIZE"),
    ("Thousands of students marched through Nairobi on Monday.", "plover", "PROTEST"),
    # Rallying behind someone is support; returning fire is force, not a return.
    ("Ruling party lawmakers rallied behind President Ortega on Sunday.", "plover", "SUPPORT"),
    ("Ruling party lawmakers rallied behind President Ortega on Sunday.", "actor2", "President Ortega"),
    ("Soldiers returned fire after the ambush near Gao.", "plover", "ASSAULT"),
    ("Rebels beat back an army attack on Goma.", "plover", "ASSAULT"),
    # A warning about a firm's figures is a gloomy comment (CAMEO 012, no PLOVER type); of retaliation, a threat.
    ("The airline warned that yields would fall by 3% next year.", "cameo_code", "012"),
    ("Iran warned that it would retaliate against any attack.", "plover", "THREATEN"),
    ("The UN sent aid to Haiti on Monday.", "plover", "AID"),
    # Troops evacuating a stronghold retreat; evacuating people is aid.
    ("Rebel troops hastily evacuated their last stronghold near Gao.", "plover", "RETREAT"),
    ("The UN evacuated 300 civilians from Gao on Monday.", "plover", "AID"),
    # Calling a strike is one; a strike called for a day makes no demand.
    ("Dock workers called a strike to press the port authority for higher pay.", "plover", "PROTEST"),
    ("Dock workers called a strike for Monday.", "plover", "PROTEST"),
    ("The refugees returned to Gao on Monday.", "plover", "RETREAT"),
    ("Jets hit rebel targets near Kismayo on Sunday.", "plover", "ASSAULT"),
    ("Students demonstrated in Athens on Thursday against the reform the latest protests in a month.", "plover", "PROTEST"),
    ("Some 3,000 people demonstrated in Minsk on Monday to mark the anniversary of the disaster, "
     "the world's worst nuclear accident.", "plover", "PROTEST"),
    ("The rebels released two hostages in Gao on Tuesday.", "plover", "RETREAT"),
    ("The airline struck a deal with its pilots' union on Monday.", "cameo_root", "05"),
    ("Gunmen struck a police post in Quetta on Monday.", "plover", "ASSAULT"),
    ("Protesters blocked the main road to the airport on Monday.", "plover", "PROTEST"),
    ("Prosecutors charged the mayor with fraud on Monday.", "plover", "COERCE"),
    ("Syria declined an invitation to the talks in Geneva.", "plover", "REJECT"),
    ("Israel allowed aid convoys into Gaza on Monday.", "plover", "RETREAT"),
    ("Police asked residents near the plant to stay indoors.", "plover", "DEMAND"),
    ("Israel will pull out its troops from Gaza.", "cameo_code", "035"),
    ("Two hostages were released in Gao on Tuesday.", "actor2", "Two hostages"),
    ("Ghana recalled its ambassador to Togo on Monday.", "cameo_code", "161"),
    ("Kenya asked for international help on Monday.", "plover", "DEMAND"),
    ("The UN sanctioned three Liberian officials.", "plover", "COERCE"),
    ("Rebels returned to Kidal on Monday.", "plover", "RETREAT"),
    ("Kenyan officials met Somali envoys at the border on Friday.", "plover", "CONSULT"),
])
def test_the_event_sense_of_a_trigger_is_kept(coded, text, field, value):
    assert top(coded(text))[field] == value


def test_allowing_people_to_cross_is_a_retreat(coded):
    assert event_with(coded("The government allowed the refugees to cross the border."), "RETREAT")


@pytest.mark.parametrize("text, code", [
    ("A suicide bomber detonated explosives at a checkpoint in Baquba on Monday.", "183"),
    ("Gunmen gunned down a judge in Peshawar on Monday.", "1823"),
    ("Militants executed three hostages in Raqqa on Sunday.", "1823"),
    ("Government jets targeted rebel positions near Idlib on Monday.", "190"),
    ("Rebels injured four soldiers in an ambush near Kidal.", "190"),
    ("Muslim families are targeted in Kashmir by rebels who suspect them of informing.", "190"),
])
def test_verbs_of_bombing_execution_targeting_and_injury_are_assaults(coded, text, code):
    assert top(coded(text))["cameo_code"] == code


@pytest.mark.parametrize("text, code", [
    ("Thousands of dock workers struck on Monday.", "143"),
    ("About 5,000 bank workers voted to strike on March 24.", "143"),
    ("Strikes against a wage freeze spread across the country last week.", "143"),
    ("Unions staged a general strike on Monday.", "143"),
    ("A miners' strike over pensions closed six pits.", "143"),
    ("Jets struck rebel positions near Idlib on Monday.", "190"),
    ("A drone strike on a convoy killed 12 fighters.", "190"),
])
def test_a_labour_strike_is_a_protest_a_military_one_force(coded, text, code):
    assert top(coded(text))["cameo_code"] == code


def test_a_warning_that_years_may_pass_is_a_comment_not_a_threat(coded):
    event = top(coded("But they warned several years may pass before the new systems contribute to profits."))
    assert (event["cameo_code"], event["plover"]) == ("012", None)


def test_the_one_big_city_of_a_name_many_villages_share_places_the_event(coded):
    event = top(coded("Talks between Iran and Iraq resumed in Geneva on Monday."))
    assert (event["location_method"], event["location_precision"], event["country_code"]) == ("text", "city", "CH")


def test_a_city_before_an_agreement_is_where_not_who(coded):
    event = top(coded("The Paris agreement of the Group of Five stabilised exchange rates."))
    assert event["actor1"] is None and event["location_method"] == "text"
    assert top(coded("A U.S. raid on the compound killed two guards."))["actor1"] is not None


def test_what_talks_are_on_is_a_topic_not_a_target(coded):
    assert not coded("He hoped for wide-ranging talks on the future of the EMS at the weekend meeting.")["events"]


def test_being_sent_to_prison_is_jail(coded):
    assert top(coded("Anderson was sent to prison for five years in 1987."))["cameo_code"] == "173"


def test_a_noun_of_the_same_kind_as_its_verb_is_one_event_with_it(coded):
    result = coded("Last month, the carmaker signed a production agreement with Nissan Motor.")
    assert [e["trigger"] for e in result["events"]] == ["signed"]
    result = coded("The government condemned the attack on the convoy.")
    assert sorted(e["plover"] for e in result["events"]) == ["ASSAULT", "DISAPPROVE"]


def test_attacking_military_positions_is_force(coded):
    assert top(coded("Kurdish militias attacked ISIS positions on the outskirts of Manbij."))["plover"] == "ASSAULT"


def test_attacking_a_mentality_or_figures_is_criticism(coded):
    assert top(coded("The tycoon attacked the greed of officials in a speech on Monday."))["cameo_code"] == "111"
    assert top(coded("The dockers' union attacked the loss figures given for the port."))["cameo_code"] == "111"
    assert top(coded("The party chairman attacked the government's six new pledges as vacuous."))["cameo_code"] == "111"


def test_calling_on_someone_is_an_appeal(coded):
    assert top(coded("The union called on its members to reject the offer."))["cameo_code"] == "020"


def test_an_actor_ends_before_the_of_that_opens_a_clause(coded):
    event = top(coded("The owners have been accused by unions of awarding themselves huge salaries."))
    assert (event["plover"], event["actor1"], event["actor2"]) == ("DISAPPROVE", "unions", "owners")


def test_withdrawing_a_subsidy_is_stopping_aid(coded):
    event = top(coded("The minister is withdrawing the annual labour subsidy for the port."))
    assert (event["cameo_code"], event["plover"]) == ("162", "SANCTION")


def test_each_side_of_a_clash_is_one_stretch_of_words(coded):
    event = top(coded("Periodic clashes between black radicals and supporters of the party left five dead."))
    assert (event["actor1"], event["actor2"]) == ("black radicals", "supporters")


def test_going_on_strike_is_a_protest_with_no_target(coded):
    event = top(coded("Nurses went on strike over pay on Monday."))
    assert (event["plover"], event["trigger"], event["actor1"], event["actor2"]) == ("PROTEST", "went", "Nurses", None)


def test_a_preposition_past_the_object_is_no_particle(coded):
    event = top(coded("The foreign minister met his Iranian counterpart with a handshake at the door."))
    assert event["trigger"] == "met" and event["actor2"] == "his Iranian counterpart"


def test_a_clause_on_the_actor_ends_its_phrase(coded):
    event = top(coded("Ministers included Ana Costa who resigned and Pedro Silva who was sacked."))
    assert event["trigger"] == "resigned" and event["actor1"] == "Ana Costa"


@pytest.mark.parametrize("text, code", [
    ("Rebels seized Tikrit on Monday.", "192"),
    ("The army seized most of the district after a week of fighting.", "192"),
    ("Police seized 200 kilograms of cocaine from the gang.", "1711"),
])
def test_seizing_land_is_occupying_territory_seizing_goods_confiscation(coded, text, code):
    assert top(coded(text))["cameo_code"] == code


def test_business_and_sport_senses_of_execute_target_and_injure_are_no_events(coded):
    for text in ("The new chief executive executed the plan to cut costs within a year.",
                 "The carmaker is targeting young buyers in China with a cheaper model.",
                 "The studios launched a legal campaign targeting websites that share films.",
                 "Paramount will start releasing titles on the new disc format next year.",
                 "Kaplan injured his knee in training on Tuesday, his club said."):
        assert not coded(text)["events"], text


def test_forces_of_nature_are_no_actors(coded):
    for text in ("Officials fear a major earthquake will strike Tokyo within decades.",
                 "Dozens of homes were destroyed by floods in Sindh on Monday.",
                 "Three fishermen were killed in the storm off Chittagong.",
                 "A cyclone that struck eastern Madagascar destroyed hundreds of homes.",
                 "More than 2,000 people were killed following a massive earthquake off Sumatra."):
        assert not coded(text)["events"], text
    assert top(coded("Three fishermen were killed in an attack off Chittagong."))["plover"] == "ASSAULT"
    assert top(coded("Rebels destroyed dozens of homes in Sindh on Monday."))["plover"] == "ASSAULT"


def test_a_sea_before_an_attack_says_where_not_who(coded):
    assert not any(e["actor1"] == "Gulf" for e in coded("Shipping sources reported a fresh Gulf attack on Saturday.")["events"])
    assert top(coded("Shipping sources reported a fresh Iranian attack on Saturday."))["actor1"] == "Iranian"


def test_a_day_or_a_place_is_no_one_met(coded):
    result = coded("Kenyan and Somali officials met in Nairobi on Friday.")
    assert top(result)["plover"] == "CONSULT" and top(result)["actor2"] is None
    assert located(result, "met") == "Nairobi"


def test_warning_of_something_is_a_comment_warning_someone_a_threat(coded):
    result = coded("The Kestrel Institute is warning about a new computer virus.")
    assert [e["plover"] for e in result["events"]] == [None]
    assert [e["cameo_code"] for e in result["events"]] == ["012"]
    assert top(coded("Iran warned Israel against any attack on its nuclear sites."))["plover"] == "THREATEN"


def test_talk_and_help_need_an_actor_force_does_not(coded):
    for text in ("The company said it had enough cash to meet its debt payments.",
                 "Dealers will offer cheaper loans from next month."):
        assert not coded(text)["events"], text
    assert top(coded("Aid was sent to the refugees in Chad."))["plover"] == "AID"
    assert top(coded("Two homes were destroyed in the shelling on Monday."))["plover"] == "ASSAULT"


def test_attacking_a_plan_or_a_law_is_criticism(coded):
    assert top(coded("Airlines attacked the new legislation on Tuesday."))["plover"] == "DISAPPROVE"
    assert top(coded("Gunmen attacked a police station in Peshawar on Tuesday."))["plover"] == "ASSAULT"


def test_sanctions_and_expulsions_carry_their_codebook_labels(coded):
    event = event_with(coded("The European Union imposed sanctions on Belarus on Monday."), "COERCE")
    assert event["cameo_code"] == "166" and "sanction" in events.taxonomy()["166"]["label"]
    event = top(coded("Ghana expelled two Nigerian diplomats on Friday."))
    assert event["cameo_code"] == "164" and event["plover"] == "SANCTION"


def test_a_promise_with_a_condition_is_a_threat(coded):
    event = top(coded("Nigeria will withdraw its troops from Chad unless the fighting stops."))
    assert event["plover"] == "THREATEN" and event["actor1"] == "Nigeria"


def test_the_governing_event_is_the_main_one(coded):
    event = top(coded("Greece demanded that Turkey withdraw its warships from the area."))
    assert event["plover"] == "DEMAND" and (event["actor1"], event["actor2"]) == ("Greece", "Turkey")


def test_a_light_verb_leaves_the_event_to_its_noun(coded):
    result = coded("Norway will give Malawi a grant of 40 million crowns.")
    assert [e["plover"] for e in result["events"]] == ["AGREE"]  # promised aid: intent to provide it


def test_a_pronoun_subject_is_the_reporter(coded):
    event = top(coded("Peru says it is ready to extradite the banker to Spain."))
    assert event["actor1"] == "Peru"


def test_an_official_thing_is_no_actor(coded):
    event = top(coded("Opposition leaders said they would boycott official contacts with Russia."))
    assert event["actor2"] == "Russia"


def test_target_is_the_place_a_measure_applies_to(coded):
    event = top(coded("Police imposed a curfew in the town of Bouake on Monday."))
    assert event["actor2"] == "Bouake"
    event = event_with(coded("The army threatened to ban travel in Tigray."), "THREATEN")
    assert event["actor2"] == "Tigray"


def test_what_is_withdrawn_or_lodged_decides_the_code(coded):
    assert top(coded("Sweden will withdraw its troops from Mali next year."))["plover"] == "AGREE"
    event = top(coded("Egypt withdrew its ambassador from Israel on Sunday."))
    assert event["cameo_code"] == "161" and event["plover"] == "SANCTION"
    event = top(coded("Japan lodged a protest with China over the collision."))
    assert event["plover"] == "DISAPPROVE" and event["actor2"] == "China"
    event = top(coded("Teachers' unions organized a strike in Nairobi on Monday."))
    assert event["plover"] == "PROTEST"


def test_own_forces_are_not_the_target(coded):
    event = top(coded("Kenya will withdraw its troops from Somalia next year."))
    assert event["actor1"] == "Kenya" and event["actor2"] == "Somalia"


def test_an_action_and_its_purpose_share_actors(coded):
    result = coded("Hundreds of nurses staged a rally in Madrid to protest against the health ministry.")
    rally = next(e for e in result["events"] if e["trigger"] == "rally")
    assert rally["actor1"] == "nurses" and "health ministry" in rally["actor2"]


def test_what_someone_must_do_is_the_speaker_demand(coded):
    event = event_with(coded("The United Nations said Ethiopia must guarantee access for aid convoys."), "DEMAND")
    assert (event["actor1"], event["actor2"]) == ("The United Nations", "Ethiopia") or (
        event["actor1"], event["actor2"]) == ("United Nations", "Ethiopia")


def test_seeking_refuge_and_orders_are_demands(coded):
    assert top(coded("Hundreds of families sought refuge in Turkey last week."))["plover"] == "DEMAND"
    event = top(coded("A judge in Lima ordered the former minister to testify on Monday."))
    assert event["plover"] == "DEMAND" and "former minister" in event["actor2"]


def test_sworn_violence_is_a_threat(coded):
    assert top(coded("The rebels swore to fight until the capital fell."))["plover"] == "THREATEN"


def located_with_group_name(model, text, trigger, name):
    """The location of `trigger` when the model has tagged the place `name` as an organisation."""
    doc = model(text)
    start = doc.text.index(name)
    mentions = [{"text": name, "label": "ORG", "start": start, "end": start + len(name), "sentence": 0}]
    found = events.location_of(next(t for t in doc if t.lower_ == trigger), 0, mentions)
    return found and found["text"]


def location_with_model_names(model, text, trigger, names):
    """The location of `trigger` (a word that need not code an event) with the model's own entities."""
    doc = model(text)
    mentions = [{"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char, "sentence": 0}
                for e in doc.ents]
    assert {m["text"] for m in mentions} >= set(names)
    found = events.location_of(next(t for t in doc if t.lower_ == trigger), 0, mentions)
    return found and found["text"]


def test_a_name_a_governing_verb_addresses_is_no_location(model):
    text = "Washington asked Hanoi to return to the talks."
    assert location_with_model_names(model, text, "return", ["Washington", "Hanoi"]) is None


@pytest.mark.parametrize("text, word, place", [
    # "X, Y, where ...": the town the relative clause refers back to, not the country placing it.
    ("The prisoners were taken to a camp at Dachau, Germany, where they were shot by guards in 1944.", "shot", "Dachau"),
    # The object a coordinated verb shares: where it was is where the trigger's event happened.
    ("Unidentified gunmen shot and injured a shopkeeper in Yala province on Tuesday.", "shot", "Yala"),
    # The object of a scene clause: "as he was leaving his home in X", "when militants stormed a post in X".
    ("Ivan Petrov was shot dead in June 2003 as he was leaving his home in Kazan.", "shot", "Kazan"),
    ("Twelve guards were killed and dozens more were wounded when militants stormed a border post in Rafah.",
     "killed", "Rafah"),
    # A place noun named by "known as", "called": the name, not the reference point beyond.
    ("Kidnappers seized two engineers late Sunday in an area known as El Rosario, some 20 kilometers north of Matagalpa.",
     "seized", "El Rosario"),
    # A governing verb's object: its place modifier, or the whole when a verb of attack takes it.
    ("A suicide bomber struck a Kabul hotel overnight as guests slept, killing at least 12 people.", "killing", "Kabul"),
    ("Gunmen stormed the Hotel Rivoli on Friday as guests slept, killing at least nine people.", "killing", "Hotel Rivoli"),
    # A fronted scene gives way to the place the verb acts on.
    ("In the district of Wadi Barada, rebels shelled the town of Zabadani.", "shelled", "Zabadani"),
    # A town the model misread beats the division it is in, but a building does not ...
    ("A shopkeeper was murdered at Olakkur in Tindivanam taluk.", "murdered", "Olakkur"),
    ("Guerrillas detonated a bomb at the Land Revenue Office in Gulariya on Saturday.", "detonated", "Gulariya"),
    # A possessor city gives way to the place it holds.
    ("At least six people were killed in explosions in Cairo's Giza district Saturday.", "killed", "Giza"),
    # A place inside a scene clause's object.
    ("The cleric was shot dead on Monday as he entered a Mosul mosque.", "shot", "Mosul"),
    # A country's coastline, waters or airspace is in that country.
    ("Two frigates will patrol Chile's southern coastline from next month.", "patrol", "Chile"),
    # A named facility or landform the verb acts on, whatever else governs it.
    ("The army launched a new offensive in northern Hama on Monday, targeting the Khan Sheikhoun Refugee Camp.",
     "targeting", "Khan Sheikhoun Refugee Camp"),
    # "above" is locative.
    ("Fighter jets patrolled the skies above Lisbon during the summit.", "patrolled", "Lisbon"),
    # A place on any later verb of a chain of coordinated events.
    ("Two aid workers were abducted, beaten and killed by militiamen near a river crossing west of Kananga.",
     "abducted", "Kananga"),
    # The means ("by storming ...") and the aim ("managed to advance in ...") say where.
    ("Rebels began the assault by storming army positions near Kadugli before dawn.", "began", "Kadugli"),
    ("Government troops managed to advance in Saraqib on Sunday.", "managed", "Saraqib"),
    # Where the target of the event a verb takes was.
    ("The army launched a fresh offensive against rebel positions on the outskirts of Benghazi.",
     "launched", "Benghazi"),
    # A coordinated verb shares its partner's subject and the subject's place.
    ("Soldiers in Bangui shot two protesters and wounded many more.", "wounded", "Bangui"),
    # One member of a group in a place is there; "dozens of fighters across Syria" are many events.
    ("A masked gunman on Sunday shot dead a member of the Armenian community in central Beirut, prompting protests.",
     "shot", "Beirut"),
    ("Coalition airstrikes have killed dozens of militants across Syria and Iraq this year.", "killed", None),
    # A place a time phrase carries: "Last week in Ramadi, ...".
    ("Last week in Ramadi, 110 kilometers (70 miles) west of Baghdad, two marines were killed when a mine "
     "exploded under their vehicle.", "killed", "Ramadi"),
    # The agent of a scene clause: "when his car was hit by a bomb near Kirkuk".
    ("A police officer was killed on Monday when his car was hit by a roadside bomb near Kirkuk.", "killed", "Kirkuk"),
    # A name after an Arabic article is a name: "the town of al-Rai", not the province beyond.
    ("Special forces entered the town of al-Rai in northern Aleppo near the Turkish border.", "entered", "al-Rai"),
    # The towns an object lists are where, not the province they are in.
    ("Rebels captured several towns in North Kivu province, including Rutshuru and Kiwanja.", "captured", "Rutshuru"),
    # The place the occasion befell: "during the invasion of Grenada"; a protest's topic is elsewhere.
    ("The general was captured during the 1983 invasion of Grenada.", "captured", "Grenada"),
    ("Students protested against the bombing of Belgrade outside the embassy.", "protested", None),
    # A town's police act in that town; a country's troops are anywhere.
    ("On Friday, Chicago police shot dead a man who had fired at officers.", "shot", "Chicago"),
    ("US troops shot dead two men at a checkpoint.", "shot", None),
    # A clause of the same moment says where, to the end of its phrases; an earlier one does not.
    ("A farmer was shot in the leg when his tractor came under a burst of gunfire in the village of Kafr Qasim.",
     "shot", "Kafr Qasim"),
    ("The runner won the title after beginning the season with a victory at Doha.", "won", None),
    ("He was arrested in 2004 while scavenging for food behind a petrol station in Dundalk, Ireland.",
     "arrested", "Dundalk"),
    # The place an aim clause acts on before the phrase that says where that place is.
    ("The army launched its operations to take the strategic town of Zamalka in the suburbs of Damascus on Wednesday.",
     "launched", "Zamalka"),
    # What is said about happened elsewhere; where the speakers were is where they said it.
    ("The UN rights chief on Wednesday condemned an upsurge in civilian deaths in the Ghouta suburbs of Damascus.",
     "condemned", None),
    ("Ministers meeting in Brussels condemned the attack.", "condemned", "Brussels"),
    # "this time in X" sets the place as a date phrase does; "next to" is locative.
    ("Another judge was also shot dead on his way to court, this time in the southern town of Nasiriyah.",
     "shot", "Nasiriyah"),
    ("A suicide bomber detonated his vest next to a police patrol in Baqubah on Monday, killing four officers.",
     "detonated", "Baqubah"),
    # A town the verb takes, written with the country that holds it, is where; a person is not.
    ("In 1996, government troops captured Irbil in northern Iraq after heavy fighting.", "captured", "Irbil"),
    ("Troops captured Mosul in Nineveh province on Friday.", "captured", "Mosul"),
    ("Police captured Ocalan in Kenya in 1999.", "captured", "Kenya"),
    # A town in apposition with its place noun is where, not the division that noun names,
    # whether or not the gazetteer knows the division.
    ("Two traders were killed on Monday in a raid on Dagu, a village in Borno state.", "killed", "Dagu"),
    ("Voting began late in Bluefields, a town in the Southern Caribbean Coast Region.", "began", "Bluefields"),
    # A compass phrase after "X," says where X is, wherever the parser hung it; a time zone is no place.
    ("A bomb was detonated on Sunday when a police convoy passed east of the town of Baiji, 200 km north of Baghdad, "
     "killing three officers.", "detonated", "Baiji"),
    ("The convoy was ambushed at 10:30 Kabul time, officials said.", "ambushed", None),
    ("The raid began around 11 A.M. (Kabul Time) on Friday.", "began", None),
    # The object the parser hung on the day after it, and a name the model ran into that day.
    ("About 300 soldiers patrolled central Harare Saturday to prevent more protests.", "patrolled", "Harare"),
    ("Dozens of police carrying shields patrolled Bujumbura Monday, and officials said the city was calm.",
     "patrolled", "Bujumbura"),
    # A verb left out after its subject shares the trigger's place: "killed and 10 civilians wounded in X".
    ("Four police officers were killed and 10 civilians wounded in the restive city of Ramadi on Monday, officials said.",
     "killed", "Ramadi"),
    # A stronghold is a place a verb takes; the name before it is its owner's.
    ("Thousands fled when rebels took the stronghold of Gao in northern Mali.", "fled", "Gao"),
    ("Two men were killed in a Hezbollah stronghold on Friday.", "killed", None),
    # A big city a verb of attack takes is the place, whatever phrase follows; a small town's
    # namesake may be a person.
    ("Government troops recaptured Kisangani in the former Orientale province on Tuesday.", "recaptured", "Kisangani"),
    ("Police captured Beltran in Sinaloa state on Friday.", "captured", "Sinaloa"),
    # "X in Y" right after an object's place says where X is: Y is no smaller.
    ("Militants attacked a mosque in Kulbiyow village in Lower Juba on Friday.", "attacked", "Kulbiyow village"),
    ("Turkey captured Ocalan in Kenya in February.", "captured", "Kenya"),
    # A verb left out after its subject shares the trigger's place, by its phrase or its agent's.
    ("At least four farmers were killed and six other injured in the village of Kafr Nabudah on Monday.",
     "killed", "Kafr Nabudah"),
    ("Three policemen were killed and 12 injured by a car bomb in the western district of Mansour.", "killed", "Mansour"),
    # A clause shares the occasion of the verb it depends on.
    ("Militants killed more than 50 people during an attack on the town of Gwoza, murdering residents in their homes.",
     "murdering", "Gwoza"),
    # A report that says no place of its own happened in its reporter's town (not country).
    ("A police source in Tikrit said the blast killed four people.", "killed", "Tikrit"),
    ("Sources in Yemen said the blast killed four people.", "killed", None),
    # Where the victim was, doing what it did, whether object or passive subject.
    ("A farmer riding a tractor near the village of Beit Ummar was shot on Tuesday.", "shot", "Beit Ummar"),
    # A country that owns a thing is not where the thing was, even alone; a country's part is in it.
    ("A roadside bomb exploded near a U.S. patrol on Monday.", "exploded", None),
    ("Students demonstrated outside France's embassy on Friday.", "demonstrated", None),
    ("A bomb exploded near a U.S. patrol in the Zayouna district on Monday.", "exploded", "Zayouna"),
    ("About 200 activists demonstrated outside the Vatican Sunday to mark the anniversary.", "demonstrated", "Vatican"),
    ("A councillor was shot dead in Sri Lanka's north on Monday.", "shot", "Sri Lanka"),
    # A phrase after "X," that names a wider place says where X is.
    ("A band of gunmen killed 9 people in the town of Tarazá, in the steamy northern region of Bajo Cauca.",
     "killed", "Tarazá"),
    ("A mine killed two children near Kilinochchi, in the Northern Province, on Sunday.", "killed", "Kilinochchi"),
    # A place in the phrase on an apposition says where the place before it is.
    ("A trader was stabbed in Kasbah Tadla, a market town near Beni Mellal, on Tuesday.", "stabbed", "Kasbah Tadla"),
    # A compass phrase fronted before the subject is a reference point, not the place.
    ("West of Mosul, militants attacked an army post near Tal Afar.", "attacked", "Tal Afar"),
    ("West of Mosul, militants attacked an army post.", "attacked", "Mosul"),
    # A clause's own object says where more closely than the phrase of the verb it depends on.
    ("Students marched against the war on Serbia and the bombing of the embassy in Belgrade.", "bombing", "Belgrade"),
    # ...and as closely when both name a town: its own place is where it happened.
    ("About 500 people marched in Leeds, while thousands gathered for rallies in Manchester.", "gathered", "Manchester"),
    # Where the object is said to lie; but "this village" is a place named before.
    ("Insurgents launched an assault in the Kunar countryside on Sunday, targeting the farms located near the "
     "border town of Asadabad.", "targeting", "Asadabad"),
    ("The army entered this village located near the Orontes River on Monday.", "entered", None),
    # A time zone the model took for a group is no place: "at 12:10 p.m. (0910 GMT)".
    ("The truck, parked near the police station, detonated at about 12:10 p.m. (0910 GMT).", "detonated", None),
    # A place noun the parser hangs on the object as an apposition is still what the verb takes.
    ("Rebels opened an assault in the Daraa countryside on Monday, targeting the Syrian Army (SAA) "
     "controlled village of Sheikh Miskin.", "targeting", "Sheikh Miskin"),
    # The event noun a governing verb's object counts: "carried out a wave of airstrikes over X, killing".
    ("Warplanes carried out a wave of airstrikes over the Raqqa countryside on Monday, killing 14 fighters.",
     "killing", "Raqqa"),
    # ...and where the governing verb's object was, doing what it did.
    ("A suicide bomber targeted a truck carrying soldiers in the town of Tal Afar on Monday, killing seven people.",
     "killing", "Tal Afar"),
    # "X were killed, Y wounded as ...": the parser hangs the trigger on the casualty verb after it.
    ("Nine soldiers were killed, 14 others wounded as rebels attacked the garrison town of Bor.", "killed", "Bor"),
    # A phrase the parser hung on a report set in as an aside still says where; where it was said does not.
    ("Two guards were shot dead at a checkpoint late Monday, police said, on the main road in Ramadi.", "shot", "Ramadi"),
    ("Two guards were shot dead at a checkpoint late Monday, police said in a statement in Baghdad.", "shot", None),
    ("Rebels have captured two soldiers, the governor told reporters in the town of Garissa.", "captured", None),
    # What the victim was trying to do at that moment says where; where it was going does not.
    ("The reporter was shot on Monday while waiting to meet officials in the port city of Mombasa.", "shot", "Mombasa"),
    ("Two guards were shot as they tried to stop a robbery at a bank in Lyon.", "shot", "Lyon"),
    ("The rebel commander was captured on Friday as he tried to enter Uganda.", "captured", None),
    # A relative clause on a person or a thing in the phrase tells of something else; on an event
    # or a site it still says where.
    ("Hundreds of farmers marched on Tuesday in support of a senator who was born in Ohio.", "marched", None),
    ("Police arrested two men at a farm owned by a family that fled from Kosovo.", "arrested", None),
    ("Some 50,000 nurses marched through the city centre on Monday in a noisy demonstration organized by "
     "Europe's biggest union.", "marched", None),
    ("The rebels seized the two soldiers in hopes of exchanging them for prisoners held by Ethiopia.", "seized", None),
    ("Six people were killed in an attack that hit a market in Kandahar.", "killed", "Kandahar"),
    ("The soldiers were shot at a checkpoint they guarded in Tikrit.", "shot", "Tikrit"),
    # ...and, without a hyphen, the parser takes "controlled" or "held" for a verb of its own.
    ("Rebels launched an offensive in the Idlib countryside on Tuesday, targeting the Syrian Army (SAA) "
     "controlled Jisr al-Shughur District near the river.", "targeting", "Jisr al-Shughur District"),
    ("The militants opened an assault in the Raqqa Governorate on Sunday, targeting the Kurdish militia "
     "held town of Ain Issa.", "targeting", "Ain Issa"),
])
def test_location_of_any_word(model, gazetteer, text, word, place):
    assert location_of_word(model, gazetteer, text, word) == place


def location_of_word(model, gazetteer, text, word):
    """The location of any word, event trigger or not, with the pipeline's own mentions."""
    from dateline import ingest, nlp, pipeline

    article = ingest.make_article({"text": text}, None, "test.txt")
    ((article, parsed),) = nlp.parse_articles(model, [article])
    _, units, mentions, _, _ = pipeline.analyze_article(article, parsed, gazetteer)
    for offset, span, _kind, _idx in units:
        for token in span:
            if token.text == word:
                found = events.location_of(token, offset, mentions)
                return found and found["text"]


def test_the_place_a_verb_targets_beats_the_place_of_the_governing_clause(model, gazetteer):
    text = "Militants launched an attack at the Mezzeh Military Airport on Friday, targeting Kafr Zita."
    assert location_of_word(model, gazetteer, text, "targeting") == "Kafr Zita"


def test_location_named_like_a_group_still_locates(model):
    # The small model often tags a village ORG or PERSON; after "in" it is still the place.
    text = "Gunmen attacked a checkpoint in Tal Rifaat on Friday."
    assert located_with_group_name(model, text, "attacked", "Tal Rifaat") == "Tal Rifaat"


def test_an_unknown_suburb_is_the_location_placed_at_its_city(coded):
    result = coded("Militants attacked a checkpoint in the Baghdad suburb of Saydiya on Friday.")
    event = next(e for e in result["events"] if e["trigger"] == "attacked")
    assert result["mentions"][event["location_mention"]]["text"] == "Saydiya"
    assert event["location_method"] == "enclosing place" and event["location_precision"] == "city"
    assert next(p for p in result["places"] if p["id"] == event["place_id"])["name"] == "Baghdad"


def test_location_a_relative_clause_refers_back_to(coded):
    result = coded("Militants staged an attack in Garissa in which gunmen shot 14 passengers.")
    assert located(result, "shot") == "Garissa"
    result = coded("Rebels overran Kidal, where fighters killed nine soldiers on Sunday.")
    assert located(result, "killed") == "Kidal"


def test_location_is_an_object_named_as_a_place(model):
    # "the X district" is a place even when the model took X for a group.
    text = "Soldiers entered the Hanano district at dawn."
    assert located_with_group_name(model, text, "entered", "Hanano") == "Hanano"


def test_location_named_in_a_place_phrase(model):
    # "in the X district" names a place even when the model took X for a group.
    text = "Gunmen attacked a bakery in the Sukari district on Friday."
    assert located_with_group_name(model, text, "attacked", "Sukari") == "Sukari"


def test_an_adjective_of_refusal_negates(coded):
    event = top(coded("Egypt is unwilling to negotiate with the rebels."))
    assert event["negated"] == 1 and event["plover"] != "AGREE"


MATCH_REPORT = """Harbour City beat Northgate 3-1 in the cup semi-final on Saturday, with striker Tom Avery scoring twice.

Avery shot wide from ten yards early on, and midfielder Luis Prado hit the post before half-time.

Northgate's goalkeeper was sent off after an hour and the referee awarded a penalty, which Prado converted.

"We attacked them from the first whistle," said the Harbour City coach, Mark Ellis.

The league leaders meet Eastfield in the final next month."""


def test_a_sports_report_has_no_events_but_keeps_its_quotes(coded):
    result = coded(MATCH_REPORT)
    assert result["article"]["sport"] == 1
    assert result["events"] == []
    assert [q["quote"] for q in result["quotes"]] == ["We attacked them from the first whistle,"]


def test_a_news_story_that_mentions_a_match_keeps_its_events(coded):
    result = coded("Police in Lagos arrested 40 protesters on Sunday after a march against fuel prices. "
                   "The demonstrators had gathered outside a football stadium before a match between two clubs.")
    assert result["article"]["sport"] == 0
    assert [e["trigger"] for e in result["events"]] == ["arrested"]


@pytest.mark.parametrize("text", [
    # Awards stories "win" and "won" as often as sport does.
    "The boxing drama is now tipped to win best picture. It won three prizes last week and won again on "
    "Saturday, and could win on Sunday, when its director hopes to win a second award. Critics say it will win.",
    # Betting odds are no scores.
    "The actor is now the 5-2 favourite to play the spy, ahead of a rival at 8-1. A week ago he was a "
    "40-1 outsider, and bookmakers cut him from 20-1 to 4-1 on Monday.",
])
def test_awards_and_odds_are_no_sports_report(text):
    assert not events.is_sport_story(text)


def test_a_protesting_crowd_is_the_protest_s_actor(coded):
    event = top(coded("Hundreds marched through Mombasa on Friday."))
    assert event["plover"] == "PROTEST" and event["actor1"] == "Hundreds"
    assert not coded("Hundreds of shares changed hands on Friday.")["events"]


def test_a_month_is_no_march(model):
    doc = model("Protesters plan a march on the capital in March.")
    assert events.find_trigger(doc[3])[0].startswith("14")
    assert events.find_trigger(doc[8]) is None


def test_a_progressive_verb_the_parser_took_for_an_adjective_is_the_event(coded):
    # The parser makes "are" the verb and "patrolling" an adjective of "markets".
    result = coded("Police officers are patrolling crowded markets in Kano.")
    event = next(e for e in result["events"] if e["trigger"] == "patrolling")
    assert event["plover"] == "MOBILIZE" and event["actor1"] == "Police officers"
    assert located(result, "patrolling") == "Kano"


@pytest.mark.parametrize("text, trigger, plover", [
    # A share of a place is land taken ("the majority of the vote" stays an election).
    ("Islamist fighters captured the majority of the Qaboun district on Sunday.", "captured", "ASSAULT"),
    # A score is no object: "demonstrated ... after Korea beat Laos 1-0" is a protest, not a display.
    ("Some 30 supporters demonstrated in downtown Seoul last week to demand the coach's head after Korea "
     "barely beat Laos 1-0.", "demonstrated", "PROTEST"),
    # Sites are places struck, not websites.
    ("Russian jets targeted several sites near Saraqib on Monday.", "targeted", "ASSAULT"),
    # A crowded market is a place full of people, not a line of business.
    ("A car bomb targeted a crowded vegetable market in Baqubah on Friday.", "targeted", "ASSAULT"),
])
def test_senses_that_are_events_after_all(coded, text, trigger, plover):
    event = next((e for e in coded(text)["events"] if e["trigger"] == trigger), None)
    assert event is not None and event["plover"] == plover


def test_a_majority_of_the_vote_is_still_no_event(coded):
    assert not [e for e in coded("The party captured the majority of the vote.")["events"] if e["trigger"] == "captured"]


def test_a_market_of_buyers_is_still_no_event(coded):
    result = coded("The company targeted the youth market in Asia with a new phone.")
    assert not [e for e in result["events"] if e["trigger"] == "targeted"]
