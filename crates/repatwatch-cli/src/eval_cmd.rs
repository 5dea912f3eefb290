//! `repatwatch eval GOLD_DIR`: extracts every gold report and scores the
//! result against the gold incidents. With `--links`, scores cross-report
//! linking (cases) instead; see [`run_links`].
//!
//! The report given to the extractor is built only from a gold file's `id`,
//! `published`, `title`, `outlet`, `url` and `text`; the gold `incidents` are
//! read by the scorer alone, after extraction.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use repatwatch_extract::{Options, Report};

use crate::input;

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// A folder of gold files (one JSON report with its incidents per file).
    pub gold_dir: PathBuf,
    /// Print per-report and per-incident details.
    #[arg(long)]
    pub details: bool,
    /// Print the score as JSON.
    #[arg(long)]
    pub json: bool,
    /// Score cross-report linking (cases against the gold `case` slugs),
    /// linking alone and end to end, instead of extraction.
    #[arg(long)]
    pub links: bool,
}

/// The report the extractor sees for one gold document: its metadata and
/// text, never its incidents.
pub fn report_from_gold(
    id: &str,
    published: Option<NaiveDate>,
    title: Option<&str>,
    outlet: Option<&str>,
    url: Option<&str>,
    text: &str,
) -> Report {
    Report {
        id: id.to_string(),
        title: title.map(str::to_string),
        outlet: outlet.map(str::to_string),
        url: url.map(str::to_string),
        published,
        language: None,
        text: text.to_string(),
    }
}

/// Extracts every report; the predictions keyed by report id, each incident
/// as the JSON the scorer reads.
pub fn predict(reports: &[Report]) -> HashMap<String, Vec<serde_json::Value>> {
    let opts = Options::default();
    reports
        .iter()
        .map(|r| {
            // A report the extractor fails on predicts nothing (and says so).
            let incidents = match crate::guard::extract_guarded(r, &opts) {
                Ok(ex) => ex
                    .incidents
                    .iter()
                    .filter_map(|i| serde_json::to_value(i).ok())
                    .collect(),
                Err(e) => {
                    eprintln!("error: report {:?}: {e}", r.id);
                    Vec::new()
                }
            };
            (r.id.clone(), incidents)
        })
        .collect()
}

pub fn run(args: &EvalArgs) -> ExitCode {
    if !args.gold_dir.is_dir() {
        eprintln!("error: {}: not a folder", args.gold_dir.display());
        return ExitCode::from(2);
    }
    // The gold incidents are read by the scorer only, after extraction: the
    // extractor sees a report built from id/published/title/outlet/url/text.
    let gold = match repatwatch_eval::load_gold_dir(&args.gold_dir) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let mut failed = 0usize;
    let reports: Vec<Report> = gold
        .iter()
        .map(|g| {
            let published = g
                .published
                .as_deref()
                .and_then(|d| match input::parse_date(d) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        eprintln!(
                            "error: {}: report {:?}: published: {e}",
                            args.gold_dir.display(),
                            g.id
                        );
                        failed += 1;
                        None
                    }
                });
            report_from_gold(
                &g.id,
                published,
                g.title.as_deref(),
                g.outlet.as_deref(),
                g.url.as_deref(),
                &g.text,
            )
        })
        .collect();
    if args.links {
        let code = run_links(&gold, &reports, args);
        return if failed > 0 { ExitCode::from(1) } else { code };
    }
    let predictions = predict(&reports);
    let result = repatwatch_eval::score(&gold, &predictions);
    if args.json {
        println!("{}", result.to_json_string(args.details));
    } else {
        print!("{}", result.to_text(args.details));
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

// ---------------------------------------------------------------------------
// `eval --links`: cross-report linking against the gold `case` slugs.
// ---------------------------------------------------------------------------

/// The cluster of one scored item, in gold or in the prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Label {
    /// A gold case (index of its slug) or a predicted case.
    Case(u64),
    /// A cluster of this one item alone.
    Alone(usize),
}

/// One scored item: a gold incident, or (end to end) a prediction that
/// matched none.
struct Item {
    /// `doc#index type (case)` for `--details`.
    name: String,
    gold: Label,
    pred: Label,
    /// Index of its claim, when it was linked.
    claim: Option<usize>,
}

/// The scores of one mode.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkScore {
    /// Claims linked (input incidents).
    pub claims: usize,
    /// Cases the linker made of them.
    pub cases: usize,
    /// Items scored.
    pub items: usize,
    /// Gold clusters among the items.
    pub gold_cases: usize,
    pub pairwise: repatwatch_eval::PairScore,
    pub bcubed: repatwatch_eval::BCubed,
    /// `--details`: every pair linked in one and not the other.
    pub details: Vec<String>,
}

fn r4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl LinkScore {
    fn new(claims: &[repatwatch_link::Claim], cases: &[u64], items: &[Item]) -> LinkScore {
        let gold: Vec<Label> = items.iter().map(|i| i.gold).collect();
        let pred: Vec<Label> = items.iter().map(|i| i.pred).collect();
        let mut details = Vec::new();
        for (a, x) in items.iter().enumerate() {
            for y in &items[a + 1..] {
                let (same_gold, same_pred) = (x.gold == y.gold, x.pred == y.pred);
                if same_gold == same_pred {
                    continue;
                }
                let points = match (x.claim, y.claim) {
                    (Some(i), Some(j)) => repatwatch_link::pair_points(&claims[i], &claims[j])
                        .map_or("ruled out".to_string(), |p| format!("points {p}")),
                    _ => "not extracted".to_string(),
                };
                let what = if same_pred {
                    "wrong link "
                } else {
                    "missed link"
                };
                details.push(format!("  {what} {} ~ {}  {points}", x.name, y.name));
            }
        }
        LinkScore {
            claims: claims.len(),
            cases: cases.iter().collect::<BTreeSet<_>>().len(),
            items: items.len(),
            gold_cases: gold.iter().collect::<BTreeSet<_>>().len(),
            pairwise: repatwatch_eval::pairwise(&gold, &pred),
            bcubed: repatwatch_eval::bcubed(&gold, &pred),
            details,
        }
    }

    fn to_json(&self) -> serde_json::Value {
        let (p, b) = (&self.pairwise, &self.bcubed);
        serde_json::json!({
            "claims": self.claims,
            "cases": self.cases,
            "items": self.items,
            "gold_cases": self.gold_cases,
            "pairwise": {"gold": p.gold, "predicted": p.predicted, "correct": p.correct,
                         "precision": r4(p.precision), "recall": r4(p.recall), "f1": r4(p.f1)},
            "bcubed": {"precision": r4(b.precision), "recall": r4(b.recall), "f1": r4(b.f1)},
        })
    }

    fn to_text(&self, details: bool) -> String {
        let (p, b) = (&self.pairwise, &self.bcubed);
        let mut out = format!(
            "  claims {} cases {}; scored items {} gold cases {}\n  \
             pairwise gold {} predicted {} correct {}  P {:.3} R {:.3} F1 {:.3}\n  \
             b-cubed  P {:.3} R {:.3} F1 {:.3}\n",
            self.claims,
            self.cases,
            self.items,
            self.gold_cases,
            p.gold,
            p.predicted,
            p.correct,
            p.precision,
            p.recall,
            p.f1,
            b.precision,
            b.recall,
            b.f1
        );
        if details {
            for d in &self.details {
                out += d;
                out.push('\n');
            }
        }
        out
    }
}

/// Sorts claims into the linking order: by publication date (undated
/// reports last), then document id, then the incident's index in its
/// report. Keys are (published, document id, incident index, document
/// index).
fn link_order(keys: &mut [(Option<NaiveDate>, &str, usize, usize)]) {
    keys.sort_by(|a, b| (a.0.is_none(), a.0, a.1, a.2).cmp(&(b.0.is_none(), b.0, b.1, b.2)));
}

/// Gold case slugs as labels, numbered in order of first appearance; an
/// incident without a slug is a cluster of its own.
#[derive(Default)]
struct Slugs(HashMap<String, u64>);

impl Slugs {
    fn label(&mut self, inc: &serde_json::Value, alone: usize) -> Label {
        match inc.get("case").and_then(serde_json::Value::as_str) {
            Some(slug) if !slug.is_empty() => {
                let n = self.0.len() as u64;
                Label::Case(*self.0.entry(slug.to_string()).or_insert(n))
            }
            _ => Label::Alone(alone),
        }
    }
}

fn gold_name(doc: &str, index: usize, inc: &serde_json::Value) -> String {
    let s = |k: &str| {
        inc.get(k)
            .and_then(serde_json::Value::as_str)
            .unwrap_or("-")
    };
    format!("{doc}#{index} {} ({})", s("type"), s("case"))
}

/// A gold incident as the model type; absent or null fields take their
/// defaults (no date, no places, status `occurred`, not hedged...), and
/// the gold-only keys (`case`, `story`, `optional`) are ignored.
fn gold_incident(value: &serde_json::Value) -> Result<repatwatch_extract::Incident, String> {
    let mut v = value.clone();
    let Some(o) = v.as_object_mut() else {
        return Err("not a JSON object".into());
    };
    let defaults = [
        ("status", serde_json::json!("occurred")),
        ("hedged", serde_json::json!(false)),
        ("locations", serde_json::json!([])),
        ("people", serde_json::json!({})),
        ("actors", serde_json::json!([])),
        ("sources", serde_json::json!([])),
        ("evidence", serde_json::json!([])),
    ];
    for (k, d) in defaults {
        if matches!(o.get(k), None | Some(serde_json::Value::Null)) {
            o.insert(k.to_string(), d);
        }
    }
    serde_json::from_value(v).map_err(|e| e.to_string())
}

/// Linking alone: the gold incidents of every report, optional ones
/// skipped, are the claims; each is scored against its gold case.
fn links_alone(
    gold: &[repatwatch_eval::GoldDoc],
    published: &[Option<NaiveDate>],
    failed: &mut usize,
) -> LinkScore {
    let mut keys = Vec::new();
    for (di, doc) in gold.iter().enumerate() {
        for (ii, inc) in doc.incidents.iter().enumerate() {
            if !repatwatch_eval::is_optional_incident(inc) {
                keys.push((published[di], doc.id.as_str(), ii, di));
            }
        }
    }
    link_order(&mut keys);
    let mut claims = Vec::new();
    let mut items = Vec::new();
    let mut slugs = Slugs::default();
    for &(published, id, ii, di) in &keys {
        let value = &gold[di].incidents[ii];
        match gold_incident(value) {
            Ok(incident) => {
                items.push(Item {
                    name: gold_name(id, ii, value),
                    gold: slugs.label(value, items.len()),
                    pred: Label::Alone(0), // set below
                    claim: Some(claims.len()),
                });
                claims.push(repatwatch_link::Claim {
                    id: claims.len() as u64,
                    document_id: id.to_string(),
                    published,
                    incident,
                });
            }
            Err(e) => {
                eprintln!("error: {id}: gold incident {ii}: {e}");
                *failed += 1;
            }
        }
    }
    let cases = repatwatch_link::link_all(&claims);
    for (item, &case) in items.iter_mut().zip(&cases) {
        item.pred = Label::Case(case);
    }
    LinkScore::new(&claims, &cases, &items)
}

/// End to end: every report's extracted incidents are linked, and each is
/// scored as the gold incident the scorer matched it with
/// ([`repatwatch_eval::match_document`]). The items are the non-optional
/// gold incidents (one that no prediction matched is a case of its own in
/// the prediction, so its gold links count as missed) and the predictions
/// that matched no gold incident (a case of their own in gold, so every
/// link they get counts as a false link). Predictions matched to optional
/// gold incidents are linked but not scored.
fn links_end_to_end(gold: &[repatwatch_eval::GoldDoc], reports: &[Report]) -> (LinkScore, usize) {
    let opts = Options::default();
    let mut keys = Vec::new();
    let mut extracted = Vec::new();
    let mut gold_of = Vec::new();
    for (di, (doc, report)) in gold.iter().zip(reports).enumerate() {
        let incidents = match crate::guard::extract_guarded(report, &opts) {
            Ok(ex) => ex.incidents,
            Err(e) => {
                eprintln!("error: report {:?}: {e}", report.id);
                Vec::new()
            }
        };
        let values: Vec<serde_json::Value> = incidents
            .iter()
            .map(|i| serde_json::to_value(i).unwrap_or_default())
            .collect();
        let mut by_pred = vec![None; incidents.len()];
        for (g, p) in repatwatch_eval::match_document(doc, &values) {
            by_pred[p] = Some(g);
        }
        for pi in 0..incidents.len() {
            keys.push((report.published, doc.id.as_str(), pi, di));
        }
        extracted.push(incidents);
        gold_of.push(by_pred);
    }
    link_order(&mut keys);
    let claims: Vec<repatwatch_link::Claim> = keys
        .iter()
        .enumerate()
        .map(|(k, &(published, id, pi, di))| repatwatch_link::Claim {
            id: k as u64,
            document_id: id.to_string(),
            published,
            incident: extracted[di][pi].clone(),
        })
        .collect();
    let cases = repatwatch_link::link_all(&claims);
    let mut items = Vec::new();
    // The claim matched to each (document, gold incident).
    let mut claim_of: HashMap<(usize, usize), usize> = HashMap::new();
    for (k, &(_, id, pi, di)) in keys.iter().enumerate() {
        match gold_of[di][pi] {
            Some(gi) => {
                claim_of.insert((di, gi), k);
            }
            None => items.push(Item {
                name: format!(
                    "{id}#p{pi} {} (unmatched prediction)",
                    claims[k].incident.kind.as_str()
                ),
                gold: Label::Alone(items.len()),
                pred: Label::Case(cases[k]),
                claim: Some(k),
            }),
        }
    }
    let mut slugs = Slugs::default();
    let mut matched = 0;
    for (di, doc) in gold.iter().enumerate() {
        for (gi, inc) in doc.incidents.iter().enumerate() {
            if repatwatch_eval::is_optional_incident(inc) {
                continue;
            }
            let claim = claim_of.get(&(di, gi)).copied();
            matched += usize::from(claim.is_some());
            items.push(Item {
                name: gold_name(&doc.id, gi, inc),
                gold: slugs.label(inc, items.len()),
                pred: claim.map_or(Label::Alone(items.len()), |k| Label::Case(cases[k])),
                claim,
            });
        }
    }
    (LinkScore::new(&claims, &cases, &items), matched)
}

/// `repatwatch eval --links GOLD_DIR`: pairwise and B-cubed scores of the
/// linker's cases against the gold `case` slugs, linking alone (gold
/// incidents in, optional ones skipped) and end to end (extracted incidents
/// in, scored through the scorer's matching).
pub fn run_links(
    gold: &[repatwatch_eval::GoldDoc],
    reports: &[Report],
    args: &EvalArgs,
) -> ExitCode {
    let published: Vec<Option<NaiveDate>> = reports.iter().map(|r| r.published).collect();
    let mut failed = 0;
    let alone = links_alone(gold, &published, &mut failed);
    let (e2e, matched) = links_end_to_end(gold, reports);
    if args.json {
        let mut end = e2e.to_json();
        end["matched_gold"] = matched.into();
        let out = serde_json::json!({
            "documents": gold.len(),
            "linking_alone": alone.to_json(),
            "end_to_end": end,
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        println!("documents {}", gold.len());
        println!("linking alone (gold incidents, optional ones skipped)");
        print!("{}", alone.to_text(args.details));
        println!("end to end (extracted incidents, {matched} matched to non-optional gold ones)");
        print!("{}", e2e.to_text(args.details));
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
