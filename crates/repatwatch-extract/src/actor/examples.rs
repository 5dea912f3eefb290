//! Example table of the actor dimension: phrase → (matched words, code).
//! `None` as fallback state; `"?"` expects no state to be told.

use super::find;

const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
    (
        "Chinese police raided the flat",
        &[("Chinese police", "CN-PSB")],
    ),
    (
        "officers of the Chinese public security bureau came",
        &[("Chinese public security bureau", "CN-PSB")],
    ),
    (
        "plainclothes Chinese security agents",
        &[("Chinese security agents", "CN-PSB")],
    ),
    (
        "Chinese border guards caught them",
        &[("Chinese border guards", "CN-BORDER")],
    ),
    ("run by the border patrol", &[("border patrol", "?")]),
    (
        "Chinese plainclothes officers took them",
        &[("Chinese plainclothes officers", "CN-PSB")],
    ),
    (
        "Russia's border guard service said",
        &[("Russia's border guard service", "RU-BORDER")],
    ),
    (
        "the Mongolian border service detained",
        &[("Mongolian border service", "MN-BORDER")],
    ),
    (
        "Vietnamese border guards in the north",
        &[("Vietnamese border guards", "VN-BORDER")],
    ),
    ("Thai police detained them", &[("Thai police", "TH-POLICE")]),
    ("Lao officials kept them", &[("Lao officials", "LA-GOV")]),
    (
        "Russian authorities expelled them",
        &[("Russian authorities", "RU-GOV")],
    ),
    (
        "Pyongyang's Ministry of State Security (MSS) declined",
        &[
            ("Pyongyang's Ministry of State Security", "KP-MSS"),
            ("MSS", "KP-MSS"),
        ],
    ),
    (
        "handed to the bowibu in the border city",
        &[("bowibu", "KP-MSS")],
    ),
    (
        "beaten by State Security interrogators",
        &[("State Security interrogators", "KP-MSS")],
    ),
    (
        "held in the State Security holding centre",
        &[("State Security", "KP-MSS")],
    ),
    (
        "the Ministry of Social Security questioned her",
        &[("Ministry of Social Security", "KP-MPS")],
    ),
    (
        "North Korean border guards shot at them",
        &[("North Korean border guards", "KP-BORDER")],
    ),
    (
        "but the North Korean side refused",
        &[("North Korean side", "KP-GOV")],
    ),
    (
        "but the North refused to accept them",
        &[("the North", "KP-GOV")],
    ),
    ("China sent them back", &[("China", "CN-GOV")]),
    ("Beijing allowed them to leave", &[("Beijing", "CN-GOV")]),
    (
        "the Chinese authorities had planned it",
        &[("Chinese authorities", "CN-GOV")],
    ),
    (
        "Vietnamese military authorities stopped six people",
        &[("Vietnamese military authorities", "VN-GOV")],
    ),
    ("police in the province detained two", &[("police", "?")]),
    (
        "China's Ministry of Public Security said",
        &[("China's Ministry of Public Security", "CN-PSB")],
    ),
    ("officials said on Monday", &[]),
    ("guards at the frontier post held them", &[("guards", "?")]),
    ("the guards handed them over", &[]),
    ("prison guards beat her", &[]),
    (
        "they remain in Chinese custody",
        &[("Chinese custody", "CN-GOV")],
    ),
    (
        "the Vietnamese had handed the group back",
        &[("the Vietnamese had", "VN-GOV")],
    ),
    (
        "North Korean security agents caught her",
        &[("North Korean security agents", "KP-MSS")],
    ),
    (
        "Chinese public security bureau authorities held them",
        &[("Chinese public security bureau authorities", "CN-PSB")],
    ),
    ("North Korean defectors fled", &[]),
];

#[test]
fn examples() {
    for (text, want) in EXAMPLES {
        let got: Vec<(&str, String)> = find(text)
            .iter()
            .map(|m| {
                (
                    &text[m.start..m.end],
                    m.code(None).unwrap_or_else(|| "?".into()),
                )
            })
            .collect();
        let want: Vec<(&str, String)> = want.iter().map(|(w, c)| (*w, c.to_string())).collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

/// The hand-read state rule finds exactly what the state regex finds, on
/// random texts of state names, their neighbours and possessives.
#[test]
fn state_names_read_by_hand() {
    use proptest::prelude::*;
    let words = [
        "China",
        "Chinatown",
        "china",
        "Beijing",
        "North",
        "North Korea",
        "Korea",
        "Korean",
        "Koreans",
        "the",
        "the North",
        "The North",
        "Pyongyang",
        "Vietnam",
        "Laos",
        "Thailand",
        "Russia",
        "Mongolia",
        "Cambodia",
        "Myanmar",
        "police",
        "x",
        "7",
        "_",
        "'s",
        "’s",
        "é",
    ];
    let reference = |text: &str, from: usize, to: usize| -> Vec<super::StateMatch> {
        let re = &super::patterns().state;
        let mut out = Vec::new();
        let mut at = from;
        while at < to {
            let Some(c) = re.captures_at(text, at) else {
                break;
            };
            let m = c.get(0).unwrap();
            if m.start() >= to {
                break;
            }
            let name = c.name("name").map(|x| x.as_str()).unwrap_or("");
            out.push(super::StateMatch {
                start: m.start(),
                end: m.end(),
                cc: super::STATE_NAMES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, cc)| *cc)
                    .unwrap_or("KP"),
                north: c.name("north").is_some(),
                nadj: c.name("nadj").is_some(),
            });
            at = m.end();
        }
        out
    };
    proptest!(ProptestConfig::with_cases(20000), |(
        idx in proptest::collection::vec(0..words.len(), 1..8),
        sep in "[ ,.’'s-]{0,2}",
        cut in 0usize..4,
    )| {
        let text: Vec<&str> = idx.iter().map(|&i| words[i]).collect();
        let text = text.join(&sep);
        let mut from = (cut * 3).min(text.len());
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let to = text.len().saturating_sub(cut * 2).max(from);
        prop_assert_eq!(
            super::state_matches(&text, from, to),
            reference(&text, from, to),
            "{:?} {}..{}",
            text,
            from,
            to
        );
    });
}

/// The table of common agency phrases holds what the rule's groups tell
/// on each, and holds the commonest ones.
#[test]
fn common_agency_phrases() {
    let common = super::common_agency_reads();
    for phrase in [
        "police",
        "chinese police",
        "chinese authorities",
        "north korean side",
    ] {
        assert!(common.contains_key(phrase), "{phrase}");
    }
    let re = &super::patterns().agency;
    for (phrase, read) in common {
        let c = re.captures(phrase).unwrap();
        assert_eq!(super::read_agency(&c).as_ref(), Some(read), "{phrase}");
    }
}
