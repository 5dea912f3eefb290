//! Exports of coded incidents: CSV, JSON Lines, GeoJSON (RFC 7946) and an
//! ACLED-style CSV, each optionally redacted. Pure: rows in, bytes out to
//! any [`std::io::Write`]; every format streams row by row.
//!
//! Every column of every format, the ACLED mapping and exactly what
//! redaction removes are documented in `docs/export.md`.

pub mod acled;
pub mod names;
pub mod redact;

use repatwatch_extract::{Incident, IncidentDate, Location, Precision};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, BufWriter, Write};

/// One incident as stored, with where it came from.
#[derive(Debug, Clone)]
pub struct ExportRow {
    pub document_id: String,
    /// Position of the incident in its report's extraction.
    pub incident_index: usize,
    pub case_id: Option<u64>,
    /// "confirmed" | "rejected" | "pending" ...
    pub review: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<chrono::NaiveDate>,
    pub incident: repatwatch_extract::Incident,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Jsonl,
    Geojson,
    Acled,
}

impl ExportFormat {
    /// Every format, in documentation order.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Csv,
        ExportFormat::Jsonl,
        ExportFormat::Geojson,
        ExportFormat::Acled,
    ];

    /// The format's name as a command-line value (`csv`, `jsonl`, `geojson`,
    /// `acled`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Geojson => "geojson",
            ExportFormat::Acled => "acled",
        }
    }

    /// The inverse of [`ExportFormat::as_str`] (case-insensitive).
    pub fn parse(s: &str) -> Option<ExportFormat> {
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv | ExportFormat::Acled => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Geojson => "geojson",
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ExportOptions {
    pub redact: bool,
}

/// The stable column names of the CSV format.
pub const CSV_HEADER: &[&str] = &[
    "document_id",
    "incident_index",
    "case_id",
    "review",
    "type",
    "status",
    "hedged",
    "date_text",
    "date_start",
    "date_end",
    "date_precision",
    "location_name",
    "location_admin1",
    "location_country",
    "location_lat",
    "location_lon",
    "location_precision",
    "locations",
    "location_count",
    "facility",
    "people_text",
    "people_min",
    "people_max",
    "people_approximate",
    "gender",
    "minors",
    "actors",
    "source_kinds",
    "evidence_spans",
    "evidence_quote",
    "outlet",
    "url",
    "title",
    "published",
];

/// The stable column names of the CSV format.
pub fn csv_header() -> &'static [&'static str] {
    CSV_HEADER
}

/// The column names of the ACLED format (ACLED's own, in ACLED's order).
pub fn acled_header() -> &'static [&'static str] {
    acled::HEADER
}

/// How precise an incident's date interval is, from its length in days:
/// `day` (1), `week` (2–7), `month` (8–31), `season` (32–92), `year`
/// (93–366), `longer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Season,
    Year,
    Longer,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Season => "season",
            DatePrecision::Year => "year",
            DatePrecision::Longer => "longer",
        }
    }
}

/// The precision of a date interval (its length, ends inclusive, in either
/// order).
pub fn date_precision(d: &IncidentDate) -> DatePrecision {
    let days = (d.end - d.start).num_days().unsigned_abs() + 1;
    match days {
        1 => DatePrecision::Day,
        2..=7 => DatePrecision::Week,
        8..=31 => DatePrecision::Month,
        32..=92 => DatePrecision::Season,
        93..=366 => DatePrecision::Year,
        _ => DatePrecision::Longer,
    }
}

fn precision_str(p: Precision) -> &'static str {
    match p {
        Precision::Facility => "facility",
        Precision::City => "city",
        Precision::Admin1 => "admin1",
        Precision::Country => "country",
        Precision::Border => "border",
    }
}

fn precision_rank(p: Precision) -> u8 {
    match p {
        Precision::Facility => 0,
        Precision::City => 1,
        Precision::Border => 2,
        Precision::Admin1 => 3,
        Precision::Country => 4,
    }
}

/// Whether a place has usable WGS84 coordinates (finite, in range).
pub fn has_coordinates(l: &Location) -> bool {
    l.lat.is_finite() && l.lon.is_finite() && l.lat.abs() <= 90.0 && l.lon.abs() <= 180.0
}

/// The most precise place with usable coordinates (facility, then city,
/// border, admin1, country; the first of equals).
pub fn most_precise(locs: &[Location]) -> Option<&Location> {
    locs.iter()
        .filter(|l| has_coordinates(l))
        .min_by_key(|l| precision_rank(l.precision))
}

/// "Name (Admin1, CC)" of a place.
pub fn place_label(l: &Location) -> String {
    match &l.admin1 {
        Some(a) if a != &l.name => format!("{} ({}, {})", l.name, a, l.country),
        _ => format!("{} ({})", l.name, l.country),
    }
}

fn opt_str(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| Value::String(s.to_string()))
}

fn opt_u64(n: Option<u64>) -> Value {
    n.map_or(Value::Null, Value::from)
}

fn coord(x: f64, lim: f64) -> Value {
    if x.is_finite() && x.abs() <= lim {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    } else {
        Value::Null
    }
}

/// One row's CSV columns, typed (as [`CSV_HEADER`]); GeoJSON properties are
/// the same values.
pub fn flat_record(row: &ExportRow) -> Vec<Value> {
    let inc = &row.incident;
    let first = inc.locations.first();
    let date = inc.date.as_ref();
    let count = inc.people.count;
    let quotes: Vec<&str> = inc
        .evidence
        .iter()
        .map(|e| e.quote.as_str())
        .filter(|q| !q.is_empty())
        .collect();
    vec![
        Value::String(row.document_id.clone()),
        Value::from(row.incident_index as u64),
        opt_u64(row.case_id),
        opt_str(row.review.as_deref()),
        Value::String(inc.kind.as_str().to_string()),
        Value::String(inc.status.as_str().to_string()),
        Value::Bool(inc.hedged),
        opt_str(date.and_then(|d| d.text.as_deref())),
        opt_str(date.map(|d| d.start.to_string()).as_deref()),
        opt_str(date.map(|d| d.end.to_string()).as_deref()),
        opt_str(date.map(|d| date_precision(d).as_str())),
        opt_str(first.map(|l| l.name.as_str())),
        opt_str(first.and_then(|l| l.admin1.as_deref())),
        opt_str(first.map(|l| l.country.as_str())),
        first.map_or(Value::Null, |l| coord(l.lat, 90.0)),
        first.map_or(Value::Null, |l| coord(l.lon, 180.0)),
        opt_str(first.map(|l| precision_str(l.precision))),
        Value::String(
            inc.locations
                .iter()
                .map(|l| format!("{} [{}]", place_label(l), precision_str(l.precision)))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Value::from(inc.locations.len() as u64),
        opt_str(inc.facility.as_deref()),
        opt_str(inc.people.text.as_deref()),
        opt_u64(count.and_then(|c| c.min)),
        opt_u64(count.and_then(|c| c.max)),
        count.map_or(Value::Null, |c| Value::Bool(c.approximate)),
        opt_str(inc.people.gender.map(|g| match g {
            repatwatch_extract::Gender::Female => "female",
            repatwatch_extract::Gender::Male => "male",
            repatwatch_extract::Gender::Mixed => "mixed",
        })),
        opt_u64(inc.people.minors),
        Value::String(inc.actors.join(";")),
        Value::String(
            inc.sources
                .iter()
                .map(|s| source_kind(s.kind))
                .collect::<Vec<_>>()
                .join(";"),
        ),
        Value::String(
            inc.evidence
                .iter()
                .map(|e| format!("{}-{}", e.start, e.end))
                .collect::<Vec<_>>()
                .join(";"),
        ),
        if quotes.is_empty() {
            Value::Null
        } else {
            Value::String(quotes.join(" [...] "))
        },
        opt_str(row.outlet.as_deref()),
        opt_str(row.url.as_deref()),
        opt_str(row.title.as_deref()),
        opt_str(row.published.map(|d| d.to_string()).as_deref()),
    ]
}

fn source_kind(k: repatwatch_extract::SourceKind) -> &'static str {
    use repatwatch_extract::SourceKind::*;
    match k {
        Anonymous => "anonymous",
        Named => "named",
        Ngo => "ngo",
        Government => "government",
        Un => "un",
        Media => "media",
        Family => "family",
        Witness => "witness",
    }
}

fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What every format sees: the row redacted when asked, and never the
/// `--explain` trail.
pub fn prepare(mut row: ExportRow, options: &ExportOptions) -> ExportRow {
    row.incident.explain = None;
    if options.redact {
        redact::redact_row(row)
    } else {
        row
    }
}

/// The JSON Lines object of one row: the incident as in
/// `incidents-v1.schema.json`, plus `document_id` and `case_id` first.
#[derive(Serialize)]
struct JsonlRow<'a> {
    document_id: &'a str,
    case_id: Option<u64>,
    #[serde(flatten)]
    incident: &'a Incident,
}

/// Key–value pairs serialized as a JSON object in their order.
struct Ordered<'a>(&'a [(&'a str, Value)]);

impl Serialize for Ordered<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// The GeoJSON Feature of one row: `type`, `id`, `geometry`, `properties`
/// (the CSV columns in their order, then `point_name`, `point_precision`).
fn write_feature<W: Write>(w: &mut W, row: &ExportRow) -> io::Result<()> {
    let inc = &row.incident;
    let point = most_precise(&inc.locations);
    let mut props: Vec<(&str, Value)> = CSV_HEADER.iter().copied().zip(flat_record(row)).collect();
    props.push(("point_name", opt_str(point.map(|l| l.name.as_str()))));
    props.push((
        "point_precision",
        opt_str(point.map(|l| precision_str(l.precision))),
    ));
    w.write_all(b"{\"type\":\"Feature\",\"id\":")?;
    serde_json::to_writer(
        &mut *w,
        &format!("{}#{}", row.document_id, row.incident_index),
    )?;
    w.write_all(b",\"geometry\":")?;
    match point {
        Some(l) => {
            let g = [
                ("type", Value::String("Point".into())),
                (
                    "coordinates",
                    Value::Array(vec![coord(l.lon, 180.0), coord(l.lat, 90.0)]),
                ),
            ];
            serde_json::to_writer(&mut *w, &Ordered(&g))?;
        }
        None => w.write_all(b"null")?,
    }
    w.write_all(b",")?;
    w.write_all(b"\"properties\":")?;
    serde_json::to_writer(&mut *w, &Ordered(&props))?;
    w.write_all(b"}")
}

/// The GeoJSON Feature of one row, as a JSON value.
pub fn feature(row: &ExportRow) -> Value {
    let mut buf = Vec::new();
    // writing into a Vec cannot fail, and the bytes are JSON
    write_feature(&mut buf, row).expect("in-memory write");
    serde_json::from_slice(&buf).expect("valid JSON")
}

/// Writes every row in the format; returns how many rows were written.
pub fn write<W: Write>(
    rows: impl IntoIterator<Item = ExportRow>,
    format: ExportFormat,
    options: &ExportOptions,
    out: W,
) -> io::Result<usize> {
    let mut n = 0usize;
    match format {
        ExportFormat::Csv | ExportFormat::Acled => {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(out);
            let header = if format == ExportFormat::Csv {
                csv_header()
            } else {
                acled_header()
            };
            w.write_record(header)?;
            for row in rows {
                let row = prepare(row, options);
                if format == ExportFormat::Csv {
                    w.write_record(flat_record(&row).iter().map(csv_cell))?;
                } else {
                    w.write_record(acled::record(&row))?;
                }
                n += 1;
            }
            w.flush()?;
        }
        ExportFormat::Jsonl => {
            let mut w = BufWriter::new(out);
            for row in rows {
                let row = prepare(row, options);
                serde_json::to_writer(
                    &mut w,
                    &JsonlRow {
                        document_id: &row.document_id,
                        case_id: row.case_id,
                        incident: &row.incident,
                    },
                )?;
                w.write_all(b"\n")?;
                n += 1;
            }
            w.flush()?;
        }
        ExportFormat::Geojson => {
            let mut w = BufWriter::new(out);
            w.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
            for row in rows {
                let row = prepare(row, options);
                if n > 0 {
                    w.write_all(b",")?;
                }
                w.write_all(b"\n")?;
                write_feature(&mut w, &row)?;
                n += 1;
            }
            w.write_all(b"\n]}\n")?;
            w.flush()?;
        }
    }
    Ok(n)
}

/// [`write`] into a `String` (for tests and small exports).
pub fn to_string(
    rows: impl IntoIterator<Item = ExportRow>,
    format: ExportFormat,
    options: &ExportOptions,
) -> io::Result<String> {
    let mut buf = Vec::new();
    write(rows, format, options, &mut buf)?;
    String::from_utf8(buf).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}
