//! Scores predicted incidents against gold annotations exactly as
//! `shared/eval/score.py` does (see `CODEBOOK.md`, "Scoring").
//!
//! Gold and predicted incidents are kept as decoded JSON
//! ([`serde_json::Value`]) and read with Python's semantics (truthiness,
//! `1 == 1.0`, code-point string offsets, `date.fromisoformat`), so every
//! figure and every reported miss is the one score.py prints.
//!
//! ```no_run
//! use repatwatch_eval::{load_gold_dir, read_predictions_jsonl, score};
//! use std::path::Path;
//! let gold = load_gold_dir(Path::new("corpus/dev"))?;
//! let pred = read_predictions_jsonl(Path::new("pred.jsonl"))?;
//! let result = score(&gold, &pred);
//! print!("{}", result.to_text(true));
//! # Ok::<(), repatwatch_eval::EvalError>(())
//! ```

mod hungarian;
mod links;
mod pyjson;
mod slots;

pub use hungarian::hungarian_max;
pub use links::{bcubed, pairwise, BCubed, PairScore};
pub use pyjson::{py_float_repr, py_round4, Json};
pub use slots::{norm_admin1, SLOTS};

use pyjson::{get, get_truthy, splitlines};
use serde_json::Value;
use slots::{agreeing, overlaps, spans, Slots, Text};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// One gold report: `{id, published, title, outlet, url, text, incidents}`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoldDoc {
    pub id: String,
    pub published: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// Gold incidents as coded (CODEBOOK fields, plus `optional`).
    pub incidents: Vec<Value>,
}

impl GoldDoc {
    /// Reads a gold document from its decoded JSON; `id` and `text` must be
    /// strings, `incidents` an array (or absent/null: none).
    pub fn from_value(v: &Value) -> Result<GoldDoc, String> {
        if !v.is_object() {
            return Err("not a JSON object".into());
        }
        let string = |k: &str| get(v, k).and_then(Value::as_str).map(str::to_string);
        let id = string("id").ok_or("missing or non-string \"id\"")?;
        let text = string("text").ok_or("missing or non-string \"text\"")?;
        let incidents = match get_truthy(v, "incidents") {
            None => Vec::new(),
            Some(Value::Array(a)) => a.clone(),
            Some(_) => return Err("\"incidents\" is not an array".into()),
        };
        Ok(GoldDoc {
            id,
            published: string("published"),
            title: string("title"),
            outlet: string("outlet"),
            url: string("url"),
            text,
            incidents,
        })
    }
}

/// Why gold or predictions could not be read.
#[derive(Debug)]
pub enum EvalError {
    /// The file or directory could not be read.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file (or, for JSONL, a line of it) is not JSON.
    Json {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// The JSON does not have the expected shape.
    Invalid {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |f: &mut fmt::Formatter<'_>, path: &Path, line: &Option<usize>| match line {
            Some(n) => write!(f, "{}:{n}: ", path.display()),
            None => write!(f, "{}: ", path.display()),
        };
        match self {
            EvalError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            EvalError::Json {
                path,
                line,
                message,
            } => {
                at(f, path, line)?;
                write!(f, "not JSON: {message}")
            }
            EvalError::Invalid {
                path,
                line,
                message,
            } => {
                at(f, path, line)?;
                f.write_str(message)
            }
        }
    }
}

impl std::error::Error for EvalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EvalError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn read_text(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads the gold documents of a directory: every `*.json` file in it (not
/// recursive), sorted by file name, as score.py does.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let io = |source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name();
        if name.to_str().is_some_and(|n| n.ends_with(".json")) && !entry.path().is_dir() {
            files.push((name, entry.path()));
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|(_, path)| {
            let text = read_text(&path)?;
            let v: Value = serde_json::from_str(&text).map_err(|e| EvalError::Json {
                path: path.clone(),
                line: None,
                message: e.to_string(),
            })?;
            GoldDoc::from_value(&v).map_err(|message| EvalError::Invalid {
                path: path.clone(),
                line: None,
                message,
            })
        })
        .collect()
}

/// Reads predictions: one JSON object a line, `{"document": {"id": ...},
/// "incidents": [...]}` (a top-level `"id"` is accepted too). Blank lines are
/// skipped; a later line for the same id replaces an earlier one.
pub fn read_predictions_jsonl(path: &Path) -> Result<HashMap<String, Vec<Value>>, EvalError> {
    parse_predictions_jsonl(&read_text(path)?, path)
}

/// [`read_predictions_jsonl`] on text already read (`path` names it in
/// errors).
pub fn parse_predictions_jsonl(
    text: &str,
    path: &Path,
) -> Result<HashMap<String, Vec<Value>>, EvalError> {
    let mut preds = HashMap::new();
    for (i, line) in splitlines(text).into_iter().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let o: Value = serde_json::from_str(line).map_err(|e| EvalError::Json {
            path: path.to_path_buf(),
            line: Some(n),
            message: e.to_string(),
        })?;
        let invalid = |message: &str| EvalError::Invalid {
            path: path.to_path_buf(),
            line: Some(n),
            message: message.into(),
        };
        if !o.is_object() {
            return Err(invalid("not a JSON object"));
        }
        let did = get_truthy(&o, "document")
            .and_then(|d| get_truthy(d, "id"))
            .or_else(|| get(&o, "id"));
        let incidents = match get_truthy(&o, "incidents") {
            None => Vec::new(),
            Some(Value::Array(a)) => a.clone(),
            Some(_) => return Err(invalid("\"incidents\" is not an array")),
        };
        // A non-string id can never name a gold report.
        if let Some(Value::String(did)) = did {
            preds.insert(did.clone(), incidents);
        }
    }
    Ok(preds)
}

/// One reported difference between gold and prediction.
#[derive(Debug, Clone, PartialEq)]
pub enum Miss {
    /// A (non-optional) gold incident no prediction matched; `quote` is its
    /// first evidence quote, cut to 120 characters.
    Missed { ty: Value, quote: String },
    /// A prediction that matched nothing; `quote` is the text of its first
    /// locatable evidence span, cut to 120 characters.
    Spurious { ty: Value, quote: String },
    /// A matched pair that disagrees on `slot` (`gold`/`pred` as score.py's
    /// `show` prints them; `null` where the slot is absent).
    Wrong {
        slot: &'static str,
        ty: Value,
        gold: Json,
        pred: Json,
    },
}

impl Miss {
    /// `"missed"`, `"spurious"` or `"wrong <slot>"`.
    pub fn kind(&self) -> String {
        match self {
            Miss::Missed { .. } => "missed".into(),
            Miss::Spurious { .. } => "spurious".into(),
            Miss::Wrong { slot, .. } => format!("wrong {slot}"),
        }
    }

    /// The miss as score.py records it (key order kept).
    pub fn to_json(&self) -> Json {
        let mut o = vec![("kind".to_string(), Json::str(self.kind()))];
        match self {
            Miss::Missed { ty, quote } | Miss::Spurious { ty, quote } => {
                o.push(("type".into(), ty.into()));
                o.push(("quote".into(), Json::str(quote.as_str())));
            }
            Miss::Wrong { ty, gold, pred, .. } => {
                o.push(("type".into(), ty.into()));
                o.push(("gold".into(), gold.clone()));
                o.push(("pred".into(), pred.clone()));
            }
        }
        Json::Obj(o)
    }
}

/// Counts for one document (score.py's `score_document` result).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocScore {
    /// Non-optional gold incidents.
    pub gold: usize,
    /// Predicted incidents, less those matched to optional gold ones.
    pub pred: usize,
    pub matched: usize,
    pub gold_slots: usize,
    pub pred_slots: usize,
    pub correct_slots: usize,
    /// Per slot (in [`SLOTS`] order): (agreeing, judged) over matched pairs.
    pub field: [(usize, usize); 7],
    pub misses: Vec<Miss>,
}

fn first_quote(inc: &Value) -> String {
    let quote = match get_truthy(inc, "evidence") {
        Some(Value::Array(ev)) => ev.first().and_then(|e| get(e, "quote")),
        _ => None,
    };
    quote
        .and_then(Value::as_str)
        .unwrap_or("")
        .chars()
        .take(120)
        .collect()
}

fn is_optional(inc: &Value) -> bool {
    get_truthy(inc, "optional").is_some()
}

/// Whether a gold incident is marked `"optional"` (finding it is neither
/// rewarded nor penalised).
pub fn is_optional_incident(inc: &Value) -> bool {
    is_optional(inc)
}

/// The scorer's matching of one document: `(gold index, predicted index)`
/// pairs, one-to-one, exactly those [`score_document`] scores (same type,
/// overlapping evidence, most agreeing fields; optional gold incidents
/// included).
pub fn match_document(doc: &GoldDoc, predicted: &[Value]) -> Vec<(usize, usize)> {
    let text = Text::new(&doc.text);
    let gsp: Vec<_> = doc.incidents.iter().map(|g| spans(g, &text)).collect();
    let psp: Vec<_> = predicted.iter().map(|p| spans(p, &text)).collect();
    let gvals: Vec<_> = doc.incidents.iter().map(Slots::of).collect();
    let pvals: Vec<_> = predicted.iter().map(Slots::of).collect();
    matching(doc, predicted, &gsp, &psp, &gvals, &pvals)
}

fn matching(
    doc: &GoldDoc,
    predicted: &[Value],
    gsp: &[Vec<slots::Span>],
    psp: &[Vec<slots::Span>],
    gvals: &[Slots],
    pvals: &[Slots],
) -> Vec<(usize, usize)> {
    let gold = &doc.incidents;
    let null = Value::Null;
    let weights: Vec<Vec<i64>> = gold
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            predicted
                .iter()
                .enumerate()
                .map(|(pi, p)| {
                    let same_type = pyjson::py_eq(
                        get(g, "type").unwrap_or(&null),
                        get(p, "type").unwrap_or(&null),
                    );
                    if same_type && overlaps(&gsp[gi], &psp[pi]) {
                        let bonus = if is_optional(g) { 0 } else { 100 };
                        bonus + 1 + agreeing(&gvals[gi], &pvals[pi]).len() as i64
                    } else {
                        0
                    }
                })
                .collect()
        })
        .collect();
    if gold.is_empty() || predicted.is_empty() {
        Vec::new()
    } else {
        hungarian_max(&weights)
    }
}

/// Scores the predicted incidents of one document against its gold ones.
pub fn score_document(doc: &GoldDoc, predicted: &[Value]) -> DocScore {
    let text = Text::new(&doc.text);
    let gold = &doc.incidents;
    let gsp: Vec<_> = gold.iter().map(|g| spans(g, &text)).collect();
    let psp: Vec<_> = predicted.iter().map(|p| spans(p, &text)).collect();
    let gvals: Vec<_> = gold.iter().map(Slots::of).collect();
    let pvals: Vec<_> = predicted.iter().map(Slots::of).collect();
    let null = Value::Null;
    let ty = |inc: &'_ Value| get(inc, "type").unwrap_or(&null).clone();
    let pairs = matching(doc, predicted, &gsp, &psp, &gvals, &pvals);
    let mut matched_g: HashMap<usize, usize> = HashMap::new();
    let mut matched_p: HashMap<usize, usize> = HashMap::new();
    for &(g, p) in &pairs {
        matched_g.insert(g, p);
        matched_p.insert(p, g);
    }
    let mut r = DocScore::default();
    for (gi, g) in gold.iter().enumerate() {
        if is_optional(g) {
            continue;
        }
        r.gold += 1;
        r.gold_slots += gvals[gi].len();
        if !matched_g.contains_key(&gi) {
            r.misses.push(Miss::Missed {
                ty: ty(g),
                quote: first_quote(g),
            });
        }
    }
    for (pi, p) in predicted.iter().enumerate() {
        let gi = matched_p.get(&pi).copied();
        if gi.is_some_and(|gi| is_optional(&gold[gi])) {
            continue;
        }
        r.pred += 1;
        r.pred_slots += pvals[pi].len();
        let Some(gi) = gi else {
            let quote = psp[pi]
                .first()
                .map(|&(s, e)| text.slice(s as i64, e as i64))
                .unwrap_or_default();
            r.misses.push(Miss::Spurious {
                ty: ty(p),
                quote: quote.chars().take(120).collect(),
            });
            continue;
        };
        r.matched += 1;
        let ok = agreeing(&gvals[gi], &pvals[pi]);
        r.correct_slots += ok.len();
        for (k, s) in SLOTS.iter().enumerate() {
            if gvals[gi].has(s) || pvals[pi].has(s) {
                r.field[k].1 += 1;
                if ok.contains(s) {
                    r.field[k].0 += 1;
                } else {
                    r.misses.push(Miss::Wrong {
                        slot: s,
                        ty: ty(p),
                        gold: gvals[gi].show(s),
                        pred: pvals[pi].show(s),
                    });
                }
            }
        }
    }
    r
}

/// Precision, recall and F1 of `hits` out of `predicted` and `gold`,
/// unrounded (score.py's `prf`).
pub fn prf(hits: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let pr = if predicted > 0 {
        hits as f64 / predicted as f64
    } else {
        0.0
    };
    let rc = if gold > 0 {
        hits as f64 / gold as f64
    } else {
        0.0
    };
    let f = if pr + rc != 0.0 {
        2.0 * pr * rc / (pr + rc)
    } else {
        0.0
    };
    (pr, rc, f)
}

/// Gold, predicted and agreeing counts with P/R/F1 rounded to 4 places.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub gold: usize,
    pub predicted: usize,
    /// Matched incidents, or correct slots.
    pub hits: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(hits: usize, predicted: usize, gold: usize) -> Prf {
        let (p, r, f) = prf(hits, predicted, gold);
        Prf {
            gold,
            predicted,
            hits,
            precision: py_round4(p),
            recall: py_round4(r),
            f1: py_round4(f),
        }
    }

    fn to_json(self, hits_key: &str) -> Json {
        Json::Obj(vec![
            ("gold".into(), Json::Int(self.gold as i64)),
            ("predicted".into(), Json::Int(self.predicted as i64)),
            (hits_key.into(), Json::Int(self.hits as i64)),
            ("precision".into(), Json::Float(self.precision)),
            ("recall".into(), Json::Float(self.recall)),
            ("f1".into(), Json::Float(self.f1)),
        ])
    }
}

/// Accuracy of one slot over the matched pairs where either side has it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldAccuracy {
    pub slot: &'static str,
    pub correct: usize,
    pub total: usize,
    /// `correct / total` rounded to 4 places; `None` when `total` is 0.
    pub accuracy: Option<f64>,
}

/// The misses of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocMisses {
    pub id: String,
    pub misses: Vec<Miss>,
}

/// The scores of a prediction run (score.py's `result`).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreResult {
    /// Gold documents (distinct ids).
    pub documents: usize,
    /// Gold documents the predictions have a line for.
    pub predicted_documents: usize,
    /// Incident matching (`hits` = matched).
    pub incidents: Prf,
    /// Slot scores, the headline (`hits` = correct).
    pub slots: Prf,
    /// One per slot, in [`SLOTS`] order.
    pub field_accuracy: Vec<FieldAccuracy>,
    /// Documents with misses, in gold order.
    pub misses: Vec<DocMisses>,
}

/// Scores predictions (predicted incidents per document id) against the
/// gold documents; a document without predictions predicts nothing. A gold
/// id given twice counts once, with the later document, at the earlier
/// place (as a Python dict would have it).
pub fn score(gold: &[GoldDoc], predictions: &HashMap<String, Vec<Value>>) -> ScoreResult {
    let mut order: Vec<&GoldDoc> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for d in gold {
        match index.get(d.id.as_str()) {
            Some(&i) => order[i] = d,
            None => {
                index.insert(&d.id, order.len());
                order.push(d);
            }
        }
    }
    let mut tot = DocScore::default();
    let mut misses = Vec::new();
    for doc in &order {
        let predicted = predictions.get(&doc.id).map_or(&[][..], Vec::as_slice);
        let r = score_document(doc, predicted);
        tot.gold += r.gold;
        tot.pred += r.pred;
        tot.matched += r.matched;
        tot.gold_slots += r.gold_slots;
        tot.pred_slots += r.pred_slots;
        tot.correct_slots += r.correct_slots;
        for (t, f) in tot.field.iter_mut().zip(r.field) {
            t.0 += f.0;
            t.1 += f.1;
        }
        if !r.misses.is_empty() {
            misses.push(DocMisses {
                id: doc.id.clone(),
                misses: r.misses,
            });
        }
    }
    ScoreResult {
        documents: order.len(),
        predicted_documents: order
            .iter()
            .filter(|d| predictions.contains_key(&d.id))
            .count(),
        incidents: Prf::new(tot.matched, tot.pred, tot.gold),
        slots: Prf::new(tot.correct_slots, tot.pred_slots, tot.gold_slots),
        field_accuracy: SLOTS
            .iter()
            .zip(tot.field)
            .map(|(slot, (c, n))| FieldAccuracy {
                slot,
                correct: c,
                total: n,
                accuracy: (n > 0).then(|| py_round4(c as f64 / n as f64)),
            })
            .collect(),
        misses,
    }
}

impl ScoreResult {
    /// The result as an ordered JSON tree, keys as score.py's `--json`
    /// prints them (`misses` only with `details`).
    pub fn to_json_tree(&self, details: bool) -> Json {
        let mut o = vec![
            ("documents".into(), Json::Int(self.documents as i64)),
            (
                "predicted_documents".into(),
                Json::Int(self.predicted_documents as i64),
            ),
            ("incidents".into(), self.incidents.to_json("matched")),
            ("slots".into(), self.slots.to_json("correct")),
            (
                "field_accuracy".into(),
                Json::Obj(
                    self.field_accuracy
                        .iter()
                        .map(|f| (f.slot.to_string(), Json::opt_float(f.accuracy)))
                        .collect(),
                ),
            ),
        ];
        if details {
            o.push((
                "misses".into(),
                Json::Obj(
                    self.misses
                        .iter()
                        .map(|d| {
                            (
                                d.id.clone(),
                                Json::Arr(d.misses.iter().map(Miss::to_json).collect()),
                            )
                        })
                        .collect(),
                ),
            ));
        }
        Json::Obj(o)
    }

    /// The `--json` result as a `serde_json::Value` (same structure and
    /// values; key order is `serde_json`'s).
    pub fn to_json(&self, details: bool) -> Value {
        self.to_json_tree(details).to_value()
    }

    /// The `--json` output exactly as score.py prints it
    /// (`json.dumps(result, indent=1)`), without the final newline.
    pub fn to_json_string(&self, details: bool) -> String {
        self.to_json_tree(details).dumps(Some(1))
    }

    /// The text report exactly as score.py prints it (each line ending in a
    /// newline).
    pub fn to_text(&self, details: bool) -> String {
        let mut out = format!(
            "documents {} (predicted {})\n",
            self.documents, self.predicted_documents
        );
        let i = &self.incidents;
        out += &format!(
            "incidents gold {} predicted {} matched {}  P {:.3} R {:.3} F1 {:.3}\n",
            i.gold, i.predicted, i.hits, i.precision, i.recall, i.f1
        );
        for f in &self.field_accuracy {
            let a = f.accuracy.map_or("-".to_string(), |a| format!("{a:.3}"));
            out += &format!("  {:<10} accuracy on matched: {a}\n", f.slot);
        }
        if details {
            for d in &self.misses {
                out += &format!("== {}\n", d.id);
                for m in &d.misses {
                    out += &format!("    {}\n", m.to_json().dumps(None));
                }
            }
        }
        let s = &self.slots;
        out += &format!(
            "slot P {:.3} R {:.3} F1 {:.3}\n",
            s.precision, s.recall, s.f1
        );
        out
    }
}
