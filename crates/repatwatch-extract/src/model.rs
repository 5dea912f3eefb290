//! The data model: a report in, an [`Extraction`] out, shaped exactly as
//! `schema/incidents-v1.schema.json` (codebook v1).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The schema tag every extraction carries.
pub const SCHEMA: &str = "repatwatch/incidents/v1";

/// One report to code: its text and metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// The publication date every relative time is resolved against.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    #[serde(default)]
    pub language: Option<String>,
    pub text: String,
}

/// What the pipeline prints for one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub schema: String,
    pub document: DocumentMeta,
    pub incidents: Vec<Incident>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub language: Option<String>,
    /// Hex SHA-256 of the report's text.
    pub sha256: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    Arrest,
    Detention,
    Transfer,
    Repatriation,
    Release,
    Punishment,
    Death,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Arrest => "arrest",
            EventType::Detention => "detention",
            EventType::Transfer => "transfer",
            EventType::Repatriation => "repatriation",
            EventType::Release => "release",
            EventType::Punishment => "punishment",
            EventType::Death => "death",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Occurred,
    Planned,
    Blocked,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
            Status::Blocked => "blocked",
        }
    }
}

/// An inclusive interval of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateRange {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        if end < start {
            DateRange {
                start: end,
                end: start,
            }
        } else {
            DateRange { start, end }
        }
    }
    pub fn day(d: NaiveDate) -> Self {
        DateRange { start: d, end: d }
    }
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
    pub fn overlaps(&self, o: &DateRange) -> bool {
        self.start <= o.end && o.start <= self.end
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentDate {
    pub text: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Facility,
    City,
    Admin1,
    Country,
    Border,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub text: Option<String>,
    pub name: String,
    pub admin1: Option<String>,
    pub country: String,
    pub precision: Precision,
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Count {
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub approximate: bool,
}

impl Count {
    pub fn exact(n: u64) -> Self {
        Count {
            min: Some(n),
            max: Some(n),
            approximate: false,
        }
    }
    pub fn approx(n: u64) -> Self {
        Count {
            min: Some(n),
            max: Some(n),
            approximate: true,
        }
    }
    pub fn range(min: Option<u64>, max: Option<u64>, approximate: bool) -> Self {
        Count {
            min,
            max,
            approximate,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Female,
    Male,
    Mixed,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct People {
    pub text: Option<String>,
    pub count: Option<Count>,
    pub gender: Option<Gender>,
    pub minors: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Anonymous,
    Named,
    Ngo,
    Government,
    Un,
    Media,
    Family,
    Witness,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub kind: SourceKind,
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Offset in Unicode code points into the report's text.
    pub start: usize,
    /// End, exclusive, in code points.
    pub end: usize,
    pub quote: String,
}

/// Which rule and which words produced one field (`--explain`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub field: String,
    pub rule: String,
    pub words: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub status: Status,
    pub hedged: bool,
    pub date: Option<IncidentDate>,
    pub locations: Vec<Location>,
    pub facility: Option<String>,
    pub people: People,
    pub actors: Vec<String>,
    pub sources: Vec<Source>,
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<Explanation>>,
}
