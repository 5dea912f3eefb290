//! Random incidents serialise in every format, redacted or not, without
//! panicking; CSV (and ACLED) always parse back to as many rows; JSONL gives
//! one object a line; GeoJSON stays a valid FeatureCollection.

mod common;

use chrono::NaiveDate;
use common::validate_geojson;
use proptest::prelude::*;
use repatwatch_export::{to_string, ExportFormat, ExportOptions, ExportRow};
use repatwatch_extract::{
    Count, EventType, Evidence, Gender, Incident, IncidentDate, Location, People, Precision,
    Source, SourceKind, Status,
};
use serde_json::Value;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[A-Za-z ,\"'\\n\\r-]{0,40}",
        "(Mr\\. |Ms |)(Kim|Lee|Song|Han|An) [A-Z][a-z]{1,4}(-[a-z]{2,3})?(, [0-9]{2},)?( and her son)?",
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (-3000i32..3000, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y + 2000, m, d).unwrap())
}

fn coord() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -200.0f64..200.0,
        1 => proptest::num::f64::ANY,
    ]
}

fn location() -> impl Strategy<Value = Location> {
    (
        proptest::option::of(text()),
        text(),
        proptest::option::of(prop_oneof![Just("Jilin".to_string()), text()]),
        prop_oneof![
            Just("CN".to_string()),
            Just("KP".to_string()),
            "[A-Z]{2}",
            text()
        ],
        prop_oneof![
            Just(Precision::Facility),
            Just(Precision::City),
            Just(Precision::Admin1),
            Just(Precision::Country),
            Just(Precision::Border),
        ],
        coord(),
        coord(),
    )
        .prop_map(|(t, name, admin1, country, precision, lat, lon)| Location {
            text: t,
            name,
            admin1,
            country,
            precision,
            lat,
            lon,
            geonames_id: None,
        })
}

fn incident() -> impl Strategy<Value = Incident> {
    let kind = prop_oneof![
        Just(EventType::Arrest),
        Just(EventType::Detention),
        Just(EventType::Transfer),
        Just(EventType::Repatriation),
        Just(EventType::Release),
        Just(EventType::Punishment),
        Just(EventType::Death),
    ];
    let status = prop_oneof![
        Just(Status::Occurred),
        Just(Status::Planned),
        Just(Status::Blocked)
    ];
    let idate = proptest::option::of(
        (proptest::option::of(text()), date(), date())
            .prop_map(|(text, start, end)| IncidentDate { text, start, end }),
    );
    let count = proptest::option::of(
        (
            proptest::option::of(0u64..u64::MAX),
            proptest::option::of(any::<u64>()),
            any::<bool>(),
        )
            .prop_map(|(min, max, approximate)| Count {
                min,
                max,
                approximate,
            }),
    );
    let gender = proptest::option::of(prop_oneof![
        Just(Gender::Female),
        Just(Gender::Male),
        Just(Gender::Mixed)
    ]);
    let people = (
        proptest::option::of(text()),
        count,
        gender,
        proptest::option::of(any::<u64>()),
    )
        .prop_map(|(text, count, gender, minors)| People {
            text,
            count,
            gender,
            minors,
        });
    let actor = prop_oneof!["(CN|KP|LA|VN|ZZ)-(PSB|BORDER|MSS|GOV|MPS|POLICE)", text()];
    let source = (
        prop_oneof![
            Just(SourceKind::Anonymous),
            Just(SourceKind::Named),
            Just(SourceKind::Family),
            Just(SourceKind::Ngo)
        ],
        proptest::option::of(text()),
    )
        .prop_map(|(kind, text)| Source { kind, text });
    let evidence = (any::<usize>(), any::<usize>(), text())
        .prop_map(|(start, end, quote)| Evidence { start, end, quote });
    (
        kind,
        status,
        any::<bool>(),
        idate,
        proptest::collection::vec(location(), 0..4),
        proptest::option::of(text()),
        people,
        proptest::collection::vec(actor, 0..3),
        proptest::collection::vec(source, 0..3),
        proptest::collection::vec(evidence, 0..3),
    )
        .prop_map(
            |(
                kind,
                status,
                hedged,
                date,
                locations,
                facility,
                people,
                actors,
                sources,
                evidence,
            )| {
                Incident {
                    kind,
                    status,
                    hedged,
                    date,
                    locations,
                    facility,
                    people,
                    actors,
                    sources,
                    evidence,
                    explain: None,
                }
            },
        )
}

fn row() -> impl Strategy<Value = ExportRow> {
    (
        text(),
        any::<usize>(),
        proptest::option::of(any::<u64>()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(prop_oneof![
            "https?://[a-z.]{1,12}/[a-z0-9/-]{0,20}",
            text()
        ]),
        proptest::option::of(text()),
        proptest::option::of(date()),
        incident(),
    )
        .prop_map(
            |(
                document_id,
                incident_index,
                case_id,
                review,
                outlet,
                url,
                title,
                published,
                incident,
            )| {
                ExportRow {
                    document_id,
                    incident_index,
                    case_id,
                    review,
                    outlet,
                    url,
                    title,
                    published,
                    incident,
                }
            },
        )
}

fn csv_rows(text: &str, width: usize) -> usize {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(r.headers().unwrap().len(), width);
    r.records()
        .map(|rec| assert_eq!(rec.unwrap().len(), width))
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_format_serialises_random_incidents(rows in proptest::collection::vec(row(), 0..6), redact in any::<bool>()) {
        let o = ExportOptions { redact };
        let n = rows.len();
        let csv = to_string(rows.clone(), ExportFormat::Csv, &o).unwrap();
        prop_assert_eq!(csv_rows(&csv, repatwatch_export::csv_header().len()), n);
        let acled = to_string(rows.clone(), ExportFormat::Acled, &o).unwrap();
        prop_assert_eq!(csv_rows(&acled, repatwatch_export::acled_header().len()), n);
        let jsonl = to_string(rows.clone(), ExportFormat::Jsonl, &o).unwrap();
        prop_assert_eq!(jsonl.lines().count(), n);
        for line in jsonl.lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            prop_assert!(v.get("document_id").is_some());
        }
        let geo = to_string(rows.clone(), ExportFormat::Geojson, &o).unwrap();
        let v: Value = serde_json::from_str(&geo).unwrap();
        prop_assert_eq!(validate_geojson(&v), n);
        if redact {
            // no quote, no source text survives redaction
            for line in jsonl.lines() {
                let v: Value = serde_json::from_str(line).unwrap();
                for e in v["evidence"].as_array().unwrap() {
                    prop_assert_eq!(&e["quote"], "");
                }
                for s in v["sources"].as_array().unwrap() {
                    prop_assert!(s["text"].is_null());
                }
                for l in v["locations"].as_array().unwrap() {
                    prop_assert_ne!(&l["precision"], "facility");
                }
            }
        }
    }
}
