//! Invented incidents for the export tests (no corpus text).
#![allow(dead_code)]

use chrono::NaiveDate;
use repatwatch_export::ExportRow;
use repatwatch_extract::{
    Count, EventType, Evidence, Gender, Incident, IncidentDate, Location, People, Precision,
    Source, SourceKind, Status,
};
use serde_json::Value;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn city(name: &str, admin1: &str, country: &str, lat: f64, lon: f64) -> Location {
    Location {
        text: Some(name.to_string()),
        name: name.to_string(),
        admin1: Some(admin1.to_string()),
        country: country.to_string(),
        precision: Precision::City,
        lat,
        lon,
        geonames_id: None,
    }
}

pub fn incident(kind: EventType) -> Incident {
    Incident {
        kind,
        status: Status::Occurred,
        hedged: false,
        date: None,
        locations: vec![],
        facility: None,
        people: People::default(),
        actors: vec![],
        sources: vec![],
        evidence: vec![Evidence {
            start: 0,
            end: 10,
            quote: "They were.".to_string(),
        }],
        explain: None,
    }
}

pub fn row(doc: &str, index: usize, incident: Incident) -> ExportRow {
    ExportRow {
        document_id: doc.to_string(),
        incident_index: index,
        case_id: None,
        review: None,
        outlet: None,
        url: None,
        title: None,
        published: None,
        incident,
    }
}

/// An arrest told with names, a precise facility and a named source: what
/// redaction must hide.
pub fn sensitive_row() -> ExportRow {
    let mut inc = incident(EventType::Arrest);
    inc.hedged = true;
    inc.date = Some(IncidentDate {
        text: Some("on Oct. 3".into()),
        start: day(2024, 10, 3),
        end: day(2024, 10, 3),
    });
    inc.locations = vec![
        Location {
            text: Some("the Willow Lane lockup".into()),
            name: "Willow Lane lockup".into(),
            admin1: Some("Jilin".into()),
            country: "CN".into(),
            precision: Precision::Facility,
            lat: 42.965_431,
            lon: 129.845_617,
            geonames_id: None,
        },
        city("Tumen", "Jilin", "CN", 42.96667, 129.81667),
    ];
    inc.facility = Some("Willow Lane lockup, third floor".into());
    inc.people = People {
        text: Some("Hwang Un-ja, 41, and her son".into()),
        count: Some(Count::exact(2)),
        gender: Some(Gender::Mixed),
        minors: Some(1),
    };
    inc.actors = vec!["CN-PSB".into()];
    inc.sources = vec![
        Source {
            kind: SourceKind::Named,
            text: Some("Mr. Pyo Gwang-sik, a broker".into()),
        },
        Source {
            kind: SourceKind::Family,
            text: Some("her cousin Dal-rae".into()),
        },
    ];
    inc.evidence = vec![Evidence {
        start: 120,
        end: 190,
        quote: "Hwang Un-ja and her son were taken to the Willow Lane lockup, Mr. Pyo said.".into(),
    }];
    ExportRow {
        document_id: "doc-001".into(),
        incident_index: 0,
        case_id: Some(7),
        review: Some("confirmed".into()),
        outlet: Some("Example Daily".into()),
        url: Some("https://news.example.org/2024/10/hwang-un-ja-arrested".into()),
        title: Some("Hwang Un-ja arrested with son in Tumen".into()),
        published: Some(day(2024, 10, 17)),
        incident: inc,
    }
}

/// Words of [`sensitive_row`] that no redacted export may contain.
pub const SENSITIVE: &[&str] = &[
    "Hwang",
    "Un-ja",
    "Pyo",
    "Gwang",
    "Dal-rae",
    "Willow",
    "lockup",
    "third floor",
    "41,",
    "42.965431",
    "129.845617",
    "42.9654",
    "129.8456",
    "hwang-un-ja",
];

/// A plain set of rows covering every type and status.
pub fn sample_rows() -> Vec<ExportRow> {
    let mut rows = vec![sensitive_row()];
    let mut rep = incident(EventType::Repatriation);
    rep.status = Status::Blocked;
    rep.date = Some(IncidentDate {
        text: Some("early this month".into()),
        start: day(2023, 5, 1),
        end: day(2023, 5, 10),
    });
    rep.locations = vec![city("Dandong", "Liaoning", "CN", 40.12, 124.39)];
    rep.people = People {
        text: Some("about 20 women, \"mostly\" from the north,\nsome young".into()),
        count: Some(Count::approx(20)),
        gender: Some(Gender::Female),
        minors: None,
    };
    rep.actors = vec!["CN-GOV".into(), "KP-GOV".into()];
    rows.push(row("doc-002", 0, rep));

    let mut death = incident(EventType::Death);
    death.actors = vec!["KP-MSS".into()];
    death.people.count = Some(Count::exact(1));
    death.locations = vec![Location {
        text: None,
        name: "North Hamgyong".into(),
        admin1: Some("North Hamgyong".into()),
        country: "KP".into(),
        precision: Precision::Admin1,
        lat: 41.8,
        lon: 129.6,
        geonames_id: None,
    }];
    rows.push(row("doc-002", 1, death));

    let mut none = incident(EventType::Detention);
    none.evidence[0].quote = "Ünïcødé — 北朝鮮 \"quoted\", comma\r\nnew line".into();
    rows.push(row("doc-003", 0, none));
    for k in [
        EventType::Transfer,
        EventType::Release,
        EventType::Punishment,
    ] {
        let mut i = incident(k);
        i.status = Status::Planned;
        i.locations = vec![city(
            "Vientiane",
            "Vientiane Prefecture",
            "LA",
            17.96,
            102.6,
        )];
        i.actors = vec!["LA-GOV".into()];
        rows.push(row("doc-004", rows.len(), i));
    }
    rows
}

/// RFC 7946 structural checks of a FeatureCollection; panics with a reason.
pub fn validate_geojson(v: &Value) -> usize {
    let o = v.as_object().expect("top level is an object");
    assert_eq!(
        o.get("type"),
        Some(&Value::String("FeatureCollection".into()))
    );
    assert!(!o.contains_key("crs"), "RFC 7946 §4: no crs member");
    let feats = o
        .get("features")
        .and_then(Value::as_array)
        .expect("features array");
    for f in feats {
        let f = f.as_object().expect("feature is an object");
        assert_eq!(f.get("type"), Some(&Value::String("Feature".into())));
        assert!(!f.contains_key("crs"));
        if let Some(id) = f.get("id") {
            assert!(id.is_string() || id.is_number(), "id is a string or number");
        }
        let props = f.get("properties").expect("properties member");
        assert!(props.is_object() || props.is_null());
        let g = f.get("geometry").expect("geometry member");
        if g.is_null() {
            continue;
        }
        let g = g.as_object().expect("geometry is an object or null");
        assert_eq!(g.get("type"), Some(&Value::String("Point".into())));
        let c = g
            .get("coordinates")
            .and_then(Value::as_array)
            .expect("coordinates array");
        assert_eq!(c.len(), 2, "a position is [lon, lat]");
        let lon = c[0].as_f64().expect("lon is a number");
        let lat = c[1].as_f64().expect("lat is a number");
        assert!((-180.0..=180.0).contains(&lon), "lon in range: {lon}");
        assert!((-90.0..=90.0).contains(&lat), "lat in range: {lat}");
    }
    feats.len()
}
