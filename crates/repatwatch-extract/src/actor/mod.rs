//! Actor dimension: the states and agencies that act (CODEBOOK.md, "actors").
//!
//! A mention is a state (told by a nationality adjective, a possessive or a
//! state name) and an agency (police, border guards, state security,
//! people's security, or the government as a whole). A mention whose state
//! is not told ("police in Oudomxay") gets it from the place of the act when
//! the incident is assembled.

use regex::Regex;
use std::sync::OnceLock;

#[cfg(test)]
mod examples;

/// Which arm of a state acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agency {
    /// Police, public security bureau.
    Police,
    /// Border patrol, border defence, frontier guards.
    Border,
    /// Ministry of State Security (bowibu, SSD, NSA).
    StateSecurity,
    /// North Korea's Ministry of People's / Social Security.
    PeoplesSecurity,
    /// The state, its government or authorities, no agency named.
    Gov,
}

/// A phrase naming a state or one of its agencies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    pub start: usize,
    pub end: usize,
    /// ISO 3166-1 alpha-2 code of the state when the phrase tells it.
    pub country: Option<&'static str>,
    pub agency: Agency,
    /// The phrase is a bare state name or "the North" (not an agency).
    pub bare_state: bool,
    pub rule: &'static str,
}

impl ActorMention {
    /// The codebook code, with `fallback` as the state when the phrase does
    /// not tell it. `None` when no state can be told.
    pub fn code(&self, fallback: Option<&str>) -> Option<String> {
        let cc = self.country.or(fallback.and_then(static_country))?;
        Some(code_for(cc, self.agency))
    }
}

/// The codebook code for a state and an agency.
pub fn code_for(cc: &str, agency: Agency) -> String {
    let suffix = match (cc, agency) {
        ("CN", Agency::Police) => "PSB",
        ("KP", Agency::Police) => "MPS",
        ("CN" | "KP", Agency::StateSecurity) => "MSS",
        ("KP", Agency::PeoplesSecurity) => "MPS",
        (_, Agency::PeoplesSecurity) => "POLICE",
        (_, Agency::Police) => "POLICE",
        (_, Agency::Border) => "BORDER",
        (_, Agency::StateSecurity) => "GOV",
        (_, Agency::Gov) => "GOV",
    };
    // (joined without the formatting machinery: a code is built per act)
    [cc, "-", suffix].concat()
}

fn static_country(cc: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|(_, c)| *c == cc).map(|(_, c)| *c)
}

/// State adjectives, possessives and names, with their ISO codes.
const COUNTRIES: &[(&str, &str)] = &[
    ("chinese", "CN"),
    ("china's", "CN"),
    ("china’s", "CN"),
    ("beijing's", "CN"),
    ("beijing’s", "CN"),
    ("north korean", "KP"),
    ("north korea's", "KP"),
    ("north korea’s", "KP"),
    ("n. korean", "KP"),
    ("pyongyang's", "KP"),
    ("pyongyang’s", "KP"),
    ("the north's", "KP"),
    ("the north’s", "KP"),
    ("vietnamese", "VN"),
    ("vietnam's", "VN"),
    ("vietnam’s", "VN"),
    ("lao", "LA"),
    ("laotian", "LA"),
    ("laos'", "LA"),
    ("laos's", "LA"),
    ("thai", "TH"),
    ("thailand's", "TH"),
    ("russian", "RU"),
    ("russia's", "RU"),
    ("mongolian", "MN"),
    ("mongolia's", "MN"),
    ("cambodian", "KH"),
    ("cambodia's", "KH"),
    ("burmese", "MM"),
    ("myanmar", "MM"),
    ("myanmar's", "MM"),
    ("south korean", "KR"),
    ("south korea's", "KR"),
    ("japanese", "JP"),
    ("japan's", "JP"),
];

const STATE_NAMES: &[(&str, &str)] = &[
    ("China", "CN"),
    ("Beijing", "CN"),
    ("North Korea", "KP"),
    ("Pyongyang", "KP"),
    ("Vietnam", "VN"),
    ("Laos", "LA"),
    ("Thailand", "TH"),
    ("Russia", "RU"),
    ("Mongolia", "MN"),
    ("Cambodia", "KH"),
    ("Myanmar", "MM"),
];

struct Patterns {
    agency: Regex,
    /// The reference of [`state_matches`].
    #[cfg(test)]
    state: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let countries: Vec<String> = COUNTRIES.iter().map(|(w, _)| regex::escape(w)).collect();
        let agency = format!(
            r"(?i)\b(?:(?P<cc>{})\s+)?(?:(?:undercover|plainclothes|plain-clothes|armed|local|provincial|paramilitary|city|county|municipal)\s+)*(?:(?P<border>border[- ](?:patrol|guards?(?:\s+service)?|police|defen[cs]e(?:\s+forces)?|troops|forces|protection\s+forces|security|service)|frontier\s+(?:guards?|troops|defen[cs]e|police)|border\s+patrol\s+officers)|(?P<mps>ministry\s+of\s+(?:people'?s|people’s|social)\s+security|\bMPS\b)|(?P<mss>ministry\s+of\s+state\s+security|state\s+security(?:\s+(?:department|agents?|officers?|officials?|ministry|interrogators?))?|national\s+security\s+agency|\bMSS\b|\bNSA\b|\bSSD\b|bowibu)|(?P<police>ministry\s+of\s+public\s+security|public\s+security(?:\s+(?:bureau|officers?|officials?|authorities|agents?|police))*|\bPSB\b|police(?:\s+(?:officers?|officials?|authorities))?|policemen|security\s+(?:agents?|officers?|forces|services|police)|immigration\s+police|(?:plainclothes|plain-clothes|undercover)\s+officers?)|(?P<gov>(?:prison|camp|detention)\s+guards|authorities|government|officials|side|military(?:\s+authorities)?|army|soldiers|foreign\s+ministry)|(?P<guards>guards))\b",
            countries.join("|")
        );
        let agency = format!(
            r"{agency}|(?i:\bthe\s+(?P<ncc>Chinese|Vietnamese|Lao|Laotians|Thai|Russians|Mongolians)\s+(?:had|have|has|were|was|is|are|then|later|also|refused|sent|handed|detained|arrested|put|took|moved|returned|deported|said|let|allowed)\b|\b(?P<ccc>Chinese|Vietnamese|Lao|Thai|Russian|Mongolian|Cambodian)\s+(?:custody|detention|jails?|prisons?))"
        );
        // agencies are told in any case (run on the lowercase text), state
        // names only capitalised
        Patterns {
            agency: crate::rx::lc(&agency),
            #[cfg(test)]
            state: {
                let names: Vec<&str> = STATE_NAMES.iter().map(|(n, _)| *n).collect();
                let state = format!(r"\b(?P<name>{})\b(?P<poss>'s|’s)?|\b(?P<north>the North)\b(?P<npos>'s|’s)?(?P<nadj> Korean)?", names.join("|"));
                crate::rx::re(&state)
            },
        }
    })
}

fn country_of(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    COUNTRIES.iter().find(|(k, _)| *k == w).map(|(_, c)| *c)
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// What an agency match tells, read from its groups.
#[derive(Debug, Clone, Copy, PartialEq)]
struct AgencyRead {
    /// The whole match (offsets in the text its groups were read on).
    start: usize,
    end: usize,
    /// A bare "guards" (of the group `guards`).
    bare_guards: bool,
    /// The state the phrase tells.
    cc: Option<&'static str>,
    agency: Agency,
    rule: &'static str,
    /// The phrase begins with "authorities" or "government", or holds
    /// "military": a government with no state told.
    gov_head: bool,
    /// The phrase holds "security".
    security: bool,
}

fn read_agency(c: &regex::Captures) -> Option<AgencyRead> {
    let whole = c.get(0)?;
    let w = whole.as_str();
    let nominal = c.name("ncc").or_else(|| c.name("ccc"));
    let cc = c
        .name("cc")
        .or(nominal)
        .and_then(|x| country_of(x.as_str()));
    let (agency, rule) = if nominal.is_some() {
        (Agency::Gov, "actor.nationality")
    } else if c.name("border").is_some() || c.name("guards").is_some() {
        (Agency::Border, "actor.border")
    } else if c.name("mps").is_some() {
        (Agency::PeoplesSecurity, "actor.peoples_security")
    } else if c.name("mss").is_some() {
        (Agency::StateSecurity, "actor.state_security")
    } else if c.name("police").is_some() {
        (Agency::Police, "actor.police")
    } else {
        (Agency::Gov, "actor.government")
    };
    let lw = w.to_lowercase();
    Some(AgencyRead {
        start: whole.start(),
        end: whole.end(),
        bare_guards: c.name("guards").is_some() && w.eq_ignore_ascii_case("guards"),
        cc,
        agency,
        rule,
        gov_head: lw.starts_with("authorities")
            || lw.starts_with("government")
            || lw.contains("military"),
        security: lw.contains("security"),
    })
}

/// The groups of the agency rule's commonest phrases (a head word, alone
/// or after a state's adjective or possessive, and "the" with a
/// nationality and the word after it), read once with the rule
/// itself: a match with one of these texts needs no group search (the
/// groups are read on the match's text alone, so the same text has the
/// same groups).
fn common_agency_reads() -> &'static crate::rx::WordMap<String, AgencyRead> {
    static M: OnceLock<crate::rx::WordMap<String, AgencyRead>> = OnceLock::new();
    M.get_or_init(|| {
        const HEADS: &[&str] = &[
            "police",
            "authorities",
            "government",
            "officials",
            "side",
            "military",
            "army",
            "soldiers",
            "guards",
            "border guards",
            "border police",
            "border patrol",
            "security agents",
            "security forces",
            "state security agents",
            "public security",
            "public security bureau",
            "public security officers",
            "police officers",
            "policemen",
            "foreign ministry",
            "ministry of state security",
            "mss",
            "nsa",
            "ssd",
            "mps",
            "psb",
            "bowibu",
            "custody",
            "detention",
            "jails",
            "prisons",
            "state security",
            "state security department",
            "national security agency",
            "public security authorities",
            "public security officials",
            "public security bureau officials",
            "public security bureau authorities",
            "ministry of public security",
            "security officers",
            "security services",
            "military authorities",
            "prison guards",
            "camp guards",
            "detention guards",
            "frontier guards",
            "frontier troops",
            "frontier police",
            "border troops",
            "border forces",
            "border security",
            "immigration police",
            "local police",
            "armed police",
            "provincial police",
            "local authorities",
            "local officials",
            "provincial authorities",
        ];
        // "the Chinese had", "the Thai sent": a nationality acting
        const NATIONS: &[&str] = &[
            "chinese",
            "vietnamese",
            "lao",
            "laotians",
            "thai",
            "russians",
            "mongolians",
        ];
        const ACTS: &[&str] = &[
            "had", "have", "has", "were", "was", "is", "are", "then", "later", "also", "refused",
            "sent", "handed", "detained", "arrested", "put", "took", "moved", "returned",
            "deported", "said", "let", "allowed",
        ];
        let re = &patterns().agency;
        let mut m = crate::rx::WordMap::default();
        let states = std::iter::once("").chain(COUNTRIES.iter().map(|(c, _)| *c));
        let acting = NATIONS
            .iter()
            .flat_map(|n| ACTS.iter().map(move |a| format!("the {n} {a}")));
        let phrases = states
            .flat_map(|st| {
                HEADS.iter().map(move |head| {
                    if st.is_empty() {
                        head.to_string()
                    } else {
                        format!("{st} {head}")
                    }
                })
            })
            .chain(acting);
        for phrase in phrases {
            if let Some(r) = re.captures(&phrase).as_ref().and_then(read_agency) {
                if (r.start, r.end) == (0, phrase.len()) {
                    m.insert(phrase, r);
                }
            }
        }
        m
    })
}

/// Every match of the agency rule that starts in `text[from..to]`, with
/// what its groups tell: found with the fast engines, then the groups read
/// on the short match only. (Offsets in `text`.)
fn agency_matches<'t>(
    text: &'t str,
    from: usize,
    to: usize,
) -> impl Iterator<Item = ((usize, usize), AgencyRead)> + 't {
    let re = &patterns().agency;
    let common = common_agency_reads();
    // Matches that start before `to` end well before this (a phrase is a
    // few words): the search reads no further than the end of the word
    // there, so that word boundaries are as in the whole text.
    let mut cut = ceil(text, (to + 96).min(text.len()));
    while let Some(c) = text[cut..]
        .chars()
        .next()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
    {
        cut += c.len_utf8();
    }
    let text = &text[..cut];
    let mut at = from;
    std::iter::from_fn(move || {
        if at > text.len() || at >= to {
            return None;
        }
        let m = re.find_at(text, at).filter(|m| m.start() < to)?;
        // (an empty match cannot happen, every branch names a word; never
        // loop on one all the same)
        at = m.end();
        if m.is_empty() {
            at = if at >= text.len() {
                at + 1
            } else {
                ceil(text, at + 1)
            };
        }
        Some(m)
    })
    .filter_map(move |found| {
        let phrase = found.as_str();
        let r = match common.get(phrase) {
            Some(r) => *r,
            None => read_agency(&re.captures(phrase)?)?,
        };
        let r = AgencyRead {
            start: found.start() + r.start,
            end: found.start() + r.end,
            ..r
        };
        Some(((found.start(), found.end()), r))
    })
}

/// A state name or "the North" (capitalised, in the report's text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StateMatch {
    start: usize,
    end: usize,
    /// The ISO code of the name.
    cc: &'static str,
    /// "the North".
    north: bool,
    /// "the North Korean": an adjective, not the state.
    nadj: bool,
}

/// ASCII word bytes (`\w` as the rules are compiled, see `rx`).
const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_';
        c += 1;
    }
    t
};

fn word_byte_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(|&c| WORD_BYTE[usize::from(c)])
}

/// The state phrase starting at the word start `i`: a name of
/// [`STATE_NAMES`] or "the North", a whole word, then a possessive ("'s",
/// "’s") if there is one; after "the North", " Korean" if there is one.
/// This is the rule `\b(?P<name>China|...)\b(?P<poss>'s|’s)?|\b(?P<north>the
/// North)\b(?P<npos>'s|’s)?(?P<nadj> Korean)?` read by hand: the names
/// begin with capitals and "the North" with a small letter, so at most
/// one branch can match at a word start, and no name is the beginning of
/// another.
fn state_at(b: &[u8], i: usize) -> Option<StateMatch> {
    let rest = &b[i..];
    // (the first letters of the names and of "the North")
    if !matches!(
        rest.first(),
        Some(b'C' | b'B' | b'N' | b'P' | b'V' | b'L' | b'T' | b'R' | b'M' | b't')
    ) {
        return None;
    }
    let whole = |n: &str| rest.starts_with(n.as_bytes()) && !word_byte_at(b, i + n.len());
    let poss = |at: usize| {
        let r = &b[at..];
        if r.starts_with(b"'s") {
            at + 2
        } else if r.starts_with("’s".as_bytes()) {
            at + "’s".len()
        } else {
            at
        }
    };
    if let Some(&(name, cc)) = STATE_NAMES.iter().find(|(n, _)| whole(n)) {
        return Some(StateMatch {
            start: i,
            end: poss(i + name.len()),
            cc,
            north: false,
            nadj: false,
        });
    }
    if whole("the North") {
        let end = poss(i + "the North".len());
        let nadj = b[end..].starts_with(b" Korean");
        return Some(StateMatch {
            start: i,
            end: if nadj { end + " Korean".len() } else { end },
            cc: "KP",
            north: true,
            nadj,
        });
    }
    None
}

/// Every state phrase that starts in `text[from..to]`, in order, not
/// overlapping (the leftmost-first matches of the rule of [`state_at`]).
/// Every phrase holds a capital at a fixed place: a name at its start,
/// "the North" four bytes on. So only the capitals are visited (found
/// eight bytes at a time), and at each the phrase is tried four bytes
/// before ("the ") and then at the capital itself, in the order of their
/// starts.
fn state_matches(text: &str, from: usize, to: usize) -> Vec<StateMatch> {
    const THE: usize = "the ".len();
    let b = text.as_bytes();
    let to = to.min(b.len());
    let mut out = Vec::new();
    let mut at = from;
    let word_start = |i: usize| i == 0 || !WORD_BYTE[usize::from(b[i - 1])];
    // (a capital of "the North" may lie just past `to`)
    for u in capitals(b, from, (to + THE).min(b.len())) {
        if u < at {
            continue;
        }
        if u >= at + THE && u - THE < to && word_start(u - THE) {
            if let Some(m) = state_at(b, u - THE).filter(|m| m.north) {
                out.push(m);
                at = m.end;
                continue;
            }
        }
        if u < to && word_start(u) {
            if let Some(m) = state_at(b, u) {
                out.push(m);
                at = m.end;
            }
        }
    }
    out
}

/// The offsets of the ASCII capitals in `b[from..to]`, in order.
fn capitals(b: &[u8], from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // per byte: the high bit set when the byte is in b'A'..=b'Z'
    let upper = |x: u64| {
        let y = x & !HIGH;
        let ge_a = y.wrapping_add(ONES * u64::from(0x80 - b'A'));
        let gt_z = y.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1));
        ge_a & !gt_z & !x & HIGH
    };
    let mut chunk = from;
    let mut bits = 0u64;
    std::iter::from_fn(move || loop {
        if bits != 0 {
            let i = chunk - 8 + (bits.trailing_zeros() / 8) as usize;
            bits &= bits - 1;
            return Some(i);
        }
        if chunk >= to {
            return None;
        }
        if chunk + 8 <= to {
            let x = u64::from_le_bytes(b[chunk..chunk + 8].try_into().unwrap());
            bits = upper(x);
        } else {
            let mut w = [0u8; 8];
            w[..to - chunk].copy_from_slice(&b[chunk..to]);
            bits = upper(u64::from_le_bytes(w));
        }
        chunk += 8;
    })
}

/// Every actor phrase in `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<ActorMention> {
    find_in(text, &crate::rx::lower(text), &[(0, text.len())])
}

/// The actor phrases inside the given spans of `text` (sorted, not
/// overlapping; `lower` is the text's lowercase twin): the pipeline only
/// looks for actors in the sentences that tell an act.
pub fn find_in(text: &str, lower: &str, spans: &[(usize, usize)]) -> Vec<ActorMention> {
    let mut out = Vec::new();
    // Neighbouring sentences are searched as one span.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for &(a, b) in spans {
        match merged.last_mut() {
            Some(last) if text[last.1.min(a)..a].trim().is_empty() => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    for (a, b) in merged {
        out.extend(find_span(text, lower, a, b));
    }
    out
}

/// The actor phrases that start in `text[from..to]` (the rest of the text
/// is context).
fn find_span(text: &str, lower: &str, from: usize, to: usize) -> Vec<ActorMention> {
    let mut out: Vec<ActorMention> = Vec::new();
    // (The agency rule is asked on every span: a search of its head words
    // first cost more than it saved, most spans holding one.)
    // Find with the fast engines, then read the groups of each short match.
    for ((fs, fe), m) in agency_matches(lower, from, to) {
        // "guards" alone are border guards only where a border or frontier
        // post is in view ("guards at the frontier post"), not prison guards.
        if m.bare_guards {
            let lo = fs.saturating_sub(120);
            let hi = (fe + 120).min(text.len());
            let (lo, hi) = (floor(text, lo), ceil(text, hi));
            let near = text[lo..hi].to_ascii_lowercase();
            if !(near.contains("border") || near.contains("frontier")) {
                continue;
            }
        }
        let (cc, agency) = (m.cc, m.agency);
        // A bare "officials"/"side"/"army" with no state told is not an actor.
        if agency == Agency::Gov && cc.is_none() && !m.gov_head {
            continue;
        }
        // State security agencies named without a state are North Korea's
        // in this domain (bowibu, NSA, SSD), unless "China's" was said.
        let cc = match (cc, agency) {
            (None, Agency::StateSecurity) | (None, Agency::PeoplesSecurity) => Some("KP"),
            _ => cc,
        };
        // North Korea's "security agents" are its state security.
        let agency = if cc == Some("KP") && agency == Agency::Police && m.security {
            Agency::StateSecurity
        } else {
            agency
        };
        out.push(ActorMention {
            start: m.start,
            end: m.end,
            country: cc,
            agency,
            bare_state: false,
            rule: m.rule,
        });
    }
    for m in state_matches(text, from, to) {
        if out.iter().any(|a| a.start < m.end && m.start < a.end) {
            continue;
        }
        if m.nadj {
            continue;
        }
        // "North Korean" / "Chinese" as adjectives of people are not states:
        // the state rule only matches names, so nothing to skip here.
        out.push(ActorMention {
            start: m.start,
            end: m.end,
            country: Some(m.cc),
            agency: Agency::Gov,
            bare_state: true,
            rule: if m.north {
                "actor.the_north"
            } else {
                "actor.state_name"
            },
        });
    }
    out.sort_by_key(|a| (a.start, a.end));
    out
}
