//! A conservative detector of personal names in free text (used by
//! redaction, `docs/export.md` "Redaction").
//!
//! It finds, in English text about North Koreans:
//!
//! * an honorific and the capitalised words after it ("Mr. Lee", "Ms Kim
//!   Mi-ok", "Dr. Ha");
//! * a Korean surname followed by given-name words ("Kim Mi-ok", "Pak Chol
//!   Su", "Ri Sol");
//! * a distinctive Korean surname standing alone ("Choi", "Kim", "Park");
//! * capitalised words that a name context marks: an age after them ("Sun-hee,
//!   34," or "Ok (34)"), a relative after them ("Yong-ho's wife", "Myong and
//!   her son"), a naming verb before them ("named Hyang", "identified as",
//!   "surnamed", "alias"), or a pseudonym note after them ("Jin (not her real
//!   name)").
//!
//! Each hit is [`NameSpan::certain`] or not. An uncertain hit (a short,
//! ambiguous surname such as "Han" or "Song" mid-sentence, a capitalised
//! hyphenated word that is no known place, or an unknown capitalised word
//! before "said"/"told") means the detector cannot tell: [`mask_names`] then
//! gives `None` and redaction drops the whole text.

use std::ops::Range;

/// A likely personal name: byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    pub start: usize,
    pub end: usize,
    /// `false`: the words may be a name; the text should not be published.
    pub certain: bool,
}

/// What replaces a masked name.
pub const MASK: &str = "[name]";

/// Korean surnames that are not everyday English words: a capitalised
/// occurrence is a name.
const SURNAMES_DISTINCT: &[&str] = &[
    "Kim", "Gim", "Lee", "Yi", "Rhee", "Ri", "Rhi", "Park", "Pak", "Bak", "Choi", "Choe", "Chwe",
    "Jung", "Jeong", "Chung", "Chong", "Kang", "Cho", "Jo", "Yoon", "Yun", "Jang", "Lim", "Rim",
    "Shin", "Sin", "Kwon", "Hwang", "Ahn", "Seo", "Suh", "Jeon", "Chon", "Ryu", "Yoo", "Hyun",
    "Heo", "Hur", "Noh", "Roh", "Kwak", "Baek", "Paek", "Pyo", "Byun", "Pyon", "Yeom", "Eom", "Um",
    "Chae", "Cheon", "Chun", "Ryoo", "Kye", "Gye", "Sohn", "Myung", "Maeng", "Seok",
];

/// Korean surnames that are also English words or common syllables: a name
/// only next to given names or a name context; alone mid-sentence, unsure.
const SURNAMES_AMBIGUOUS: &[&str] = &[
    "An", "O", "Oh", "Do", "Go", "Ko", "Ha", "Im", "Na", "Yu", "Ju", "Joo", "Mo", "So", "Son",
    "Song", "Moon", "Mun", "Sun", "Bang", "Jin", "Min", "Han", "Kong", "Ham", "Nam", "Sung", "Won",
    "Woo", "U", "Hong", "Chang", "Ma", "Yang", "Bae", "Cha", "Gil", "Tak", "Chu", "Yeo", "Nah",
    "Ok", "Bong", "Ji",
];

const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "madam", "madame", "mister", "mrs", "sir",
];

const RELATIVES: &[&str] = &[
    "son",
    "sons",
    "daughter",
    "daughters",
    "husband",
    "wife",
    "mother",
    "father",
    "brother",
    "brothers",
    "sister",
    "sisters",
    "family",
    "child",
    "children",
    "baby",
    "parents",
    "grandmother",
    "grandfather",
    "niece",
    "nephew",
    "mother-in-law",
    "daughter-in-law",
    "relatives",
    "cousin",
    "fiance",
    "boyfriend",
    "girlfriend",
    "partner",
    "aunt",
    "uncle",
];

const NAMING: &[&str] = &[
    "named",
    "called",
    "surnamed",
    "alias",
    "nicknamed",
    "pseudonym",
    "identified as",
    "known as",
    "name is",
    "surname",
];

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "recalled",
    "recalls",
    "added",
    "explained",
    "wrote",
    "testified",
    "claimed",
    "stated",
    "asked",
];

/// Capitalised words that are never names in these reports (so a
/// capitalised sequence stops at them, and they raise no doubt).
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "And",
    "But",
    "Or",
    "For",
    "From",
    "To",
    "By",
    "With",
    "After",
    "Before",
    "During",
    "Since",
    "When",
    "While",
    "Last",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Korea",
    "Korean",
    "Koreans",
    "China",
    "Chinese",
    "Russia",
    "Russian",
    "Vietnam",
    "Laos",
    "Thailand",
    "Mongolia",
    "Police",
    "Ministry",
    "Security",
    "State",
    "Public",
    "Bureau",
    "Border",
    "Guard",
    "Guards",
    "Province",
    "County",
    "City",
    "River",
    "Prison",
    "Center",
    "Centre",
    "Camp",
    "Detention",
    "Daily",
    "News",
    "Radio",
    "Free",
    "Asia",
    "Agency",
    "Times",
    "Post",
    "Herald",
    "Yonhap",
    "Reuters",
    "UN",
    "NGO",
    "NK",
    "DPRK",
    "PRC",
    "RFA",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Defector",
    "Defectors",
    "Refugee",
    "Refugees",
    "Human",
    "Rights",
    "Watch",
    "Amnesty",
    "International",
    "Beijing",
    "Pyongyang",
    "Seoul",
    "Government",
    "Authorities",
    "Officials",
    "Official",
    "Source",
    "Sources",
    "Report",
    "Reports",
    "Reportedly",
    "According",
    "Two",
    "Three",
    "Four",
    "Five",
    "Several",
    "Some",
    "Many",
    "About",
    "Around",
    "Nearly",
    "More",
    "Early",
    "Late",
    "Mid",
    "Spring",
    "Summer",
    "Autumn",
    "Fall",
    "Winter",
];

/// English prefixes of hyphenated words that are not given names
/// ("Pro-Beijing", "Anti-Japanese").
const PREFIXES: &[&str] = &[
    "re", "anti", "pro", "non", "ex", "self", "post", "pre", "co", "sino", "inter", "pan", "half",
    "well", "cross", "mid", "multi", "semi", "sub", "trans", "ultra", "north", "south", "east",
    "west", "high", "low", "long", "short", "first", "second", "third", "so",
];

#[derive(Debug, Clone)]
struct Tok {
    r: Range<usize>,
    word: bool,
    /// The first character of a sentence (or of the text).
    sentence_start: bool,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut sentence_start = true;
    while let Some((i, c)) = it.next() {
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    it.next();
                } else if d == '-' || d == '\'' || d == '\u{2019}' {
                    // keep internal hyphens ("Mi-ok"), not "Kim's"
                    let rest = &text[j + d.len_utf8()..];
                    let next_alpha = rest.chars().next().is_some_and(char::is_alphabetic);
                    let is_possessive = d != '-'
                        && rest.starts_with(['s', 'S'])
                        && !rest[1..].chars().next().is_some_and(char::is_alphabetic);
                    if next_alpha && !is_possessive {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Tok {
                r: i..end,
                word: true,
                sentence_start,
            });
            sentence_start = false;
        } else if c.is_whitespace() {
            if c == '\n' {
                sentence_start = true;
            }
        } else {
            let ends_sentence = matches!(c, '.' | '!' | '?' | ':' | '"' | '\u{201C}');
            // "Mr." does not end a sentence
            let after_honorific = c == '.'
                && out
                    .last()
                    .is_some_and(|t: &Tok| t.word && is_honorific(&text[t.r.clone()]));
            out.push(Tok {
                r: i..i + c.len_utf8(),
                word: false,
                sentence_start,
            });
            if ends_sentence && !after_honorific {
                sentence_start = true;
            }
        }
    }
    out
}

/// Hangul, CJK ideographs, kana.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F)
}

/// "KIM" → "Kim".
fn titlecase(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(f) => f
            .to_uppercase()
            .chain(cs.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

fn is_cap(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
        || w.len() == 1 && w.chars().all(char::is_uppercase)
}

fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(&w.to_ascii_lowercase().as_str())
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

fn is_distinct_surname(w: &str) -> bool {
    in_list(SURNAMES_DISTINCT, w)
}

fn is_ambiguous_surname(w: &str) -> bool {
    in_list(SURNAMES_AMBIGUOUS, w)
}

fn is_surname(w: &str) -> bool {
    is_distinct_surname(w) || is_ambiguous_surname(w)
}

/// A capitalised word that could be part of a name.
fn name_word(w: &str) -> bool {
    is_cap(w) && !in_list(NOT_NAMES, w) && !is_honorific(w)
}

/// Looks like a given name: capitalised, not a known non-name word, not a
/// known place, at most 12 letters.
fn given_word(w: &str) -> bool {
    name_word(w) && w.chars().count() <= 12 && !is_place(w)
}

fn is_place(w: &str) -> bool {
    !repatwatch_extract::place::lookup(w).is_empty()
}

/// Every likely name in `text`, in order, not overlapping.
pub fn find_names(text: &str) -> Vec<NameSpan> {
    let toks = tokenize(text);
    let w = |i: usize| -> &str { &text[toks[i].r.clone()] };
    let is_word = |i: usize| i < toks.len() && toks[i].word;
    let mut hits: Vec<NameSpan> = Vec::new();
    let push = |hits: &mut Vec<NameSpan>, a: usize, b: usize, certain: bool| {
        let (start, end) = (toks[a].r.start, toks[b].r.end);
        if let Some(last) = hits.last_mut() {
            if start < last.end {
                last.end = last.end.max(end);
                last.certain &= certain;
                return;
            }
        }
        hits.push(NameSpan {
            start,
            end,
            certain,
        });
    };
    // the end (inclusive) of a run of given-name words from `i`, at most `max`
    let run = |i: usize, max: usize| -> Option<usize> {
        let mut j = i;
        let mut last = None;
        while j < toks.len() && j < i + max && toks[j].word && given_word(w(j)) {
            last = Some(j);
            j += 1;
        }
        last
    };
    let lower_at = |i: usize| -> String {
        if is_word(i) {
            w(i).to_lowercase()
        } else {
            String::new()
        }
    };
    let punct = |i: usize, s: &str| i < toks.len() && !toks[i].word && w(i) == s;
    let digits_after = |i: usize| -> bool {
        // ", 34," / " (34)" / ", aged 34": the byte text right after token i-1
        let rest = text[toks[i - 1].r.end..].trim_start();
        let rest = rest
            .strip_prefix(',')
            .or_else(|| rest.strip_prefix('('))
            .map(str::trim_start);
        let Some(rest) = rest else { return false };
        let rest = rest.strip_prefix("aged ").unwrap_or(rest);
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&n) && !rest[n..].starts_with(|c: char| c.is_alphanumeric())
    };
    // context after a run ending at token `e`: age, relative, pseudonym note, speech
    let name_context_after = |e: usize| -> bool {
        let n = e + 1;
        if n < toks.len() && digits_after(n) {
            return true;
        }
        let rest = text[toks[e].r.end..].trim_start();
        let rest_l = rest.to_lowercase();
        // "Yong-ho's wife"
        for apos in ["'s ", "\u{2019}s "] {
            if let Some(after) = rest_l.strip_prefix(apos) {
                let word: String = after
                    .chars()
                    .take_while(|c| c.is_alphabetic() || *c == '-')
                    .collect();
                if RELATIVES.contains(&word.as_str()) {
                    return true;
                }
            }
        }
        // "Myong and her son"
        for pre in [
            "and her ",
            "and his ",
            "with her ",
            "with his ",
            ", her ",
            ", his ",
        ] {
            if let Some(after) = rest_l.strip_prefix(pre) {
                let word: String = after
                    .chars()
                    .take_while(|c| c.is_alphabetic() || *c == '-')
                    .collect();
                if RELATIVES.contains(&word.as_str()) {
                    return true;
                }
            }
        }
        rest_l.starts_with("(not her real name")
            || rest_l.starts_with("(not his real name")
            || rest_l.starts_with("(not their real name")
            || rest_l.starts_with("(a pseudonym")
            || rest_l.starts_with("(pseudonym")
            || rest_l.starts_with("(alias")
    };

    let mut i = 0;
    while i < toks.len() {
        if !toks[i].word {
            i += 1;
            continue;
        }
        let word = w(i);
        // 0. Korean or Chinese script: names cannot be told from other words
        if word.chars().any(is_cjk) {
            push(&mut hits, i, i, false);
            i += 1;
            continue;
        }
        // 0b. ALL-CAPS text ("KIM MI-OK ARRESTED"): a surname is a name, an
        // ambiguous one ("HAN", "AN") cannot be told
        if word.chars().count() >= 2 && !word.chars().any(char::is_lowercase) {
            let title = titlecase(word);
            if is_distinct_surname(&title) {
                let mut e = i;
                while e + 1 < toks.len()
                    && e < i + 2
                    && toks[e + 1].word
                    && w(e + 1).contains('-')
                    && !w(e + 1).chars().any(char::is_lowercase)
                {
                    e += 1;
                }
                push(&mut hits, i, e, true);
                i = e + 1;
                continue;
            }
            if is_ambiguous_surname(&title) {
                push(&mut hits, i, i, false);
                i += 1;
                continue;
            }
        }
        // 1. honorific + name words
        if is_honorific(word) && word.chars().next().is_some_and(char::is_uppercase) {
            let mut j = i + 1;
            if punct(j, ".") {
                j += 1;
            }
            if let Some(e) = run(j, 4).or_else(|| (is_word(j) && is_surname(w(j))).then_some(j)) {
                push(&mut hits, i, e, true);
                i = e + 1;
                continue;
            }
        }
        // 2. naming verb + name words
        let lw = word.to_lowercase();
        let two = format!("{} {}", lw, lower_at(i + 1));
        let naming_len = if NAMING.contains(&two.as_str()) {
            Some(2)
        } else if NAMING.contains(&lw.as_str()) {
            Some(1)
        } else {
            None
        };
        if let Some(k) = naming_len {
            let mut j = i + k;
            while punct(j, "\"") || punct(j, "\u{201C}") || punct(j, "'") || punct(j, ",") {
                j += 1;
            }
            if let Some(e) = run(j, 4) {
                push(&mut hits, j, e, true);
                i = e + 1;
                continue;
            }
        }
        // 3. Korean surname + given names
        if is_surname(word) {
            // given names may look like places ("Hyesan"): any name word counts
            let mut e = None;
            let mut j = i + 1;
            while j < toks.len()
                && j <= i + 3
                && toks[j].word
                && name_word(w(j))
                && w(j).chars().count() <= 12
            {
                e = Some(j);
                j += 1;
            }
            let hyphen_given = e.is_some_and(|e| (i + 1..=e).any(|k| w(k).contains('-')));
            match e {
                Some(e) if is_distinct_surname(word) || hyphen_given || name_context_after(e) => {
                    push(&mut hits, i, e, true);
                    i = e + 1;
                    continue;
                }
                Some(e) => {
                    // "Song Hye" / "Han Mi": likely a name, but unsure
                    push(&mut hits, i, e, false);
                    i = e + 1;
                    continue;
                }
                None => {
                    if is_distinct_surname(word) || name_context_after(i) {
                        push(&mut hits, i, i, true);
                    } else if !toks[i].sentence_start {
                        push(&mut hits, i, i, false);
                    }
                    i += 1;
                    continue;
                }
            }
        }
        // 4. capitalised run with a name context after it
        if given_word(word) {
            let e = run(i, 3).unwrap_or(i);
            if name_context_after(e) {
                push(&mut hits, i, e, true);
                i = e + 1;
                continue;
            }
            // unsure: hyphenated given-name-like word, or unknown word + speech verb
            let hyphenated = (i..=e).any(|k| {
                let t = w(k);
                t.contains('-')
                    && t.split('-').all(|p| !p.is_empty())
                    && !t
                        .split('-')
                        .next()
                        .is_some_and(|p| PREFIXES.contains(&p.to_lowercase().as_str()))
            });
            let speech = SPEECH.contains(&lower_at(e + 1).as_str());
            if hyphenated || (speech && !toks[i].sentence_start) {
                push(&mut hits, i, e, false);
            }
            i = e + 1;
            continue;
        }
        i += 1;
    }
    hits
}

/// `text` with every certain name replaced by [`MASK`]; `None` when the
/// detector is unsure about some words (then the text must be dropped).
pub fn mask_names(text: &str) -> Option<String> {
    let hits = find_names(text);
    if hits.iter().any(|h| !h.certain) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for h in &hits {
        out.push_str(&text[at..h.start]);
        out.push_str(MASK);
        at = h.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// Whether the detector finds any name (certain or not) in `text`.
pub fn has_name(text: &str) -> bool {
    !find_names(text).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &str) -> Vec<(String, bool)> {
        find_names(t)
            .into_iter()
            .map(|h| (t[h.start..h.end].to_string(), h.certain))
            .collect()
    }

    #[test]
    fn korean_names_and_honorifics() {
        assert_eq!(
            names("Hwang Un-ja, 41, and her daughter were caught."),
            vec![("Hwang Un-ja".to_string(), true)]
        );
        assert_eq!(
            names("Mr. Pyo told us"),
            vec![("Mr. Pyo".to_string(), true)]
        );
        assert_eq!(
            names("Ms Gye Sol-ah left"),
            vec![("Ms Gye Sol-ah".to_string(), true)]
        );
        assert_eq!(
            names("Paek said they were taken."),
            vec![("Paek".to_string(), true)]
        );
        assert_eq!(
            names("a woman named Dal-rae was held"),
            vec![("Dal-rae".to_string(), true)]
        );
        assert_eq!(
            names("Tae-sun's husband was arrested"),
            vec![("Tae-sun".to_string(), true)]
        );
        assert_eq!(
            names("Yeoreum (not her real name) was sent back"),
            vec![("Yeoreum".to_string(), true)]
        );
        assert_eq!(
            names("Orim, 29, was caught"),
            vec![("Orim".to_string(), true)]
        );
    }

    #[test]
    fn given_names_that_are_also_places_are_masked_with_the_surname() {
        assert_eq!(
            names("Ri Hyesan was held"),
            vec![("Ri Hyesan".to_string(), true)]
        );
        assert_eq!(
            mask_names("Choi, 52, from a border town").as_deref(),
            Some("[name], 52, from a border town")
        );
        assert_eq!(
            mask_names("Kim Jong Un Orders Crackdown").as_deref(),
            Some("[name] Crackdown")
        );
        assert_eq!(
            mask_names("a man surnamed Gil was caught").as_deref(),
            Some("a man surnamed [name] was caught")
        );
    }

    #[test]
    fn places_and_plain_text_are_not_names() {
        assert!(
            names("Five women were caught in Dandong, Liaoning Province, on Oct. 3.").is_empty()
        );
        assert!(names("North Korean defectors repatriated from China").is_empty());
        assert!(names("An official said the group was sent back.").is_empty());
        assert!(names("Pro-Beijing groups met").is_empty());
        assert!(names("Anti-Japanese Memorial").is_empty());
    }

    #[test]
    fn unsure_words_drop_the_text() {
        assert_eq!(mask_names("the elder Song was moved"), None);
        assert_eq!(mask_names("then Bora-yeon was moved"), None);
        assert_eq!(
            mask_names("Kim Hyang-mi and 3 others").as_deref(),
            Some("[name] and 3 others")
        );
        assert_eq!(mask_names("Oct. 3").as_deref(), Some("Oct. 3"));
        assert_eq!(mask_names("탈북민 송환"), None);
        assert_eq!(mask_names("DEFECTORS HELD; AN APPEAL"), None);
        assert_eq!(
            mask_names("PAEK SOL-MI ARRESTED IN CHINA").as_deref(),
            Some("[name] ARRESTED IN CHINA")
        );
    }
}
