mod common;

use common::*;
use repatwatch_export::{
    acled_header, csv_header, to_string, write, ExportFormat, ExportOptions, ExportRow,
};
use repatwatch_extract::{EventType, Location, Precision};
use serde_json::Value;
use std::collections::HashMap;

const PLAIN: ExportOptions = ExportOptions { redact: false };
const REDACT: ExportOptions = ExportOptions { redact: true };

fn export(rows: Vec<ExportRow>, f: ExportFormat, o: &ExportOptions) -> String {
    to_string(rows, f, o).unwrap()
}

/// CSV text → header and records, each as column → value.
fn read_csv(text: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let recs = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            assert_eq!(rec.len(), header.len());
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, recs)
}

#[test]
fn csv_round_trips_with_the_documented_header() {
    let rows = sample_rows();
    let n = rows.len();
    let text = export(rows.clone(), ExportFormat::Csv, &PLAIN);
    let (header, recs) = read_csv(&text);
    assert_eq!(header, csv_header());
    assert_eq!(recs.len(), n);
    let first = &recs[0];
    assert_eq!(first["document_id"], "doc-001");
    assert_eq!(first["case_id"], "7");
    assert_eq!(first["type"], "arrest");
    assert_eq!(first["hedged"], "true");
    assert_eq!(first["date_start"], "2024-10-03");
    assert_eq!(first["date_precision"], "day");
    assert_eq!(first["location_name"], "Willow Lane lockup");
    assert_eq!(first["location_count"], "2");
    assert_eq!(first["people_min"], "2");
    assert_eq!(first["minors"], "1");
    assert_eq!(first["actors"], "CN-PSB");
    assert_eq!(first["source_kinds"], "named;family");
    assert_eq!(first["evidence_spans"], "120-190");
    assert_eq!(first["published"], "2024-10-17");
    // quotes, commas and newlines survive
    assert_eq!(
        recs[1]["people_text"],
        rows[1].incident.people.text.clone().unwrap()
    );
    assert_eq!(recs[1]["date_precision"], "month");
    assert_eq!(recs[1]["status"], "blocked");
    assert_eq!(
        recs[3]["evidence_quote"],
        rows[3].incident.evidence[0].quote
    );
    // missing values are empty cells
    assert_eq!(recs[3]["date_start"], "");
    assert_eq!(recs[3]["location_lat"], "");
    assert_eq!(recs[3]["case_id"], "");
}

#[test]
fn jsonl_lines_are_schema_incidents_with_ids() {
    let rows = sample_rows();
    let text = export(rows.clone(), ExportFormat::Jsonl, &PLAIN);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), rows.len());
    for (line, row) in lines.iter().zip(&rows) {
        let v: Value = serde_json::from_str(line).unwrap();
        let o = v.as_object().unwrap();
        assert_eq!(o["document_id"], Value::String(row.document_id.clone()));
        assert!(o.contains_key("case_id"));
        for k in [
            "type",
            "status",
            "hedged",
            "date",
            "locations",
            "people",
            "actors",
            "evidence",
        ] {
            assert!(o.contains_key(k), "missing {k}");
        }
        assert!(!o.contains_key("explain"));
        // the incident part reads back as the model's Incident
        let inc: repatwatch_extract::Incident = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(inc, row.incident);
    }
}

#[test]
fn geojson_is_an_rfc7946_feature_collection() {
    let rows = sample_rows();
    let n = rows.len();
    let text = export(rows, ExportFormat::Geojson, &PLAIN);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(validate_geojson(&v), n);
    let feats = v["features"].as_array().unwrap();
    // the most precise place, [lon, lat]
    assert_eq!(
        feats[0]["geometry"]["coordinates"],
        serde_json::json!([129.845617, 42.965431])
    );
    assert_eq!(feats[0]["properties"]["point_precision"], "facility");
    assert_eq!(feats[0]["id"], "doc-001#0");
    // no place: geometry null, feature kept
    assert!(feats[3]["geometry"].is_null());
    assert_eq!(feats[3]["properties"]["type"], "detention");
    // properties are the CSV columns, typed
    for k in csv_header() {
        assert!(feats[0]["properties"].get(k).is_some(), "property {k}");
    }
    assert_eq!(feats[0]["properties"]["hedged"], Value::Bool(true));
    assert_eq!(feats[0]["properties"]["people_min"], serde_json::json!(2));
}

#[test]
fn acled_header_is_acleds() {
    let acled = [
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
    assert_eq!(acled_header(), acled);
    let text = export(sample_rows(), ExportFormat::Acled, &PLAIN);
    let (header, _) = read_csv(&text);
    assert_eq!(header, acled);
}

#[test]
fn acled_mapping() {
    let text = export(sample_rows(), ExportFormat::Acled, &PLAIN);
    let (_, recs) = read_csv(&text);
    let arrest = &recs[0];
    assert_eq!(arrest["event_id_cnty"], "CHN-doc-001-0");
    assert_eq!(arrest["event_date"], "2024-10-03");
    assert_eq!(arrest["year"], "2024");
    assert_eq!(arrest["time_precision"], "1");
    assert_eq!(arrest["event_type"], "Strategic developments");
    assert_eq!(arrest["sub_event_type"], "Arrests");
    assert_eq!(arrest["disorder_type"], "Strategic developments");
    assert_eq!(arrest["actor1"], "Police Forces of China (2012-)");
    assert_eq!(arrest["inter1"], "1");
    assert_eq!(arrest["actor2"], "Civilians (North Korea)");
    assert_eq!(
        arrest["assoc_actor_2"],
        "Refugees/IDPs (North Korea); Children (North Korea)"
    );
    assert_eq!(arrest["inter2"], "7");
    assert_eq!(arrest["interaction"], "17");
    assert_eq!(arrest["iso"], "156");
    assert_eq!(arrest["region"], "East Asia");
    assert_eq!(arrest["country"], "China");
    assert_eq!(arrest["admin1"], "Jilin");
    assert_eq!(arrest["geo_precision"], "1");
    assert_eq!(arrest["source"], "Example Daily");
    assert_eq!(arrest["fatalities"], "0");
    assert!(arrest["tags"].contains("case=7"));

    let blocked = &recs[1];
    assert_eq!(blocked["sub_event_type"], "Other");
    assert_eq!(blocked["time_precision"], "3");
    assert_eq!(blocked["event_date"], "2023-05-05");
    assert_eq!(blocked["actor1"], "Government of China (2012-)");
    assert_eq!(
        blocked["assoc_actor_1"],
        "Government of North Korea (2011-)"
    );
    assert!(blocked["assoc_actor_2"].contains("Women (North Korea)"));
    assert!(blocked["notes"].starts_with("Between 2023-05-01 and 2023-05-10"));

    let death = &recs[2];
    assert_eq!(death["event_type"], "Violence against civilians");
    assert_eq!(death["sub_event_type"], "Attack");
    assert_eq!(death["civilian_targeting"], "Civilian targeting");
    assert_eq!(death["fatalities"], "1");
    assert_eq!(death["geo_precision"], "3");
    assert_eq!(death["iso"], "408");

    let nowhere = &recs[3];
    assert_eq!(nowhere["event_id_cnty"], "XXX-doc-003-0");
    assert_eq!(nowhere["actor1"], "Civilians (North Korea)");
    assert_eq!(nowhere["interaction"], "70");
    assert_eq!(nowhere["latitude"], "");
}

fn all_formats(rows: Vec<ExportRow>, o: &ExportOptions) -> Vec<(ExportFormat, String)> {
    ExportFormat::ALL
        .into_iter()
        .map(|f| (f, export(rows.clone(), f, o)))
        .collect()
}

#[test]
fn unredacted_exports_keep_the_details() {
    // the control for the redaction test: the words are there without it
    for (f, text) in all_formats(vec![sensitive_row()], &PLAIN) {
        assert!(text.contains("Willow"), "{f:?}");
        if f != ExportFormat::Acled {
            assert!(text.contains("Hwang"), "{f:?}");
        }
    }
}

#[test]
fn redaction_removes_names_and_facility_detail_in_every_format() {
    for (f, text) in all_formats(sample_rows(), &REDACT) {
        for w in SENSITIVE {
            assert!(!text.contains(w), "{f:?} export leaks {w:?}:\n{text}");
        }
    }
    // what stays: count, gender, minors, the town, kinds of sources
    let (_, recs) = read_csv(&export(vec![sensitive_row()], ExportFormat::Csv, &REDACT));
    let r = &recs[0];
    assert_eq!(r["people_text"], "2 women and men, including 1 child");
    assert_eq!(r["people_min"], "2");
    assert_eq!(r["gender"], "mixed");
    assert_eq!(r["facility"], "Tumen");
    assert_eq!(r["location_name"], "Tumen");
    assert_eq!(r["location_count"], "1");
    assert_eq!(r["location_lat"], "42.97");
    assert_eq!(r["source_kinds"], "named;family");
    assert_eq!(r["evidence_quote"], "");
    assert_eq!(r["evidence_spans"], "120-190");
    assert_eq!(r["url"], "https://news.example.org/");
    assert_eq!(r["title"], "[name] arrested with son in Tumen");
    assert_eq!(r["date_text"], "on Oct. 3");
    assert_eq!(r["outlet"], "Example Daily");

    let text = export(vec![sensitive_row()], ExportFormat::Jsonl, &REDACT);
    let v: Value = serde_json::from_str(text.trim()).unwrap();
    assert!(v["sources"][0]["text"].is_null());
    assert_eq!(v["sources"][0]["kind"], "named");
    assert_eq!(v["evidence"][0]["quote"], "");
    assert!(v["locations"][0]["text"].is_null());
    assert_eq!(v["locations"][0]["precision"], "city");
    // still a schema incident
    let _: repatwatch_extract::Incident = serde_json::from_value(v).unwrap();

    let text = export(vec![sensitive_row()], ExportFormat::Geojson, &REDACT);
    let v: Value = serde_json::from_str(&text).unwrap();
    validate_geojson(&v);
    assert_eq!(
        v["features"][0]["geometry"]["coordinates"],
        serde_json::json!([129.82, 42.97])
    );
    assert_eq!(v["features"][0]["properties"]["point_precision"], "city");
}

#[test]
fn a_facility_without_a_town_is_coarsened_to_its_province() {
    let mut row = sensitive_row();
    row.incident.locations.truncate(1);
    row.incident.locations[0].name = "Lockup 4".into();
    row.incident.locations[0].text = None;
    row.incident.facility = Some("Lockup 4".into());
    let text = export(vec![row], ExportFormat::Jsonl, &REDACT);
    let v: Value = serde_json::from_str(text.trim()).unwrap();
    let loc = &v["locations"][0];
    assert_eq!(loc["precision"], "admin1");
    assert_eq!(loc["name"], "Jilin");
    assert_eq!(v["facility"], "Jilin");
    assert!(!text.contains("Lockup"));
    assert!(!text.contains("129.8456"));
}

#[test]
fn a_facility_named_after_its_town_is_coarsened_to_the_town() {
    let mut row = sensitive_row();
    row.incident.locations.truncate(1);
    row.incident.locations[0].name = "Dandong border detention centre".into();
    row.incident.locations[0].admin1 = Some("Liaoning".into());
    let text = export(vec![row], ExportFormat::Jsonl, &REDACT);
    let v: Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(v["locations"][0]["name"], "Dandong");
    assert_eq!(v["locations"][0]["precision"], "city");
    assert_eq!(v["facility"], "Dandong");
}

#[test]
fn empty_exports() {
    for o in [PLAIN, REDACT] {
        let csv = export(vec![], ExportFormat::Csv, &o);
        let (h, recs) = read_csv(&csv);
        assert_eq!(h, csv_header());
        assert!(recs.is_empty());
        assert_eq!(export(vec![], ExportFormat::Jsonl, &o), "");
        let g: Value = serde_json::from_str(&export(vec![], ExportFormat::Geojson, &o)).unwrap();
        assert_eq!(validate_geojson(&g), 0);
        let (h, recs) = read_csv(&export(vec![], ExportFormat::Acled, &o));
        assert_eq!(h, acled_header());
        assert!(recs.is_empty());
    }
}

#[test]
fn odd_inputs_never_panic() {
    let mut rows = Vec::new();
    let mut bad = incident(EventType::Arrest);
    bad.locations = vec![Location {
        text: Some("\"\n,".into()),
        name: "".into(),
        admin1: None,
        country: "".into(),
        precision: Precision::Facility,
        lat: f64::NAN,
        lon: f64::INFINITY,
        geonames_id: None,
    }];
    bad.people.text = Some("Ｋｉｍ 🙂 \u{0}".into());
    bad.facility = Some("\r\n".into());
    bad.date = Some(repatwatch_extract::IncidentDate {
        text: Some("".into()),
        start: day(2020, 5, 9),
        end: day(2020, 5, 1),
    });
    bad.evidence.clear();
    bad.actors = vec!["".into(), "ZZ".into(), "-".into()];
    let mut r = row("", usize::MAX, bad);
    r.url = Some("://".into());
    r.title = Some("Mr.".into());
    r.review = Some("a;b\n".into());
    rows.push(r);
    for o in [PLAIN, REDACT] {
        for (f, text) in all_formats(rows.clone(), &o) {
            match f {
                ExportFormat::Csv | ExportFormat::Acled => assert_eq!(read_csv(&text).1.len(), 1),
                ExportFormat::Jsonl => {
                    let _: Value = serde_json::from_str(text.trim()).unwrap();
                }
                ExportFormat::Geojson => {
                    let v: Value = serde_json::from_str(&text).unwrap();
                    assert_eq!(validate_geojson(&v), 1);
                    assert!(v["features"][0]["geometry"].is_null());
                }
            }
        }
    }
}

#[test]
fn write_streams_into_any_writer_and_counts_rows() {
    struct Counting(usize);
    impl std::io::Write for Counting {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0 += b.len();
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    for f in ExportFormat::ALL {
        let mut c = Counting(0);
        let n = write(sample_rows(), f, &PLAIN, &mut c).unwrap();
        assert_eq!(n, sample_rows().len());
        assert!(c.0 > 0);
        assert_eq!(ExportFormat::parse(f.as_str()), Some(f));
    }
    // a failing writer gives an error, not a panic
    struct Broken;
    impl std::io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("closed"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::Error::other("closed"))
        }
    }
    for f in ExportFormat::ALL {
        assert!(write(sample_rows(), f, &PLAIN, Broken).is_err());
    }
}

#[test]
fn a_title_that_names_the_facility_is_dropped() {
    let mut row = sensitive_row();
    row.title = Some("Two held at Willow Lane lockup".into());
    let (_, recs) = read_csv(&export(vec![row], ExportFormat::Csv, &REDACT));
    assert_eq!(recs[0]["title"], "");
}
