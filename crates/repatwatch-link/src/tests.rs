//! Unit tests on invented claims (no corpus text): fictional towns and
//! provinces, invented dates and counts.

use super::*;
use chrono::NaiveDate;
use repatwatch_extract::{
    Count, EventType, Incident, IncidentDate, Location, People, Precision, Status,
};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A builder of invented claims.
struct B(Claim);

fn claim(id: u64, doc: &str, published: &str, kind: EventType) -> B {
    B(Claim {
        id,
        document_id: doc.to_string(),
        published: (!published.is_empty()).then(|| d(published)),
        incident: Incident {
            kind,
            status: Status::Occurred,
            hedged: false,
            date: None,
            locations: Vec::new(),
            facility: None,
            people: People::default(),
            actors: Vec::new(),
            sources: Vec::new(),
            evidence: Vec::new(),
            explain: None,
        },
    })
}

/// Invented places: two towns of the province "Northvale" (40 km apart),
/// one of "Southmere", the provinces, and the country.
fn place(name: &str) -> Location {
    let (admin1, precision, lat, lon) = match name {
        "Alderford" => ("Northvale", Precision::City, 42.0, 128.0),
        "Brackenby" => ("Northvale", Precision::City, 42.36, 128.0),
        "Cinderwick" => ("Southmere", Precision::City, 40.0, 124.0),
        "Northvale" => ("Northvale", Precision::Admin1, 42.5, 127.5),
        "Southmere" => ("Southmere", Precision::Admin1, 40.5, 123.5),
        "Eastland" => ("", Precision::Country, 35.0, 105.0),
        // Across the border from Alderford, 10 km away.
        "Farbank" => ("Westmark", Precision::City, 41.91, 128.0),
        other => panic!("no invented place {other}"),
    };
    Location {
        text: Some(name.to_string()),
        name: name.to_string(),
        admin1: (!admin1.is_empty()).then(|| admin1.to_string()),
        country: if name == "Farbank" { "KP" } else { "CN" }.to_string(),
        precision,
        lat,
        lon,
        geonames_id: None,
    }
}

impl B {
    fn on(mut self, start: &str, end: &str) -> Self {
        self.0.incident.date = Some(IncidentDate {
            text: None,
            start: d(start),
            end: d(end),
        });
        self
    }
    fn at(mut self, name: &str) -> Self {
        self.0.incident.locations.push(place(name));
        self
    }
    fn count(mut self, min: Option<u64>, max: Option<u64>) -> Self {
        self.0.incident.people.count = Some(Count::range(min, max, false));
        self
    }
    fn n(self, n: u64) -> Self {
        self.count(Some(n), Some(n))
    }
    fn by(mut self, actors: &[&str]) -> Self {
        self.0.incident.actors = actors.iter().map(|a| a.to_string()).collect();
        self
    }
    fn status(mut self, s: Status) -> Self {
        self.0.incident.status = s;
        self
    }
    fn c(self) -> Claim {
        self.0
    }
}

use EventType::{Arrest, Repatriation};

/// A repatriation of 600 from Alderford on one day, first told in "r1".
fn base() -> B {
    claim(1, "r1", "2030-03-12", Repatriation)
        .on("2030-03-09", "2030-03-09")
        .at("Alderford")
        .n(600)
        .by(&["CN-GOV"])
}

fn linked(a: Claim, b: Claim) -> bool {
    let cases = link_all(&[a, b]);
    cases[0] == cases[1]
}

#[test]
fn joins_the_same_act_told_by_another_report() {
    let other = claim(2, "r2", "2030-03-14", Repatriation)
        .on("2030-03-09", "2030-03-09")
        .at("Alderford")
        .count(Some(501), None)
        .by(&["CN-PSB"]);
    assert!(linked(base().c(), other.c()));
}

#[test]
fn joins_a_vaguer_telling_month_and_province() {
    let other = claim(2, "r2", "2030-04-02", Repatriation)
        .on("2030-03-01", "2030-03-31")
        .at("Northvale")
        .count(Some(200), Some(999));
    assert!(linked(base().c(), other.c()));
}

#[test]
fn joins_a_plan_later_carried_out() {
    let plan = claim(2, "r0", "2030-02-20", Repatriation)
        .status(Status::Planned)
        .on("2030-02-20", "2030-02-26")
        .at("Alderford")
        .n(580);
    assert!(linked(plan.c(), base().c()));
}

#[test]
fn joins_an_undated_telling_with_specifics_published_soon_after() {
    let undated = claim(2, "r2", "2030-03-20", Repatriation)
        .at("Alderford")
        .n(600);
    assert!(linked(base().c(), undated.c()));
}

#[test]
fn never_joins_two_incidents_of_one_report() {
    let twin = base().c();
    let mut again = base().c();
    again.id = 2;
    assert!(!linked(twin, again));
}

#[test]
fn never_joins_different_types() {
    let mut arrest = base().c();
    arrest.id = 2;
    arrest.document_id = "r2".into();
    arrest.incident.kind = Arrest;
    assert!(!linked(base().c(), arrest));
}

#[test]
fn never_joins_occurred_and_blocked() {
    let blocked = base().status(Status::Blocked);
    let mut blocked = blocked.c();
    blocked.document_id = "r2".into();
    assert!(!linked(base().c(), blocked));
}

#[test]
fn never_joins_dates_far_apart() {
    let later = claim(2, "r2", "2030-05-02", Repatriation)
        .on("2030-04-28", "2030-04-28")
        .at("Alderford")
        .n(600);
    assert!(!linked(base().c(), later.c()));
    // Days within the tolerance of a one-day date still join.
    let next_day = claim(3, "r3", "2030-03-12", Repatriation)
        .on("2030-03-10", "2030-03-10")
        .at("Alderford")
        .n(600);
    assert!(linked(base().c(), next_day.c()));
}

#[test]
fn never_joins_different_towns() {
    // 40 km apart, same province.
    let elsewhere = claim(2, "r2", "2030-03-12", Repatriation)
        .on("2030-03-09", "2030-03-09")
        .at("Brackenby")
        .n(600);
    assert!(!linked(base().c(), elsewhere.c()));
}

#[test]
fn never_joins_a_province_the_town_is_not_in() {
    let other_province = claim(2, "r2", "2030-03-12", Repatriation)
        .on("2030-03-09", "2030-03-09")
        .at("Southmere")
        .n(600);
    assert!(!linked(base().c(), other_province.c()));
}

#[test]
fn a_country_alone_is_weak_evidence() {
    // Same month, country only, no count: nothing specific agrees.
    let vague = claim(2, "r2", "2030-03-20", Repatriation)
        .on("2030-03-01", "2030-03-31")
        .at("Eastland")
        .c();
    assert!(!linked(base().c(), vague.clone()));
    assert_eq!(pair_points(&base().c(), &vague), None);
    // The same with a count that agrees is enough.
    let mut counted = vague;
    counted.incident.people.count = Some(Count::approx(600));
    assert!(linked(base().c(), counted));
}

#[test]
fn a_shared_month_and_close_publication_prove_nothing() {
    let a = claim(1, "r1", "2030-03-30", Arrest)
        .on("2030-03-01", "2030-03-31")
        .by(&["CN-GOV"])
        .c();
    let b = claim(2, "r2", "2030-04-02", Arrest)
        .on("2030-03-01", "2030-03-31")
        .by(&["CN-GOV"])
        .c();
    assert!(!linked(a.clone(), b.clone()));
    // The same day is specific.
    let day = |mut c: Claim| {
        c.incident.date = Some(IncidentDate {
            text: None,
            start: d("2030-03-17"),
            end: d("2030-03-17"),
        });
        c
    };
    assert!(linked(day(a), day(b)));
}

#[test]
fn counts_within_five_times_are_neither_for_nor_against() {
    // Sources often disagree on the size of one group.
    let estimate = claim(2, "r2", "2030-03-15", Repatriation)
        .on("2030-03-09", "2030-03-09")
        .n(150)
        .c();
    assert!(linked(base().c(), estimate.clone()));
    let same_day = pair_points(&base().c(), &estimate);
    let mut uncounted = estimate;
    uncounted.incident.people.count = None;
    assert_eq!(pair_points(&base().c(), &uncounted), same_day);
}

#[test]
fn never_joins_incompatible_counts() {
    let two = claim(2, "r2", "2030-03-12", Repatriation)
        .on("2030-03-09", "2030-03-09")
        .at("Alderford")
        .n(2)
        .c();
    assert!(!linked(base().c(), two.clone()));
    assert_eq!(pair_points(&base().c(), &two), None);
}

#[test]
fn never_joins_acts_of_different_states() {
    let arrest = |id, doc: &str, actors: &[&str]| {
        claim(id, doc, "2030-03-12", Arrest)
            .on("2030-03-09", "2030-03-09")
            .n(9)
            .by(actors)
            .c()
    };
    assert!(!linked(
        arrest(1, "r1", &["CN-PSB"]),
        arrest(2, "r2", &["VN-POLICE"])
    ));
    // Another agency of the same state is no conflict.
    assert!(linked(
        arrest(1, "r1", &["CN-PSB"]),
        arrest(2, "r2", &["CN-BORDER"])
    ));
}

#[test]
fn an_undated_claim_needs_specifics() {
    // Undated, no place, no count: publication alone is not enough.
    let bare = claim(2, "r2", "2030-03-13", Repatriation).by(&["CN-GOV"]);
    assert!(!linked(base().c(), bare.c()));
    // Undated and published long after: outside its window.
    let late = claim(3, "r3", "2031-03-13", Repatriation)
        .at("Alderford")
        .n(600);
    assert!(!linked(base().c(), late.c()));
}

#[test]
fn ties_go_to_the_lowest_case() {
    let mut linker = Linker::new();
    let twin = |id, doc: &str| {
        claim(id, doc, "2030-03-12", Repatriation)
            .on("2030-03-09", "2030-03-09")
            .at("Alderford")
            .n(600)
            .c()
    };
    // Two cases (as a store may hold them) equally like the new claim.
    linker.add(7, twin(1, "r1"));
    linker.add(3, twin(2, "r2"));
    assert_eq!(linker.decide(&twin(3, "r3")), Decision::Join(3));
    // A case holding the new claim's own report is ruled out.
    assert_eq!(linker.decide(&twin(4, "r2")), Decision::Join(7));
    // Between cases as close, the better corroborated one comes first.
    linker.add(7, twin(5, "r5"));
    assert_eq!(linker.decide(&twin(6, "r6")), Decision::Join(7));
}

fn story() -> Vec<Claim> {
    vec![
        base().c(),
        claim(2, "r1", "2030-03-12", Arrest)
            .on("2030-02-01", "2030-02-28")
            .at("Alderford")
            .n(600)
            .c(),
        claim(3, "r2", "2030-03-13", Repatriation)
            .on("2030-03-09", "2030-03-09")
            .at("Northvale")
            .count(Some(501), None)
            .c(),
        claim(4, "r2", "2030-03-13", Repatriation)
            .on("2030-01-15", "2030-01-15")
            .at("Cinderwick")
            .n(30)
            .c(),
        claim(5, "r3", "2030-04-20", Arrest)
            .on("2030-02-01", "2030-02-28")
            .at("Northvale")
            .count(Some(500), Some(600))
            .c(),
        claim(6, "r3", "2030-04-20", Repatriation)
            .on("2030-03-01", "2030-03-31")
            .count(None, Some(700))
            .c(),
    ]
}

#[test]
fn links_a_story_deterministically() {
    let cases = link_all(&story());
    assert_eq!(cases, vec![1, 2, 1, 3, 2, 1]);
    assert_eq!(link_all(&story()), cases);
}

#[test]
fn is_incremental() {
    let claims = story();
    let all = link_all(&claims);
    // Load the first cases as a store would, then link the last claim.
    let mut linker = Linker::new();
    for (c, case) in claims.iter().zip(&all).take(claims.len() - 1) {
        linker.add(*case, c.clone());
    }
    assert_eq!(linker.next_case_id(), 4);
    let last = claims.last().unwrap();
    assert_eq!(linker.decide(last), Decision::Join(all[all.len() - 1]));
    // Linking more never changes earlier decisions.
    let prefix = link_all(&claims[..3]);
    assert_eq!(prefix, all[..3]);
}

#[test]
fn finds_candidates_among_many_claims_by_month() {
    let mut linker = Linker::new();
    // 30 000 arrests of 3 over ten years in Cinderwick.
    for i in 0..30_000u64 {
        let day = d("2020-01-01") + chrono::Days::new(i % 3650);
        let c = claim(i, &format!("bulk{i}"), "", Arrest)
            .on(&day.to_string(), &day.to_string())
            .at("Cinderwick")
            .n(3)
            .c();
        linker.add(i + 1, c);
    }
    // One repatriation years away, with an undated, unpublished telling.
    linker.add(50_000, base().c());
    let start = std::time::Instant::now();
    let probe = claim(1, "new", "2030-03-15", Repatriation)
        .on("2030-03-08", "2030-03-09")
        .at("Alderford")
        .n(610)
        .c();
    assert_eq!(linker.decide(&probe), Decision::Join(50_000));
    let arrest = claim(2, "new", "2024-05-05", Arrest)
        .on("2024-05-05", "2024-05-05")
        .at("Cinderwick")
        .n(3)
        .c();
    assert!(matches!(linker.decide(&arrest), Decision::Join(_)));
    // Generous: the month index makes this a few milliseconds.
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
}

#[test]
fn consolidates_ranges_dates_places_and_reports() {
    let members = vec![
        base().c(),
        claim(2, "r2", "2030-03-14", Repatriation)
            .on("2030-03-01", "2030-03-31")
            .at("Northvale")
            .at("Alderford")
            .count(Some(501), None)
            .c(),
        claim(3, "r3", "2030-04-30", Repatriation)
            .status(Status::Planned)
            .at("Eastland")
            .count(Some(500), Some(550))
            .c(),
    ];
    let c = consolidate(&members);
    assert_eq!(c.sources, 3);
    assert_eq!((c.people_min, c.people_max), (Some(500), Some(600)));
    assert_eq!(c.date_start, Some(d("2030-03-09")));
    assert_eq!(c.date_end, Some(d("2030-03-09")));
    let names: Vec<_> = c.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Alderford", "Northvale", "Eastland"]);
    assert_eq!(c.first_report, Some(d("2030-03-12")));
    assert_eq!(c.last_report, Some(d("2030-04-30")));
    assert_eq!(c.kind, Repatriation);
    assert_eq!(c.status, Status::Occurred);
}

#[test]
fn consolidated_dates_fall_back_to_the_largest_agreeing_group() {
    let member =
        |id, doc: &str, s: &str, e: &str| claim(id, doc, "2030-06-01", Arrest).on(s, e).n(4).c();
    let members = vec![
        member(1, "r1", "2030-01-01", "2030-01-31"),
        member(2, "r2", "2030-05-01", "2030-05-31"),
        member(3, "r3", "2030-05-10", "2030-05-12"),
    ];
    let c = consolidate(&members);
    assert_eq!(
        (c.date_start, c.date_end),
        (Some(d("2030-05-10")), Some(d("2030-05-12")))
    );
    // A tie between groups takes the earliest.
    let c = consolidate(&members[..2]);
    assert_eq!(
        (c.date_start, c.date_end),
        (Some(d("2030-01-01")), Some(d("2030-01-31")))
    );
    assert_eq!(c.sources, 2);
    assert_eq!(c.status, Status::Occurred);
    let nothing = consolidate(&[]);
    assert_eq!(
        (nothing.sources, nothing.people_min, nothing.date_start),
        (0, None, None)
    );
}

#[test]
fn consolidated_status_of_a_halted_plan_is_blocked() {
    let plan = base().status(Status::Planned).c();
    let mut halted = base().status(Status::Blocked).c();
    halted.document_id = "r2".into();
    assert!(linked(plan.clone(), halted.clone()));
    assert_eq!(consolidate(&[plan, halted]).status, Status::Blocked);
}

#[test]
fn the_two_ends_of_a_crossing_are_one_place() {
    let other_side = claim(2, "r2", "2030-03-13", Repatriation)
        .on("2030-03-09", "2030-03-09")
        .at("Farbank")
        .n(600)
        .c();
    assert!(linked(base().c(), other_side));
    // But a province of another country is not.
    let mut elsewhere = base().c();
    elsewhere.document_id = "r3".into();
    elsewhere.incident.locations = vec![place("Northvale")];
    elsewhere.incident.locations[0].country = "KP".into();
    assert!(!linked(base().c(), elsewhere));
}

#[test]
fn a_detention_goes_on() {
    // Held "now", as two reports ten days apart say.
    let held = |id, doc: &str, day: &str| {
        claim(id, doc, day, EventType::Detention)
            .on(day, day)
            .at("Cinderwick")
            .n(12)
            .c()
    };
    assert!(linked(
        held(1, "r1", "2030-05-01"),
        held(2, "r2", "2030-05-11")
    ));
    // An arrest is a moment: the same ten days apart are two arrests.
    let mut a = held(1, "r1", "2030-05-01");
    let mut b = held(2, "r2", "2030-05-11");
    a.incident.kind = Arrest;
    b.incident.kind = Arrest;
    assert!(!linked(a, b));
}

#[test]
fn a_removed_claim_no_longer_draws_new_claims() {
    let mut linker = Linker::new();
    linker.add(7, base().c());
    let other = claim(2, "r2", "2030-03-14", Repatriation)
        .on("2030-03-09", "2030-03-09")
        .at("Alderford")
        .n(600)
        .c();
    assert_eq!(linker.decide(&other), Decision::Join(7));
    assert_eq!(linker.remove(1), Some(7));
    assert_eq!(linker.remove(1), None);
    assert!(linker.is_empty());
    assert_eq!(linker.decide(&other), Decision::New);
}

/// Ranking a case by groups of members equal but for their report gives
/// what comparing every member gives: claims drawn from a small stock of
/// reports, places, counts, dates and actors (so that reprints, same-report
/// members and rule-outs all occur), linked one by one with some removed.
#[test]
fn grouped_ranking_is_member_by_member_ranking() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let towns = ["Alderford", "Cinderwick", "Northvale"];
    let days = ["2024-03-01", "2024-03-02", "2024-03-20", "2024-06-01"];
    let mut linker = Linker::new();
    let mut live: Vec<u64> = Vec::new();
    for id in 1..=600u64 {
        let kind = if next(3) == 0 { Arrest } else { Repatriation };
        let day = days[next(days.len() as u64) as usize];
        let mut b = claim(id, &format!("r{}", next(40)), "2024-06-10", kind);
        if next(4) != 0 {
            b = b.on(day, day);
        }
        if next(3) != 0 {
            b = b.at(towns[next(3) as usize]);
        }
        if next(2) == 0 {
            b = b.n([3, 4, 30, 600][next(4) as usize]);
        }
        if next(3) == 0 {
            b = b.by(&[["CN-PSB", "CN-GOV", "RU-GOV"][next(3) as usize]]);
        }
        let c = b.c();
        let f = Features::of(&c);
        for &case in linker.cases.keys() {
            assert_eq!(
                linker.case_rank(case, &f),
                linker.case_rank_plain(case, &f),
                "claim {id}, case {case}"
            );
        }
        linker.link(c);
        live.push(id);
        if next(10) == 0 {
            let gone = live.swap_remove(next(live.len() as u64) as usize);
            linker.remove(gone);
        }
    }
    assert!(linker.cases() > 1);
}
