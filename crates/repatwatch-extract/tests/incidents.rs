//! Example table of the whole pipeline: short reports of our own, with the
//! incidents a coder would enter (type, status, hedged, date, places, count,
//! gender, actors). Each row exercises an assembly rule: inheritance,
//! merging of tellings, gapping, blocked and planned acts, what is not coded.

use chrono::NaiveDate;
use repatwatch_extract::{extract, EventType, Gender, Options, Report, Status};

#[derive(Debug, PartialEq)]
struct Want {
    kind: EventType,
    status: Status,
    hedged: bool,
    date: Option<(&'static str, &'static str)>,
    places: Vec<&'static str>,
    count: Option<(Option<u64>, Option<u64>)>,
    gender: Option<Gender>,
    actors: Vec<&'static str>,
}

fn run(published: &str, text: &str) -> Vec<Want> {
    let report = Report {
        id: "t".into(),
        published: Some(NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap()),
        text: text.into(),
        ..Default::default()
    };
    let out = extract(&report, &Options::default());
    out.incidents
        .iter()
        .map(|i| Want {
            kind: i.kind,
            status: i.status,
            hedged: i.hedged,
            date: i
                .date
                .as_ref()
                .map(|d| (leak(d.start.to_string()), leak(d.end.to_string()))),
            places: i.locations.iter().map(|l| leak(l.name.clone())).collect(),
            count: i.people.count.map(|c| (c.min, c.max)),
            gender: i.people.gender,
            actors: i.actors.iter().map(|a| leak(a.clone())).collect(),
        })
        .collect()
}

/// A count's (min, max).
type Range = Option<(Option<u64>, Option<u64>)>;

/// Each incident's type, count and gender.
fn people(got: &[Want]) -> Vec<(EventType, Range, Option<Gender>)> {
    got.iter().map(|w| (w.kind, w.count, w.gender)).collect()
}

/// Each incident's type and date.
fn dates(got: &[Want]) -> Vec<(EventType, Option<(&'static str, &'static str)>)> {
    got.iter().map(|w| (w.kind, w.date)).collect()
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

use EventType::*;
use Status::*;

#[test]
fn arrest_then_blocked_return_inherits_place_time_people() {
    let got = run(
        "2021-03-20",
        "Early this month, 14 North Korean women were arrested by Chinese police in Yanji, Jilin Province, a source said. \
         The police planned to repatriate them, but North Korea refused to take them back.",
    );
    assert_eq!(
        got,
        vec![
            Want {
                kind: Arrest,
                status: Occurred,
                hedged: false,
                date: Some(("2021-03-01", "2021-03-10")),
                places: vec!["Yanji"],
                count: Some((Some(14), Some(14))),
                gender: Some(Gender::Female),
                actors: vec!["CN-PSB"],
            },
            Want {
                kind: Repatriation,
                status: Blocked,
                hedged: false,
                date: Some(("2021-03-01", "2021-03-10")),
                places: vec!["Yanji"],
                count: Some((Some(14), Some(14))),
                gender: Some(Gender::Female),
                actors: vec!["CN-PSB", "KP-GOV"],
            },
        ]
    );
}

#[test]
fn gapped_list_gives_one_act_per_pair() {
    let got = run(
        "2022-12-01",
        "Chinese authorities sent back about 30 people in May 2022, then 45 on June 3, 2022, and more than 100 on Aug. 8, 2022.",
    );
    let counts: Vec<_> = got.iter().map(|w| (w.kind, w.count, w.date)).collect();
    assert_eq!(
        counts,
        vec![
            (
                Repatriation,
                Some((Some(30), Some(30))),
                Some(("2022-05-01", "2022-05-31"))
            ),
            (
                Repatriation,
                Some((Some(45), Some(45))),
                Some(("2022-06-03", "2022-06-03"))
            ),
            (
                Repatriation,
                Some((Some(101), None)),
                Some(("2022-08-08", "2022-08-08"))
            ),
        ]
    );
    assert!(got.iter().all(|w| w.actors == vec!["CN-GOV"]));
}

#[test]
fn lead_and_details_are_one_incident() {
    let got = run(
        "2019-06-14",
        "Thai police arrest 23 North Koreans\n\
         Thai police arrested 23 North Koreans in the northern town of Chiang Saen on Tuesday. \
         The 23, most of them women, were detained at a riverside guesthouse, police said.",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].kind, Arrest);
    assert_eq!(got[0].date, Some(("2019-06-11", "2019-06-11")));
    assert_eq!(got[0].places, vec!["Chiang Saen"]);
    assert_eq!(got[0].count, Some((Some(23), Some(23))));
    assert_eq!(got[0].actors, vec!["TH-POLICE"]);
}

#[test]
fn planned_and_hedged_acts() {
    let got = run(
        "2018-02-02",
        "Six North Korean defectors are reportedly being held in Dandong and face deportation to the North.",
    );
    let kinds: Vec<_> = got
        .iter()
        .map(|w| (w.kind, w.status, w.hedged, w.date))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (
                Detention,
                Occurred,
                true,
                Some(("2018-02-02", "2018-02-02"))
            ),
            (Repatriation, Planned, true, None),
        ]
    );
    assert_eq!(got[1].count, Some((Some(6), Some(6))));
    assert_eq!(got[1].actors, vec!["CN-GOV"]);
}

#[test]
fn third_country_transfer_carries_both_states() {
    let got = run(
        "2016-11-30",
        "Lao police detained eight North Koreans in Luang Namtha on Nov. 2. \
         Three days later the Lao authorities handed the eight over to Chinese police at the border.",
    );
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(
        (got[0].kind, got[0].date),
        (Arrest, Some(("2016-11-02", "2016-11-02")))
    );
    assert_eq!(got[0].actors, vec!["LA-POLICE"]);
    assert_eq!(
        (got[1].kind, got[1].date),
        (Transfer, Some(("2016-11-05", "2016-11-05")))
    );
    assert_eq!(got[1].actors, vec!["CN-PSB", "LA-GOV"]);
    assert_eq!(got[1].count, Some((Some(8), Some(8))));
}

#[test]
fn death_after_return_is_dated_from_the_return() {
    let got = run(
        "2023-05-30",
        "China sent 12 defectors back to North Korea in January. \
         One of them, a young woman, died in a prison camp after being sent back, her brother said.",
    );
    let death = got.iter().find(|w| w.kind == Death).expect("a death");
    assert_eq!(death.date, Some(("2023-01-01", "2023-05-30")));
    assert_eq!(death.count, Some((Some(1), Some(1))));
    assert_eq!(death.actors, vec!["KP-GOV"]);
}

#[test]
fn what_is_not_coded() {
    for text in [
        "China routinely repatriates North Koreans it catches.",
        "Women who had registered with the police were not arrested.",
        "If North Korea keeps refusing, China may release some of the detainees.",
        "Rights groups urged Beijing to stop sending refugees back to the North.",
        "Photo caption: Border guards detain a man near the river in 2019.",
        "Some 1,200 North Koreans reached South Korea last year, the ministry said.",
        "Nobody knows how many of them will be sent back.",
        "By one estimate, some 2,000 North Koreans are held in Chinese jails at present.",
        "Last year, Chinese authorities repatriated about 500 defectors, according to rights groups.",
    ] {
        let got = run("2020-01-10", text);
        assert!(got.is_empty(), "{text:?} gave {got:#?}");
    }
}

#[test]
fn a_planned_act_is_dated_only_by_a_time_of_its_own() {
    // "now" tells when the people face it; "within days" counts from the
    // arrest, and names no day of the return.
    let got = run(
        "2022-06-10",
        "Police in Tumen arrested three North Korean women on Tuesday. \
         The women now face repatriation. \
         They are expected to be sent back within days.",
    );
    assert_eq!(
        dates(&got),
        vec![
            (Arrest, Some(("2022-06-07", "2022-06-07"))),
            (Repatriation, None)
        ],
        "{got:#?}"
    );
    // A deadline of its own still dates it.
    let got = run(
        "2022-06-10",
        "The three women are to be sent back by June 20, activists said.",
    );
    assert_eq!(
        dates(&got),
        vec![(Repatriation, Some(("2022-06-10", "2022-06-20")))],
        "{got:#?}"
    );
}

#[test]
fn a_past_perfect_relative_clause_dates_its_own_act() {
    // The return "had been" before the sentence: its month is not the
    // sentence's, which has a time of its own.
    let got = run(
        "2023-06-15",
        "A woman who had been sent back by China in February was given a seven-year term last week.",
    );
    assert_eq!(
        dates(&got),
        vec![(Punishment, Some(("2023-06-05", "2023-06-11")))],
        "{got:#?}"
    );
    // With none of its own, the act falls between that time and the report.
    let got = run(
        "2023-06-15",
        "A North Korean boy who had been caught near Yanji in early May died in a detention centre in Tumen.",
    );
    assert_eq!(
        dates(&got),
        vec![(Death, Some(("2023-05-01", "2023-06-15")))],
        "{got:#?}"
    );
}

#[test]
fn reporting_dates_are_not_act_dates() {
    let got = run(
        "2017-09-08",
        "A source told Daily NK on Thursday that five defectors were caught in Hyesan's twin city of Changbai in late August.",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].date, Some(("2017-08-21", "2017-08-31")));
    assert_eq!(got[0].places, vec!["Changbai"]);
}

#[test]
fn a_counted_group_beats_the_pronoun_in_its_tail() {
    let got = run(
        "2019-09-30",
        "In August, he and four other North Koreans travelling with him were detained by Chinese police in Kunming.",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].count, Some((Some(5), Some(5))));
    assert_eq!(got[0].places, vec!["Kunming"]);
    assert_eq!(got[0].date, Some(("2019-08-01", "2019-08-31")));
}

#[test]
fn a_list_shares_the_modality_of_its_first_verb() {
    let got = run(
        "2021-01-05",
        "Returnees may be detained, beaten or even executed, the group warned.",
    );
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn what_a_family_says_is_dated_by_the_act() {
    let got = run(
        "2024-09-20",
        "Woman sent back after arrest in Shenyang\n\
         Her family says she was forcibly repatriated on Sept. 2 through the Dandong crossing. \
         North Korea's state security ministry is now holding her in Sinuiju, a source said.",
    );
    let ret = got
        .iter()
        .find(|w| w.kind == Repatriation)
        .expect("a return");
    assert_eq!(ret.date, Some(("2024-09-02", "2024-09-02")));
    assert_eq!(ret.places, vec!["Dandong"]);
    let held = got.iter().find(|w| w.kind == Detention).expect("custody");
    assert_eq!(held.actors, vec!["KP-MSS"]);
    assert_eq!(held.date, Some(("2024-09-20", "2024-09-20")));
}

#[test]
fn a_time_before_and_closes_the_first_act() {
    let got = run(
        "2019-10-03",
        "Russian border guards detained a family of four near the port last month \
         and handed them over to North Korean diplomats days later.",
    );
    let arrest = got.iter().find(|w| w.kind == Arrest).expect("an arrest");
    assert_eq!(arrest.date, Some(("2019-09-01", "2019-09-30")));
    let ret = got
        .iter()
        .find(|w| w.kind == Repatriation)
        .expect("a return");
    // "days later" counts from last month, and a past act ends by publication
    assert_eq!(ret.date.map(|d| d.1), Some("2019-10-03"));
    assert_eq!(ret.count, Some((Some(4), Some(4))));
}

#[test]
fn relatives_listed_after_a_couple_are_counted() {
    let got = run(
        "2011-06-08",
        "Police arrested the parents and their two sons at a church in Yanji on 7 March.",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].count, Some((Some(4), Some(4))));
    assert_eq!(got[0].gender, Some(Gender::Mixed));
    assert_eq!(got[0].date, Some(("2011-03-07", "2011-03-07")));
}

#[test]
fn part_of_a_group_named_by_sex_makes_it_mixed() {
    for text in [
        "Police detained about 40 North Koreans in Tumen last week. Roughly a third of them are women.",
        "About 40 North Koreans were returned from Tumen last week. The group, made up mostly of women, was handed over at the bridge.",
        "Police detained 40 North Koreans in Tumen last week, seven of whom were men.",
    ] {
        let got = run("2011-06-08", text);
        assert!(!got.is_empty(), "{text}");
        assert_eq!(got[0].gender, Some(Gender::Mixed), "{text}: {got:#?}");
    }
    let got = run(
        "2011-06-08",
        "Police detained 40 North Koreans in Tumen last week, all of them women.",
    );
    assert_ne!(got[0].gender, Some(Gender::Mixed), "{got:#?}");
}

#[test]
fn the_time_after_the_verb_beats_the_time_of_the_clause_before_and() {
    let got = run(
        "2001-03-19",
        "The three men slipped out of the camp in early February and were caught by police at a hostel on Feb. 26.",
    );
    let arrest = got.iter().find(|w| w.kind == Arrest).expect("an arrest");
    assert_eq!(arrest.date, Some(("2001-02-26", "2001-02-26")));
}

#[test]
fn a_month_without_its_year_follows_the_story_year() {
    let got = run(
        "2013-08-21",
        "Chinese police arrested her at a farm in November 2009. \
         In March she was sentenced to three years in a labour camp in Chongjin.",
    );
    let p = got
        .iter()
        .find(|w| w.kind == Punishment)
        .expect("a penalty");
    assert_eq!(p.date, Some(("2010-03-01", "2010-03-31")));
    // a story of this year: the usual reading
    let got = run(
        "2013-08-21",
        "Chinese police arrested her at a farm in January 2013. \
         In March she was sentenced to three years in a labour camp in Chongjin.",
    );
    let p = got
        .iter()
        .find(|w| w.kind == Punishment)
        .expect("a penalty");
    assert_eq!(p.date, Some(("2013-03-01", "2013-03-31")));
}

#[test]
fn a_town_after_its_province_in_the_possessive_is_the_place() {
    let got = run(
        "2016-11-03",
        "Chinese police detained eight North Koreans in a village in Yunnan's Mengla county on Saturday.",
    );
    assert_eq!(got[0].places, vec!["Mengla"]);
}

#[test]
fn an_agency_after_by_a_is_the_actor() {
    let got = run(
        "2001-03-19",
        "The three men were tracked down by a police patrol at a hostel outside Khabarovsk on Feb. 26.",
    );
    assert_eq!(got[0].kind, Arrest);
    assert_eq!(got[0].actors, vec!["RU-POLICE"]);
    assert_eq!(got[0].date, Some(("2001-02-26", "2001-02-26")));
}

#[test]
fn a_handover_inside_north_korea_is_a_transfer() {
    let got = run(
        "2016-07-27",
        "Border guards arrested three women in Hyesan on Monday as they tried to cross the river. \
         The women were handed over to the provincial State Security Department the same day.",
    );
    let kinds: Vec<EventType> = got.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, vec![Arrest, Transfer], "{got:#?}");
    // a return from China stays a return
    let got = run(
        "2016-07-27",
        "Chinese police arrested three women in Changbai on Monday. \
         The women were handed over to North Korea's State Security Department the same day.",
    );
    let kinds: Vec<EventType> = got.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, vec![Arrest, Repatriation], "{got:#?}");
}

#[test]
fn a_separate_development_is_another_act() {
    let got = run(
        "2010-04-16",
        "Cambodian police have detained a group of North Korean defectors in Battambang, adding that \
         the group was expected to be sent on to South Korea after questioning. \
         In a separate development, a 50-year-old North Korean woman who had been in Cambodian custody \
         since January was flown to Seoul earlier this week.",
    );
    let releases: Vec<&Want> = got.iter().filter(|w| w.kind == Release).collect();
    assert_eq!(releases.len(), 2, "{got:#?}");
    assert_eq!(releases[0].status, Planned);
    assert_eq!(releases[1].status, Occurred);
    // "since January" dates the custody, not the flight
    assert_eq!(releases[1].date, Some(("2010-04-12", "2010-04-16")));
}

#[test]
fn a_pronoun_takes_the_counted_group_of_the_sentence_before() {
    let got = run(
        "2019-10-08",
        "Two activists said five people, a couple in their forties and their three sons, had been on the boat. \
         Russian border guards picked them up on a beach near Slavyanka on Sept. 12.",
    );
    let arrest = got.iter().find(|w| w.kind == Arrest).expect("an arrest");
    assert_eq!(arrest.count, Some((Some(5), Some(5))), "{got:#?}");
}

#[test]
fn the_next_day_counts_from_the_date_before_its_verb() {
    let got = run(
        "2001-03-19",
        "On March 14 the men were put on a train to the coast. \
         Border guards said they had detained two North Koreans who waded across the river \
         near Khasan on March 7 and sent them back over the bridge the next day.",
    );
    let ret = got
        .iter()
        .find(|w| w.kind == Repatriation)
        .expect("a return");
    assert_eq!(ret.date, Some(("2001-03-08", "2001-03-08")), "{got:#?}");
}

#[test]
fn a_group_told_of_again_as_the_men_is_male() {
    let got = run(
        "2001-03-19",
        "Police caught three North Korean timber workers at a hostel outside Khabarovsk on Feb. 26. \
         For two weeks the men were kept at an immigration facility in Khabarovsk.",
    );
    assert!(got.len() >= 2, "{got:#?}");
    assert!(
        got.iter().all(|w| w.gender == Some(Gender::Male)),
        "{got:#?}"
    );
}

#[test]
fn a_story_of_last_year_reaches_this_years_months() {
    let got = run(
        "2021-05-18",
        "The group was sent back across the bridge at Hyesan in January 2020. \
         They were held at the holding center for more than a year. \
         A man from the group died at the holding center in February after a fever.",
    );
    let d = got.iter().find(|w| w.kind == Death).expect("a death");
    assert_eq!(d.date, Some(("2021-02-01", "2021-02-28")), "{got:#?}");
}

#[test]
fn the_people_said_to_be_sent_back_are_not_the_speaker() {
    let got = run(
        "2010-04-16",
        "An official, speaking on condition of anonymity because he was not authorised to speak \
         to the media, said 20 North Koreans were sent back on Monday.",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].count, Some((Some(20), Some(20))));
    // a source who asked not to be named prevents nothing
    let got = run(
        "2002-08-07",
        "The official, who asked not to be named, said the group was found late last week \
         by a patrol in Dornogovi province.",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].date, Some(("2002-08-01", "2002-08-04")));
}

#[test]
fn a_helper_at_the_head_of_the_clause_is_not_coded() {
    let got = run(
        "2015-05-20",
        "Police in Kunming arrested six North Koreans on May 12. \
         A Chinese driver arrested with them was released on bail two days later.",
    );
    let kinds: Vec<_> = got.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, vec![Arrest]);
    // ... but a group whose words come after a speaker's is: the subject
    // follows "said"
    let got = run(
        "2015-05-20",
        "The official, who asked not to be named, said the group was caught by police in Erenhot last week.",
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].places, vec!["Erenhot"]);
}

#[test]
fn a_place_in_another_acts_clause_is_that_acts() {
    let got = run(
        "2010-06-20",
        "Contacts said some 40 North Koreans were detained in late May during raids on homes in Yanji, \
         and that at least 20 of them were handed to North Korean authorities at Tumen on 2 June.",
    );
    let places: Vec<_> = got.iter().map(|w| (w.kind, w.places.clone())).collect();
    assert_eq!(
        places,
        vec![(Arrest, vec!["Yanji"]), (Repatriation, vec!["Tumen"])]
    );
}

#[test]
fn a_story_of_last_year_keeps_its_year_for_later_months() {
    let got = run(
        "2016-10-05",
        "She said police arrested her near Yanji in February 2015. \
         In March she was sent back across the river.",
    );
    assert_eq!(
        dates(&got),
        vec![
            (Arrest, Some(("2015-02-01", "2015-02-28"))),
            (Repatriation, Some(("2015-03-01", "2015-03-31"))),
        ]
    );
}

#[test]
fn one_counted_person_in_a_group_is_that_person() {
    let got = run(
        "2024-10-17",
        "Police arrested eight people in Dandong. One woman in the group was sent back in May.",
    );
    assert_eq!(
        people(&got),
        vec![
            (Arrest, Some((Some(8), Some(8))), None),
            (Repatriation, Some((Some(1), Some(1))), Some(Gender::Female)),
        ]
    );
}

#[test]
fn a_noun_does_not_carry_out_a_plan() {
    let got = run(
        "2019-05-10",
        "The nine are expected to be sent back to the North within days, a missionary said. \
         \"That means the handover is close,\" he said.",
    );
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].kind, got[0].status), (Repatriation, Planned));
}

#[test]
fn an_aside_on_part_of_a_group_keeps_the_groups_count() {
    let got = run(
        "2024-10-17",
        "Police arrested nine North Korean defectors in Mengla. The nine, seven of them women, were sent back in June.",
    );
    assert_eq!(
        people(&got),
        vec![
            (Arrest, Some((Some(9), Some(9))), Some(Gender::Mixed)),
            (Repatriation, Some((Some(9), Some(9))), Some(Gender::Mixed)),
        ]
    );
}

#[test]
fn a_person_placed_in_a_group_after_said_is_what_was_said() {
    let got = run(
        "2008-03-14",
        "Police arrested eight people in Dandong. Kim said one woman in the group had been sent back once before, in 2005.",
    );
    assert_eq!(
        people(&got),
        vec![
            (Arrest, Some((Some(8), Some(8))), None),
            (Repatriation, Some((Some(1), Some(1))), Some(Gender::Female)),
        ]
    );
}

/// Custody with no date of its own, between two dated acts, lasts from
/// the first to the second.
#[test]
fn custody_between_two_dated_acts_spans_them() {
    let got = run(
        "2022-05-30",
        "Police caught four North Korean fishermen in a port near Hunchun on May 2. \
         For nearly three weeks the men were kept at a holding centre in Hunchun. \
         On May 20 they were driven to Tumen.",
    );
    assert_eq!(
        dates(&got),
        vec![
            (Arrest, Some(("2022-05-02", "2022-05-02"))),
            (Detention, Some(("2022-05-02", "2022-05-20"))),
            (Transfer, Some(("2022-05-20", "2022-05-20"))),
        ]
    );
}

/// People who leave for the South are the subject of the release; a return
/// a state stopped is blocked, not prevented.
#[test]
fn left_for_seoul_and_stopped_deportation() {
    let got = run(
        "2023-04-20",
        "The three North Koreans left for Seoul on Tuesday.",
    );
    assert_eq!(
        people(&got),
        vec![(Release, Some((Some(3), Some(3))), None)]
    );
    let got = run(
        "2023-04-20",
        "Chinese officials stopped the deportation of the three North Koreans on Monday.",
    );
    assert_eq!(
        got.iter().map(|w| (w.kind, w.status)).collect::<Vec<_>>(),
        vec![(Repatriation, Blocked)]
    );
}

/// A return told only by the North Korean town of a border crossing
/// happened on the Chinese side, in the town across from it; a North
/// Korean's home town is no crossing.
#[test]
fn return_to_a_crossing_town_is_placed_on_the_chinese_side() {
    let places = |got: &[Want]| got.iter().map(|w| w.places.clone()).collect::<Vec<_>>();
    let got = run(
        "2019-05-02",
        "On Monday the six women were taken across the bridge to Namyang and handed to state security agents.",
    );
    assert_eq!(places(&got), vec![vec!["Tumen"]]);
    let got = run(
        "2019-05-02",
        "Choi, a native of Sinuiju, was sent back to North Korea last year.",
    );
    assert_eq!(places(&got), vec![Vec::<&str>::new()]);
}

/// An agency after a place name is of the place's state, whatever the
/// place of the act.
#[test]
fn agency_after_a_place_name_takes_its_state() {
    let got = run(
        "2018-07-02",
        "The Dandong public security bureau detained four North Koreans on Friday.",
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].actors, vec!["CN-PSB"]);
}

/// A plan's time is told in its own clause: a day named in another clause
/// of the sentence is that clause's act's. And a plan for "the group"
/// (forty people) is no earlier release of twelve.
#[test]
fn a_plan_takes_no_other_clause_day_nor_a_release_of_other_people() {
    let got = run(
        "2022-08-30",
        "Forty North Koreans were arrested in a raid in Bangkok on August 22. \
         A court on Monday fined each adult, and the group is expected to be sent to South Korea once the fines are paid. \
         In July, 12 North Koreans who had served their sentences were released to South Korea.",
    );
    assert_eq!(
        dates(&got),
        vec![
            (Arrest, Some(("2022-08-22", "2022-08-22"))),
            (Release, None),
            (Release, Some(("2022-07-01", "2022-07-31"))),
        ]
    );
    assert_eq!(got[1].status, Planned);
    assert_eq!(got[1].count, Some((Some(40), Some(40))));
}

/// A time before "and now face" closes the first act's clause; "said the
/// nine, seven of them women, were held": the nine are the subject of
/// what was said (past the aside), not its speakers.
#[test]
fn time_before_and_now_face_and_subject_past_an_aside() {
    let got = run(
        "2016-11-07",
        "Nine North Korean defectors were apprehended by Chinese police in Yunnan late last month and now face repatriation.",
    );
    assert_eq!(
        dates(&got),
        vec![
            (Arrest, Some(("2016-10-21", "2016-10-31"))),
            (Repatriation, None),
        ]
    );
    let got = run(
        "2016-11-07",
        "Park said the nine, seven of them women, were held in the town of Mengla for two days.",
    );
    assert_eq!(
        people(&got),
        vec![(Detention, Some((Some(9), Some(9))), Some(Gender::Mixed))]
    );
}

/// An act told "later" before the story names any date counts from the
/// date the earlier act gets from a later telling of it.
#[test]
fn later_counts_from_a_date_told_after_it() {
    let got = run(
        "2015-11-18",
        "Vietnamese police took ten North Koreans into custody near Mong Cai. \
         All 10 were later sent back across the border into China. \
         The arrests were carried out on Oct. 23, an official said.",
    );
    assert_eq!(
        dates(&got),
        vec![
            (Arrest, Some(("2015-10-23", "2015-10-23"))),
            (Transfer, Some(("2015-10-23", "2015-11-18"))),
        ]
    );
}

/// An act told "subsequently" ends where the next dated act of the story
/// begins and ends (an act bounded only by other dates); custody held
/// "since then" goes on to the report.
#[test]
fn later_act_bounded_by_the_next_dated_act() {
    let got = run(
        "2014-03-05",
        "In the autumn of 2011 a group of eleven persons was apprehended by police near Lao Cai. \
         They were subsequently driven, under guard, to Dandong. \
         In early December 2011 they were returned across the Yalu River to Sinuiju.",
    );
    assert_eq!(
        dates(&got),
        vec![
            (Arrest, Some(("2011-09-01", "2011-11-30"))),
            (Transfer, Some(("2011-09-01", "2011-12-10"))),
            (Repatriation, Some(("2011-12-01", "2011-12-10"))),
        ]
    );
}

/// "A woman in the next cell", told after "beat her", is someone new: her
/// punishment is not merged into the one of "her" before it.
#[test]
fn someone_new_is_not_the_pronoun_before() {
    let got = run(
        "2010-11-24",
        "In April she was handed to the bowibu in Onsong. \
         There interrogators kicked and beat her for about two weeks. \
         A woman in the next cell who was five months pregnant was forced to abort.",
    );
    let kinds: Vec<_> = got.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, vec![Repatriation, Punishment, Punishment]);
    assert_eq!(got[2].count, Some((Some(1), Some(1))));
}

/// Custody told with its auxiliary ("was also held") of a helper is not
/// coded, as "was arrested" of one is not.
#[test]
fn a_helper_held_is_not_coded() {
    let got = run(
        "2017-05-02",
        "Police in Phnom Penh detained four North Korean women on Sunday. A Cambodian driver was also held.",
    );
    assert_eq!(got.iter().map(|w| w.kind).collect::<Vec<_>>(), vec![Arrest]);
}

/// An act told as what came next ("she was then sent to a camp") is a new
/// act, not a retelling of the one of its type before it.
#[test]
fn then_tells_a_new_act_of_the_same_type() {
    let got = run(
        "2005-06-20",
        "In Onsong she was interrogated for three weeks. She was kicked and beaten with a belt. \
         She was then sent to the labour training unit in Chongjin for six months.",
    );
    let punishments = got.iter().filter(|w| w.kind == Punishment).count();
    assert_eq!(punishments, 2);
}

/// Custody told after a dated act "for two days" lasts two days from it,
/// and what came "then" happened as it ended.
#[test]
fn custody_for_days_then_the_next_act() {
    let got = run(
        "2016-11-07",
        "The nine were rounded up on Oct. 29 at a farmhouse in Xishuangbanna. \
         They were held in the town of Mengla for two days and then moved to a detention center in Kunming.",
    );
    assert_eq!(
        dates(&got),
        vec![
            (Arrest, Some(("2016-10-29", "2016-10-29"))),
            (Detention, Some(("2016-10-29", "2016-10-31"))),
            (Transfer, Some(("2016-10-31", "2016-10-31"))),
        ]
    );
}

/// Each incident's type and place names.
fn places(got: &[Want]) -> Vec<(EventType, Vec<&'static str>)> {
    got.iter().map(|w| (w.kind, w.places.clone())).collect()
}

/// A dateline names where the story was filed, not where its act happened.
#[test]
fn dateline_place_is_not_the_act_place() {
    let got = run(
        "2018-05-09",
        "Border arrests\n\nPHNOM PENH, May 9 (Delta Wire) - Cambodian police detained six North Koreans in the province of Svay Rieng on Sunday.",
    );
    assert_eq!(places(&got), vec![(Arrest, vec!["Svay Rieng"])]);
    // a place of the act told only in the dateline is not one either
    let got = run(
        "2018-05-09",
        "HANOI (Delta Wire) - Police detained six North Koreans on Sunday, a source said.",
    );
    assert_eq!(places(&got), vec![(Arrest, vec![])]);
}

/// The place of the one who tells ("an official in Lang Son ... said") is
/// not the act's when what is said names the act's place.
#[test]
fn speaker_place_gives_way_to_the_told_place() {
    let got = run(
        "2020-02-14",
        "A border official in Lang Son, who spoke on condition of anonymity, said the six were taken to Hanoi on Tuesday.",
    );
    assert_eq!(places(&got), vec![(Transfer, vec!["Hanoi"])]);
}

/// A place told after an act and before "and" and the next act is the
/// first act's, even when a long people phrase parts it from its verb.
#[test]
fn place_before_and_next_act_is_the_first_acts() {
    let got = run(
        "2016-04-20",
        "Police detained a North Korean family of three, a man, his wife and their son, in the town of Mengla on Friday and handed them to border guards in Hekou on Sunday.",
    );
    assert_eq!(
        places(&got),
        vec![(Arrest, vec!["Mengla"]), (Transfer, vec!["Hekou"])]
    );
}

/// "... and have caught others": an uncounted other group with no time of
/// its own is a summary, not an act of its own; the story's count is not
/// its count.
#[test]
fn caught_others_is_not_an_act() {
    let got = run(
        "2009-06-02",
        "Chinese police have detained 25 North Koreans in raids in Yanji and have caught others near the Tumen River, sources said.",
    );
    assert_eq!(
        people(&got),
        vec![(Arrest, Some((Some(25), Some(25))), None)]
    );
}

/// A month named with its year in a comparison ("the largest since the
/// deportation of October 2023") does not carry a story dated by "last
/// Wednesday": a later day without a year is this year's.
#[test]
fn a_story_dated_since_moves_on_from_an_older_month() {
    let got = run(
        "2025-09-30",
        "Chinese authorities last Wednesday repatriated 80 North Koreans, the largest return since the mass deportation of October 2023, a source said. \
         The 80 were driven across the border at Tumen late on Sept. 24, the source said.",
    );
    assert_eq!(
        dates(&got),
        vec![(Repatriation, Some(("2025-09-24", "2025-09-24")))]
    );
}

/// Custody told by an intransitive verb ("spent 18 days in a cell") is
/// done to its subject, not to a group named after it.
#[test]
fn time_spent_in_custody_is_its_subjects() {
    let got = run(
        "2013-08-23",
        "The two women spent 18 days in a cell at the Helong police station, where some forty North Koreans were also kept.",
    );
    assert_eq!(
        people(&got)[0],
        (Detention, Some((Some(2), Some(2))), Some(Gender::Female))
    );
}

/// "Relatives informed the office that the family remained in detention":
/// the ones held are after the telling verb, not the relatives.
#[test]
fn custody_told_through_informed_that() {
    let got = run(
        "2017-09-05",
        "On 15 February 2017, a man, his wife and their two sons were stopped at a checkpoint outside Dandong. \
         Relatives informed the office in April that the family remained in a detention facility in Dandong.",
    );
    assert_eq!(
        got.iter().map(|w| w.kind).collect::<Vec<_>>(),
        vec![Arrest, Detention]
    );
}

/// Custody or a death in a facility named by its agency ("the holding
/// facility of the Ministry of State Security", "a State Security
/// detention centre") is that agency's.
#[test]
fn custody_in_an_agencys_facility_is_the_agencys() {
    let got = run(
        "2017-09-19",
        "After her return in March 2016 she was held for four months at the holding facility of the Ministry of State Security in Onsong. \
         In April 2017 a man died at a detention facility of the Ministry of People's Security in Hyesan.",
    );
    let actors: Vec<_> = got.iter().map(|w| (w.kind, w.actors.clone())).collect();
    assert!(actors.contains(&(Detention, vec!["KP-MSS"])), "{actors:?}");
    assert!(actors.contains(&(Death, vec!["KP-MPS"])), "{actors:?}");
}

/// A return whose only place is where its people were held before ("who
/// had been held in Yanji") is the same act as the telling that names
/// where it happened, which places it.
#[test]
fn place_of_earlier_custody_gives_way_to_the_told_place() {
    let got = run(
        "2025-09-30",
        "Chinese authorities last Wednesday repatriated 90 North Koreans who had been held in Yanji, a source said. \
         The 90 were taken across the border at Tumen late on Sept. 24, the source said.",
    );
    assert_eq!(places(&got), vec![(Repatriation, vec!["Tumen"])]);
}

/// "said 30 more North Koreans appeared to be held": the phrase after
/// "said" is the subject of what is said, not a speaker.
#[test]
fn said_then_people_then_appeared() {
    let got = run(
        "2025-11-21",
        "China returned around 80 North Koreans on Monday. \
         The group said about 30 more North Koreans appeared to be held at the Hunchun facility.",
    );
    assert_eq!(
        people(&got)[1],
        (Detention, Some((Some(30), Some(30))), None)
    );
}

/// A group brought in by the sentence before ("25 North Koreans forced
/// their way into the embassy") is the one "the group" stands for, not the
/// one man the story's last act was done to.
#[test]
fn the_group_is_not_the_man_before() {
    let got = run(
        "2002-04-27",
        "On Thursday a North Korean man was detained outside the embassy. \
         In March, 25 North Koreans forced their way into the Spanish Embassy in Beijing. \
         Chinese officials let the group fly out to Manila a few days later.",
    );
    assert_eq!(
        people(&got),
        vec![
            (Arrest, Some((Some(1), Some(1))), Some(Gender::Male)),
            (Release, Some((Some(25), Some(25))), None)
        ]
    );
}

/// Custody dated by its own clause and told with a length lasts that long
/// from that time, not to the report.
#[test]
fn custody_with_its_own_time_and_a_length() {
    let got = run(
        "2022-01-18",
        "In July, Chinese authorities returned her through the crossing at Changbai, and she was then held for five months at the detention center in Hyesan.",
    );
    assert_eq!(
        dates(&got),
        vec![
            (Repatriation, Some(("2021-07-01", "2021-07-31"))),
            (Detention, Some(("2021-07-01", "2021-12-28"))),
        ]
    );
}

/// What is held may be a proceeding ("a public trial was held"), and a
/// helper told with an apposition ("the driver, a Chinese citizen of
/// Korean descent, was taken away") is still a helper: neither is coded.
#[test]
fn a_trial_held_and_a_helper_in_apposition_are_not_coded() {
    let got = run(
        "2022-01-18",
        "Police in Yanji detained six North Koreans on Monday. \
         The driver, a Chinese citizen of Korean descent, was taken away with them. \
         A public trial was held at the city stadium on Jan. 11.",
    );
    assert_eq!(got.iter().map(|w| w.kind).collect::<Vec<_>>(), vec![Arrest]);
}

/// "He was held for three weeks ... She remains at a detention facility":
/// a man and a woman are two people, two acts.
#[test]
fn he_and_she_are_not_one_custody() {
    let got = run(
        "2019-11-27",
        "A North Korean man was held for three weeks at a detention centre in Khabarovsk. \
         A second North Korean, a woman, was also ordered deported. She remains at a detention facility in Vladivostok.",
    );
    let held: Vec<_> = got
        .iter()
        .filter(|w| w.kind == Detention)
        .map(|w| (w.places.clone(), w.gender))
        .collect();
    assert_eq!(
        held,
        vec![
            (vec!["Khabarovsk"], Some(Gender::Male)),
            (vec!["Vladivostok"], Some(Gender::Female))
        ]
    );
}

/// "all from Hyesan and neighbouring towns in Ryanggang Province": where
/// the people come from, not where they were caught.
#[test]
fn towns_people_come_from_are_no_place() {
    let got = run(
        "2019-03-18",
        "The group, all from Musan and neighbouring towns in North Hamgyong Province, was seized in a flat in Shenyang last Tuesday.",
    );
    assert_eq!(places(&got), vec![(Arrest, vec!["Shenyang"])]);
}

/// The group an aside describes is the act's people, not the aside's last
/// part: "nine nationals ..., among them a child and his mother", "Eight
/// women, all of them over 60"; an aside naming the same people ("the
/// three, all men") tells their sex.
#[test]
fn the_group_before_an_aside_is_the_acts() {
    let got = run(
        "2016-02-22",
        "In August 2015, nine North Koreans, among them a one-year-old child and his mother, were apprehended in Shenyang.",
    );
    assert_eq!(people(&got), vec![(Arrest, Some((Some(9), Some(9))), None)]);
    let got = run(
        "2025-08-14",
        "Eight women, all of them over 60, were let go from the Onsong holding center in mid-July.",
    );
    assert_eq!(
        people(&got),
        vec![(Release, Some((Some(8), Some(8))), Some(Gender::Female))]
    );
    let got = run(
        "2005-04-11",
        "The three, all men, had been detained in Mongolia's Dornogovi Province a week earlier.",
    );
    assert_eq!(
        people(&got),
        vec![(Arrest, Some((Some(3), Some(3))), Some(Gender::Male))]
    );
}

/// The story's people counted again ("Seven of them were seized", "The
/// two were caught") are in the story's place when their clause names
/// none; a return "across the Yalu" of people held in a town is the town's.
#[test]
fn counted_again_in_the_storys_place_and_a_river_gives_way() {
    let got = run(
        "2019-04-03",
        "Chinese police detained eight North Koreans in Shenyang in mid-March, an activist said. \
         Seven of them were seized in a raid on a rented apartment on March 12.",
    );
    assert_eq!(
        places(&got),
        vec![(Arrest, vec!["Shenyang"]), (Arrest, vec!["Shenyang"])]
    );
    let got = run(
        "2025-06-05",
        "Another group of about 20 North Koreans now held in Dandong is expected to be sent across the Yalu River later this month.",
    );
    assert_eq!(places(&got), vec![(Repatriation, vec!["Dandong"])]);
}

/// One person's sex told by the pronoun that refers back to them in the
/// same sentence; a group "about" as many as a breakdown told of it takes
/// its sexes.
#[test]
fn sex_from_the_pronoun_and_from_an_approximate_breakdown() {
    let got = run(
        "2018-12-12",
        "Police in Vladivostok have detained a North Korean construction worker who fled his work site in October.",
    );
    assert_eq!(
        people(&got),
        vec![(Arrest, Some((Some(1), Some(1))), Some(Gender::Male))]
    );
    let got = run(
        "2025-06-05",
        "China sent roughly 60 North Koreans back across the Tumen River on Tuesday. \
         The group, made up of about 45 women and 15 men, had been held in Tumen.",
    );
    assert_eq!(people(&got)[0].2, Some(Gender::Mixed));
}

/// An order to deport, dated by the order, and the stop later put to it
/// are one blocked return, dated by the stop.
#[test]
fn an_order_and_its_suspension_are_one_blocked_return() {
    let got = run(
        "2026-01-15",
        "On Jan. 8 the Interior Ministry ordered her deported to North Korea. \
         The municipal court on Monday suspended the order, a day before she was due to be flown to Pyongyang.",
    );
    let returns: Vec<_> = got
        .iter()
        .filter(|w| w.kind == Repatriation)
        .map(|w| w.status)
        .collect();
    assert_eq!(returns, vec![Blocked]);
    // dated by the stop, not by the order (the Jan. 8 of the order is
    // not the act's day)
    let date = got
        .iter()
        .find(|w| w.kind == Repatriation)
        .and_then(|w| w.date);
    assert!(date.is_some_and(|(s, _)| s >= "2026-01-11"), "{date:?}");
}

/// A helper who moves the people ("their broker took them back to the
/// river") does no act of a state.
#[test]
fn a_broker_moving_people_is_not_coded() {
    let got = run(
        "2011-05-09",
        "Lao soldiers caught the six near Muang Sing on Friday. Later their broker took them back to the Mekong.",
    );
    assert_eq!(got.iter().map(|w| w.kind).collect::<Vec<_>>(), vec![Arrest]);
}

/// "them" after a counted group in its own sentence are that group, not
/// the story's earlier people.
#[test]
fn them_are_the_group_named_before_in_the_sentence() {
    let got = run(
        "2021-10-05",
        "On 17 July 2021 approximately 50 persons were forcibly returned through Hunchun. \
         On 19 July 2021, the planned return of some 20 women detained in Dandong did not take place because the North declined to receive them.",
    );
    let counts: Vec<_> = got.iter().map(|w| (w.kind, w.status, w.count)).collect();
    assert_eq!(
        counts,
        vec![
            (Repatriation, Occurred, Some((Some(50), Some(50)))),
            (Repatriation, Blocked, Some((Some(20), Some(20))))
        ]
    );
}

/// "Two more North Koreans who had been travelling with the group were
/// caught": the phrase in the subject's relative clause is not the
/// subject.
#[test]
fn the_group_in_a_relative_clause_is_not_the_subject() {
    let got = run(
        "2010-02-03",
        "Two more North Koreans who had been travelling with the group were caught by Chinese police in Erenhot last week.",
    );
    assert_eq!(people(&got), vec![(Arrest, Some((Some(2), Some(2))), None)]);
}
