//! Properties of the public `extract`, on random input: it never panics; its
//! evidence offsets are code-point offsets inside the text whose slice is the
//! quote; it is deterministic; and its output serializes. `extract_batch`
//! of a batch equals `extract` of each report.

use chrono::NaiveDate;
use proptest::prelude::*;
use repatwatch_extract::{extract, extract_batch, Options, Report};

/// Words and phrases typical of these reports, with punctuation, numbers,
/// dates and a few non-ASCII ones.
const WORDS: &[&str] = &[
    "North",
    "Korean",
    "North Koreans",
    "defectors",
    "defector",
    "woman",
    "women",
    "men",
    "man",
    "children",
    "a family of",
    "teenagers",
    "in her 30s",
    "Chinese",
    "police",
    "border guards",
    "border police",
    "public security bureau",
    "Ministry of State Security",
    "MSS",
    "PSB",
    "arrested",
    "detained",
    "caught",
    "held",
    "transferred",
    "repatriated",
    "forcibly returned",
    "sent back",
    "handed over",
    "released",
    "sentenced",
    "executed",
    "died",
    "tortured",
    "to repatriate",
    "plans to",
    "intends to",
    "refused to take back",
    "reportedly",
    "allegedly",
    "a source said",
    "according to",
    "a relative",
    "an NGO",
    "the UN",
    "told",
    "Daily NK",
    "Hunchun",
    "Jilin",
    "Jilin Province",
    "Liaoning",
    "Dandong",
    "Tumen",
    "Tumen River",
    "Yalu",
    "Yanji",
    "Shenyang",
    "Changbai",
    "Sinuiju",
    "Hyesan",
    "Onsong",
    "Musan",
    "Namyang",
    "Beijing",
    "Laos",
    "Vietnam",
    "Mongolia",
    "Russia",
    "detention center",
    "labor camp",
    "kyohwaso",
    "prison",
    "on",
    "in",
    "at",
    "by",
    "near",
    "the",
    "a",
    "of",
    "and",
    "two",
    "three",
    "dozens",
    "about",
    "some",
    "more than",
    "at least",
    "12",
    "30",
    "1",
    "200",
    "2,000",
    "1.5",
    "Oct. 3",
    "Oct.",
    "March 9",
    "9 March",
    "2019",
    "2023",
    "last month",
    "last week",
    "last Tuesday",
    "Thursday",
    "two weeks earlier",
    "earlier this year",
    "in September",
    "end of the month",
    "since",
    "until",
    "between",
    "and",
    "or",
    "who",
    "which",
    "were",
    "was",
    "had",
    "have",
    "been",
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "\"",
    "'",
    "'s",
    "(",
    ")",
    "-",
    "—",
    "–",
    "…",
    "\n",
    "\n\n",
    "\t",
    "  ",
    "Mr.",
    "Ms.",
    "U.S.",
    "No.",
    "e.g.",
    "탈북자",
    "북송",
    "中国",
    "丹东",
    "é",
    "ß",
    "🙂",
    "\u{200b}",
    "\u{feff}",
    "\r\n",
];

fn words_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(WORDS), prop::bool::weighted(0.85)),
        0..220,
    )
    .prop_map(|ws| {
        let mut s = String::new();
        for (w, space) in ws {
            s.push_str(w);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn published() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::weighted(
        0.9,
        (1900i32..2100, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    )
}

fn check(report: &Report, explain: bool) -> Result<(), TestCaseError> {
    let options = Options { explain };
    let ex = extract(report, &options);
    prop_assert_eq!(&ex.document.id, &report.id);
    prop_assert_eq!(ex.document.published, report.published);
    let chars: Vec<char> = report.text.chars().collect();
    for inc in &ex.incidents {
        prop_assert!(!inc.evidence.is_empty(), "an incident without evidence");
        for e in &inc.evidence {
            prop_assert!(e.start <= e.end, "evidence {}..{} reversed", e.start, e.end);
            prop_assert!(
                e.end <= chars.len(),
                "evidence {}..{} past the text's {} code points",
                e.start,
                e.end,
                chars.len()
            );
            let slice: String = chars[e.start..e.end].iter().collect();
            prop_assert_eq!(
                &slice,
                &e.quote,
                "quote is not the text slice {}..{}",
                e.start,
                e.end
            );
        }
        if let Some(d) = &inc.date {
            prop_assert!(d.start <= d.end, "date {} after {}", d.start, d.end);
        }
        if !explain {
            prop_assert!(inc.explain.is_none(), "explain attached without --explain");
        }
    }
    prop_assert!(serde_json::to_string(&ex).is_ok());
    prop_assert_eq!(
        extract(report, &options),
        ex,
        "extract is not deterministic"
    );
    Ok(())
}

/// Inputs the properties once failed on, kept as plain tests.
#[test]
fn regressions() {
    let texts = [
        // A slice that ended inside '자' (event rules, hedge window after a trigger).
        "arrested MSSontransferredmen transferred탈북자",
    ];
    for text in texts {
        let report = Report {
            id: "regression".into(),
            text: text.into(),
            ..Default::default()
        };
        for explain in [false, true] {
            if let Err(e) = check(&report, explain) {
                panic!("{text:?}: {e}");
            }
        }
    }
}

/// `extract_batch` equals mapping `extract`, over `&[Report]` and `&[&Report]`.
fn check_batch(reports: &[Report], explain: bool) -> Result<(), TestCaseError> {
    let options = Options { explain };
    let one_by_one: Vec<_> = reports.iter().map(|r| extract(r, &options)).collect();
    prop_assert_eq!(&extract_batch(reports, &options), &one_by_one);
    let refs: Vec<&Report> = reports.iter().collect();
    prop_assert_eq!(&extract_batch(&refs, &options), &one_by_one);
    Ok(())
}

#[test]
fn batch_equals_one_by_one() {
    let sample = include_str!("../../../samples/sample-report.txt");
    let texts = [
        sample,
        "",
        "Early this month, 14 North Korean women were arrested by Chinese police in Yanji, \
         Jilin Province, a source said. The police planned to repatriate them, but North Korea \
         refused to take them back.",
        "arrested MSSontransferredmen transferred탈북자",
        sample,
        "Chinese authorities forcibly returned some 60 North Koreans from Dandong on Saturday.",
    ];
    let reports: Vec<Report> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Report {
            id: format!("r{i}"),
            published: NaiveDate::from_ymd_opt(2024, 10, 17 + i as u32 % 3),
            title: (i % 2 == 1).then(|| "North Koreans repatriated".to_string()),
            text: t.to_string(),
            ..Default::default()
        })
        .collect();
    assert!(extract_batch::<Report>(&[], &Options::default()).is_empty());
    for explain in [false, true] {
        if let Err(e) = check_batch(&reports, explain) {
            panic!("{e}");
        }
        for r in &reports {
            check_batch(std::slice::from_ref(r), explain).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn batch_equals_one_by_one_on_report_like_texts(
        reports in prop::collection::vec(
            (words_text(), prop::option::of(words_text()), published()),
            0..8,
        ),
        explain in any::<bool>(),
    ) {
        let reports: Vec<Report> = reports
            .into_iter()
            .enumerate()
            .map(|(i, (text, title, published))| Report {
                id: format!("r{i}"),
                title,
                published,
                text,
                ..Default::default()
            })
            .collect();
        check_batch(&reports, explain)?;
    }

    #[test]
    fn never_panics_on_random_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
        published in published(),
        explain in any::<bool>(),
    ) {
        let report = Report {
            id: "bytes".into(),
            published,
            text: String::from_utf8_lossy(&bytes).into_owned(),
            ..Default::default()
        };
        check(&report, explain)?;
    }

    #[test]
    fn never_panics_on_report_like_text(
        text in words_text(),
        title in prop::option::of(words_text()),
        published in published(),
        explain in any::<bool>(),
    ) {
        let report = Report { id: "words".into(), title, published, text, ..Default::default() };
        check(&report, explain)?;
    }

    #[test]
    fn never_panics_on_random_unicode(
        text in "\\PC{0,400}",
        published in published(),
    ) {
        let report = Report { id: "unicode".into(), published, text, ..Default::default() };
        check(&report, true)?;
    }
}
