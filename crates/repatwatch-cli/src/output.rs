//! Printing extractions: JSONL (one line per report, exactly the schema),
//! JSON (one pretty array of extractions, streamed) and a readable table.

use std::io::{self, Write};

use repatwatch_extract::{Count, Extraction, Gender, Incident};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line per report (schema incidents-v1).
    Jsonl,
    /// One pretty-printed JSON array of all reports' extractions.
    Json,
    /// A readable table per report.
    Table,
}

pub struct Printer<W: Write> {
    out: W,
    format: Format,
    explain: bool,
    written: usize,
}

impl<W: Write> Printer<W> {
    pub fn new(out: W, format: Format, explain: bool) -> Self {
        Printer {
            out,
            format,
            explain,
            written: 0,
        }
    }

    /// Prints one report's extraction.
    pub fn write(&mut self, ex: &Extraction) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, ex).map_err(io::Error::other)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                let pretty = serde_json::to_string_pretty(ex).map_err(io::Error::other)?;
                for (i, line) in pretty.lines().enumerate() {
                    if i > 0 {
                        self.out.write_all(b"\n")?;
                    }
                    write!(self.out, "  {line}")?;
                }
            }
            Format::Table => {
                if self.written > 0 {
                    writeln!(self.out)?;
                }
                write_table(&mut self.out, ex, self.explain)?;
            }
        }
        self.written += 1;
        self.out.flush()
    }

    /// Closes the output (the JSON array's bracket).
    pub fn finish(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            if self.written == 0 {
                self.out.write_all(b"[]\n")?;
            } else {
                self.out.write_all(b"\n]\n")?;
            }
        }
        self.out.flush()
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn count_cell(c: &Option<Count>) -> String {
    let Some(c) = c else { return "-".into() };
    let approx = if c.approximate { "~" } else { "" };
    match (c.min, c.max) {
        (Some(a), Some(b)) if a == b => format!("{approx}{a}"),
        (Some(a), Some(b)) => format!("{approx}{a}-{b}"),
        (Some(a), None) => format!("{approx}>={a}"),
        (None, Some(b)) => format!("{approx}<={b}"),
        (None, None) => "?".into(),
    }
}

fn gender_cell(g: Option<Gender>) -> &'static str {
    match g {
        Some(Gender::Female) => "female",
        Some(Gender::Male) => "male",
        Some(Gender::Mixed) => "mixed",
        None => "-",
    }
}

fn row(inc: &Incident, n: usize) -> Vec<String> {
    let date = match &inc.date {
        None => "-".to_string(),
        Some(d) if d.start == d.end => d.start.to_string(),
        Some(d) => format!("{}..{}", d.start, d.end),
    };
    let mut places: Vec<String> = inc
        .locations
        .iter()
        .map(|l| format!("{} ({})", l.name, l.country))
        .collect();
    if let Some(f) = &inc.facility {
        places.push(format!("[{f}]"));
    }
    let places = if places.is_empty() {
        "-".to_string()
    } else {
        cut(&places.join("; "), 40)
    };
    let actors = if inc.actors.is_empty() {
        "-".to_string()
    } else {
        inc.actors.join(",")
    };
    let evidence = match inc.evidence.first() {
        None => "-".to_string(),
        Some(e) => {
            let more = if inc.evidence.len() > 1 {
                format!(" (+{})", inc.evidence.len() - 1)
            } else {
                String::new()
            };
            format!("\"{}\"{more}", cut(&one_line(&e.quote), 70))
        }
    };
    vec![
        n.to_string(),
        inc.kind.as_str().to_string(),
        inc.status.as_str().to_string(),
        if inc.hedged { "yes" } else { "no" }.to_string(),
        date,
        places,
        count_cell(&inc.people.count),
        gender_cell(inc.people.gender).to_string(),
        actors,
        evidence,
    ]
}

const HEADER: [&str; 10] = [
    "#", "type", "status", "hedged", "date", "places", "count", "gender", "actors", "evidence",
];

fn write_table(out: &mut impl Write, ex: &Extraction, explain: bool) -> io::Result<()> {
    let d = &ex.document;
    let mut head = format!("report {}", d.id);
    if let Some(p) = d.published {
        head.push_str(&format!("  published {p}"));
    }
    if let Some(o) = &d.outlet {
        head.push_str(&format!("  {}", one_line(o)));
    }
    let n = ex.incidents.len();
    head.push_str(&format!("  {n} incident{}", if n == 1 { "" } else { "s" }));
    writeln!(out, "{head}")?;
    if let Some(t) = &d.title {
        writeln!(out, "  \"{}\"", cut(&one_line(t), 100))?;
    }
    if n == 0 {
        return writeln!(out, "  (no incidents)");
    }
    let rows: Vec<Vec<String>> = ex
        .incidents
        .iter()
        .enumerate()
        .map(|(i, inc)| row(inc, i + 1))
        .collect();
    let mut widths: Vec<usize> = HEADER.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let last = cells.len() - 1;
        let mut s = String::from(" ");
        for (i, c) in cells.iter().enumerate() {
            s.push(' ');
            if i == last {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(widths[i] - c.chars().count()));
                s.push(' ');
            }
        }
        s.trim_end().to_string()
    };
    let header: Vec<String> = HEADER.iter().map(|h| h.to_string()).collect();
    writeln!(out, "{}", line(&header))?;
    for (r, inc) in rows.iter().zip(&ex.incidents) {
        writeln!(out, "{}", line(r))?;
        if explain {
            match &inc.explain {
                Some(exps) if !exps.is_empty() => {
                    for e in exps {
                        match e.words.as_deref().filter(|w| !w.trim().is_empty()) {
                            Some(w) => writeln!(
                                out,
                                "      {}: {}  \"{}\"",
                                e.field,
                                e.rule,
                                cut(&one_line(w), 80)
                            )?,
                            None => writeln!(out, "      {}: {}", e.field, e.rule)?,
                        }
                    }
                }
                _ => writeln!(out, "      (no explanation recorded)")?,
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use repatwatch_extract::*;

    fn sample() -> Extraction {
        let d = NaiveDate::from_ymd_opt(2024, 10, 3).unwrap();
        Extraction {
            schema: SCHEMA.into(),
            document: DocumentMeta {
                id: "r1".into(),
                title: Some("A title".into()),
                outlet: None,
                url: None,
                published: Some(d),
                language: Some("en".into()),
                sha256: None,
            },
            incidents: vec![Incident {
                kind: EventType::Arrest,
                status: Status::Occurred,
                hedged: false,
                date: Some(IncidentDate {
                    text: None,
                    start: d,
                    end: d,
                }),
                locations: vec![],
                facility: None,
                people: People {
                    text: None,
                    count: Some(Count::approx(30)),
                    gender: Some(Gender::Female),
                    minors: None,
                },
                actors: vec!["CN-BORDER".into()],
                sources: vec![],
                evidence: vec![Evidence {
                    start: 0,
                    end: 5,
                    quote: "po\nlice".into(),
                }],
                explain: Some(vec![Explanation {
                    field: "count".into(),
                    rule: "num-people".into(),
                    words: Some("about 30".into()),
                }]),
            }],
        }
    }

    #[test]
    fn table_rows() {
        let mut buf = Vec::new();
        let mut p = Printer::new(&mut buf, Format::Table, true);
        p.write(&sample()).unwrap();
        p.finish().unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(
            s.contains("report r1  published 2024-10-03  1 incident"),
            "{s}"
        );
        assert!(s.contains("arrest"));
        assert!(s.contains("~30"));
        assert!(s.contains("\"po lice\""));
        assert!(s.contains("count: num-people  \"about 30\""));
    }

    #[test]
    fn json_array() {
        let mut buf = Vec::new();
        let mut p = Printer::new(&mut buf, Format::Json, false);
        p.write(&sample()).unwrap();
        p.write(&sample()).unwrap();
        p.finish().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 2);
        let mut buf = Vec::new();
        Printer::new(&mut buf, Format::Json, false)
            .finish()
            .unwrap();
        assert_eq!(buf, b"[]\n");
    }
}
