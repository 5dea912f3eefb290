//! Scoring the fixtures under tests/fixtures (invented reports). The
//! expected-*.txt/json files are what shared/eval/score.py prints for them
//! (`--details`, and `--json --details`).

use repatwatch_eval::{
    is_optional_incident, load_gold_dir, match_document, parse_predictions_jsonl,
    read_predictions_jsonl, score, score_document, EvalError, GoldDoc, Json, Miss, ScoreResult,
};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn run(pred: &str) -> ScoreResult {
    let gold = load_gold_dir(&fixtures().join("gold")).unwrap();
    let pred = read_predictions_jsonl(&fixtures().join(pred)).unwrap();
    score(&gold, &pred)
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap()
}

fn misses_of<'a>(r: &'a ScoreResult, id: &str) -> &'a [Miss] {
    &r.misses.iter().find(|d| d.id == id).unwrap().misses
}

fn accuracy(r: &ScoreResult) -> Vec<Option<f64>> {
    r.field_accuracy.iter().map(|f| f.accuracy).collect()
}

#[test]
fn gold_loads_sorted_by_file_name() {
    let gold = load_gold_dir(&fixtures().join("gold")).unwrap();
    let ids: Vec<_> = gold.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "fx-a-alias",
            "fx-b-km-dates",
            "fx-c-ties",
            "fx-d-empty",
            "fx-e-missing",
            "fx-f-unicode"
        ]
    );
    assert_eq!(gold[0].published.as_deref(), Some("2031-03-10"));
    assert_eq!(gold[0].title.as_deref(), Some("Three caught at Larchford"));
    assert_eq!(gold[0].incidents.len(), 3);
    assert!(gold[3].incidents.is_empty());
}

#[test]
fn main_figures() {
    let r = run("main.jsonl");
    assert_eq!((r.documents, r.predicted_documents), (6, 5));
    let i = r.incidents;
    assert_eq!((i.gold, i.predicted, i.hits), (10, 13, 8));
    assert_eq!((i.precision, i.recall, i.f1), (0.6154, 0.8, 0.6957));
    let s = r.slots;
    assert_eq!((s.gold, s.predicted, s.hits), (49, 54, 35));
    assert_eq!((s.precision, s.recall, s.f1), (0.6481, 0.7143, 0.6796));
    assert_eq!(
        accuracy(&r),
        [
            Some(1.0),
            Some(1.0),
            Some(0.6667),
            Some(0.6),
            Some(0.75),
            Some(1.0),
            Some(0.6667)
        ]
    );
    let counts: Vec<_> = r
        .field_accuracy
        .iter()
        .map(|f| (f.correct, f.total))
        .collect();
    assert_eq!(
        counts,
        [(8, 8), (8, 8), (4, 6), (3, 5), (6, 8), (4, 4), (2, 3)]
    );
}

#[test]
fn main_text_is_score_py_text() {
    assert_eq!(
        run("main.jsonl").to_text(true),
        expected("expected-main.txt")
    );
}

#[test]
fn main_json_is_score_py_json() {
    let r = run("main.jsonl");
    assert_eq!(
        r.to_json_string(true) + "\n",
        expected("expected-main.json")
    );
    let want: Value = serde_json::from_str(&expected("expected-main.json")).unwrap();
    assert_eq!(r.to_json(true), want);
    let short = r.to_json(false);
    assert!(short.get("misses").is_none());
    assert_eq!(short["incidents"]["matched"], json!(8));
}

#[test]
fn text_without_details() {
    let text = run("main.jsonl").to_text(false);
    let want: String = expected("expected-main.txt")
        .lines()
        .filter(|l| !l.starts_with("==") && !l.starts_with("    "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(text, want);
}

#[test]
fn quote_only_evidence_admin1_alias_and_optional() {
    let r = run("main.jsonl");
    // The arrest (quote-only evidence, "Yanggang Province" / "kp" against
    // "Ryanggang" / "KP") agrees on every slot; the prediction matching the
    // optional gold incident counts nowhere; the unlocatable prediction is
    // spurious with an empty quote.
    let m = misses_of(&r, "fx-a-alias");
    let kinds: Vec<_> = m.iter().map(Miss::kind).collect();
    assert_eq!(kinds, ["wrong date", "wrong locations", "spurious"]);
    assert_eq!(
        m[2],
        Miss::Spurious {
            ty: json!("arrest"),
            quote: String::new()
        }
    );
    let Miss::Wrong { gold, pred, .. } = &m[1] else {
        panic!("{m:?}")
    };
    assert_eq!(
        gold.dumps(None),
        r#"[{"name": "Ryanggang", "admin1": "Ryanggang", "country": "KP", "precision": "admin1"}]"#
    );
    assert_eq!(
        pred.dumps(None),
        r#"[{"name": "Ryanggang", "admin1": "Hyesan", "country": "KP", "precision": "admin1"}]"#
    );
}

#[test]
fn km_rule_and_date_half_overlap() {
    let r = run("main.jsonl");
    let m = misses_of(&r, "fx-b-km-dates");
    // 22 km away agrees, 28 km does not; 2 days of a 6-day union is wrong,
    // 4 of 7 agrees; reordered locations agree; 19.0 == 19.
    assert_eq!(
        m[0],
        Miss::Wrong {
            slot: "date",
            ty: json!("arrest"),
            gold: Json::Arr(vec![Json::str("2031-05-01"), Json::str("2031-05-04")]),
            pred: Json::Arr(vec![Json::str("2031-05-03"), Json::str("2031-05-06")]),
        }
    );
    assert_eq!(m[1].kind(), "wrong locations");
    assert_eq!(
        m[2].to_json().dumps(None),
        r#"{"kind": "wrong actors", "type": "repatriation", "gold": null, "pred": ["CN-POLICE"]}"#
    );
    assert_eq!(m.len(), 3);
}

#[test]
fn hungarian_ties_break_like_python() {
    let r = run("main.jsonl");
    let m = misses_of(&r, "fx-c-ties");
    let shown: Vec<_> = m.iter().map(|x| x.to_json().dumps(None)).collect();
    assert_eq!(
        shown,
        [
            r#"{"kind": "wrong count", "type": "arrest", "gold": [3, 3], "pred": [4, 4]}"#,
            r#"{"kind": "wrong count", "type": "arrest", "gold": [5, 5], "pred": [6, 6]}"#,
            r#"{"kind": "spurious", "type": "detention", "quote": "held together at the quarry post"}"#,
        ]
    );
}

#[test]
fn code_point_offsets() {
    let r = run("main.jsonl");
    let m = misses_of(&r, "fx-f-unicode");
    assert_eq!(
        m[2],
        Miss::Spurious {
            ty: json!("transfer"),
            quote: "nach Süden gebracht 🚐".into()
        }
    );
    assert_eq!(m[1].to_json().dumps(Some(1)).lines().last(), Some("}"));
    assert!(r
        .to_json_string(true)
        .contains(r#""quote": "nach S\u00fcden gebracht \ud83d\ude90""#));
}

#[test]
fn missing_documents_and_empty_predictions() {
    let r = run("main.jsonl");
    assert_eq!(
        misses_of(&r, "fx-e-missing"),
        [Miss::Missed {
            ty: json!("arrest"),
            quote: "Guards stopped a family of four at the ferry crossing on 2 September".into()
        }]
    );
    let e = run("empty.jsonl");
    assert_eq!(e.predicted_documents, 0);
    assert_eq!(
        (e.incidents.gold, e.incidents.predicted, e.incidents.hits),
        (10, 0, 0)
    );
    assert_eq!(
        (e.incidents.precision, e.incidents.recall, e.incidents.f1),
        (0.0, 0.0, 0.0)
    );
    assert_eq!((e.slots.gold, e.slots.predicted), (49, 0));
    assert!(accuracy(&e).iter().all(Option::is_none));
    assert_eq!(e.to_text(true), expected("expected-empty.txt"));
    assert_eq!(
        e.to_json_string(true) + "\n",
        expected("expected-empty.json")
    );
    let none = score(
        &load_gold_dir(&fixtures().join("gold")).unwrap(),
        &HashMap::new(),
    );
    assert_eq!(none, e);
}

#[test]
fn perfect_predictions() {
    let gold = load_gold_dir(&fixtures().join("gold")).unwrap();
    let preds: HashMap<_, _> = gold
        .iter()
        .map(|d| (d.id.clone(), d.incidents.clone()))
        .collect();
    let r = score(&gold, &preds);
    assert_eq!(
        (r.incidents.precision, r.incidents.recall, r.incidents.f1),
        (1.0, 1.0, 1.0)
    );
    assert_eq!(
        (r.slots.precision, r.slots.recall, r.slots.f1),
        (1.0, 1.0, 1.0)
    );
    assert_eq!(r.incidents.predicted, 10); // the optional one is left out
    assert!(r.misses.is_empty());
}

fn doc(text: &str, incidents: Vec<Value>) -> GoldDoc {
    GoldDoc {
        id: "d".into(),
        text: text.into(),
        incidents,
        ..GoldDoc::default()
    }
}

#[test]
fn optional_gold_excluded_from_both_sides() {
    let text = "Five were caught at the bridge.";
    let g = json!({"type": "arrest", "optional": true,
                   "evidence": [{"start": 0, "end": 15, "quote": "Five were caught"}]});
    let p = json!({"type": "arrest", "evidence": [{"quote": "caught at the bridge"}]});
    let r = score_document(&doc(text, vec![g.clone()]), &[p]);
    assert_eq!(
        (r.gold, r.pred, r.matched, r.gold_slots, r.pred_slots),
        (0, 0, 0, 0, 0)
    );
    assert!(r.misses.is_empty());
    // An optional gold incident left unmatched is not missed either, and a
    // prediction it does not match stays spurious.
    let r = score_document(&doc(text, vec![g]), &[json!({"type": "release"})]);
    assert_eq!((r.gold, r.pred), (0, 1));
    assert_eq!(r.misses[0].kind(), "spurious");
    // A non-optional gold incident outweighs an optional one for the same
    // prediction (the 100 bonus).
    let g1 = json!({"type": "arrest", "optional": true, "status": "occurred",
                    "people": {"count": {"min": 5, "max": 5}},
                    "evidence": [{"quote": "Five were caught"}]});
    let g2 = json!({"type": "arrest", "evidence": [{"quote": "at the bridge"}]});
    let p = json!({"type": "arrest", "people": {"count": {"min": 5, "max": 5}},
                   "evidence": [{"quote": "Five were caught at the bridge"}]});
    let r = score_document(&doc(text, vec![g1, g2]), &[p]);
    assert_eq!((r.gold, r.pred, r.matched), (1, 1, 1));
    assert_eq!(r.misses[0].kind(), "wrong count");
}

#[test]
fn status_defaults_to_occurred_and_slots_counted() {
    let text = "Two were returned.";
    let g = json!({"type": "repatriation", "status": "occurred",
                   "date": {"start": "2031-01-01", "end": null},
                   "evidence": [{"quote": "Two were returned"}]});
    let p = json!({"type": "repatriation", "status": null, "date": {"start": "2031-01-01"},
                   "actors": ["X", "X"], "evidence": [{"quote": "returned"}]});
    let r = score_document(&doc(text, vec![g]), &[p]);
    assert_eq!((r.gold_slots, r.pred_slots, r.correct_slots), (3, 4, 3));
    assert_eq!(r.field[1], (1, 1));
    assert_eq!(r.field[6], (0, 1));
}

#[test]
fn predictions_jsonl_forms_and_errors() {
    let p = Path::new("p.jsonl");
    let text = concat!(
        "{\"document\": {\"id\": \"a\"}, \"incidents\": [{\"type\": \"arrest\"}]}\n",
        "\n",
        "{\"id\": \"b\", \"incidents\": null}\r\n",
        "{\"document\": {\"id\": null}, \"id\": \"c\"}\n",
        "{\"id\": \"a\", \"incidents\": []}\n",
    );
    let preds = parse_predictions_jsonl(text, p).unwrap();
    assert_eq!(preds.len(), 3);
    assert!(preds["a"].is_empty()); // the later line wins
    assert!(preds["b"].is_empty() && preds["c"].is_empty());

    let err = parse_predictions_jsonl("{}\n\n{oops\n", p).unwrap_err();
    assert!(
        matches!(err, EvalError::Json { line: Some(3), .. }),
        "{err:?}"
    );
    assert!(
        err.to_string().starts_with("p.jsonl:3: not JSON: "),
        "{err}"
    );
    let err = parse_predictions_jsonl("[1]\n", p).unwrap_err();
    assert_eq!(err.to_string(), "p.jsonl:1: not a JSON object");
}

#[test]
fn gold_errors_name_the_file() {
    let dir = std::env::temp_dir().join(format!("repatwatch-eval-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.json"), r#"{"id": "a", "text": "t"}"#).unwrap();
    std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
    std::fs::write(dir.join("b.json"), r#"{"id": "b"}"#).unwrap();
    let err = load_gold_dir(&dir).unwrap_err();
    assert!(err.to_string().contains("b.json"), "{err}");
    assert!(err.to_string().contains("\"text\""), "{err}");
    std::fs::write(dir.join("b.json"), "{not json").unwrap();
    let err = load_gold_dir(&dir).unwrap_err();
    assert!(matches!(err, EvalError::Json { .. }));
    assert!(err.to_string().contains("b.json: not JSON"), "{err}");
    std::fs::remove_file(dir.join("b.json")).unwrap();
    let gold = load_gold_dir(&dir).unwrap();
    assert_eq!(gold.len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(matches!(
        load_gold_dir(&dir).unwrap_err(),
        EvalError::Io { .. }
    ));
}

#[test]
fn duplicate_gold_ids_count_once() {
    let a = doc(
        "x",
        vec![json!({"type": "arrest", "evidence": [{"quote": "x"}]})],
    );
    let b = doc("x", vec![]);
    let r = score(&[a, b], &HashMap::new());
    assert_eq!(r.documents, 1);
    assert_eq!(r.incidents.gold, 0); // the later document wins
}

#[test]
fn the_matching_is_exposed_as_scored() {
    let text = "Guards caught two people. Later six were sent back. Police held one.";
    let inc = |ty: &str, s: usize, e: usize, optional: bool| json!({"type": ty, "evidence": [{"start": s, "end": e}], "optional": optional});
    let doc = GoldDoc {
        id: "m".into(),
        text: text.into(),
        incidents: vec![
            inc("arrest", 0, 25, false),
            inc("repatriation", 26, 50, false),
            inc("detention", 51, 67, true),
        ],
        ..GoldDoc::default()
    };
    let predicted = vec![
        inc("detention", 51, 67, false),
        inc("repatriation", 30, 40, false),
        inc("arrest", 26, 50, false),
    ];
    let mut pairs = match_document(&doc, &predicted);
    pairs.sort();
    // The arrest prediction overlaps no gold arrest; the optional detention
    // is matched (and then not scored).
    assert_eq!(pairs, vec![(1, 1), (2, 0)]);
    assert!(is_optional_incident(&doc.incidents[2]));
    let r = score_document(&doc, &predicted);
    assert_eq!((r.gold, r.pred, r.matched), (2, 2, 1));
}
