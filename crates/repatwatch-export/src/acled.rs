//! The ACLED-style format: ACLED's columns and conventions (ACLED codebook,
//! 2023 column set). The mapping is written down in `docs/export.md`
//! ("ACLED").

use crate::{date_precision, DatePrecision, ExportRow};
use chrono::{Datelike, NaiveDate};
use repatwatch_extract::{EventType, Gender, Incident, Location, Precision, Status};

/// ACLED's columns, in ACLED's order.
pub const HEADER: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// One country as ACLED names it: alpha-2, alpha-3, ISO numeric, ACLED
/// name, ACLED region.
pub struct Country {
    pub alpha2: &'static str,
    pub alpha3: &'static str,
    pub numeric: u16,
    pub name: &'static str,
    pub region: &'static str,
}

macro_rules! countries {
    ($(($a2:literal, $a3:literal, $n:literal, $name:literal, $region:literal)),* $(,)?) => {
        &[$(Country { alpha2: $a2, alpha3: $a3, numeric: $n, name: $name, region: $region }),*]
    };
}

/// The countries North Koreans are caught in or pass through, and a few
/// more; others get their alpha-2 code as alpha-3, no numeric code, no
/// region and the gazetteer's English name.
pub const COUNTRIES: &[Country] = countries![
    ("CN", "CHN", 156, "China", "East Asia"),
    ("KP", "PRK", 408, "North Korea", "East Asia"),
    ("KR", "KOR", 410, "South Korea", "East Asia"),
    ("JP", "JPN", 392, "Japan", "East Asia"),
    ("MN", "MNG", 496, "Mongolia", "East Asia"),
    ("TW", "TWN", 158, "Taiwan", "East Asia"),
    ("HK", "HKG", 344, "Hong Kong", "East Asia"),
    ("MO", "MAC", 446, "Macau", "East Asia"),
    ("VN", "VNM", 704, "Vietnam", "Southeast Asia"),
    ("LA", "LAO", 418, "Laos", "Southeast Asia"),
    ("TH", "THA", 764, "Thailand", "Southeast Asia"),
    ("KH", "KHM", 116, "Cambodia", "Southeast Asia"),
    ("MM", "MMR", 104, "Myanmar", "Southeast Asia"),
    ("PH", "PHL", 608, "Philippines", "Southeast Asia"),
    ("MY", "MYS", 458, "Malaysia", "Southeast Asia"),
    ("ID", "IDN", 360, "Indonesia", "Southeast Asia"),
    ("SG", "SGP", 702, "Singapore", "Southeast Asia"),
    ("RU", "RUS", 643, "Russia", "Europe"),
    ("KZ", "KAZ", 398, "Kazakhstan", "Caucasus and Central Asia"),
    ("KG", "KGZ", 417, "Kyrgyzstan", "Caucasus and Central Asia"),
    ("UZ", "UZB", 860, "Uzbekistan", "Caucasus and Central Asia"),
    ("IN", "IND", 356, "India", "South Asia"),
    ("NP", "NPL", 524, "Nepal", "South Asia"),
    ("BD", "BGD", 50, "Bangladesh", "South Asia"),
    ("PK", "PAK", 586, "Pakistan", "South Asia"),
    ("AE", "ARE", 784, "United Arab Emirates", "Middle East"),
    ("KW", "KWT", 414, "Kuwait", "Middle East"),
    ("QA", "QAT", 634, "Qatar", "Middle East"),
    ("US", "USA", 840, "United States", "North America"),
    ("CA", "CAN", 124, "Canada", "North America"),
    ("GB", "GBR", 826, "United Kingdom", "Europe"),
    ("DE", "DEU", 276, "Germany", "Europe"),
    ("FR", "FRA", 250, "France", "Europe"),
    ("AU", "AUS", 36, "Australia", "Oceania"),
];

pub fn country(alpha2: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.alpha2 == alpha2)
}

/// The English name of a country code (table, else gazetteer, else the code).
pub fn country_name(alpha2: &str) -> String {
    if let Some(c) = country(alpha2) {
        return c.name.to_string();
    }
    repatwatch_extract::place::country(alpha2)
        .map(|p| p.name)
        .unwrap_or_else(|| alpha2.to_string())
}

/// ACLED's tenure suffix of a state actor ("(2012-)"), from the date of the
/// act: the head of state's years for China and North Korea; none for other
/// states or when the date is unknown.
fn tenure(state: &str, date: Option<NaiveDate>) -> &'static str {
    let Some(d) = date else { return "" };
    let ymd = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap_or(NaiveDate::MIN);
    match state {
        "CN" if d >= ymd(2012, 11, 15) => " (2012-)",
        "CN" if d >= ymd(2002, 11, 15) => " (2002-2012)",
        "KP" if d >= ymd(2011, 12, 17) => " (2011-)",
        "KP" if d >= ymd(1994, 7, 8) => " (1994-2011)",
        _ => "",
    }
}

/// The ACLED-style actor name of one of our actor codes (`CN-PSB` →
/// "Police Forces of China (2012-)"); see `docs/export.md`.
pub fn actor_name(code: &str, date: Option<NaiveDate>) -> String {
    let (state, agency) = code.split_once('-').unwrap_or((code, "GOV"));
    let c = country_name(state);
    let t = tenure(state, date);
    match (state, agency) {
        ("CN", "BORDER") => format!("Police Forces of China{t} Border Defense"),
        ("CN", "MSS") => format!("Government of China{t} Ministry of State Security"),
        ("KP", "MSS") => format!("Police Forces of North Korea{t} Ministry of State Security"),
        ("KP", "MPS") => format!("Police Forces of North Korea{t} Ministry of Social Security"),
        ("KP", "BORDER") => format!("Military Forces of North Korea{t} Border Guard"),
        (_, "BORDER") => format!("Police Forces of {c}{t} Border Guard"),
        (_, "PSB" | "POLICE" | "MPS") => format!("Police Forces of {c}{t}"),
        (_, "MSS") => format!("Government of {c}{t} Ministry of State Security"),
        _ => format!("Government of {c}{t}"),
    }
}

/// ACLED's event type, sub-event type, disorder type and civilian targeting.
pub struct EventClass {
    pub disorder_type: &'static str,
    pub event_type: &'static str,
    pub sub_event_type: &'static str,
    pub civilian_targeting: &'static str,
}

const SD: &str = "Strategic developments";

/// The ACLED class of an incident (table in `docs/export.md`).
pub fn classify(inc: &Incident) -> EventClass {
    let sd = |sub| EventClass {
        disorder_type: SD,
        event_type: SD,
        sub_event_type: sub,
        civilian_targeting: "",
    };
    if inc.status != Status::Occurred {
        return sd("Other");
    }
    match inc.kind {
        EventType::Arrest => sd("Arrests"),
        EventType::Death if !inc.actors.is_empty() => EventClass {
            disorder_type: "Political violence",
            event_type: "Violence against civilians",
            sub_event_type: "Attack",
            civilian_targeting: "Civilian targeting",
        },
        _ => sd("Other"),
    }
}

fn geo_precision(p: Precision) -> u8 {
    match p {
        Precision::Facility | Precision::City => 1,
        Precision::Border => 2,
        Precision::Admin1 | Precision::Country => 3,
    }
}

/// ACLED's time precision: 1 a day, 2 a week, 3 anything longer.
pub fn time_precision(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 1,
        DatePrecision::Week => 2,
        _ => 3,
    }
}

fn fatalities(inc: &Incident, class: &EventClass) -> u64 {
    if class.event_type != "Violence against civilians" {
        return 0;
    }
    match inc.people.count {
        Some(c) => c.min.or(c.max).unwrap_or(0),
        None => 0,
    }
}

/// The place ACLED's single location columns describe: the most precise one.
pub fn main_location(locs: &[Location]) -> Option<&Location> {
    crate::most_precise(locs)
}

fn verb(inc: &Incident) -> &'static str {
    match inc.kind {
        EventType::Arrest => "arrest",
        EventType::Detention => "detention",
        EventType::Transfer => "transfer",
        EventType::Repatriation => "forced return to North Korea",
        EventType::Release => "release",
        EventType::Punishment => "punishment after forced return",
        EventType::Death => "death in custody or during forced return",
    }
}

/// One ACLED row, column by column (as [`HEADER`]).
pub fn record(row: &ExportRow) -> Vec<String> {
    let inc = &row.incident;
    let class = classify(inc);
    let act_date = inc.date.as_ref().map(|d| d.start);
    let tenure_date = act_date.or(row.published);
    let loc = main_location(&inc.locations);
    let cc = loc.map(|l| l.country.as_str()).unwrap_or("");
    let ctry = country(cc);
    let alpha3 = match (ctry, cc) {
        (Some(c), _) => c.alpha3.to_string(),
        (None, "") => "XXX".to_string(),
        (None, cc) => cc.to_string(),
    };
    let event_id = format!("{alpha3}-{}-{}", row.document_id, row.incident_index);

    let (event_date, year, time_prec) = match &inc.date {
        Some(d) => {
            let (s, e) = if d.start <= d.end {
                (d.start, d.end)
            } else {
                (d.end, d.start)
            };
            let mid = s + (e - s) / 2;
            (
                mid.format("%Y-%m-%d").to_string(),
                mid.year().to_string(),
                time_precision(date_precision(d)).to_string(),
            )
        }
        None => (String::new(), String::new(), String::new()),
    };

    // actor1: the acting state, preferably the one where the act happened
    let mut actors: Vec<&str> = inc.actors.iter().map(String::as_str).collect();
    actors.dedup();
    let first = actors
        .iter()
        .position(|a| {
            !cc.is_empty() && a.starts_with(cc) && a.as_bytes().get(cc.len()) == Some(&b'-')
        })
        .or_else(|| actors.iter().position(|a| !a.starts_with("KP-")))
        .or(if actors.is_empty() { None } else { Some(0) });
    let civilians = "Civilians (North Korea)".to_string();
    let mut victims_assoc = vec!["Refugees/IDPs (North Korea)".to_string()];
    if inc.people.gender == Some(Gender::Female) {
        victims_assoc.push("Women (North Korea)".to_string());
    }
    if inc.people.minors.is_some_and(|m| m > 0) {
        victims_assoc.push("Children (North Korea)".to_string());
    }
    let (actor1, assoc1, inter1, actor2, assoc2, inter2, interaction) = match first {
        Some(i) => {
            let a1 = actor_name(actors[i], tenure_date);
            let mut assoc: Vec<String> = Vec::new();
            for (j, a) in actors.iter().enumerate() {
                let n = actor_name(a, tenure_date);
                if j != i && n != a1 && !assoc.contains(&n) {
                    assoc.push(n);
                }
            }
            (
                a1,
                assoc.join("; "),
                "1",
                civilians,
                victims_assoc.join("; "),
                "7",
                "17",
            )
        }
        None => (
            civilians,
            victims_assoc.join("; "),
            "7",
            String::new(),
            String::new(),
            "",
            "70",
        ),
    };

    let (iso, region, country_col) = match (ctry, loc) {
        (Some(c), _) => (
            c.numeric.to_string(),
            c.region.to_string(),
            c.name.to_string(),
        ),
        (None, Some(l)) => (String::new(), String::new(), country_name(&l.country)),
        (None, None) => (String::new(), String::new(), String::new()),
    };
    let coord = |x: f64, lim: f64| {
        if x.is_finite() && x.abs() <= lim {
            format!("{x:.4}")
        } else {
            String::new()
        }
    };
    let (admin1, location, lat, lon, geo_prec) = match loc {
        Some(l) => (
            l.admin1.clone().unwrap_or_default(),
            l.name.clone(),
            coord(l.lat, 90.0),
            coord(l.lon, 180.0),
            geo_precision(l.precision).to_string(),
        ),
        None => Default::default(),
    };
    let source = row
        .outlet
        .clone()
        .or_else(|| row.url.as_deref().and_then(crate::redact::url_origin))
        .unwrap_or_default();

    vec![
        event_id,
        event_date,
        year,
        time_prec,
        class.disorder_type.to_string(),
        class.event_type.to_string(),
        class.sub_event_type.to_string(),
        actor1,
        assoc1,
        inter1.to_string(),
        actor2,
        assoc2,
        inter2.to_string(),
        interaction.to_string(),
        class.civilian_targeting.to_string(),
        iso,
        region,
        country_col,
        admin1,
        String::new(),
        String::new(),
        location,
        lat,
        lon,
        geo_prec,
        source,
        String::new(),
        notes(row),
        fatalities(inc, &class).to_string(),
        tags(row),
        String::new(),
    ]
}

/// A one-sentence summary built from the coded fields only (under
/// redaction, from the redacted ones).
fn notes(row: &ExportRow) -> String {
    let inc = &row.incident;
    let mut s = String::new();
    if let Some(d) = &inc.date {
        if d.start == d.end {
            s.push_str(&format!("On {}", d.start));
        } else {
            s.push_str(&format!("Between {} and {}", d.start, d.end));
        }
        if let Some(t) = &d.text {
            s.push_str(&format!(" ({t})"));
        }
        s.push_str(": ");
    }
    let status = match inc.status {
        Status::Occurred => "",
        Status::Planned => "planned ",
        Status::Blocked => "blocked ",
    };
    let mut what = format!("{status}{}", verb(inc));
    if let Some(f) = what.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s.push_str(&what);
    // built from the coded count, gender and minors only: never a name
    s.push_str(&format!(
        " of {}",
        crate::redact::describe_people(&inc.people)
    ));
    if !inc.locations.is_empty() {
        let places: Vec<String> = inc.locations.iter().map(crate::place_label).collect();
        s.push_str(&format!(" in {}", places.join("; ")));
    }
    if let Some(f) = &inc.facility {
        s.push_str(&format!(" (custody: {f})"));
    }
    if !inc.actors.is_empty() {
        let date = inc.date.as_ref().map(|d| d.start).or(row.published);
        let mut names: Vec<String> = Vec::new();
        for a in &inc.actors {
            let n = actor_name(a, date);
            if !names.contains(&n) {
                names.push(n);
            }
        }
        s.push_str(&format!(" by {}", names.join(", ")));
    }
    s.push('.');
    if inc.hedged {
        s.push_str(" The report hedges this account.");
    }
    s
}

fn tags(row: &ExportRow) -> String {
    let inc = &row.incident;
    let mut t = vec![
        format!("repatwatch type={}", inc.kind.as_str()),
        format!("status={}", inc.status.as_str()),
        format!("hedged={}", inc.hedged),
    ];
    if let Some(c) = row.case_id {
        t.push(format!("case={c}"));
    }
    if let Some(r) = &row.review {
        t.push(format!("review={}", r.replace(';', ",")));
    }
    t.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_names() {
        let d = NaiveDate::from_ymd_opt(2023, 5, 1);
        assert_eq!(actor_name("CN-PSB", d), "Police Forces of China (2012-)");
        assert_eq!(actor_name("KP-GOV", d), "Government of North Korea (2011-)");
        assert_eq!(actor_name("VN-POLICE", None), "Police Forces of Vietnam");
        assert_eq!(actor_name("LA-GOV", d), "Government of Laos");
        assert_eq!(
            actor_name("CN-BORDER", NaiveDate::from_ymd_opt(2008, 1, 1)),
            "Police Forces of China (2002-2012) Border Defense"
        );
    }
}
