//! Redaction (`ExportOptions.redact`): what an export may publish about
//! victims and sources. Every rule is listed in `docs/export.md`
//! ("Redaction"); [`redact_row`] is the one place that applies them, before
//! any format sees a row.

use crate::names;
use crate::ExportRow;
use repatwatch_extract::place;
use repatwatch_extract::{Count, Gender, Incident, Location, People, Precision};

/// Redacted coordinates keep this many decimal places (0.01° ≈ 1.1 km).
pub const COORD_DECIMALS: i32 = 2;

/// The row with every redaction rule applied.
pub fn redact_row(mut row: ExportRow) -> ExportRow {
    let details = facility_words(&row.incident);
    let mentions_detail = |t: &str| {
        let t = t.to_lowercase();
        details.iter().any(|d| t.contains(d.as_str()))
    };
    row.title = row
        .title
        .as_deref()
        .filter(|t| !mentions_detail(t))
        .and_then(names::mask_names);
    if let Some(d) = &mut row.incident.date {
        if d.text.as_deref().is_some_and(mentions_detail) {
            d.text = None;
        }
    }
    row.url = row.url.as_deref().and_then(url_origin);
    redact_incident(&mut row.incident);
    row
}

/// The facility words of an incident (its facility text, its facility
/// places' names and words), lower-cased: a title or date text that repeats
/// them is dropped.
fn facility_words(inc: &Incident) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        let s = s.trim().to_lowercase();
        if s.chars().filter(|c| c.is_alphanumeric()).count() >= 3 && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(f) = &inc.facility {
        add(f);
    }
    for l in inc
        .locations
        .iter()
        .filter(|l| l.precision == Precision::Facility)
    {
        add(&l.name);
        if let Some(t) = &l.text {
            add(t);
        }
    }
    out
}

/// The incident with every redaction rule applied (see [`redact_row`]).
pub fn redact_incident(inc: &mut Incident) {
    inc.explain = None;
    inc.people = People {
        text: Some(describe_people(&inc.people)),
        count: inc.people.count,
        gender: inc.people.gender,
        minors: inc.people.minors,
    };
    for s in &mut inc.sources {
        s.text = None;
    }
    for e in &mut inc.evidence {
        e.quote = String::new();
    }
    if let Some(d) = &mut inc.date {
        d.text = d.text.as_deref().and_then(names::mask_names);
    }
    let facility_text = inc.facility.take();
    let mut locs: Vec<Location> = Vec::with_capacity(inc.locations.len());
    for l in &inc.locations {
        let coarse = if l.precision == Precision::Facility {
            coarsen_facility(l, &inc.locations, facility_text.as_deref())
        } else {
            Some(Location {
                text: None,
                ..l.clone()
            })
        };
        if let Some(mut c) = coarse {
            c.lat = round_coord(c.lat);
            c.lon = round_coord(c.lon);
            if !locs
                .iter()
                .any(|o| o.name == c.name && o.precision == c.precision && o.country == c.country)
            {
                locs.push(c);
            }
        }
    }
    inc.locations = locs;
    if facility_text.is_some() {
        inc.facility = town_of(&inc.locations).map(|l| l.name.clone());
    }
}

/// The place a redacted facility stands for: the town of the incident.
fn town_of(locs: &[Location]) -> Option<&Location> {
    locs.iter()
        .find(|l| matches!(l.precision, Precision::City | Precision::Border))
        .or_else(|| locs.iter().find(|l| l.precision == Precision::Admin1))
        .or_else(|| locs.iter().find(|l| l.precision == Precision::Country))
}

fn is_town(p: Precision) -> bool {
    matches!(p, Precision::City | Precision::Border)
}

/// A facility-precision place replaced by its town: the nearest city-level
/// place of the same incident; else a town named in the facility's own words
/// (gazetteer); else its province's centre; else its country's centre; else
/// nothing.
fn coarsen_facility(l: &Location, all: &[Location], facility: Option<&str>) -> Option<Location> {
    let dist = |o: &Location| {
        let (a, b) = (l.lat.to_radians(), o.lat.to_radians());
        let d = (a - b).powi(2) + ((l.lon - o.lon).to_radians() * a.cos()).powi(2);
        if d.is_finite() {
            d
        } else {
            f64::MAX
        }
    };
    if let Some(t) = all
        .iter()
        .filter(|o| is_town(o.precision))
        .min_by(|a, b| dist(a).total_cmp(&dist(b)))
    {
        return Some(Location {
            text: None,
            ..t.clone()
        });
    }
    let words = [Some(l.name.as_str()), l.text.as_deref(), facility];
    for w in words.into_iter().flatten() {
        if let Some(m) = place::find(w)
            .into_iter()
            .find(|m| is_town(m.place.precision) && m.place.country == l.country)
        {
            let p = m.place;
            return Some(Location {
                text: None,
                name: p.name,
                admin1: p.admin1,
                country: p.country,
                precision: Precision::City,
                lat: p.lat,
                lon: p.lon,
                geonames_id: p.geonames_id,
            });
        }
    }
    let coarse = l
        .admin1
        .as_deref()
        .and_then(|a| place::admin1(&l.country, a))
        .or_else(|| place::country(&l.country))?;
    Some(Location {
        text: None,
        name: coarse.name,
        admin1: coarse.admin1,
        country: coarse.country,
        precision: coarse.precision,
        lat: coarse.lat,
        lon: coarse.lon,
        geonames_id: coarse.geonames_id,
    })
}

/// Rounds to [`COORD_DECIMALS`] places.
pub fn round_coord(x: f64) -> f64 {
    let f = 10f64.powi(COORD_DECIMALS);
    (x * f).round() / f
}

/// `scheme://host/` of a URL (its path may carry names); `None` when it has
/// no recognisable host.
pub fn url_origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    // drop any user-info
    let host = host.rsplit('@').next()?;
    if host.is_empty() {
        return None;
    }
    Some(format!("{scheme}://{host}/"))
}

/// A neutral description of the people that keeps count, gender and minors
/// only ("3 women, including 1 child", "about 20 people", "a man").
pub fn describe_people(p: &People) -> String {
    let (one, many) = match p.gender {
        Some(Gender::Female) => ("a woman", "women"),
        Some(Gender::Male) => ("a man", "men"),
        Some(Gender::Mixed) => ("a person", "women and men"),
        None => ("a person", "people"),
    };
    let about = |c: &Count| if c.approximate { "about " } else { "" };
    let mut s = match p.count {
        Some(
            c @ Count {
                min: Some(a),
                max: Some(b),
                ..
            },
        ) if a == b => {
            if a == 1 && !c.approximate {
                one.to_string()
            } else {
                format!("{}{a} {many}", about(&c))
            }
        }
        Some(
            c @ Count {
                min: Some(a),
                max: Some(b),
                ..
            },
        ) => {
            format!("{}{} to {} {many}", about(&c), a.min(b), a.max(b))
        }
        Some(
            c @ Count {
                min: Some(a),
                max: None,
                ..
            },
        ) => format!("{}at least {a} {many}", about(&c)),
        Some(
            c @ Count {
                min: None,
                max: Some(b),
                ..
            },
        ) => format!("{}up to {b} {many}", about(&c)),
        _ => format!("{many} (number not reported)"),
    };
    match p.minors {
        Some(0) | None => {}
        Some(1) => s.push_str(", including 1 child"),
        Some(k) => s.push_str(&format!(", including {k} children")),
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_descriptions() {
        let p = |count, gender, minors| People {
            text: Some("Ms. X".into()),
            count,
            gender,
            minors,
        };
        assert_eq!(
            describe_people(&p(Some(Count::exact(1)), Some(Gender::Female), None)),
            "a woman"
        );
        assert_eq!(
            describe_people(&p(Some(Count::exact(2)), Some(Gender::Mixed), Some(1))),
            "2 women and men, including 1 child"
        );
        assert_eq!(
            describe_people(&p(Some(Count::approx(20)), None, None)),
            "about 20 people"
        );
        assert_eq!(
            describe_people(&p(
                Some(Count::range(Some(501), None, false)),
                Some(Gender::Male),
                None
            )),
            "at least 501 men"
        );
        assert_eq!(
            describe_people(&p(None, None, Some(0))),
            "people (number not reported)"
        );
    }

    #[test]
    fn url_origins() {
        assert_eq!(
            url_origin("https://news.example.org/2024/kim-arrested?x=1").as_deref(),
            Some("https://news.example.org/")
        );
        assert_eq!(url_origin("not a url"), None);
        assert_eq!(
            url_origin("https://u:p@h.example/x").as_deref(),
            Some("https://h.example/")
        );
    }
}
