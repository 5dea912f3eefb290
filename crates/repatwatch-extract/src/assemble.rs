//! Assembly: the one final step that turns the annotations of a [`Doc`] into
//! incidents (CODEBOOK.md, "What is an incident" and "Fields").
//!
//! 1. every event mention that opens an act (a main clause, not negated,
//!    generic, hypothetical or a caption) becomes a draft;
//! 2. each draft takes its fields from its own clause, then its sentence;
//!    a clause that continues the story of the same people ("them", "the
//!    group", "the nine") inherits their count, gender, place and time;
//! 3. drafts without any specific (count, place, time, described people)
//!    are dropped;
//! 4. tellings of the same act (a headline, a lead, then the details) are
//!    merged into one incident whose evidence lists every span.

use crate::actor::{code_for, ActorMention, Agency};
use crate::doc::Doc;
use crate::event::EventMention;
use crate::model::*;
use crate::place::{self, PlaceMention};
use crate::quantity::PeopleMention;
use crate::time::{Direction, TimeMention};
use crate::Options;
use regex::Regex;
use std::cell::{OnceCell, RefCell};
use std::sync::OnceLock;

/// The sentences of the first four tellings of an act, in order (held in
/// the draft itself, not in a list allocated per act).
#[derive(Debug, Clone, Copy)]
struct Tellings {
    at: [usize; 4],
    n: usize,
}

impl Tellings {
    fn of(sentence: usize) -> Self {
        Tellings {
            at: [sentence; 4],
            n: 1,
        }
    }

    /// Adds the sentence of another telling, while fewer than four are held.
    fn add(&mut self, sentence: usize) {
        if self.n < self.at.len() {
            self.at[self.n] = sentence;
            self.n += 1;
        }
    }

    fn iter(&self) -> std::slice::Iter<'_, usize> {
        self.at[..self.n].iter()
    }
}

/// One telling of an act, before merging.
#[derive(Debug, Clone)]
struct Draft<'d> {
    kind: EventType,
    status: Status,
    hedged: bool,
    /// Evidence spans (byte offsets).
    spans: Vec<(usize, usize)>,
    /// The sentence index of the first telling.
    sentence: usize,
    /// The sentences of the tellings (for sources): the first four.
    sentences: Tellings,
    /// Only adds evidence to another telling (a headline, a noun such as
    /// "the returns"); dropped when it tells nothing new.
    merge_only: bool,
    date: Option<DateSlot>,
    date_own: bool,
    /// Told "later" with no date before it to count from (yet): dated
    /// once the report's acts are merged ([`later_dates`]).
    later: bool,
    /// Told as what came next ("she was then sent to a camp"): a new act,
    /// never a retelling of an earlier one of its type.
    sequel: bool,
    /// The places, as the mentions that name them ([`location_of`] gives
    /// their output form when the incident is finished).
    locations: Vec<Loc<'d>>,
    places_own: bool,
    facility: Option<String>,
    people: People,
    people_rule: &'static str,
    people_span: Option<(usize, usize)>,
    /// The people phrase only refers back ("them", "the group").
    people_anaphoric: bool,
    /// The phrase is "she" or "he": one person, whoever she is.
    singular: bool,
    /// A distinct-group marker ("another", "other", "separately").
    distinct: bool,
    actors: Vec<String>,
    actor_words: Vec<(usize, usize)>,
    sources: Vec<Source>,
    trigger: (usize, usize),
    rule: &'static str,
    status_words: Option<(usize, usize)>,
    hedge_words: Option<(usize, usize)>,
}

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    published: Option<chrono::NaiveDate>,
    /// Per sentence (one list: one allocation), [`SentenceCells`].
    sentence: Vec<SentenceCells>,
    /// Per people mention, worked out when first asked: the people an act
    /// can be done to ([`Ctx::victim`]).
    victim: Vec<OnceCell<bool>>,
    /// Per place mention, worked out when first asked: how the text
    /// introduces it ([`Ctx::place_role`]), and whether the words before it
    /// make it an origin ([`Ctx::origin`]).
    place: Vec<(OnceCell<Role>, OnceCell<bool>)>,
    /// Per time mention, worked out when first asked (most are never):
    /// whether it dates a telling or the report ([`reporting_time`]), and
    /// whether a reporting clause follows it ([`reported_after`]).
    time_report: Vec<(OnceCell<bool>, OnceCell<bool>)>,
    /// The facility of each clause asked about ([`facility_in`]): the acts
    /// of one clause share it.
    facilities: RefCell<Vec<ClauseFacility>>,
    /// Lists [`draft`] fills and empties for each act, kept from one act to
    /// the next (no allocation per act).
    scratch: Scratch<'d>,
}

/// What a [`Ctx`] keeps of one sentence.
#[derive(Default)]
struct SentenceCells {
    /// Whether it tells an act (only those, and the mentions in them, are
    /// ever looked at).
    has_event: bool,
    /// Worked out when first asked (only for the sentences of the acts
    /// assembled): whether it is a caption or boilerplate ([`Ctx::skip`]),
    /// and whether it is a headline ([`Ctx::headline`]).
    skip: OnceCell<bool>,
    headline: OnceCell<bool>,
    /// Its sources, read once whatever the acts it tells ([`finish`]).
    sources: OnceCell<Vec<Source>>,
}

/// The scratch lists of [`draft`].
#[derive(Default)]
struct Scratch<'d> {
    people: RefCell<Vec<&'d PeopleMention>>,
    times: RefCell<Vec<&'d TimeMention>>,
    places: RefCell<Vec<&'d PlaceMention>>,
    near: RefCell<Vec<&'d PlaceMention>>,
    far: RefCell<Vec<&'d PlaceMention>>,
    /// The actors of [`actors_for`]: of the clause, chosen, before the verb.
    in_clause: RefCell<Vec<&'d ActorMention>>,
    chosen: RefCell<Vec<&'d ActorMention>>,
    before: RefCell<Vec<&'d ActorMention>>,
}

/// A scratch list taken out of its cell, given back empty (its capacity
/// kept) when dropped, whichever way [`draft`] returns.
struct Reuse<'c, T> {
    cell: &'c RefCell<Vec<T>>,
    v: Vec<T>,
}

impl<'c, T> Reuse<'c, T> {
    fn take(cell: &'c RefCell<Vec<T>>) -> Self {
        let mut v = cell.take();
        v.clear();
        Reuse { cell, v }
    }
}

impl<T> Drop for Reuse<'_, T> {
    fn drop(&mut self) {
        self.v.clear();
        self.cell.replace(std::mem::take(&mut self.v));
    }
}

impl<T> std::ops::Deref for Reuse<'_, T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.v
    }
}

impl<T> std::ops::DerefMut for Reuse<'_, T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.v
    }
}

/// A clause (byte range) and the facility it names.
type ClauseFacility = ((usize, usize), Option<String>);

impl Ctx<'_, '_> {
    /// Whether sentence `i` is a caption or boilerplate (its acts are not
    /// assembled).
    fn skip(&self, i: usize) -> bool {
        *self.sentence[i].skip.get_or_init(|| {
            let r = res();
            let lst = self.doc.sentences[i].text(&self.doc.lower).trim();
            (caption_possible(lst) && r.caption.is_match(lst)) || boiler(lst)
        })
    }

    /// Whether sentence `i` is a headline: a line of its own without a final
    /// period, near the top or short.
    fn headline(&self, i: usize) -> bool {
        *self.sentence[i].headline.get_or_init(|| {
            let (text, s) = (self.doc.text, self.doc.sentences[i]);
            let st = s.text(text).trim();
            let whole_line = blank_before(text, s.start) && blank_after(text, s.end);
            let terminal = st.ends_with(['.', '!', '?', '”', '"', '’']);
            let top = i < 3;
            whole_line && !terminal && (top || st.split_whitespace().count() < 16)
        })
    }

    /// Whether byte `at` lies in a sentence that tells an act.
    fn live(&self, at: usize) -> bool {
        self.sentence
            .get(sentence_of(self.doc, at))
            .is_some_and(|s| s.has_event)
    }

    /// Whether people mention `p` tells people an act can be done to: not
    /// activists, officials, relatives, nor the sources of the report.
    fn victim(&self, p: &PeopleMention) -> bool {
        *self.victim[index_in(&self.doc.people, p)]
            .get_or_init(|| self.live(p.start) && victim_words(self.doc, p, true))
    }

    /// The facility named in a clause ([`facility_in`]), looked for once.
    fn facility(&self, clause: (usize, usize)) -> Option<String> {
        let mut seen = self.facilities.borrow_mut();
        if let Some((_, f)) = seen.iter().find(|(c, _)| *c == clause) {
            return f.clone();
        }
        let f = facility_in(self.doc.text, &self.doc.lower, clause);
        seen.push((clause, f.clone()));
        f
    }

    /// Whether the words before place mention `p` make it an origin ("based
    /// in X", "fled to X"): `Res::origin_before`.
    fn origin(&self, p: &PlaceMention) -> bool {
        let (text, lower) = (self.doc.text, self.doc.lower.as_str());
        *self.place[index_in(&self.doc.places, p)].1.get_or_init(|| {
            res()
                .origin_before
                .is_match(&lower[back(text, p.start, 48)..p.start])
        })
    }

    /// How the text introduces place mention `p`. (The callers pass by an
    /// origin as they pass by a place with no role: one with no role is
    /// told as [`Role::Other`] without asking whether it is an origin.)
    fn place_role(&self, p: &PlaceMention) -> Role {
        let text = self.doc.text;
        let r = res();
        *self.place[index_in(&self.doc.places, p)].0.get_or_init(|| {
            let mut before = &text[back(text, p.start, 48)..p.start];
            // "in Yunnan's Mengla county": a town after its province in
            // the possessive takes the words before the province
            if let Some(b) = before
                .strip_suffix("'s ")
                .or_else(|| before.strip_suffix("\u{2019}s "))
            {
                let word = b.rfind(' ').map_or(0, |i| i + 1);
                let at = back(text, p.start, 48) + word;
                if b[word..].starts_with(|c: char| c.is_uppercase())
                    && p.place.precision == Precision::City
                    && self.doc.places.iter().any(|q| {
                        q.start == at
                            && q.place.precision == Precision::Admin1
                            && q.place.admin1 == p.place.admin1
                    })
                {
                    before = &b[..word];
                }
            }
            if !self.live(p.start) {
                return Role::Other;
            }
            let keys = role_keys(before);
            let role = if keys & ROLE_LOCATIVE != 0 && place_rule(before, &LOCATIVE) {
                Role::Locative
            } else if keys & ROLE_FROM != 0 && place_rule(before, &FROM) {
                Role::From
            } else if keys & ROLE_TO != 0 && place_rule(before, &TO) {
                Role::To
            } else if keys & ROLE_APPOSITION != 0 && r.place_apposition.is_match(before) {
                Role::Apposition
            } else {
                Role::Other
            };
            // (an origin outranks any role; a place with none is no place
            // of an act whether it is an origin or not, and so its words
            // are not searched for one)
            if role != Role::Other && self.origin(p) {
                Role::Origin
            } else {
                role
            }
        })
    }

    /// Whether time `t` dates a telling or the report rather than the act;
    /// `act_after`: the act is told after the time, so a reporting clause
    /// after it ("Earlier this week, a daily reported that") counts too.
    fn reported(&self, t: &TimeMention, act_after: bool) -> bool {
        let text = self.doc.text;
        let (told, after) = &self.time_report[index_in(&self.doc.times, t)];
        *told.get_or_init(|| {
            let ss = self.doc.sentences[sentence_of(self.doc, t.start)].start;
            reporting_time(text, &self.doc.lower, ss, t)
        }) || act_after && *after.get_or_init(|| reported_after(text, t))
    }
}

/// A place of an act: the mention that names it, and the rule.
type Loc<'d> = (&'d PlaceMention, &'static str);

/// How a place is introduced ("in X", "from X", "to X", "X, Y Province").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Origin,
    Locative,
    From,
    To,
    Apposition,
    Other,
}

const ROLE_LOCATIVE: u8 = 1;
const ROLE_FROM: u8 = 2;
const ROLE_TO: u8 = 4;
const ROLE_APPOSITION: u8 = 8;

/// The place rules (`Res::place_locative`, `place_from`, `place_to`,
/// `place_apposition`: the bits above) that may match the words `before` a
/// place, read off their last word; on other than ASCII text, all of them.
///
/// The first three end with a word of theirs (the last `-` part of one:
/// "eastern" of "north-eastern") and white space: on ASCII text, where
/// `(?i)` folds only ASCII letters, a window whose last word is none of
/// the rule's words cannot match. An apposition ends with a comma, or with
/// "the", "and" or "or" (and white space).
fn role_keys(before: &str) -> u8 {
    if !before.is_ascii() {
        return ROLE_LOCATIVE | ROLE_FROM | ROLE_TO | ROLE_APPOSITION;
    }
    let t = before.trim_end().as_bytes();
    let run = t
        .iter()
        .rev()
        .take_while(|&&b| WORD_BYTE[b as usize])
        .count();
    let mut buf = [0u8; 16];
    let last = if run <= buf.len() {
        let w = &mut buf[..run];
        w.copy_from_slice(&t[t.len() - run..]);
        w.make_ascii_lowercase();
        &buf[..run]
    } else {
        &[][..]
    };
    let mut keys = 0;
    if t.len() < before.len() {
        let (loc, from, to) = match last {
            b"the" | b"a" | b"an" | b"of" => (true, true, true),
            b"chinese" | b"border" | b"city" | b"town" => (true, true, true),
            b"from" | b"through" | b"via" => (false, true, false),
            b"to" | b"into" | b"toward" | b"towards" => (false, false, true),
            b"in" | b"at" | b"near" | b"outside" | b"inside" | b"around" | b"across" | b"on"
            | b"within" | b"along" | b"off" | b"its" | b"their" | b"northern" | b"southern"
            | b"eastern" | b"western" | b"northeastern" | b"northwestern" | b"southwestern"
            | b"southeastern" | b"central" | b"remote" | b"vietnamese" | b"lao" | b"thai"
            | b"russian" | b"north" | b"south" | b"east" | b"west" | b"county" | b"province"
            | b"village" | b"area" | b"region" | b"capital" | b"port" | b"provincial"
            | b"northeast" | b"northwest" | b"far" | b"same" | b"and" => (true, false, false),
            _ => (false, false, false),
        };
        keys |= if loc { ROLE_LOCATIVE } else { 0 }
            | if from { ROLE_FROM } else { 0 }
            | if to { ROLE_TO } else { 0 };
    }
    if t.ends_with(b",") || matches!(last, b"the" | b"and" | b"or") {
        keys |= ROLE_APPOSITION;
    }
    keys
}

/// A place rule `\b(?:PREP)\s+(?:(?:MOD)\s+)*$` (`Res::place_locative`,
/// `place_from`, `place_to`): its prepositions, the words it lets stand
/// between them and the place, and whether "by way of" is one of its
/// prepositions.
struct PlaceRule {
    preps: &'static [&'static str],
    mods: &'static [&'static str],
    by_way_of: bool,
    /// The rule itself, for text that is not ASCII.
    rule: fn(&Res) -> &Regex,
}

#[rustfmt::skip]
const LOCATIVE: PlaceRule = PlaceRule {
    preps: &[
        "in", "at", "near", "outside", "inside", "around", "across", "on", "within", "of", "along",
        "off",
    ],
    mods: &[
        "the", "a", "an", "its", "their", "northern", "southern", "eastern", "western",
        "north-eastern", "northeastern", "north-western", "northwestern", "southwestern",
        "south-western", "south-eastern", "southeastern", "central", "remote", "chinese",
        "vietnamese", "lao", "thai", "russian", "north", "south", "east", "west", "border", "city",
        "town", "county", "province", "village", "area", "region", "capital", "port",
        "provincial", "northeast", "northwest", "far", "same", "and", "around",
    ],
    by_way_of: false,
    rule: |r| &r.place_locative,
};

const FROM: PlaceRule = PlaceRule {
    preps: &["from", "through", "via"],
    mods: &["the", "a", "an", "chinese", "border", "city", "town", "of"],
    by_way_of: true,
    rule: |r| &r.place_from,
};

const TO: PlaceRule = PlaceRule {
    preps: &["to", "into", "toward", "towards"],
    mods: &["the", "a", "an", "chinese", "border", "city", "town", "of"],
    by_way_of: false,
    rule: |r| &r.place_to,
};

/// White space as the rules' `\s` reads it, among ASCII bytes.
fn ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// The length of the run of bytes at the end of `b` for which `f` holds.
fn run_back(b: &[u8], f: impl Fn(u8) -> bool) -> usize {
    b.iter().rev().take_while(|&&c| f(c)).count()
}

/// Whether a place rule matches the words `before` a place, read backward
/// without the search on ASCII text (where `(?i)` folds only ASCII
/// letters): white space ends the window; each white-space-separated word
/// before it, from the last, is one of the rule's words between the
/// preposition and the place, until one ends with a preposition that opens
/// at a word boundary (the whole run of `\w` bytes it ends: a `\b` before
/// it); any other word ends the reading without a match. Other text is
/// searched with the rule.
fn place_rule(before: &str, rule: &PlaceRule) -> bool {
    if !before.is_ascii() {
        return (rule.rule)(res()).is_match(before);
    }
    let is = |w: &[u8], list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()));
    let ends_with_prep = |t: &[u8], list: &[&str]| {
        let n = run_back(t, |c| WORD_BYTE[c as usize]);
        is(&t[t.len() - n..], list)
    };
    let mut t = before.as_bytes();
    loop {
        // the white space after a preposition or a word
        let ws = run_back(t, ascii_space);
        if ws == 0 {
            return false;
        }
        t = &t[..t.len() - ws];
        let word = &t[t.len() - run_back(t, |c| !ascii_space(c))..];
        if word.is_empty() {
            return false;
        }
        if ends_with_prep(t, rule.preps) {
            return true;
        }
        if rule.by_way_of && word.eq_ignore_ascii_case(b"of") {
            // "by way of": "way" a word of its own, after "by" that opens
            // at a word boundary
            let u = &t[..t.len() - 2];
            let ws = run_back(u, ascii_space);
            let u = &u[..u.len() - ws];
            if ws > 0 && u.len() >= 3 && u[u.len() - 3..].eq_ignore_ascii_case(b"way") {
                let v = &u[..u.len() - 3];
                let ws = run_back(v, ascii_space);
                if ws > 0 && ends_with_prep(&v[..v.len() - ws], &["by"]) {
                    return true;
                }
            }
        }
        if !is(word, rule.mods) {
            return false;
        }
        t = &t[..t.len() - word.len()];
    }
}

/// Whether the words before an actor (lowercase) end with a preposition
/// and white space, "the" and white space between them allowed:
/// `Res::actor_prep_before`, read backward without the search on ASCII
/// text as [`place_rule`] reads a place rule.
fn after_preposition(before: &str) -> bool {
    const PREPS: &[&str] = &[
        "in", "from", "to", "into", "across", "of", "via", "through", "with", "between", "near",
        "at", "on", "about", "against", "toward", "towards", "like",
    ];
    if !before.is_ascii() {
        return res().actor_prep_before.is_match(before);
    }
    let ends_with_prep = |t: &[u8]| {
        let n = run_back(t, |c| WORD_BYTE[c as usize]);
        let w = &t[t.len() - n..];
        PREPS.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
    };
    let b = before.as_bytes();
    let ws = run_back(b, ascii_space);
    if ws == 0 {
        return false;
    }
    let t = &b[..b.len() - ws];
    if ends_with_prep(t) {
        return true;
    }
    // "the" after the preposition and its white space
    if t.len() < 3 || !t[t.len() - 3..].eq_ignore_ascii_case(b"the") {
        return false;
    }
    let u = &t[..t.len() - 3];
    let ws = run_back(u, ascii_space);
    ws > 0 && ends_with_prep(&u[..u.len() - ws])
}

/// The index of an item of a slice from a reference to it.
fn index_in<T>(items: &[T], item: &T) -> usize {
    let size = std::mem::size_of::<T>().max(1);
    (item as *const T as usize).wrapping_sub(items.as_ptr() as usize) / size
}

fn re(p: &str) -> Regex {
    crate::rx::re(p)
}

/// A wholly case-insensitive rule, run on the lowercase twin (`doc.lower`).
fn lc(p: &str) -> Regex {
    crate::rx::lc(p)
}

struct Res {
    caption: Regex,
    distinct: Regex,
    facility: Regex,
    not_victims: Regex,
    source_anon: Regex,
    source_ngo: Regex,
    source_gov: Regex,
    source_un: Regex,
    source_media: Regex,
    source_family: Regex,
    origin_before: Regex,
    present_custody: Regex,
    vague_part: Regex,
    statistic: Regex,
    facility_before: Regex,
    most_of_them: Regex,
    source_after: Regex,
    source_before: Regex,
    part_of: Regex,
    reporting_after: Regex,
    actor_prep_before: Regex,
    handover: Regex,
    place_locative: Regex,
    place_from: Regex,
    place_to: Regex,
    place_apposition: Regex,
    condition_after: Regex,
    custody_context: Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        Res {
            caption: lc(r"(?i)^(?:photo|map|image|video)\s*(?:caption)?\s*:|/\s*image\s*:|\bimage\s*[:|]|\(\s*(?:file\s+photo|yonhap|rfa|kyodo|reuters|ap|afp)[^)]*\)\s*$|^photo\s+by\b|\bphoto:\s|\bfile photo\b|\((?:rfa|dong-a ilbo|yonhap)[^)]*photo\)"),
            distinct: re(r"(?i)\b(?:another|other|others|more|further|second|separately|separate|also|remaining|rest)\b"),
            facility: lc(r"(?i)\b(?:at|in|to|inside|into)\s+(?:a|an|the)\s+((?:[\w’'-]+\s+){0,6}?(?:detention\s+(?:center|centre|facility|facilities)|cent(?:er|re)|prison|camp|lockup|lock-up|jail|facility|facilities|station|garrison|consulate(?:\s+general)?|embassy|hospital|office|terminal|headquarters|post|compound))\b"),
            not_victims: lc(r"(?i)\b(?:relatives|video|footage|letter|activists?|photographers?|journalists?|brokers?|guides?|pastors?|missionar(?:y|ies)|aid workers?|humanitarian workers?|south koreans?|chinese nationals?|traffickers?|smugglers?|reporters?|officials?|officers?|diplomats?|staff|lawyers?|drivers?|(?:cambodian|lao|laotian|thai|vietnamese|mongolian|russian|burmese|chinese)\s+(?:nationals?|villagers?|farmers?|residents?))\b"),
            source_anon: lc(r"(?i)\b(?:a|the|one|two|several|other)\s+(?:[\w-]+\s+){0,3}?sources?\b|\bsources?\s+(?:said|say|told)\b|on condition of anonymity|asked not to be named"),
            source_ngo: lc(r"(?i)\b(?:human rights watch|amnesty|(?:human\s+)?rights\s+(?:groups?|organi[sz]ations?)|(?:civic|aid|advocacy|activist|missionary|refugee)\s+(?:groups?|organi[sz]ations?)|missionar(?:y|ies)|ngos?|activists?|campaigners?)\b"),
            source_gov: lc(r"(?i)\b(?:ministry|government|official|officials|spokesperson|spokesman|spokeswoman|police said|consulate)\b"),
            source_un: lc(r"(?i)\b(?:u\.n\.|un experts?|united nations|unhcr|ohchr|special rapporteur|human rights office)\b"),
            source_media: lc(r"(?i)\b(?:yonhap|rfa|radio free asia|daily nk|dong-a|chosun|newsis|news 1|kbs|reuters|afp|ap|kyodo|media reports?|news reports?|local daily|the paper|international herald tribune|open radio)\b"),
            source_family: lc(r"(?i)\b(?:his|her|their)\s+(?:wife|husband|sister|brother|mother|father|family|relatives?|son|daughter)\b|\brelatives?\b|\bfamily says\b"),
            origin_before: lc(r"(?i)(?:from\s+(?:[\w'’-]+\s+){1,3}and\s+(?:neighbou?ring|nearby|surrounding|adjacent|other)\s+(?:towns?|villages?|counties|cities|areas|districts)\s+(?:in|of)|(?:miles|kilometers|kilometres|km)\s+(?:\w+\s+)?(?:of|from)|(?:based|lives|living|live|resident|residing|headquartered|stationed)\s+in|native\s+of|come\s+from|comes\s+from|came\s+from|hails\s+from|had\s+left|left|faces|facing|across\s+(?:the\s+river\s+)?from|from\s+(?:the\s+)?(?:north\s+korean\s+)?(?:city|town)\s+of|opposite|near\s+the\s+border\s+with|borders|bordering|on\s+(?:its|the)\s+way\s+to|heading\s+for|reach|reached|trying\s+to\s+reach|fled\s+to|to\s+flee|escaped\s+to|via|by\s+way\s+of)\s*(?:\w+\s+){0,2}$"),
            condition_after: re(r"(?i)^[^.;]{0,80}?\b(?:if|unless|provided)\b"),
            custody_context: re(r"(?i)\b(?:custody|detention|detained|prison|jail|lockup|facility|camp|guards?|tortur\w*|beat\w*|starv\w*|froze|frozen|held|herself|himself|own\s+li(?:fe|ves)|suicide|returned|returnees?|sent\s+back|repatriat\w*|execut\w*|interrogat\w*|cell)\b"),
            place_locative: re(r"(?i)\b(?:in|at|near|outside|inside|around|across|on|within|of|along|off)\s+(?:(?:the|a|an|its|their|northern|southern|eastern|western|north-eastern|northeastern|north-western|northwestern|southwestern|south-western|south-eastern|southeastern|central|remote|chinese|vietnamese|lao|thai|russian|north|south|east|west|border|city|town|county|province|village|area|region|capital|port|provincial|northeast|northwest|far|same|and|around)\s+)*$"),
            place_from: re(r"(?i)\b(?:from|through|via|by\s+way\s+of)\s+(?:(?:the|a|an|chinese|border|city|town|of)\s+)*$"),
            place_to: re(r"(?i)\b(?:to|into|toward|towards)\s+(?:(?:the|a|an|chinese|border|city|town|of)\s+)*$"),
            place_apposition: re(r"(?:(?-i:[A-Z])[\w'-]+|[Pp]rovince|[Cc]ounty|[Cc]ity),\s+(?:the\s+)?$|\b(?:and|or)\s+$|\b(?:in|at|near|from|through)\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s*(?:and|or|,)\s*$"),
            reporting_after: re(r"(?i)^\s*(?:(?:spokes\w+|official|agent|source)\s+)?(?:says|said|say|told|reported|confirmed|announced|informed|stated)\b"),
            actor_prep_before: re(r"(?i)\b(?:in|from|to|into|across|of|via|through|with|between|near|at|on|about|against|toward|towards|like)\s+(?:the\s+)?$"),
            handover: re(r"(?i)\b(?:hand|handed|handing|hands|deliver|delivered|delivering|turn|turned|turning)\b"),
            part_of: re(r"(?i)\b([0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+of\s+$"),
            source_after: lc(r"(?i)^(?:\s+[\w’'-]+){0,7}?\s*,?\s+(?:told|said|say|says|reported|confirmed)\b"),
            source_before: re(r"(?i)\b(?:according\s+to|told|said)\s+$"),
            most_of_them: re(r"(?i)\b(?:(?:most|many|half|some|several|a\s+third|a\s+quarter|one\s+third|two\s+thirds|the\s+majority|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens)\s+of\s+(?:them|whom)\s+(?:(?:were|are|being)\s+)?|(?:made\s+up|composed|consisting)\s+(?:mostly\s+|mainly\s+|largely\s+|primarily\s+|chiefly\s+)?of\s+(?:mostly\s+|mainly\s+|largely\s+)?(?:\w+\s+)?|(?:mostly|mainly|largely|predominantly|primarily)\s+)(?:women|men|female|male|girls|boys)\b"),
            facility_before: re(r"(?i)\b(?:at|in|inside)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$|\b(?:facility|facilities|centre|center|centres|centers|custody|cells?|jail|prison|lockup)\s+(?:of|run\s+by)\s+(?:the\s+)?$"),
            statistic: re(r"(?i)\b(?:estimate[ds]?|estimated|in\s+total|a\s+total|in\s+all|so\s+far|at\s+present|currently|every\s+year|a\s+year|annually|per\s+year|since\s+(?:\d{4}|the\s+\d{4}s))\b"),
            vague_part: re(r"(?i)\b(?:many|some|most|few|several|all|none|any)\s+of\s+$"),
            present_custody: re(r"(?i)\b(?:are|is|remain|remains)\s+(?:\w+\s+){0,2}(?:being\s+held|held|in\s+(?:\w+\s+)?custody|in\s+(?:\w+\s+)?detention|locked\s+up|detained)|\b(?:are|is)\s+holding\b|\bholds?\b|\bremain(?:s)?\s+in\b|\bare\s+being\s+kept\b"),
        }
    })
}

/// Builds the incidents of a document.
pub fn assemble(doc: &Doc, options: &Options) -> Vec<Incident> {
    let ctx = context(doc);
    let mut drafts: Vec<Draft> = Vec::with_capacity(doc.events.len());
    for e in &doc.events {
        if e.subordinate || e.negated || e.generic || ctx.skip(e.sentence) {
            continue;
        }
        if let Some((d, gapped)) = draft(&ctx, e, &drafts) {
            drafts.push(d);
            drafts.extend(gapped);
        }
    }
    let mut merged = merge(drafts);
    bounded_dates(&mut merged);
    if let Some(published) = doc.published {
        later_dates(&mut merged, published);
    }
    later_bounded(&mut merged);
    story_gender(doc, &mut merged);
    chain_gender(doc, &mut merged);
    story_places(&mut merged);
    merged.retain(|d| !d.merge_only);
    let cp = CharOffsets::of_spans(doc.text, merged.iter());
    merged
        .into_iter()
        .map(|d| finish(doc, d, &cp, &ctx.sentence, options))
        .collect()
}

/// Custody with no date of its own, told after one dated act and before
/// the next ("caught on Feb. 26 ... kept at a holding facility ... on
/// March 14 put on a train"), lasts from the first to the second (the
/// codebook: "an act bounded only by other dates"), when they are at most
/// 60 days apart.
fn bounded_dates(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if d.kind != EventType::Detention || d.date_own || d.status == Status::Planned {
            continue;
        }
        let Some((range, _, _)) = d.date else {
            continue;
        };
        if let Some(n) = next_told_date(&drafts[i + 1..]) {
            let ns = n.start;
            if ns > range.end && (ns - range.start).num_days() <= 60 {
                let d = &mut drafts[i];
                d.date = Some((DateRange::new(range.start, ns), None, "date.bounded"));
            }
        }
    }
}

/// The date of the first of `drafts` dated by its own words, not a plan:
/// the next act of the story that bounds an act with no day of its own.
fn next_told_date(drafts: &[Draft]) -> Option<DateRange> {
    drafts
        .iter()
        .find(|x| x.date_own && x.status != Status::Planned && x.date.is_some())
        .and_then(|x| x.date.map(|d| d.0))
}

/// The days of a custody's length told right after its verb ("for two
/// days", "for about a week", "for three weeks"; a month is 30 days), in
/// `after` (lowercase).
fn custody_days(after: &str) -> Option<u64> {
    let mut w = after
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty());
    // the length comes within the clause's first few words
    let mut seen = 0;
    loop {
        let x = w.next()?;
        seen += 1;
        if x == "for" {
            break;
        }
        if seen > 8 {
            return None;
        }
    }
    let mut n = w.next()?;
    while matches!(
        n,
        "about" | "around" | "roughly" | "some" | "nearly" | "almost"
    ) {
        n = w.next()?;
    }
    let unit = w.next()?;
    let k = match n {
        "a" | "one" => 1,
        _ => crate::quantity::parse_number(n)?,
    };
    let per = match unit {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        "month" | "months" => 30,
        _ => return None,
    };
    (k > 0 && k <= 24).then_some(k * per)
}

/// The words before an act's verb (lowercase, from its clause's start)
/// end with "then", "later", "afterwards" or "subsequently", maybe with an
/// auxiliary after it ("she was then sent", "they then handed", "then
/// were moved").
fn sequel_words(before: &str) -> bool {
    let mut words = before
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev();
    let mut w = words.next();
    if matches!(w, Some("was" | "were" | "been" | "being" | "is" | "are")) {
        w = words.next();
    }
    matches!(w, Some("then" | "later" | "afterwards" | "subsequently"))
}

/// An act told "later" before any date of the story ("were later sent
/// back ... The arrests were carried out on Oct. 23") counts, once the
/// tellings are merged, from the date of the act told before it: from its
/// start to the report, as "later" does when the date comes first.
fn later_dates(drafts: &mut [Draft], published: chrono::NaiveDate) {
    for i in 1..drafts.len() {
        if !drafts[i].later || drafts[i].date.is_some() {
            continue;
        }
        let before = drafts[..i]
            .iter()
            .rev()
            .find(|x| x.status != Status::Planned && x.date.is_some())
            .and_then(|x| x.date.map(|d| d.0));
        if let Some(r) = before.filter(|r| r.start <= published) {
            drafts[i].date = Some((
                DateRange::new(r.start, published.max(r.end)),
                None,
                "date.later",
            ));
        }
    }
}

/// An act dated "later" or "since" (from the story's last date to the
/// report) that the report follows with a dated act of the same story ends
/// with that act ("they were subsequently driven to Dandong. In early
/// December they were returned ..."): the codebook's act "bounded only by
/// other dates".
fn later_bounded(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let Some((range, span, rule)) = drafts[i].date else {
            continue;
        };
        // (custody "held since then" goes on to the report)
        if !matches!(rule, "later" | "since_then" | "date.later")
            || drafts[i].status == Status::Planned
            || drafts[i].kind == EventType::Detention
        {
            continue;
        }
        if let Some(n) =
            next_told_date(&drafts[i + 1..]).filter(|n| n.start >= range.start && n.end < range.end)
        {
            drafts[i].date = Some((DateRange::new(range.start, n.end), span, rule));
        }
    }
}

/// A return told only as "from China" leaves from where the same group was
/// held or caught ("the nine are held in Dongxing" ... "could be sent back").
fn story_places(drafts: &mut [Draft]) {
    let custody: Vec<(Count, Vec<Loc>)> = drafts
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                EventType::Detention | EventType::Arrest | EventType::Transfer
            )
        })
        .filter(|d| {
            d.locations.iter().any(|(l, _)| {
                matches!(
                    l.place.precision,
                    Precision::City | Precision::Facility | Precision::Admin1
                )
            })
        })
        .filter_map(|d| {
            d.people
                .count
                .filter(|c| c.min.is_some() && c.min == c.max)
                .map(|c| (c, d.locations.clone()))
        })
        .collect();
    for d in drafts
        .iter_mut()
        .filter(|d| d.kind == EventType::Repatriation)
    {
        if !(d.locations.is_empty() || only_countries(&d.locations)) {
            continue;
        }
        let Some(c) = d.people.count.filter(|c| c.min.is_some() && c.min == c.max) else {
            continue;
        };
        let found = custody.iter().rev().find(|(n, locs)| {
            *n == c
                && (d.locations.is_empty()
                    || locs.iter().all(|(l, _)| {
                        d.locations
                            .iter()
                            .any(|(x, _)| x.place.country == l.place.country)
                    }))
                && locs.iter().all(|(l, _)| l.place.country != "KP")
        });
        if let Some((_, locs)) = found {
            d.locations = locs
                .iter()
                .map(|&(l, _)| (l, "place.story_custody"))
                .collect();
        }
    }
}

/// A group described elsewhere in the report ("the group was made up of
/// seven women and three men", "most of them women") tells the gender of
/// the acts done to a group of that size.
fn story_gender(doc: &Doc, drafts: &mut [Draft]) {
    let r = res();
    let text = doc.text;
    let mut by_count: Vec<(u64, Gender)> = Vec::new();
    for p in &doc.people {
        if let (Some(c), Some(g)) = (p.count, p.gender) {
            // ("roughly 60 North Koreans" ... "the group, made up of about
            // 45 women and 15 men": about as many, told as a breakdown)
            if c.approximate && g != Gender::Mixed {
                continue;
            }
            if let (Some(a), Some(b)) = (c.min, c.max) {
                if a == b && a > 1 && !by_count.contains(&(a, g)) {
                    by_count.push((a, g));
                }
            }
        }
    }
    for d in drafts.iter_mut() {
        if d.people.gender.is_some() {
            continue;
        }
        // "hundreds of escapees, most of them women", "a group made up
        // mostly of women", "seven of whom were men": part of the group
        // is named by sex, so the rest is of the other
        if d.spans.iter().chain(d.people_span.iter()).any(|&(s, e)| {
            let (s, e) = (s, fwd(text, e, 48));
            // (every match names men or women, girls or boys)
            let l = &doc.lower[s..e];
            (l.contains("men") || l.contains("male") || l.contains("girls") || l.contains("boys"))
                && r.most_of_them.is_match(&text[s..e])
        }) {
            d.people.gender = Some(Gender::Mixed);
            continue;
        }
        let Some(Count {
            min: Some(a),
            max: Some(b),
            ..
        }) = d.people.count
        else {
            continue;
        };
        if a != b || a < 2 {
            continue;
        }
        let gs: Vec<Gender> = by_count
            .iter()
            .filter(|(n, _)| *n == a)
            .map(|(_, g)| *g)
            .collect();
        if gs.len() == 1 {
            d.people.gender = Some(gs[0]);
        }
    }
}

/// A group told of again as "the men" or "the women" (every later telling
/// refers back to it) is all men or all women: the tellings before, which
/// named no sex ("three timber workers"), take it.
fn chain_gender(doc: &Doc, drafts: &mut [Draft]) {
    let mut start = 0;
    for i in 1..=drafts.len() {
        let linked = i < drafts.len()
            && drafts[i].people_anaphoric
            && !drafts[i].distinct
            && counts_compatible(&drafts[i - 1].people.count, &drafts[i].people.count);
        if linked {
            continue;
        }
        let chain = &mut drafts[start..i];
        let named = chain.iter().find_map(|d| {
            let (s, e) = d.people_span?;
            let w = doc.lower.get(s..e)?;
            match w {
                "the men" | "the boys" => Some(Gender::Male),
                "the women" | "the girls" => Some(Gender::Female),
                _ => None,
            }
        });
        if let Some(g) = named {
            if chain
                .iter()
                .all(|d| d.people.gender.is_none() || d.people.gender == Some(g))
            {
                for d in chain.iter_mut() {
                    d.people.gender = Some(g);
                }
            }
        }
        start = i;
    }
}

fn context<'d, 'a>(doc: &'d Doc<'a>) -> Ctx<'d, 'a> {
    // Only the sentences that tell an act, and the mentions in them, are
    // ever looked at: the others keep `false`.
    let mut sentence: Vec<SentenceCells> = doc
        .sentences
        .iter()
        .map(|_| SentenceCells::default())
        .collect();
    for e in &doc.events {
        sentence[e.sentence].has_event = true;
    }
    let victim = doc.people.iter().map(|_| OnceCell::new()).collect();
    let place = doc
        .places
        .iter()
        .map(|_| (OnceCell::new(), OnceCell::new()))
        .collect();
    let time_report = doc
        .times
        .iter()
        .map(|_| (OnceCell::new(), OnceCell::new()))
        .collect();
    Ctx {
        doc,
        published: doc.published,
        sentence,
        victim,
        place,
        time_report,
        facilities: RefCell::new(Vec::new()),
        scratch: Scratch::default(),
    }
}

/// Whether `Res::caption` may match a lowercase sentence: every match
/// opens the sentence with "photo", "map", "image" or "video", holds
/// "image" or "photo", or ends it with ")" and white space only (a credit
/// in brackets, "(Yonhap)": the one rule without either word) (a few fast
/// literal tests instead of the search).
///
/// (The searches are vector searches: a substring finder built once for
/// each word.)
fn caption_possible(l: &str) -> bool {
    use memchr::memmem::Finder;
    static WORDS: OnceLock<[Finder<'static>; 2]> = OnceLock::new();
    let [photo, image] = WORDS.get_or_init(|| [Finder::new(b"photo"), Finder::new(b"image")]);
    let b = l.as_bytes();
    ["photo", "map", "image", "video"]
        .iter()
        .any(|w| l.starts_with(w))
        || l.trim_end().ends_with(')')
        || photo.find(b).is_some()
        || image.find(b).is_some()
}

/// The openings of boilerplate lines (lowercase): bylines, credits, notes.
const BOILER: &[&str] = &[
    "please direct",
    "comments or questions",
    "read in korean",
    "edited by",
    "reported by",
    "translated by",
    "(end)",
    "==",
    "copyright",
    "for further information",
    "for inquiries",
    "[lead]",
    "[report]",
    "by korea herald",
];

/// Whether a (lowercase) sentence is boilerplate: it opens with one of
/// [`BOILER`].
fn boiler(l: &str) -> bool {
    BOILER.iter().any(|w| l.starts_with(w))
}

/// Whether only white space stands between the line break (or the start of
/// the text) before byte `at` and `at`.
fn blank_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace)
}

/// Whether only white space stands between byte `at` and the line break (or
/// the end of the text) after it.
fn blank_after(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace)
}

/// Whether a people phrase is followed by a reporting verb ("..., a
/// source in China told RFA"): `Res::source_after` on the lowercase window
/// after it, searched only when one of its verbs is there.
///
/// The verbs are looked for only up to the first ASCII byte a match cannot
/// hold (a match is white space, commas and words of letters, digits, `_`,
/// `'`, `’` and `-` up to its verb): a verb after it cannot be the rule's.
fn source_after(after: &str) -> bool {
    // (the rule starts with a space or a comma)
    if !after.starts_with(|c: char| c.is_whitespace() || c == ',') {
        return false;
    }
    let b = after.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if WORD_BYTE[c as usize] {
            let start = i;
            while i < b.len() && WORD_BYTE[b[i] as usize] {
                i += 1;
            }
            if source_after_key(&b[start..i]) {
                return res().source_after.is_match(after);
            }
            continue;
        }
        if c < 0x80 && !(matches!(c, b'\'' | b'-' | b',') || (c as char).is_whitespace()) {
            return false;
        }
        i += 1;
    }
    false
}

/// Whether the words before a people phrase make it a source ("according to
/// the defectors", "told two defectors"): `Res::source_before` on
/// `text[from..to]`. The rule's words end the window before its white
/// space: an ASCII window is read so, without the search; another is
/// searched when it holds "to" or "aid" (of "said", or "ſaid" that `(?i)`
/// also reads so).
fn source_before(text: &str, lower: &str, from: usize, to: usize) -> bool {
    let l = &lower[from..to];
    if !l.ends_with(char::is_whitespace) {
        return false;
    }
    if !l.is_ascii() {
        return (l.contains("to") || l.contains("aid"))
            && res().source_before.is_match(&text[from..to]);
    }
    // `\b` before a word ending `t` at byte `end`
    let opens = |t: &[u8], end: usize, w: &[u8]| {
        t[..end].ends_with(w) && (end == w.len() || !WORD_BYTE[t[end - w.len() - 1] as usize])
    };
    let t = l.trim_end().as_bytes();
    if opens(t, t.len(), b"told") || opens(t, t.len(), b"said") {
        return true;
    }
    // "according to": white space between the two words
    if !t.ends_with(b"to") {
        return false;
    }
    let u = &l[..t.len() - 2];
    let v = u.trim_end().as_bytes();
    v.len() < u.len() && opens(v, v.len(), b"according")
}

/// Whether a (lowercase) phrase may name people that are no victims
/// (`Res::not_victims`): a phrase without its words needs no search.
/// Every match holds one of the rule's single words ("relatives",
/// "brokers", "officials"...) or both words of one of its pairs ("aid" or
/// "humanitarian" and "worker(s)", "south" and "korean(s)", a nationality
/// and "national(s)", "villager(s)", "farmer(s)" or "resident(s)"), each
/// whole (between `\b`s and white space); "North Koreans" alone, the
/// commonest phrase, is none.
fn not_victim_possible(words: &str) -> bool {
    const SINGLE: u8 = 1;
    const AID: u8 = 2;
    const WORKER: u8 = 4;
    const SOUTH: u8 = 8;
    const KOREAN: u8 = 16;
    const NATION: u8 = 32;
    const NATIONAL: u8 = 64;
    const FOLK: u8 = 128;
    let k = self::words(words).fold(0u8, |bits, w| {
        bits | match w {
            b"relatives" | b"driver" | b"drivers" | b"video" | b"footage" | b"letter"
            | b"activist" | b"activists" | b"photographer" | b"photographers" | b"journalist"
            | b"journalists" | b"broker" | b"brokers" | b"guide" | b"guides" | b"pastor"
            | b"pastors" | b"missionary" | b"missionaries" | b"trafficker" | b"traffickers"
            | b"smuggler" | b"smugglers" | b"reporter" | b"reporters" | b"official"
            | b"officials" | b"officer" | b"officers" | b"diplomat" | b"diplomats" | b"staff"
            | b"lawyer" | b"lawyers" => SINGLE,
            b"aid" | b"humanitarian" => AID,
            b"worker" | b"workers" => WORKER,
            b"south" => SOUTH,
            b"korean" | b"koreans" => KOREAN,
            b"cambodian" | b"lao" | b"laotian" | b"thai" | b"vietnamese" | b"mongolian"
            | b"russian" | b"burmese" | b"chinese" => NATION,
            b"national" | b"nationals" => NATIONAL,
            b"villager" | b"villagers" | b"farmer" | b"farmers" | b"resident" | b"residents" => {
                FOLK
            }
            _ => 0,
        }
    });
    let has = |b: u8| k & b != 0;
    has(SINGLE)
        || has(AID) && has(WORKER)
        || has(SOUTH) && has(KOREAN)
        || has(NATION) && has(NATIONAL | FOLK)
}

fn within<T>(
    items: &[T],
    range: (usize, usize),
    span: impl Fn(&T) -> (usize, usize),
) -> impl Iterator<Item = &T> {
    items.iter().filter(move |x| {
        let (s, e) = span(x);
        s >= range.0 && e <= range.1
    })
}

fn dist(a: (usize, usize), b: (usize, usize)) -> usize {
    b.0.saturating_sub(a.1).max(a.0.saturating_sub(b.1))
}

fn trim_span(text: &str, s: usize, e: usize) -> (usize, usize) {
    let sub = &text[s..e];
    let is_trim = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | ':' | '“' | '”' | '"' | '—' | '–' | '-' | '(' | ')'
            )
    };
    let lead = sub.len() - sub.trim_start_matches(is_trim).len();
    let t = sub.trim_start_matches(is_trim);
    let t2 = t.trim_end_matches(|c: char| is_trim(c) || c == '.');
    (s + lead, s + lead + t2.len())
}

/// The draft of an act, and those of the further acts a verb gapping tells
/// with it ([`gapped_items`]).
/// The words of people mention `p` and around it allow an act to be done
/// to them ([`Ctx::victim`] without asking whether its sentence tells one);
/// `inverted`: a phrase right after "said" may be its speaker ("said two
/// witnesses").
fn victim_words(doc: &Doc, p: &PeopleMention, inverted: bool) -> bool {
    let (text, lower) = (doc.text, doc.lower.as_str());
    let words = &lower[p.start..p.end];
    (!not_victim_possible(words) || !res().not_victims.is_match(words))
        && !source_after(&lower[p.end..fwd(text, p.end, 60)])
        && (!inverted
            || !source_before(text, lower, back(text, p.start, 20), p.start)
            || starts_clause(&lower[p.end..fwd(text, p.end, 60)]))
}

/// The noun phrase a clause opens with (the words before its first verb,
/// relative pronoun or auxiliary) names a helper or an official, not North
/// Koreans: "a Chinese broker (arrested with them) was ...", "the guide
/// was ...".
fn subject_not_victim(before: &str) -> bool {
    // "the official said the group was found", "relatives informed OHCHR
    // that the family remained": the subject is after the telling verb
    if before.split_whitespace().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_ascii_alphabetic()),
            "said"
                | "says"
                | "say"
                | "told"
                | "tells"
                | "reported"
                | "added"
                | "stated"
                | "informed"
                | "confirmed"
                | "learned"
                | "heard"
                | "believe"
                | "believed"
                | "feared"
                | "fear"
                | "announced"
                | "wrote"
        )
    }) {
        return false;
    }
    // the words up to the first verb, relative pronoun or auxiliary (or
    // the comma of an apposition: "the broker, an ethnic Korean Chinese
    // citizen, was")
    let before = before.split(',').next().unwrap_or(before);
    let mut end = 0;
    for w in before.split_whitespace().take(6) {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if matches!(
            w,
            "who" | "which" | "that" | "was" | "were" | "is" | "are" | "had" | "has" | "have"
        ) || w.ends_with("ed")
            || w.ends_with("ing")
        {
            break;
        }
        end = w.as_ptr() as usize - before.as_ptr() as usize + w.len();
    }
    let head = &before[..end];
    let r = res();
    !head.is_empty()
        && not_victim_possible(head)
        && r.not_victims.is_match(head)
        && !head.split_whitespace().any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_ascii_alphanumeric()),
                "korean"
                    | "koreans"
                    | "defector"
                    | "defectors"
                    | "refugee"
                    | "refugees"
                    | "escapee"
                    | "escapees"
                    | "woman"
                    | "women"
                    | "man"
                    | "men"
                    | "people"
                    | "family"
                    | "group"
                    | "children"
            )
        })
}

/// The words after a phrase go on with an auxiliary ("said 20 North
/// Koreans were sent back"): the phrase after "said" is then the subject
/// of what was said, not its speaker ("..., said two activists.").
fn starts_clause(after: &str) -> bool {
    // "said the nine, seven of them women, were held": past an aside set
    // off by commas
    let after = after.trim_start();
    let after = match after.strip_prefix(',').and_then(|a| a.split_once(',')) {
        Some((_, rest)) => rest,
        None => after,
    };
    let mut words = after
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    let mut w = words.next().unwrap_or("");
    // "said one woman in the group had been sent back": past the phrase
    // that places her in the group
    if matches!(w, "in" | "of" | "from" | "among") {
        let mut rest = words.clone();
        if matches!(rest.next(), Some("the" | "them" | "their")) {
            let next = rest.next().unwrap_or("");
            w = if next == "group" || next == "family" || next == "party" {
                rest.next().unwrap_or("")
            } else {
                next
            };
        }
    }
    matches!(
        w,
        "was"
            | "were"
            | "is"
            | "are"
            | "had"
            | "have"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "remain"
            | "remained"
            | "appear"
            | "appeared"
            | "seem"
            | "seemed"
            | "face"
            | "faced"
            | "still"
            | "also"
            | "now"
            | "reportedly"
    )
}

/// A return told right after the same story's act in North Korea (an
/// arrest, a custody or a move whose places are all North Korean), in a
/// sentence that names no place outside it.
fn already_in_north(doc: &Doc, e: &EventMention, prev: &[Draft]) -> bool {
    if e.kind != EventType::Repatriation || e.status != Status::Occurred || e.nominal {
        return false;
    }
    let Some(a) = prev.iter().rev().find(|d| !d.merge_only) else {
        return false;
    };
    let sent = doc.sentences[e.sentence];
    matches!(
        a.kind,
        EventType::Arrest | EventType::Detention | EventType::Transfer
    ) && a.sentence + 2 >= e.sentence
        && !a.locations.is_empty()
        && a.locations.iter().all(|(p, _)| p.place.country == "KP")
        && doc
            .places
            .iter()
            .filter(|p| p.start >= sent.start && p.end <= sent.end)
            .all(|p| p.place.country == "KP")
        && !doc.lower[sent.start..sent.end].contains("china")
}

fn draft<'d>(
    ctx: &Ctx<'d, '_>,
    e: &EventMention,
    prev: &[Draft<'d>],
) -> Option<(Draft<'d>, Vec<Draft<'d>>)> {
    let doc = ctx.doc;
    let text = doc.text;
    let r = res();
    let sent = doc.sentences[e.sentence];
    // People already held in North Korea ("arrested in Hyesan ... handed
    // over to the provincial State Security Department") are moved there,
    // not returned.
    let moved_in_north;
    let e = if already_in_north(doc, e, prev) {
        moved_in_north = EventMention {
            kind: EventType::Transfer,
            rule: "event.handover_in_north",
            ..e.clone()
        };
        &moved_in_north
    } else {
        e
    };
    let clause = (e.clause_start, e.clause_end);
    let sentence = (sent.start, sent.end);
    let trig = (e.start, e.end);
    let headline = ctx.headline(e.sentence);

    // Plans and possibilities of arrest, custody, punishment or death are
    // hypotheticals ("they may be detained, tortured or executed").
    if e.status == Status::Planned
        && matches!(
            e.kind,
            EventType::Arrest | EventType::Detention | EventType::Punishment | EventType::Death
        )
    {
        return None;
    }
    // A plan under a condition ("would be freed if ...") is hypothetical.
    if e.status == Status::Planned && r.condition_after.is_match(&text[e.end..sent.end]) {
        return None;
    }
    // A death is coded only in custody or on return.
    let prev_sentence_start = if e.sentence > 0 {
        doc.sentences[e.sentence - 1].start
    } else {
        sent.start
    };
    if e.kind == EventType::Death
        && !r
            .custody_context
            .is_match(&text[prev_sentence_start..sent.end])
    {
        return None;
    }
    // A noun telling an act on its own ("threatened repatriation of five")
    // needs its people in its clause.
    if e.nominal && e.status != Status::Occurred {
        let has = doc.people.iter().any(|p| {
            p.start >= clause.0
                && p.end <= clause.1
                && (p.count.is_some() || p.definite || p.pronoun)
        });
        if !has {
            return None;
        }
    }
    // (a custody trigger takes in its auxiliary, "was held", "are being
    // held": passive too)
    let passive = e.passive || {
        let w = &doc.lower[e.start..e.end];
        ["was ", "were ", "is ", "are ", "been ", "being "]
            .iter()
            .any(|a| w.starts_with(a))
    };
    // The people the act is done to are not activists, reporters or relatives.
    if let Some(subj) = doc
        .people
        .iter()
        .rfind(|p| p.end <= e.start && p.start >= clause.0)
    {
        let words = &doc.lower[subj.start..subj.end];
        if passive
            && not_victim_possible(words)
            && r.not_victims.is_match(words)
            && subj.end + 30 >= e.start
        {
            return None;
        }
    }
    // "A Chinese broker arrested with them was freed": the subject at the
    // clause's head is who the act is done to; a helper is not coded.
    if passive && !e.nominal && subject_not_victim(&doc.lower[clause.0..e.start]) {
        return None;
    }
    // "Their broker took them back to the Mekong": a helper moving or
    // letting go the people is no act of a state
    if !passive
        && !e.nominal
        && matches!(e.kind, EventType::Transfer | EventType::Release)
        && helper_subject(&doc.lower[clause.0..e.start])
    {
        return None;
    }
    // "A public trial was held at the stadium": what is held is an event
    if e.kind == EventType::Detention && passive && event_held(&doc.lower[clause.0..e.start]) {
        return None;
    }
    // "The video was released": a release is of people.
    if e.kind == EventType::Release && e.passive && !e.nominal {
        let subject = doc
            .people
            .iter()
            .any(|p| p.start >= clause.0 && p.end <= e.start);
        if !subject {
            return None;
        }
    }
    // An active arrest or release needs its people as the object ("police
    // picked up signs" is no arrest).
    if matches!(e.kind, EventType::Arrest | EventType::Release)
        && !e.passive
        && !e.nominal
        && !headline
    {
        let has_object = doc
            .people
            .iter()
            .any(|p| p.start >= e.end && p.start <= e.end + 40 && p.end <= clause.1.max(e.end))
            || doc
                .people
                .iter()
                .any(|p| p.start >= e.start && p.end <= e.end);
        if !has_object {
            return None;
        }
    }
    // People: the phrase nearest the trigger in its clause, then sentence.
    // The patient of a passive stands before the verb ("the five were
    // caught"), of an active after it ("police caught the five").
    let side_dist = |p: &PeopleMention| {
        let inside = p.start >= e.start && p.end <= e.end;
        let wrong_side = !inside
            && if e.passive {
                p.start >= e.end
            } else {
                p.end <= e.start
            };
        (wrong_side, dist((p.start, p.end), trig))
    };
    // The phrases of the clause (else of the sentence, when none of the
    // clause's is one of people an act is done to) nearest first: sorted
    // before [`Ctx::victim`] is asked, which is then asked in that order
    // only as far as the choice needs (the stable sort keeps the order the
    // phrases that pass would have sorted into by themselves).
    let victim = |p: &PeopleMention| ctx.victim(p);
    let nearest = |range: (usize, usize), v: &mut Vec<&'d PeopleMention>| {
        v.clear();
        v.extend(within(&doc.people, range, |p| (p.start, p.end)));
        v.sort_by_key(|p| side_dist(p));
    };
    let mut ppl = Reuse::take(&ctx.scratch.people);
    nearest(clause, &mut ppl);
    // "have caught others": the act's own object, a group not told before
    let others = (!e.passive)
        .then(|| {
            ppl.iter().copied().find(|p| {
                p.start > e.end
                    && p.start - e.end <= 2
                    && matches!(
                        &doc.lower[p.start..p.end],
                        "others" | "several others" | "many others"
                    )
            })
        })
        .flatten();
    let mut first = others.or_else(|| ppl.iter().copied().find(|p| victim(p)));
    if first.is_none() {
        nearest(sentence, &mut ppl);
        first = ppl.iter().copied().find(|p| victim(p));
    }
    // The nearest phrase; a bare plural ("defectors") gives way to a counted
    // or described one in the same clause.
    let vague = |p: &PeopleMention| p.count.is_none() && !p.individual && !p.definite && !p.pronoun;
    let person = match first {
        Some(p) if others.is_some() => Some(p),
        Some(p) if vague(p) => ppl
            .iter()
            .copied()
            .find(|q| !vague(q) && victim(q))
            .or(Some(p)),
        // "she and two other North Koreans travelling with her": the counted
        // phrase, not the pronoun inside its tail
        Some(p) if p.pronoun => ppl
            .iter()
            .copied()
            .find(|q| {
                q.count.is_some()
                    && !q.pronoun
                    && q.end <= p.start
                    && p.start - q.end < 40
                    && (q.end <= e.start) == (p.end <= e.start)
                    && victim(q)
            })
            .or(Some(p)),
        // "one woman in the group": the counted head, not the group its
        // phrase places her in
        Some(p) if p.definite && p.count.is_none() => ppl
            .iter()
            .copied()
            .find(|q| {
                q.count.is_some()
                    && q.end < p.start
                    && matches!(
                        doc.lower[q.end..p.start].trim(),
                        "in" | "of" | "from" | "among"
                    )
                    && victim(q)
            })
            .or(Some(p)),
        other => other,
    };
    // "nine nationals ..., among them a child and his mother", "Six of
    // them, a mother with her four children and an elderly man": the group
    // an aside describes, not its last part
    // "Two more North Koreans who had been travelling with the group ...
    // were caught": a phrase after a preposition in a relative clause is
    // not the subject; the counted phrase the clause tells of is
    let person = person.map(|p| {
        if !e.passive
            || p.end > e.start
            || !after_preposition(&doc.lower[back(text, p.start, 12)..p.start])
        {
            return p;
        }
        doc.people
            .iter()
            .rfind(|q| {
                q.end < p.start
                    && q.start >= clause.0
                    && q.count.is_some()
                    && !q.pronoun
                    && victim(q)
                    && !after_preposition(&doc.lower[back(text, q.start, 12)..q.start])
                    // (the phrase is in a relative clause of the subject)
                    && doc.lower[q.end..p.start]
                        .split(|c: char| !c.is_ascii_alphabetic())
                        .any(|w| w == "who" || w == "which" || w == "that")
            })
            .unwrap_or(p)
    });
    // (an aside naming the same people, "another returnee, a woman in her
    // fifties", "the three, all men", tells their sex)
    let mut aside_gender = None;
    let person = person.map(|p| {
        let Some(q) = doc
            .people
            .iter()
            .rfind(|q| q.end < p.start && p.start - q.end <= 80 && q.count.is_some())
        else {
            return p;
        };
        if !victim(q) || q.pronoun || sentence_of(doc, q.start) != sentence_of(doc, p.start) {
            return p;
        }
        let n = |c: Option<Count>| c.and_then(|c| c.min.or(c.max));
        let exact = |c: Option<Count>| c.is_some_and(|c| c.min.is_some() && c.min == c.max);
        // (a part larger than the group is no part of it, unless "all of
        // them" tells an age: "Eight women, all of them over 60"; an
        // exact count beats "at least one of the returnees")
        let all_of = doc.lower[q.end..p.start].contains("all of");
        if !all_of && n(p.count).is_some_and(|k| n(q.count).is_some_and(|m| k > m))
            || exact(p.count) && !exact(q.count)
        {
            return p;
        }
        // the words between, past the people phrases among them
        let mut words_ok = true;
        let mut commas = false;
        let mut at = q.end;
        for r in doc
            .people
            .iter()
            .filter(|r| r.start >= q.end && r.end <= p.start)
        {
            words_ok &= aside_words(&doc.lower[at..r.start]);
            commas |= doc.lower[at..r.start].contains(',');
            at = r.end;
        }
        words_ok &= aside_words(&doc.lower[at..p.start]);
        commas |= doc.lower[at..p.start].contains(',');
        let opens_aside = doc.lower[q.end..p.start].trim_start().starts_with(',')
            || doc.lower[q.end..p.start]
                .trim_start()
                .starts_with(['\u{2014}', '-']);
        if words_ok && commas && opens_aside {
            let all = doc.lower[p.start..p.end].starts_with("all ");
            if q.gender.is_none() && (all || n(p.count) == n(q.count)) {
                aside_gender = p.gender;
            }
            q
        } else {
            p
        }
    });
    // "the nine, seven of them women, were sent back": the head, not the
    // aside that tells what some of them are
    let person = person.map(|p| {
        let w = &doc.lower[p.start..p.end];
        if p.count.is_none() || !(w.ends_with(" of them") || w.ends_with(" of whom")) {
            return p;
        }
        doc.people
            .iter()
            .find(|q| {
                q.count.is_some()
                    && q.end < p.start
                    && doc.lower[q.end..p.start].trim() == ","
                    && doc.lower[p.end..fwd(text, p.end, 40)]
                        .split(',')
                        .nth(1)
                        .is_some()
                    && victim(q)
            })
            .unwrap_or(p)
    });

    let mut people = People::default();
    let mut people_anaphoric = true;
    let mut people_span = None;
    let mut people_rule = "people.none";
    let mut singular = false;
    if let Some(p) = person {
        people.text = Some(text[p.start..p.end].to_string());
        people.count = p.count;
        people.gender = p.gender.or(aside_gender);
        people.minors = p.minors;
        people_anaphoric = p.pronoun || (p.definite && p.count.is_none());
        let w = &text[p.start..p.end];
        if p.pronoun
            && ["she", "her", "he", "him"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
        {
            // one person: a group's count is not hers
            people.count = Some(Count::exact(1));
            singular = true;
        }
        // "Nine of the 10 defectors": the part is the group the act is done to.
        let head = &text[back(text, p.start, 24)..p.start];
        if let Some(part) = ends_with_of(head)
            .then(|| r.part_of.captures(head))
            .flatten()
            .and_then(|c| c.get(1))
            .and_then(|w| crate::quantity::parse_number(w.as_str()))
        {
            people.count = Some(Count::exact(part));
            people.text = Some(
                text[p.start - head.len()
                    + head
                        .rfind(|c: char| c.is_alphanumeric())
                        .map(|_| r.part_of.find(head).map(|m| m.start()).unwrap_or(0))
                        .unwrap_or(0)..p.end]
                    .to_string(),
            );
            people_anaphoric = false;
        }
        people_span = Some((p.start, p.end));
        people_rule = p.rule;
    }
    // "a worker detained in May was allowed to leave after he was granted
    // asylum", "a construction worker who fled his work site": the pronoun
    // that refers back to one person tells the sex
    if people.gender.is_none() && people.count == Some(Count::exact(1)) {
        if let Some(p) = person.filter(|p| !p.pronoun && p.end <= sent.end) {
            let rest = &doc.lower[p.end..sent.end];
            let told = rest
                .split(|c: char| !c.is_ascii_alphabetic())
                .find_map(|w| match w {
                    "he" | "him" | "his" | "himself" => Some(Gender::Male),
                    "she" | "her" | "hers" | "herself" => Some(Gender::Female),
                    _ => None,
                });
            // (no one else of one person's words in between)
            let others = doc
                .people
                .iter()
                .any(|q| q.start >= p.end && q.end <= sent.end && q.individual && !q.pronoun);
            if !others {
                people.gender = told;
            }
        }
    }
    // A breakdown in the same clause can tell the gender.
    let distinct_span = person.map_or((0, 0), |p| (p.start, p.end));
    let distinct = by_words(
        &text[distinct_span.0..distinct_span.1],
        &doc.lower[distinct_span.0..distinct_span.1],
        distinct_key,
        &r.distinct,
    ) || {
        // "Separately, ...", "In a separate case, ...", "In another development, ..."
        let l = &doc.lower[sent.start..sent.end];
        l.starts_with("separately")
            || ["in a separate ", "in another ", "in an unrelated "]
                .iter()
                .any(|w| l.starts_with(w))
    };

    // The story this clause continues: the last draft.
    let antecedent = prev.iter().rev().find(|d| !d.merge_only);
    // "them", "the group", or "the four" after a group of four: the same people.
    let same_group = person.is_some_and(|p| {
        p.definite
            && !p.individual
            && antecedent.is_some_and(|a| {
                a.people.count.is_none() || p.count.is_none() || a.people.count == p.count
            })
    });
    // "In March, 25 North Koreans forced their way into the embassy.
    // Officials let the group fly out": a group brought in by the sentence
    // just before, in no act of the story, is the one the definite phrase
    // stands for
    // (when the story's last act was done to one person: a group is not
    // her)
    // (and the phrase is the act's own: not after a preposition, "with
    // the group", nor the subject of a telling, "the family fears that")
    let introduced = (people_anaphoric
        && person.is_some_and(|p| {
            p.definite
                && !p.pronoun
                && !p.individual
                && !after_preposition(&doc.lower[back(text, p.start, 12)..p.start])
                && !reporting_after(&text[p.end..fwd(text, p.end, 24).max(p.end)])
                && !doc.lower[p.end..fwd(text, p.end, 12).max(p.end)]
                    .trim_start()
                    .starts_with("fear")
        })
        && people.count.is_none())
    .then(|| {
        let i = e.sentence.checked_sub(1)?;
        let before = doc.sentences[i];
        if antecedent.is_none_or(|a| a.sentence == i || a.people.count != Some(Count::exact(1))) {
            return None;
        }
        doc.people
            .iter()
            .filter(|q| q.start >= before.start && q.end <= before.end)
            .filter(|q| {
                q.count
                    .and_then(|c| c.min.or(c.max))
                    .is_some_and(|n| n > 1 && n < 1000)
                    && !q.pronoun
                    && victim_words(doc, q, false)
            })
            .max_by_key(|q| q.count.and_then(|c| c.min.or(c.max)).unwrap_or(0))
    })
    .flatten();
    if let Some(q) = introduced {
        people.count = q.count;
        people.gender = people.gender.or(q.gender);
    }
    // "the planned return of some 20 women ... did not take place because
    // the North declined to receive them": "them" are the counted group
    // named before it in its own sentence
    if introduced.is_none() && people.count.is_none() {
        if let Some(p) = person.filter(|p| p.pronoun && !p.individual) {
            if let Some(q) = doc.people.iter().rfind(|q| {
                q.start >= sent.start
                    && q.end <= p.start
                    && q.count
                        .and_then(|c| c.min.or(c.max))
                        .is_some_and(|n| n < 1000)
                    && !q.pronoun
                    && !q.individual
                    && victim(q)
            }) {
                people.count = q.count;
                people.gender = people.gender.or(q.gender);
            }
        }
    }
    let continues =
        (people_anaphoric || same_group) && antecedent.is_some() && introduced.is_none();
    if continues {
        if let Some(a) = antecedent {
            if people.count.is_none() {
                people.count = a.people.count;
            }
            if people.gender.is_none() {
                people.gender = a.people.gender;
            }
            if people.text.is_none() {
                people.text = a.people.text.clone();
            }
        }
    }
    // "Activists said five people -- a couple and their three sons -- had
    // been aboard. Guards picked them up ...": a pronoun whose story has no
    // count yet takes the counted group of the sentence just before.
    if people.count.is_none() && person.is_some_and(|p| p.pronoun && !p.individual) {
        if let Some(before) = e.sentence.checked_sub(1).map(|i| doc.sentences[i]) {
            if let Some(q) = doc
                .people
                .iter()
                .filter(|q| q.start >= before.start && q.end <= before.end)
                .filter(|q| {
                    q.count.is_some() && !q.pronoun && !q.individual && victim_words(doc, q, false)
                })
                // the whole group, not a part listed after it ("their two sons")
                .max_by_key(|q| q.count.and_then(|c| c.min.or(c.max)).unwrap_or(0))
            {
                people.count = q.count;
                if people.gender.is_none() {
                    people.gender = q.gender;
                }
            }
        }
    }

    // Time.
    // (a plan told by an order, "on Jan. 8 the ministry ordered her
    // deported", is dated by the order, which is past)
    let ordered = e
        .status_words
        .is_some_and(|(s, _)| doc.lower[s..].starts_with("order"));
    let dir = if e.status == Status::Planned && !ordered {
        Direction::Future
    } else {
        Direction::Past
    };
    // told as what came next ("she was then sent"): read once, for the
    // date and for the merge
    let sequel = sequel_words(&doc.lower[clause.0..e.start]);
    let mut date = None;
    let mut later = false;
    let mut date_own = false;
    if let Some(published) = ctx.published {
        // A time belongs to the act whose words are nearest ("who were
        // arrested last month and have now been repatriated").
        let others = || {
            doc.events
                .iter()
                .filter(|x| x.sentence == e.sentence && x.start != e.start)
                .map(|x| (x.start, x.end))
        };
        // a sending verb reaches to its destination ("sent ... back across the border on Monday")
        let reach = e
            .destination
            .map(|(_, de)| (trig.0, de.max(trig.1)))
            .unwrap_or(trig);
        let nearest_ours = |t: &TimeMention| {
            // a time just before "and" and the next act's verb closes the
            // first act ("detained them last month and handed them over")
            if ends_clause_before(text, (t.start, t.end), trig) && others().any(|o| o.1 <= t.start)
            {
                return false;
            }
            let d = dist((t.start, t.end), reach);
            !others().any(|o| {
                dist((t.start, t.end), o) + 2 < d
                    && between_same_clause(text, o, (t.start, t.end))
                    && !ends_clause_before(text, (t.start, t.end), o)
            })
        };
        // A planned act is dated only by a time of its own: "now" tells when
        // the people face it, not when it will happen, and a time counted
        // from the story's last date ("within days") names no day of it.
        let planned = e.status == Status::Planned;
        // A time in a relative clause in the past perfect before the verb
        // ("a man who had been sent back in March was sentenced") dates the
        // earlier act the clause tells, not this one.
        let sentence_start = doc.sentences[e.sentence].start;
        let earlier = |t: &TimeMention| {
            t.end <= trig.0
                && t.start >= sentence_start
                && pluperfect_relative_before(&doc.lower[sentence_start..t.start])
        };
        let act_time = |t: &TimeMention| {
            !(planned && (t.is_present() || t.is_relative()))
                && !earlier(t)
                && !ctx.reported(t, e.start > t.end)
                && nearest_ours(t)
        };
        // nearest first; a time that closes an earlier verb's clause ("slipped
        // out in early February and were caught on Feb. 26") last
        // A continuing state ("in custody since January") dates a custody,
        // not the one-time act told beside it ("was flown to Seoul").
        let point_act = !matches!(e.kind, EventType::Detention);
        let nearest = |range: (usize, usize), v: &mut Vec<&'d TimeMention>| {
            v.clear();
            v.extend(within(&doc.times, range, |t| (t.start, t.end)));
            v.sort_by_key(|t| {
                (
                    ends_clause_before(text, (t.start, t.end), trig),
                    point_act && t.is_since(),
                    dist((t.start, t.end), trig),
                )
            });
        };
        // "later", "three days later": counted from the story's last date,
        // else from the last date the text gave before this verb.
        // (worked out when a time of the act is first read: most acts tell
        // none, and what it asks is cached or has no effect)
        let reference_cell = OnceCell::new();
        let reference = || {
            *reference_cell.get_or_init(|| {
                doc.times
                    .iter()
                    .filter(|t| {
                        t.end <= clause.0.max(trig.0) && !t.is_relative() && !t.is_present()
                    })
                    .filter(|t| !ctx.reported(t, true))
                    .filter_map(|t| t.resolve(published, Direction::Past, None))
                    .next_back()
                    .or_else(|| antecedent.and_then(|a| a.date.map(|d| d.0)))
            })
        };
        // A story told two or more years back ("arrested in November 2009
        // ... In March she was sentenced"): a month named without its year
        // follows the story's last month named with one.
        let narrative_cell = OnceCell::new();
        // (an act of the story told since, dated after that month, "since
        // the mass deportation of October 2023 ... last Wednesday", moves
        // the story on to its own month)
        let narrative = || {
            *narrative_cell.get_or_init(|| {
                let named = doc
                    .times
                    .iter()
                    .filter(|t| t.end <= trig.0)
                    .filter_map(|t| t.year_month().map(|ym| (ym, t.end)))
                    .next_back()?;
                let dated = prev
                    .iter()
                    .filter_map(|d| d.date.map(|(r, w, _)| (r.start, w)))
                    .filter(|&(r, _)| r <= published)
                    .max_by_key(|&(r, _)| r);
                Some(match dated {
                    Some((r, w))
                        if (chrono::Datelike::year(&r), chrono::Datelike::month(&r)) > named.0 =>
                    {
                        (
                            (chrono::Datelike::year(&r), chrono::Datelike::month(&r)),
                            w.map_or(named.1, |w| w.1.min(trig.0)),
                        )
                    }
                    _ => named,
                })
            })
        };
        // A story of last year may still reach this year's months when a
        // span of years passes in between ("returned in January 2020 ...
        // held for more than a year ... died in February"); without one,
        // its months follow its year.
        let story_year = |(y, _): (i32, u32), from: usize, t: &TimeMention| {
            y + 2 <= chrono::Datelike::year(&published)
                || y + 1 == chrono::Datelike::year(&published)
                    && from <= t.start
                    && !doc.lower[from..t.start]
                        .split(|c: char| !c.is_ascii_alphabetic())
                        .any(|w| w == "year" || w == "years")
        };
        // The times of the clause (else of the sentence, when none of the
        // clause's is the act's), nearest first, the first that resolves:
        // `act_time` is asked in that order, only as far as needed.
        let mut told = false;
        let mut times = Reuse::take(&ctx.scratch.times);
        // (a plan's time is told in its own clause: "a court on Monday
        // fined them, and they are to be deported once the fines are
        // paid" names no day of the deportation)
        let spans: &[(usize, usize)] = if dir == Direction::Future {
            &[clause]
        } else {
            &[clause, sentence]
        };
        for &span in spans {
            nearest(span, &mut times);
            for &t in times.iter() {
                if !act_time(t) {
                    continue;
                }
                told = true;
                later = t.is_later();
                let in_story = match (narrative(), t.month_without_year()) {
                    (Some((ym @ (y, m0), from)), Some(m))
                        if dir == Direction::Past && story_year(ym, from, t) =>
                    {
                        t.resolve_in_year(if m >= m0 { y } else { y + 1 }, published)
                    }
                    _ => None,
                };
                if let Some(mut range) = in_story.or_else(|| t.resolve(published, dir, reference()))
                {
                    // "two hours later" after "In October" cannot narrow October
                    if let Some(r) = reference().filter(|_| t.is_relative()) {
                        if (r.end - r.start).num_days() > 2
                            && (range.end - range.start).num_days() <= 2
                            && r.contains(range.start)
                        {
                            range = r;
                        }
                    }
                    // an act that happened cannot end after the report
                    if dir == Direction::Past && range.end > published && range.start <= published {
                        range.end = published;
                    }
                    date = Some((range, Some((t.start, t.end)), t.rule));
                    date_own = true;
                    break;
                }
            }
            if told {
                break;
            }
        }
        if date.is_none()
            && e.kind == EventType::Detention
            && r.present_custody.is_match(&text[clause.0..clause.1])
        {
            date = Some((
                DateRange::day(published),
                Some(trig),
                "date.present_custody",
            ));
            date_own = true;
        }
        // An act after an earlier one its subject's relative clause dates
        // ("a boy who had been caught early last month died") falls
        // between that date and the report.
        if date.is_none() && dir == Direction::Past {
            let before = doc
                .times
                .iter()
                .filter(|t| earlier(t))
                .filter_map(|t| t.resolve(published, Direction::Past, reference()))
                .next_back();
            if let Some(r) = before.filter(|r| r.start <= published) {
                date = Some((
                    DateRange::new(r.start, published),
                    None,
                    "date.after_relative",
                ));
            }
        }
        // A punishment or death after return falls between the return and
        // the report.
        if date.is_none() && matches!(e.kind, EventType::Punishment | EventType::Death) {
            if let Some(ret) = prev
                .iter()
                .rev()
                .find(|d| d.kind == EventType::Repatriation && d.date.is_some())
            {
                let start = ret.date.map(|d| d.0.start).unwrap_or(published);
                date = Some((DateRange::new(start, published), None, "date.after_return"));
            }
        }
        if date.is_none() && continues && e.status != Status::Planned {
            date = antecedent
                .and_then(|a| a.date)
                .map(|(d, _, _)| (d, None, "date.inherited"));
            // What came next after custody ("held for two days and then
            // moved to Kunming") happened as the custody ended.
            if let Some(a) = antecedent.filter(|a| a.kind == EventType::Detention && sequel) {
                if let Some((d, _, _)) = a.date {
                    date = Some((DateRange::day(d.end), None, "date.after_custody"));
                }
            }
            // Custody that follows the earlier act for a length of time
            // ("were held in Mengla for two days") lasts that long from it
            // (from its last day, when it is told as a month).
            if e.kind == EventType::Detention {
                if let (Some((d, _, _)), Some(days)) = (
                    date.filter(|d| d.0.start <= published),
                    custody_days(&doc.lower[e.end..clause.1]),
                ) {
                    if let Some(end) = d.end.checked_add_days(chrono::Days::new(days)) {
                        date = Some((
                            DateRange::new(d.start, end.min(published)),
                            None,
                            "date.inherited_for",
                        ));
                    }
                }
            }
        }
        // Custody dated by its own clause and told with a length ("returned
        // in March 2016 was held for around four months", "in July ... and
        // then held for five months") lasts that long from that time.
        if e.kind == EventType::Detention && e.status == Status::Occurred {
            if let Some((d, w, _)) = date.filter(|d| {
                d.0.start <= published && d.2 != "date.inherited_for" && d.2 != "date.inherited"
            }) {
                if let Some(days) = custody_days(&doc.lower[e.end..clause.1]) {
                    let from = if d.end >= published && d.start < published {
                        // (custody told as lasting to the report: its
                        // start is the time)
                        d.start
                    } else {
                        d.end
                    };
                    if let Some(end) = from.checked_add_days(chrono::Days::new(days)) {
                        date = Some((
                            DateRange::new(d.start, end.min(published)),
                            w,
                            "date.own_for",
                        ));
                    }
                }
            }
        }
    }

    // Places.
    let mut places = Reuse::take(&ctx.scratch.places);
    places.extend(
        within(&doc.places, clause, |p| (p.start, p.end)).filter(|p| p.rule != place::DATELINE),
    );
    let mut places_own = true;
    if places.is_empty() {
        places.extend(
            within(&doc.places, sentence, |p| (p.start, p.end))
                .filter(|p| p.rule != place::DATELINE),
        );
    }
    // Places nearer another act's words ("defectors held in Shenyang"), or
    // in another act's clause when a comma parts them from this act's words
    // ("detained in Yanji, and ... were handed over at Tumen"), are that
    // act's; they count only when the clause names no other.
    let (mut near, mut far) = (
        Reuse::take(&ctx.scratch.near),
        Reuse::take(&ctx.scratch.far),
    );
    for &p in places.iter() {
        let ps = (p.start, p.end);
        let d = dist(ps, trig);
        // (a people phrase in apposition between them, "detained a family of
        // four, a couple and their two daughters, in Lang Son", parts no
        // clause)
        let own_clause = match person.filter(|q| q.start >= trig.1 && q.end <= ps.0) {
            Some(q) if text[q.start..q.end].contains(',') => {
                let rest = &text[q.end..ps.0];
                between_same_clause(text, trig, (q.start, q.start))
                    && !has_clause_mark(rest.strip_prefix(',').unwrap_or(rest).as_bytes())
            }
            _ => between_same_clause(text, trig, ps),
        };
        // (a place told after one act's words and before "and" and
        // another act's, "detained them in Lang Son on Saturday and handed
        // them to ...", is the first act's)
        let is_near = !doc.events.iter().any(|x| {
            x.sentence == e.sentence
                && x.start != e.start
                && !(e.end <= ps.0 && ps.1 <= x.start && joined_after(&text[ps.1..x.start]))
                && (x.end <= ps.0 && ps.1 <= e.start && joined_after(&text[ps.1..e.start])
                    || (dist(ps, (x.start, x.end)) < d || !own_clause)
                        && between_same_clause(text, (x.start, x.end), ps))
        });
        if is_near {
            near.push(p);
        } else {
            far.push(p);
        }
    }
    let mut locations = select_places(ctx, e, &near);
    if locations.is_empty() {
        locations = select_places(ctx, e, &far);
        // (places of another act's words, "defectors who had been held in
        // Yanbian were repatriated", stand in for the act's own: a telling
        // that names its own, "taken across at Tumen", is the same act)
        if !locations.is_empty() {
            places_own = false;
        }
    } else if e.kind == EventType::Repatriation
        && locations
            .iter()
            .all(|(l, _)| l.place.precision == Precision::Border)
    {
        // "now held in Dandong, ... is expected to be sent across the
        // Yalu": the town they are sent from, not the river
        let held: Vec<_> = far
            .iter()
            .filter(|p| {
                p.place.precision == Precision::City
                    && p.place.country != "KP"
                    && ctx.place_role(p) == Role::Locative
            })
            .copied()
            .collect();
        let held = select_places_any_role(ctx, e, &held);
        if !held.is_empty() {
            locations = held;
        }
    } else if only_countries(&locations) {
        // "returned to the North from China" of "defectors held in Changbai":
        // the city they leave from is the place of the act.
        let held: Vec<_> = far
            .iter()
            .filter(|p| {
                p.place.precision != Precision::Country
                    && locations
                        .iter()
                        .any(|(l, _)| l.place.country == p.place.country)
            })
            .copied()
            .collect();
        let held = select_places_any_role(ctx, e, &held);
        if !held.is_empty() {
            locations = held;
        }
    }
    if only_countries(&locations) && continues && e.kind == EventType::Repatriation {
        // the story's own city beats "from China"
        if let Some(a) =
            antecedent.filter(|a| !a.locations.is_empty() && !only_countries(&a.locations))
        {
            if locations.iter().all(|(l, _)| {
                a.locations
                    .iter()
                    .any(|(x, _)| x.place.country == l.place.country)
            }) {
                locations = a
                    .locations
                    .iter()
                    .map(|&(l, _)| (l, "place.story"))
                    .collect();
            }
        }
    }
    // "driven across the bridge to Namyang", "returned over the Yalu to
    // Sinuiju": a return told only by the North Korean town of a border
    // crossing happened on the Chinese side, in the town across from it.
    if e.kind == EventType::Repatriation
        && locations
            .iter()
            .all(|(l, _)| matches!(l.place.precision, Precision::Country | Precision::Border))
    {
        // (the town the people were taken to or handed over in, not
        // where they come from)
        let at_crossing = |t: &PlaceMention| {
            t.start >= clause.0
                && t.end <= clause.1
                && doc.places.iter().any(|p| {
                    p.start == t.start && matches!(ctx.place_role(p), Role::To | Role::Locative)
                })
        };
        if let Some(t) = doc.crossings.iter().find(|t| at_crossing(t)) {
            locations = vec![(t, "place.crossing")];
        }
    }
    // "A police officer in Luang Namtha ... said the eight were driven to
    // Vientiane": the speaker's place is not the act's when the words the
    // speaker says name one.
    // (an act named by a noun in what the speaker says, "campaigners in
    // Moscow said the handover breached ...", is not placed by the speaker
    // either)
    if locations.len() > 1 || e.nominal && !locations.is_empty() {
        let lower = doc.lower.as_str();
        let speaker = locations.iter().find_map(|&(l, _)| {
            (l.end < e.start)
                .then(|| speaker_place(text, lower, l, e.start))
                .flatten()
                .map(|said| (l.start, said))
        });
        if let Some((at, said)) = speaker {
            if e.nominal || locations.iter().any(|(l, _)| l.start > said) {
                locations.retain(|(l, _)| l.start != at);
            }
        }
    }
    // "Seven of them were seized", "The two were caught", "Eleven were
    // arrested on June 2": the story's people, counted again, in its place
    let counted_again = !distinct
        && !matches!(e.kind, EventType::Punishment | EventType::Death)
        && person.is_some_and(|p| {
            p.count.is_some()
                && !p.individual
                && (p.definite || doc.lower[p.start..p.end].contains(" of "))
        });
    if locations.is_empty() {
        places_own = false;
        if continues || counted_again {
            if let Some(a) = antecedent {
                locations = a
                    .locations
                    .iter()
                    .map(|&(l, _)| (l, "place.inherited"))
                    .collect();
            }
        }
    }

    // Specificity: a count, a place, a time or a described group.
    // "many of them": a vague part of a group, nothing specific
    // (every match ends with "of" and white space: `ends_with_of`)
    let vague_part = person.is_some_and(|p| {
        let head = &text[back(text, p.start, 16)..p.start];
        p.pronoun && ends_with_of(head) && r.vague_part.is_match(head)
    });
    let described = !vague_part
        && person
            .map(|p| p.count.is_some() || p.individual || p.definite || p.pronoun)
            .unwrap_or(false);
    // Statistics are not incidents: thousands, estimated or totalled.
    let big = people
        .count
        .and_then(|c| c.min.or(c.max))
        .is_some_and(|n| n >= 1000);
    if big && r.statistic.is_match(&text[sent.start..sent.end]) {
        return None;
    }
    // A tally over a year or more ("last year, about 500 were sent back")
    // is a statistic, not one act.
    let many = people
        .count
        .and_then(|c| c.min.or(c.max))
        .is_some_and(|n| n >= 100);
    if many && date.is_some_and(|(d, _, _)| (d.end - d.start).num_days() >= 180) {
        return None;
    }
    // "... and have caught others": an uncounted group beside the story's,
    // with no time of its own, is told in summary
    if others.is_some() && people.count.is_none() && date.is_none() {
        return None;
    }
    let specific = people.count.is_some() || !locations.is_empty() || date.is_some() || described;
    if !specific {
        return None;
    }

    // Actors (only of an act kept: they decide nothing above).
    let after_return = prev
        .iter()
        .any(|d| d.kind == EventType::Repatriation && d.status == Status::Occurred);
    let origin_cc = antecedent
        .and_then(|a| a.locations.first())
        .map(|(l, _)| l.place.country.as_str())
        .filter(|&cc| {
            locations
                .first()
                .is_some_and(|(l, _)| l.place.country != cc)
        });
    let (actors, actor_words) = actors_for(ctx, e, &locations, after_return, origin_cc);

    // Facility.
    let facility = ctx.facility(clause);

    // Sources are read when the incident is finished.
    let sources = Vec::new();

    let (cs, ce) = trim_span(text, clause.0, clause.1);
    let span = if ce > cs {
        (cs, ce)
    } else {
        (sent.start, sent.end)
    };
    let gapped = gapped_items(ctx, e, clause.1, sentence.1, dir);
    let first = Draft {
        kind: e.kind,
        status: e.status,
        hedged: e.hedged,
        spans: vec![span],
        sentence: e.sentence,
        sentences: Tellings::of(e.sentence),
        merge_only: headline || (e.nominal && e.status == Status::Occurred),
        date,
        date_own,
        later: later && date.is_none(),
        sequel,
        locations,
        places_own,
        facility,
        people,
        people_rule,
        people_span,
        people_anaphoric,
        singular,
        distinct,
        actors,
        actor_words,
        sources,
        trigger: trig,
        rule: e.rule,
        status_words: e.status_words,
        hedge_words: e.hedge_words,
    };
    let mut out = Vec::new();
    for (span, pm, date) in gapped {
        let mut g = first.clone();
        g.spans = vec![span];
        g.people = People {
            text: Some(text[pm.start..pm.end].to_string()),
            count: pm.count,
            gender: pm.gender,
            minors: pm.minors,
        };
        g.people_rule = "people.gapped_list";
        g.people_span = Some((pm.start, pm.end));
        g.people_anaphoric = false;
        g.distinct = true;
        g.date = Some(date);
        g.date_own = true;
        out.push(g);
    }
    Some((first, out))
}

/// The facility named in a clause ("held at a detention center in Tumen").
fn facility_in(text: &str, lower: &str, clause: (usize, usize)) -> Option<String> {
    let r = res();
    let words = &lower[clause.0..clause.1];
    // (a clause without one of the nouns of the rule needs no search)
    if !has_word(words, facility_key) {
        return None;
    }
    // (found with the fast engine; the group is read off the match without
    // the capturing engines: it is what follows the preposition and the
    // article, each a run of letters with its white space after it, to the
    // end of the match)
    r.facility
        .find(words)
        .map(|f| {
            let m = &words[f.start()..f.end()];
            let mut at = 0;
            for _ in 0..2 {
                at += m[at..].bytes().take_while(u8::is_ascii_alphabetic).count();
                at += m[at..].len() - m[at..].trim_start().len();
            }
            (clause.0 + f.start() + at, clause.0 + f.end())
        })
        .map(|(gs, ge)| text[gs..ge].trim().to_string())
}

/// The nouns `Res::facility` ends with, each a whole word of its match:
/// white space before it (the article's, or a word's before it), a `\b`
/// after it ("lock" of "lock-up"; "center", "centre", "facility" or
/// "facilities" end "detention ..."; "consulate" stands before "general"
/// or ends the match). The rule is wholly lowercase and runs on the
/// lowercase text, case-sensitive: a clause without one of these words
/// cannot match it.
fn facility_key(w: &[u8]) -> bool {
    matches!(
        w,
        b"center"
            | b"centre"
            | b"facility"
            | b"facilities"
            | b"prison"
            | b"camp"
            | b"lockup"
            | b"lock"
            | b"jail"
            | b"station"
            | b"garrison"
            | b"consulate"
            | b"embassy"
            | b"hospital"
            | b"office"
            | b"terminal"
            | b"headquarters"
            | b"post"
            | b"compound"
    )
}

/// `Res::reporting_after.is_match(after)`, searched only when the first
/// word after the white space may open a match.
///
/// Every match opens, after ASCII or other white space, with "spokes" or
/// one of the rule's words, whole. When the first byte after the ASCII
/// white space is ASCII and its run of ASCII letters is followed by an ASCII
/// byte (or nothing), that run is the whole first word as far as `(?i)`
/// can fold it (it folds no other char into an ASCII letter but "ſ" and
/// the Kelvin sign, which are not ASCII): a run that neither starts with
/// "spokes" nor is one of the words cannot open a match.
fn reporting_after(after: &str) -> bool {
    let b = after.as_bytes();
    let i = b
        .iter()
        .position(|&c| !matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C))
        .unwrap_or(b.len());
    let rest = &b[i..];
    let n = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let plain = rest.first().is_none_or(|&c| c < 0x80) && rest.get(n).is_none_or(|&c| c < 0x80);
    if plain {
        let mut buf = [0u8; 10];
        let w = &rest[..n];
        let may = if w.len() >= 6 && w[..6].eq_ignore_ascii_case(b"spokes") {
            true
        } else if w.len() > buf.len() {
            false
        } else {
            let l = &mut buf[..w.len()];
            l.copy_from_slice(w);
            l.make_ascii_lowercase();
            matches!(
                &*l,
                b"official"
                    | b"agent"
                    | b"source"
                    | b"says"
                    | b"said"
                    | b"say"
                    | b"told"
                    | b"reported"
                    | b"confirmed"
                    | b"announced"
                    | b"informed"
                    | b"stated"
            )
        };
        if !may {
            return false;
        }
    }
    res().reporting_after.is_match(after)
}

/// The words of `said_rule` (lowercase): each stands in it whole, between
/// `\b`s.
fn said_key(w: &[u8]) -> bool {
    matches!(
        w,
        b"said"
            | b"says"
            | b"say"
            | b"told"
            | b"tells"
            | b"reported"
            | b"reports"
            | b"announced"
            | b"confirmed"
            | b"added"
            | b"stated"
            | b"disclosed"
            | b"revealed"
            | b"explained"
            | b"wrote"
            | b"noted"
            | b"warned"
            | b"claimed"
            | b"informed"
            | b"published"
            | b"learned"
    )
}

/// The words of a handover (`Res::handover`, whole words): a window without
/// one needs no search.
fn handover_key(w: &[u8]) -> bool {
    matches!(
        w,
        b"hand"
            | b"handed"
            | b"handing"
            | b"hands"
            | b"deliver"
            | b"delivered"
            | b"delivering"
            | b"turn"
            | b"turned"
            | b"turning"
    )
}

/// The reporting verbs `Res::source_after` ends with (whole words).
fn source_after_key(w: &[u8]) -> bool {
    matches!(
        w,
        b"told" | b"said" | b"say" | b"says" | b"reported" | b"confirmed"
    )
}

/// A date, the words that told it, and the rule.
type DateSlot = (DateRange, Option<(usize, usize)>, &'static str);

/// Verb gapping: "sent back 50 people in July, then 80 on Aug. 29, another
/// 40 on Sept. 18 and more than 500 on Oct. 9" tells one act per
/// (count, time) pair after the first.
fn gapped_items<'d>(
    ctx: &Ctx<'d, '_>,
    e: &EventMention,
    from: usize,
    to: usize,
    dir: Direction,
) -> Vec<((usize, usize), &'d PeopleMention, DateSlot)> {
    static SEP: OnceLock<Regex> = OnceLock::new();
    let sep = SEP.get_or_init(|| {
        re(r"(?i),\s+(?:and\s+then\s+|then\s+|and\s+)?|\s+and\s+(?:then\s+)?|;\s*")
    });
    let doc = ctx.doc;
    let mut out = Vec::new();
    let Some(published) = ctx.published else {
        return out;
    };
    if from >= to {
        return out;
    }
    // every pair holds a counted people phrase within `from..to`: without
    // one there is none, and no need to split the tail
    if !doc
        .people
        .iter()
        .any(|p| p.start >= from && p.end <= to && p.count.is_some())
    {
        return out;
    }
    let mut starts = vec![from];
    for m in sep.find_iter(&doc.text[from..to]) {
        starts.push(from + m.end());
    }
    let mut i = 0;
    while i < starts.len() {
        let a = starts[i];
        i += 1;
        let Some(pm) = doc
            .people
            .iter()
            .find(|p| p.start >= a && p.start <= a + 12 && p.end <= to && p.count.is_some())
        else {
            continue;
        };
        let Some(t) = doc
            .times
            .iter()
            .find(|t| t.start >= pm.end && t.start <= pm.end + 20 && t.end <= to)
        else {
            continue;
        };
        if doc
            .events
            .iter()
            .any(|x| x.start >= a && x.end <= t.end && x.start != e.start)
        {
            break;
        }
        let Some(range) = t.resolve(published, dir, None) else {
            continue;
        };
        while i < starts.len() && starts[i] < t.end {
            i += 1;
        }
        out.push(((a, t.end), pm, (range, Some((t.start, t.end)), t.rule)));
    }
    out
}

/// The index of the sentence holding byte `at`.
/// A time that ends the clause of one verb, followed only by "and" (or
/// "and then") and the verb `next`: it belongs to the act before it.
fn ends_clause_before(text: &str, t: (usize, usize), next: (usize, usize)) -> bool {
    if t.1 > next.0 {
        return false;
    }
    let gap = text[t.1..next.0]
        .trim()
        .trim_start_matches(',')
        .trim_start();
    // "and", "then", and after "and" up to three words of time, auxiliary
    // or "face" ("and then", "and have now been", "and now face")
    // (a long gap is no such word: compare only short ones)
    if gap.len() > 24 {
        return false;
    }
    let mut words = gap.split_ascii_whitespace();
    match words.next() {
        Some(w) if w.eq_ignore_ascii_case("then") => words.next().is_none(),
        Some(w) if w.eq_ignore_ascii_case("and") => {
            let mut n = 0;
            words.all(|w| {
                n += 1;
                n <= 3
                    && [
                        "then", "later", "now", "were", "was", "had", "have", "has", "are", "is",
                        "been", "face", "faces",
                    ]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
            })
        }
        _ => false,
    }
}

fn sentence_of(doc: &Doc, at: usize) -> usize {
    doc.sentences
        .partition_point(|s| s.end <= at)
        .min(doc.sentences.len().saturating_sub(1))
}

/// Whether two spans lie in one clause (no comma, semicolon or dash between).
fn between_same_clause(text: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    let (lo, hi) = if a.1 <= b.0 {
        (a.1, b.0)
    } else if b.1 <= a.0 {
        (b.1, a.0)
    } else {
        return true;
    };
    !has_clause_mark(&text.as_bytes()[lo..hi])
}

/// Whether `b` holds a comma, a semicolon, an em dash or an en dash
/// (`contains([',', ';', '—', '–'])` of its text): a vector search for
/// the comma, the semicolon and the first byte of the dashes' UTF-8 forms
/// (E2 80 94, E2 80 93), each E2 found checked for the rest.
fn has_clause_mark(b: &[u8]) -> bool {
    let mut at = 0;
    while let Some(p) = memchr::memchr3(b',', b';', 0xE2, &b[at..]) {
        let i = at + p;
        if b[i] != 0xE2
            || (b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)))
        {
            return true;
        }
        at = i + 1;
    }
    false
}

/// A time that dates the report or its telling, not the act: a dateline
/// ("SEOUL, Dec. 30 (Yonhap) --") or the time of a reporting verb ("said on
/// Tuesday", "told RFA on Oct. 11").
/// The words of a telling before a time ("said on", "told RFA on"): the rule
/// of [`reporting_time`].
fn said_rule() -> &'static Regex {
    static SAID: OnceLock<Regex> = OnceLock::new();
    SAID.get_or_init(|| {
        re(r"(?i)\b(?:said|says|say|told|tells|reported|reports|announced|confirmed|added|stated|disclosed|revealed|explained|wrote|noted|warned|claimed|informed|published|learned)\b(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3}?\s*(?:on\s+|in\s+|this\s+|last\s+)?$")
    })
}

/// (`lower`: the text's lowercase twin. The telling's verb is looked for
/// as a word of it first: on ASCII text, where `(?i)` folds only ASCII
/// letters, a window without one cannot match `said_rule` and needs no
/// search.)
fn reporting_time(text: &str, lower: &str, sentence_start: usize, t: &TimeMention) -> bool {
    static DATELINE: OnceLock<Regex> = OnceLock::new();
    let dateline = DATELINE
        .get_or_init(|| re(r"^\s*(?:,?\s*\d{4})?\s*\)?\s*(?:\([\w .]+\))?\s*(?:--|—|–|-|\w+\s+-)"));
    let from = back(text, t.start, 48).max(sentence_start);
    if by_words(
        &text[from..t.start],
        &lower[from..t.start],
        said_key,
        said_rule(),
    ) {
        return true;
    }
    let mut after_end = (t.end + 24).min(text.len());
    while !text.is_char_boundary(after_end) {
        after_end -= 1;
    }
    // (every match holds a hyphen or a dash: E2 80 93 or 94)
    let after = &text[t.end..after_end];
    t.start - sentence_start < 40
        && memchr::memchr2(b'-', 0xE2, after.as_bytes()).is_some()
        && dateline.is_match(after)
}

/// A time followed by a reporting clause: "Earlier this week, a daily
/// reported that ... were sent back" dates the report when the act is told
/// after it; "were caught on Oct. 23, the official said" dates the act.
fn reported_after(text: &str, t: &TimeMention) -> bool {
    static AFTER: OnceLock<Regex> = OnceLock::new();
    let said_after = AFTER.get_or_init(|| {
        re(r"(?i)^\s*,\s*(?:an?\s+|the\s+)?(?:[\w.’'-]+\s+){0,4}?(?:said|says|reported|reports|told|announced|claimed|confirmed)\b")
    });
    let after = &text[t.end..fwd(text, t.end, 60)];
    // (the rule starts with a comma after any space: a cheap test first)
    after.trim_start().starts_with(',') && said_after.is_match(after)
}

/// The output form of a place mention.
fn location_of(text: &str, p: &PlaceMention) -> Location {
    let pl = &p.place;
    Location {
        text: Some(text[p.start..p.end].to_string()),
        name: pl.name.clone(),
        admin1: pl.admin1.clone(),
        country: pl.country.clone(),
        precision: pl.precision,
        lat: pl.lat,
        lon: pl.lon,
        geonames_id: pl.geonames_id,
    }
}

fn only_countries(l: &[Loc]) -> bool {
    !l.is_empty()
        && l.iter()
            .all(|(x, _)| x.place.precision == Precision::Country)
}

/// Places where the people were held ("held in X"), whatever preposition.
fn select_places_any_role<'d>(
    ctx: &Ctx<'d, '_>,
    e: &EventMention,
    places: &[&'d PlaceMention],
) -> Vec<Loc<'d>> {
    let mut out: Vec<Loc<'d>> = Vec::new();
    for &p in places {
        if p.place.country == "KP" && e.kind == EventType::Repatriation || ctx.origin(p) {
            continue;
        }
        let pl = &p.place;
        if out.iter().any(|(l, _)| l.place.name == pl.name) {
            continue;
        }
        out.push((p, "place.held_in"));
    }
    // a province named beside its town is not a second place
    let towns: Vec<Option<&str>> = out
        .iter()
        .filter(|(l, _)| l.place.precision != Precision::Admin1)
        .map(|(l, _)| l.place.admin1.as_deref())
        .collect();
    out.retain(|(l, _)| {
        l.place.precision != Precision::Admin1 || !towns.contains(&Some(l.place.name.as_str()))
    });
    out
}

/// The places of the act among the places of its clause.
fn select_places<'d>(
    ctx: &Ctx<'d, '_>,
    e: &EventMention,
    places: &[&'d PlaceMention],
) -> Vec<Loc<'d>> {
    let mut out: Vec<Loc<'d>> = Vec::new();
    for &p in places {
        // (the tests that need no words go first: each one only passes a
        // place by, so their order changes nothing, and the words before a
        // place are read only for the places left)
        let pl = &p.place;
        // Acts inside South Korea and places beyond the route are not coded.
        if matches!(
            pl.country.as_str(),
            "KR" | "JP" | "US" | "GB" | "PH" | "SG" | "CH" | "FR" | "DE"
        ) {
            continue;
        }
        // A repatriation happens on the sending side: North Korean places
        // are its destination.
        if e.kind == EventType::Repatriation && pl.country == "KP" {
            continue;
        }
        if let Some((ds, de)) = e.destination {
            // the destination of a return ("to the North") is not the place
            if e.kind == EventType::Repatriation
                && p.start >= ds
                && p.end <= de + 40
                && pl.country == "KP"
            {
                continue;
            }
        }
        if out
            .iter()
            .any(|(l, _)| l.place.name == pl.name && l.place.country == pl.country)
        {
            continue;
        }
        let role = ctx.place_role(p);
        if role == Role::Origin {
            continue;
        }
        // A place of the act is introduced as one: "caught in Laos", "sent
        // back through Dandong", "moved to Longjing", "the border town of
        // Tumen", or stands beside one ("Dandong, Liaoning Province").
        let role_ok = match role {
            Role::Locative | Role::Apposition => true,
            Role::From => matches!(
                e.kind,
                EventType::Repatriation | EventType::Transfer | EventType::Release
            ),
            Role::To => {
                e.kind == EventType::Transfer
                    || (matches!(e.kind, EventType::Punishment | EventType::Death)
                        && pl_country(p) == "KP")
            }
            Role::Origin | Role::Other => false,
        };
        if !role_ok {
            continue;
        }
        out.push((p, p.rule));
    }
    // Drop a province or country when a place inside it is named.
    retain_by_all(&mut out, |all, (l, _)| {
        let l = &l.place;
        match l.precision {
            Precision::Admin1 => !all.iter().any(|(o, _)| {
                let o = &o.place;
                matches!(
                    o.precision,
                    Precision::City | Precision::Facility | Precision::Border
                ) && o.country == l.country
                    && o.admin1.as_deref().is_some_and(|a| same_name(a, &l.name))
            }),
            Precision::Country => !all.iter().any(|(o, _)| {
                o.place.precision != Precision::Country && o.place.country == l.country
            }),
            _ => true,
        }
    });
    // A river or border feature named beside a town or province ("in
    // Hyesan, across the Yalu", "near the Mekong in Bokeo") only says where
    // that place lies: the town or province is the place.
    if out.iter().any(|(l, _)| {
        matches!(
            l.place.precision,
            Precision::City | Precision::Facility | Precision::Admin1
        )
    }) {
        out.retain(|(l, _)| l.place.precision != Precision::Border);
    }
    // An act told in China and North Korea at once ("from China to North Korea"):
    // keep the sending side.
    if out.len() > 1 && e.kind != EventType::Transfer {
        let non_kp: Vec<_> = out
            .iter()
            .filter(|(l, _)| l.place.country != "KP")
            .copied()
            .collect();
        if !non_kp.is_empty()
            && matches!(
                e.kind,
                EventType::Arrest | EventType::Detention | EventType::Release
            )
        {
            out = non_kp;
        }
    }
    out
}

/// Keeps the items of `v` for which `keep(all, item)` holds, each asked
/// about against the whole list as it was (`all`); the answers are kept in
/// a bit mask (a list only when there are more than 64 items), not in a
/// list allocated per call.
fn retain_by_all<T>(v: &mut Vec<T>, keep: impl Fn(&[T], &T) -> bool) {
    if v.len() > 64 {
        let flags: Vec<bool> = v.iter().map(|x| keep(v, x)).collect();
        let mut i = 0;
        v.retain(|_| {
            i += 1;
            flags[i - 1]
        });
        return;
    }
    let mut mask = 0u64;
    for (i, x) in v.iter().enumerate() {
        if keep(v, x) {
            mask |= 1 << i;
        }
    }
    let mut i = 0;
    v.retain(|_| {
        i += 1;
        mask & (1 << (i - 1)) != 0
    });
}

fn pl_country(p: &PlaceMention) -> &str {
    &p.place.country
}

/// The char boundary at most `n` bytes before `i`.
fn back(text: &str, i: usize, n: usize) -> usize {
    let mut b = i.saturating_sub(n);
    while !text.is_char_boundary(b) {
        b += 1;
    }
    b
}

fn norm(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect()
}

/// `norm(a) == norm(b)`, without building either when both are ASCII (the
/// letters of each, lowercased, compared in turn).
fn same_name(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        let mut x = a.bytes().filter(u8::is_ascii_alphabetic);
        let mut y = b.bytes().filter(u8::is_ascii_alphabetic);
        loop {
            match (x.next(), y.next()) {
                (None, None) => return true,
                (Some(c), Some(d)) if c.eq_ignore_ascii_case(&d) => {}
                _ => return false,
            }
        }
    }
    norm(a) == norm(b)
}

/// The actors of an act, per the codebook's rules: the agent of the verb
/// (its subject, or its "by" phrase), the receiving agency of a handover,
/// the refusing side of a blocked act; else the state of the place.
fn actors_for<'d>(
    ctx: &Ctx<'d, '_>,
    e: &EventMention,
    locations: &[Loc],
    after_return: bool,
    origin_cc: Option<&str>,
) -> (Vec<String>, Vec<(usize, usize)>) {
    let doc = ctx.doc;
    let text = doc.text;
    let r = res();
    let place_cc: Option<&str> = locations.first().map(|(l, _)| l.place.country.as_str());
    let clause = (e.clause_start, e.clause_end);
    let mut in_clause = Reuse::take(&ctx.scratch.in_clause);
    in_clause.extend(
        within(&doc.actors, clause, |a| (a.start, a.end))
            // a source ("the MSS agent says") or a state outside the route
            .filter(|a| !reporting_after(&text[a.end..fwd(text, a.end, 24).max(a.end)]))
            .filter(|a| !matches!(a.country, Some("KR" | "JP" | "US"))),
    );
    let before_words =
        |a: &ActorMention| &doc.lower[back(text, a.start, 24).max(clause.0)..a.start];
    let by_phrase = |a: &ActorMention| {
        let b = before_words(a);
        let b = b.trim_end();
        ["by", "by the", "by a", "by an"]
            .iter()
            .any(|w| b == *w || (b.ends_with(w) && b[..b.len() - w.len()].ends_with(' ')))
    };
    let after_prep = |a: &ActorMention| after_preposition(before_words(a));
    let mut chosen = Reuse::take(&ctx.scratch.chosen);
    chosen.extend(in_clause.iter().copied().filter(|a| by_phrase(a)));
    // "by the public security bureau and the border patrol"
    let mut k = 0;
    while k < chosen.len() {
        let cur = chosen[k];
        if let Some(next) = in_clause.iter().copied().find(|a| {
            a.start >= cur.end && {
                let gap = doc.lower[cur.end..a.start].trim();
                gap == "and" || gap == "and the" || gap == "or"
            }
        }) {
            if !chosen.iter().any(|c| c.start == next.start) {
                chosen.push(next);
            }
        }
        k += 1;
    }
    // (custody told by an intransitive verb, "spent a week in a police
    // lockup", has no subject to act, but the words of its trigger may
    // name who holds)
    let intransitive = e.passive && crate::event::intransitive_custody(&doc.lower[e.start..e.end]);
    if (!e.passive || intransitive) && chosen.is_empty() {
        // the subject: the nearest actor before the verb, with the ones
        // coordinated with it ("the public security bureau and the border patrol")
        let mut before = Reuse::take(&ctx.scratch.before);
        before.extend(in_clause.iter().copied().filter(|a| {
            (a.end <= e.start && !intransitive || (a.start >= e.start && a.end <= e.end))
                && !after_prep(a)
        }));
        if let Some(last) = before.last() {
            chosen.push(last);
            let mut cur = *last;
            for a in before.iter().rev().skip(1) {
                let gap = doc.lower[a.end..cur.start].trim();
                if gap == "and" || gap == "and the" || gap == "," || gap == "or" {
                    chosen.push(a);
                    cur = a;
                } else {
                    break;
                }
            }
        }
    }
    // The holder of a custody named by its facility ("held at a police
    // station", "locked up at MSS detention facilities").
    // (a death in custody too: "died at a detention facility of the
    // Ministry of People's Security")
    if matches!(e.kind, EventType::Detention | EventType::Death) && chosen.is_empty() {
        if let Some(a) = in_clause.iter().copied().find(|a| {
            a.start >= e.end && !a.bare_state && r.facility_before.is_match(before_words(a))
        }) {
            chosen.push(a);
        }
    }
    // Receivers: a named North Korean agency taking returnees into custody;
    // the agency a group is handed over to.
    // (only a transfer asks; a window without a key word needs no search)
    let is_handover = |from: usize, to: usize| {
        has_word(&doc.lower[from..to], handover_key) && r.handover.is_match(&text[from..to])
    };
    let handover = e.kind == EventType::Transfer
        && (is_handover(e.start, e.end) || is_handover(e.end, fwd(text, e.end, 40)));
    for a in in_clause.iter().copied().filter(|a| a.start >= e.end) {
        if chosen.iter().any(|c| c.start == a.start) || by_phrase(a) {
            continue;
        }
        let recipient = before_words(a).trim_end().ends_with("to")
            || before_words(a).trim_end().ends_with("to the")
            || before_words(a).contains(" of the");
        match e.kind {
            EventType::Repatriation
                if e.status == Status::Occurred
                    && a.country == Some("KP")
                    && !a.bare_state
                    && a.agency != Agency::Gov
                    && recipient =>
            {
                chosen.push(a)
            }
            EventType::Transfer if handover && recipient => chosen.push(a),
            _ => {}
        }
    }
    let mut codes: Vec<String> = Vec::new();
    let mut words: Vec<(usize, usize)> = Vec::new();
    // "the Yanji public security bureau", "Dandong's border police": an
    // agency after a place name is of the place's state
    let named_cc = |a: &ActorMention| {
        doc.places
            .iter()
            .find(|q| {
                q.end < a.start && a.start - q.end <= 3 && {
                    let gap = &text[q.end..a.start];
                    gap == " " || gap == "'s " || gap == "\u{2019}s "
                }
            })
            .map(|q| q.place.country.as_str())
    };
    let push = |a: &ActorMention, codes: &mut Vec<String>, words: &mut Vec<(usize, usize)>| {
        let cc = if a.country.is_none() {
            named_cc(a).or(place_cc)
        } else {
            place_cc
        };
        if let Some(code) = a.code(cc) {
            if !codes.contains(&code) {
                codes.push(code);
                words.push((a.start, a.end));
            }
        }
    };
    for a in chosen.iter() {
        // A bare "North Korea" is not the sending state of a return.
        if e.kind == EventType::Repatriation
            && a.country == Some("KP")
            && e.status != Status::Blocked
            && a.bare_state
        {
            continue;
        }
        push(a, &mut codes, &mut words);
    }
    // The refusing side of a blocked act.
    if e.status == Status::Blocked {
        if let Some((rs, re_)) = e.refusal {
            for a in within(&doc.actors, (rs, re_), |a| (a.start, a.end)) {
                if a.country == Some("KP") || a.bare_state {
                    push(a, &mut codes, &mut words);
                }
            }
        }
        if !codes.iter().any(|c| c.starts_with("KP-")) {
            codes.push("KP-GOV".into());
        }
    }
    // Use XX-GOV only when no agency of that state is named.
    // (a state's code is its code's first two bytes: "CN-PSB")
    // (a removed "-GOV" code is no agency: the agencies asked about are
    // those of the list as it was)
    let state = |c: &str| [c.as_bytes()[0], c.as_bytes()[1]];
    let mut i = 0;
    while i < codes.len() {
        let c = &codes[i];
        if c.ends_with("-GOV")
            && codes
                .iter()
                .any(|a| !a.ends_with("-GOV") && state(a) == state(c))
        {
            codes.remove(i);
        } else {
            i += 1;
        }
    }
    // No state named: the place of the act tells it.
    match e.kind {
        EventType::Repatriation => {
            if !codes.iter().any(|c| !c.starts_with("KP-")) {
                let cc = place_cc.filter(|&c| c != "KP").unwrap_or("CN");
                codes.push(code_for(cc, Agency::Gov));
            }
        }
        EventType::Transfer => {
            // a transfer takes the state it leaves from: where the story was
            if codes.is_empty() {
                if let Some(cc) = origin_cc.or(place_cc) {
                    codes.push(code_for(cc, Agency::Gov));
                }
            }
        }
        EventType::Arrest | EventType::Detention | EventType::Release => {
            if codes.is_empty() {
                if let Some(cc) = place_cc {
                    codes.push(code_for(cc, Agency::Gov));
                }
            }
        }
        EventType::Punishment => {
            if !codes.iter().any(|c| c.starts_with("KP-")) {
                codes.retain(|c| c.starts_with("KP-"));
                codes.push("KP-GOV".into());
            }
        }
        EventType::Death => {
            let t = text[e.start..e.end].to_lowercase();
            if t.contains("herself")
                || t.contains("himself")
                || t.contains("own li")
                || t.contains("suicide")
            {
                codes.clear();
            } else if codes.is_empty() {
                // a death after return, or in the North, is North Korea's
                let cc = place_cc.or_else(|| after_return.then_some("KP"));
                if let Some(cc) = cc {
                    codes.push(code_for(cc, Agency::Gov));
                }
            }
        }
    }
    codes.sort();
    codes.dedup();
    (codes, words)
}

/// The char boundary at most `n` bytes after `i`.
fn fwd(text: &str, i: usize, n: usize) -> usize {
    let mut b = (i + n).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// The source rules in the order they are tried.
fn source_rules() -> [(&'static Regex, SourceKind); 6] {
    let r = res();
    [
        (&r.source_anon, SourceKind::Anonymous),
        (&r.source_un, SourceKind::Un),
        (&r.source_ngo, SourceKind::Ngo),
        (&r.source_media, SourceKind::Media),
        (&r.source_family, SourceKind::Family),
        (&r.source_gov, SourceKind::Government),
    ]
}

/// The bytes of words as the rules' ASCII `\b` sees them: ASCII letters,
/// digits and `_`.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

/// The words of a text: its runs of [`WORD_BYTE`]s.
fn words(s: &str) -> Words<'_> {
    Words {
        bytes: s.as_bytes(),
        at: 0,
    }
}

struct Words<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a [u8];
    fn next(&mut self) -> Option<&'a [u8]> {
        let b = self.bytes;
        let mut i = self.at;
        while i < b.len() && !WORD_BYTE[b[i] as usize] {
            i += 1;
        }
        if i == b.len() {
            self.at = i;
            return None;
        }
        let start = i;
        while i < b.len() && WORD_BYTE[b[i] as usize] {
            i += 1;
        }
        self.at = i;
        Some(&b[start..i])
    }
}

/// `rule.is_match(text)` for a rule whose every match holds, as a whole
/// word, a word for which `key` holds (a case-insensitive rule of
/// alternatives between `\b`s or white space): on ASCII text, where `(?i)`
/// folds only ASCII letters (not "ſ" to "s" nor "K" to "k"), a text
/// without such a word (in `lower`, its lowercase twin) cannot match and
/// needs no search. Other text is searched.
fn by_words(text: &str, lower: &str, key: impl Fn(&[u8]) -> bool, rule: &Regex) -> bool {
    if text.is_ascii() && !has_word(lower, key) {
        return false;
    }
    rule.is_match(text)
}

/// The words of `Res::distinct`.
fn distinct_key(w: &[u8]) -> bool {
    matches!(
        w,
        b"another"
            | b"other"
            | b"others"
            | b"more"
            | b"further"
            | b"second"
            | b"separately"
            | b"separate"
            | b"also"
            | b"remaining"
            | b"rest"
    )
}

/// Whether `head` ends with "of" and white space, as every match of
/// `Res::part_of` does (`\s` and `trim_end` agree on white space; no
/// letter but "O" and "F" folds to "o" or "f").
fn ends_with_of(head: &str) -> bool {
    let t = head.trim_end().as_bytes();
    t.len() < head.len() && t.len() >= 2 && t[t.len() - 2..].eq_ignore_ascii_case(b"of")
}

/// Whether a text (lowercase) has a word for which `key` holds.
fn has_word(s: &str, key: impl Fn(&[u8]) -> bool) -> bool {
    words(s).any(key)
}

/// What a word of a lowercase sentence tells of the source rules: bits of
/// [`source_possible`]. Every match of a source rule holds, as whole words
/// (each stands in its rule between a `\b` or white space and a `\b` or
/// white space), one of its single keys, or one of its pairs: "police" with
/// "said", "news" with "1" or "report(s)", "media" with "report(s)",
/// "rights" with "watch" or a group word, "civic", "aid", "advocacy" or
/// "refugee" with a group word, "his", "her" or "their" with a kin word,
/// "family" with "says". A rule whose keys are not there cannot match,
/// and most sentences need no search at all.
mod src_key {
    pub const ANON: u32 = 1;
    pub const UN: u32 = 1 << 1;
    pub const NGO: u32 = 1 << 2;
    pub const MEDIA: u32 = 1 << 3;
    pub const FAMILY: u32 = 1 << 4;
    pub const GOV: u32 = 1 << 5;
    pub const POLICE: u32 = 1 << 6;
    pub const SAID: u32 = 1 << 7;
    pub const NEWS: u32 = 1 << 8;
    pub const ONE: u32 = 1 << 9;
    pub const REPORT: u32 = 1 << 10;
    pub const MEDIA_WORD: u32 = 1 << 11;
    pub const RIGHTS: u32 = 1 << 12;
    pub const WATCH: u32 = 1 << 13;
    pub const GROUP: u32 = 1 << 14;
    pub const CIVIC: u32 = 1 << 15;
    pub const PRONOUN: u32 = 1 << 16;
    pub const KIN: u32 = 1 << 17;
    pub const FAMILY_WORD: u32 = 1 << 18;
    pub const SAYS: u32 = 1 << 19;
}

fn source_key(w: &[u8]) -> u32 {
    use src_key::*;
    match w {
        // "... sources", "sources said", "on condition of anonymity",
        // "asked not to be named"
        b"source" | b"sources" | b"condition" | b"not" => ANON,
        // "u.n.", "un experts", "united nations", "special rapporteur",
        // "human rights office"
        b"u" | b"un" | b"united" | b"unhcr" | b"ohchr" | b"rapporteur" | b"office" => UN,
        b"amnesty" | b"activist" | b"activists" | b"missionary" | b"missionaries" | b"ngo"
        | b"ngos" | b"campaigner" | b"campaigners" => NGO,
        // "human rights watch", "(human) rights groups", "aid groups"
        b"rights" => RIGHTS,
        b"watch" => WATCH,
        b"group" | b"groups" | b"organization" | b"organizations" | b"organisation"
        | b"organisations" => GROUP,
        b"civic" | b"aid" | b"advocacy" | b"refugee" => CIVIC,
        // "radio free asia", "open radio", "daily nk", "local daily",
        // "dong-a", "the paper", "international herald tribune"
        b"yonhap" | b"rfa" | b"radio" | b"daily" | b"dong" | b"chosun" | b"newsis" | b"kbs"
        | b"reuters" | b"afp" | b"ap" | b"kyodo" | b"paper" | b"herald" => MEDIA,
        // "news 1", "news reports", "media reports"
        b"news" => NEWS,
        b"1" => ONE,
        b"report" | b"reports" => REPORT,
        b"media" => MEDIA_WORD,
        b"relative" | b"relatives" => FAMILY,
        b"his" | b"her" | b"their" => PRONOUN,
        b"family" => KIN | FAMILY_WORD,
        b"wife" | b"husband" | b"sister" | b"brother" | b"mother" | b"father" | b"son"
        | b"daughter" => KIN,
        b"says" => SAYS,
        b"ministry" | b"government" | b"official" | b"officials" | b"spokesperson"
        | b"spokesman" | b"spokeswoman" | b"consulate" => GOV,
        // "police said"
        b"police" => POLICE,
        b"said" => SAID,
        _ => 0,
    }
}

/// The source rules (bits in the order of [`source_rules`]) that may match
/// a sentence whose words set the [`source_key`] bits `k`.
fn source_possible(k: u32) -> u8 {
    use src_key::*;
    let has = |b: u32| k & b != 0;
    let mut rules = (k & (ANON | UN | NGO | MEDIA | FAMILY | GOV)) as u8;
    if has(RIGHTS) && has(WATCH | GROUP) || has(CIVIC) && has(GROUP) {
        rules |= NGO as u8;
    }
    if has(NEWS) && has(ONE | REPORT) || has(MEDIA_WORD) && has(REPORT) {
        rules |= MEDIA as u8;
    }
    if has(PRONOUN) && has(KIN) || has(FAMILY_WORD) && has(SAYS) {
        rules |= FAMILY as u8;
    }
    if has(POLICE) && has(SAID) {
        rules |= GOV as u8;
    }
    rules
}

fn sources_for(text: &str, lower: &str, sentence: (usize, usize)) -> Vec<Source> {
    let st = &lower[sentence.0..sentence.1];
    let keys = source_possible(words(st).fold(0, |bits, w| bits | source_key(w)));
    for (i, (re_, kind)) in source_rules().into_iter().enumerate() {
        if keys & (1 << i) == 0 {
            continue;
        }
        if let Some(m) = re_.find(st) {
            return vec![Source {
                kind,
                text: Some(text[sentence.0 + m.start()..sentence.0 + m.end()].to_string()),
            }];
        }
    }
    Vec::new()
}

fn counts_compatible(a: &Option<Count>, b: &Option<Count>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => {
            let lo = |c: &Count| c.min.or(c.max).unwrap_or(0);
            let hi = |c: &Count| c.max.or(c.min).unwrap_or(u64::MAX);
            let (xl, xh) = (lo(x), if x.max.is_none() { u64::MAX } else { hi(x) });
            let (yl, yh) = (lo(y), if y.max.is_none() { u64::MAX } else { hi(y) });
            // equal, or overlapping ranges for open-ended counts
            (x.min == y.min && x.max == y.max)
                || (xl <= yh
                    && yl <= xh
                    && (x.max.is_none() || y.max.is_none() || x.min.is_none() || y.min.is_none()))
        }
        _ => true,
    }
}

fn places_compatible(a: &[Loc], b: &[Loc]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    a.iter().any(|(x, _)| {
        let x = &x.place;
        b.iter().any(|(y, _)| {
            let y = &y.place;
            x.country == y.country
                && (x.name == y.name
                    || x.precision == Precision::Country
                    || y.precision == Precision::Country
                    || (x.admin1.is_some()
                        && x.admin1 == y.admin1
                        && (x.precision == Precision::Admin1 || y.precision == Precision::Admin1)))
        })
    })
}

fn dates_compatible(a: &Option<DateSlot>, b: &Option<DateSlot>) -> bool {
    match (a, b) {
        (Some((x, _, _)), Some((y, _, _))) => x.overlaps(y),
        _ => true,
    }
}

/// The places a telling names itself (not inherited).
fn own_places<'a, 'd>(x: &'a Draft<'d>) -> &'a [Loc<'d>] {
    if x.places_own {
        &x.locations
    } else {
        &[]
    }
}

/// Merges the tellings of one act.
fn merge<'d>(drafts: Vec<Draft<'d>>) -> Vec<Draft<'d>> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    'next: for d in drafts {
        for o in out.iter_mut() {
            if o.kind != d.kind {
                continue;
            }
            // A plan told beside the act it became is one act ("were going
            // to send her back" ... "sent her back"); a refusal never is.
            // (a plan and the stop put to it, "ordered her deported" ...
            // "suspended the deportation order", are one act too, whatever
            // days each names)
            let plan_stopped = o.status == Status::Planned && d.status == Status::Blocked;
            let statuses_ok = o.status == d.status
                || (matches!(
                    (o.status, d.status),
                    (Status::Occurred, Status::Planned)
                        | (Status::Planned, Status::Occurred)
                        | (Status::Planned, Status::Blocked)
                ) && ((d.people_anaphoric || o.people_anaphoric)
                    // (the people "the group" stands for still tell a
                    // plan of 142 from a release of 27)
                    && counts_compatible(&o.people.count, &d.people.count)
                    || o.people.count == d.people.count && o.people.count.is_some()));
            if !statuses_ok {
                continue;
            }
            let same_count = o.people.count.is_some() && o.people.count == d.people.count;
            if d.distinct && !d.merge_only && !o.merge_only && !same_count {
                continue;
            }
            // Only what each telling says itself can tell them apart.
            let own_count = |x: &Draft| {
                if x.people_anaphoric && !x.singular {
                    None
                } else {
                    x.people.count
                }
            };
            // An inherited date still tells the story apart from one dated
            // by its own words.
            let own_date = |x: &Draft, other: &Draft| {
                if x.date_own || other.date_own {
                    x.date
                } else {
                    None
                }
            };
            // "she" is not a group of many
            let many = |x: &Draft| {
                x.people
                    .count
                    .and_then(|c| c.min.or(c.max))
                    .is_some_and(|n| n > 1)
            };
            // "a woman in the next cell", told after "beat her": an
            // indefinite phrase brings in someone new, not whom an earlier
            // pronoun stood for
            let someone_new = |x: &Draft| {
                x.people.count == Some(Count::exact(1))
                    && x.people.text.as_deref().is_some_and(|t| {
                        let t = t.trim_start();
                        ["a ", "an "]
                            .iter()
                            .any(|a| t.get(..a.len()).is_some_and(|h| h.eq_ignore_ascii_case(a)))
                    })
            };
            if d.sequel || o.people_anaphoric && someone_new(&d) {
                continue;
            }
            if (o.singular && many(&d)) || (d.singular && many(o)) {
                continue;
            }
            // "he was held ... She remains at a detention facility": one
            // person each, not the same
            let one = |x: &Draft| x.people.count == Some(Count::exact(1));
            if one(o)
                && one(&d)
                && matches!(
                    (o.people.gender, d.people.gender),
                    (Some(Gender::Male), Some(Gender::Female))
                        | (Some(Gender::Female), Some(Gender::Male))
                )
            {
                continue;
            }
            if !(counts_compatible(&own_count(o), &own_count(&d))
                && (plan_stopped || dates_compatible(&own_date(o, &d), &own_date(&d, o)))
                && places_compatible(own_places(o), own_places(&d)))
            {
                continue;
            }
            // (a noun alone, "the handover", does not tell that the plan
            // was carried out)
            // (a noun alone does tell a stop: "halted her deportation")
            if o.status != d.status
                && o.status == Status::Planned
                && (!d.merge_only || plan_stopped)
            {
                o.status = d.status;
                o.status_words = d.status_words;
                if plan_stopped && d.date.is_some() {
                    o.date = d.date;
                    o.date_own = d.date_own;
                }
            }
            absorb(o, d);
            continue 'next;
        }
        out.push(d);
    }
    out
}

fn narrower(a: &DateRange, b: &DateRange) -> bool {
    (a.end - a.start) < (b.end - b.start)
}

fn absorb<'d>(o: &mut Draft<'d>, d: Draft<'d>) {
    o.spans.extend(d.spans);
    if o.merge_only && !d.merge_only {
        // The body telling leads; the headline only adds its span.
        let spans = std::mem::take(&mut o.spans);
        let hedged = o.hedged;
        let (places, date) = (std::mem::take(&mut o.locations), o.date);
        *o = Draft { spans, ..d };
        o.hedged = hedged || o.hedged;
        // what only the headline says still counts ("arrest in Shenyang")
        if o.locations
            .iter()
            .all(|(l, _)| l.place.precision == Precision::Facility)
            && !places.is_empty()
        {
            o.locations = places;
        }
        if o.date.is_none() {
            o.date = date;
        }
        return;
    }
    if o.people.count.is_none() && d.people.count.is_some()
        || (o.people_anaphoric && !d.people_anaphoric && d.people.count.is_some())
    {
        o.people = d.people.clone();
        o.people_rule = d.people_rule;
        o.people_span = d.people_span;
        o.people_anaphoric = d.people_anaphoric;
    } else if o.people.gender.is_none() && d.people.gender.is_some() {
        o.people.gender = d.people.gender;
    }
    match (&o.date, &d.date) {
        (None, Some(_)) => o.date = d.date,
        (Some((x, _, _)), Some((y, _, _))) if d.date_own && (narrower(y, x) || !o.date_own) => {
            o.date = d.date
        }
        _ => {}
    }
    if o.locations.is_empty() || (!o.places_own && d.places_own) {
        o.locations = d.locations;
        o.places_own = d.places_own;
    } else if d.places_own {
        // The most specific telling: cities beat provinces and countries.
        let rank = |l: &[Loc]| {
            l.iter()
                .map(|(x, _)| match x.place.precision {
                    Precision::Facility | Precision::City | Precision::Border => 3,
                    Precision::Admin1 => 2,
                    Precision::Country => 1,
                })
                .max()
                .unwrap_or(0)
        };
        if rank(&d.locations) > rank(&o.locations)
            || (rank(&d.locations) == rank(&o.locations) && d.locations.len() > o.locations.len())
        {
            o.locations = d.locations;
        }
    }
    if o.facility.is_none() {
        o.facility = d.facility;
    }
    if o.actors.is_empty()
        || (o.actors.iter().all(|a| a.ends_with("-GOV"))
            && d.actors.iter().any(|a| !a.ends_with("-GOV")))
    {
        o.actors = d.actors;
        o.actor_words = d.actor_words;
    }
    if o.sources.is_empty() {
        o.sources = d.sources;
    }
    o.sentences.add(d.sentence);
}

/// The char offsets of the byte offsets the evidence of some drafts needs,
/// counted in one pass over the text.
struct CharOffsets(Vec<(usize, usize)>);

impl CharOffsets {
    fn of_spans<'a, 'd: 'a>(text: &str, drafts: impl Iterator<Item = &'a Draft<'d>>) -> Self {
        let mut bytes: Vec<usize> = drafts
            .flat_map(|d| d.spans.iter().flat_map(|&(s, e)| [s, e]))
            .collect();
        bytes.sort_unstable();
        bytes.dedup();
        let (mut at, mut chars) = (0, 0);
        CharOffsets(
            bytes
                .into_iter()
                .map(|b| {
                    chars += text[at..b].chars().count();
                    at = b;
                    (b, chars)
                })
                .collect(),
        )
    }

    /// The char offset of byte offset `byte` (one of the spans' ends).
    fn get(&self, byte: usize) -> usize {
        let i = self.0.partition_point(|&(b, _)| b < byte);
        self.0[i].1
    }
}

fn finish(
    doc: &Doc,
    d: Draft,
    cp: &CharOffsets,
    sentence: &[SentenceCells],
    options: &Options,
) -> Incident {
    let text = doc.text;
    let mut spans = d.spans;
    spans.sort();
    spans.dedup();
    let evidence: Vec<Evidence> = spans
        .iter()
        .map(|&(s, e)| Evidence {
            start: cp.get(s),
            end: cp.get(e),
            quote: text[s..e].to_string(),
        })
        .collect();
    let explain = options.explain.then(|| {
        let words = |sp: Option<(usize, usize)>| sp.map(|(s, e)| text[s..e].to_string());
        let mut v = vec![
            Explanation {
                field: "type".into(),
                rule: d.rule.into(),
                words: words(Some(d.trigger)),
            },
            Explanation {
                field: "status".into(),
                rule: format!("status.{}", d.status.as_str()),
                words: words(d.status_words),
            },
            Explanation {
                field: "hedged".into(),
                rule: if d.hedged {
                    "hedge.word".into()
                } else {
                    "hedge.none".into()
                },
                words: words(d.hedge_words),
            },
            Explanation {
                field: "date".into(),
                rule: d
                    .date
                    .map(|x| x.2.to_string())
                    .unwrap_or_else(|| "date.none".into()),
                words: d.date.and_then(|x| words(x.1)),
            },
            Explanation {
                field: "people".into(),
                rule: d.people_rule.into(),
                words: words(d.people_span),
            },
        ];
        for (l, rule) in &d.locations {
            v.push(Explanation {
                field: "locations".into(),
                rule: (*rule).into(),
                words: Some(text[l.start..l.end].to_string()),
            });
        }
        v.push(Explanation {
            field: "actors".into(),
            rule: if d.actor_words.is_empty() {
                "actor.default_by_place".into()
            } else {
                "actor.named".into()
            },
            words: Some(
                d.actor_words
                    .iter()
                    .map(|&(s, e)| &text[s..e])
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        });
        v
    });
    Incident {
        kind: d.kind,
        status: d.status,
        hedged: d.hedged,
        date: d.date.map(|(r, sp, _)| IncidentDate {
            text: sp.map(|(s, e)| text[s..e].to_string()),
            start: r.start,
            end: r.end,
        }),
        locations: d
            .locations
            .iter()
            .map(|(l, _)| location_of(text, l))
            .collect(),
        facility: d.facility,
        people: d.people,
        actors: d.actors,
        sources: d
            .sentences
            .iter()
            .find_map(|&i| {
                let v = sentence[i].sources.get_or_init(|| {
                    let s = doc.sentences[i];
                    sources_for(text, &doc.lower, (s.start, s.end))
                });
                (!v.is_empty()).then(|| v.clone())
            })
            .unwrap_or_default(),
        evidence,
        explain,
    }
}

/// Whether `before` (the sentence up to a time) has opened a relative
/// clause in the past perfect that is still open: "a man who had been sent
/// back", "those who'd fled". The relative clause is closed by another
/// verb's clause only at a semicolon or a sentence's end, so the last
/// relative pronoun counts.
///
/// One backward pass: the last whole-word "who", "which" or "that" (a
/// maximal run of ASCII letters and digits, as the reference's
/// `rfind_word` reads a whole word) is the first such run met from the end; a semicolon met
/// before it lies after it, and so closes the clause.
fn pluperfect_relative_before(before: &str) -> bool {
    let b = before.as_bytes();
    let mut end = b.len();
    let at = loop {
        // past the bytes between words, a semicolon among them closing
        // any clause a pronoun before it opens
        while end > 0 && !b[end - 1].is_ascii_alphanumeric() {
            if b[end - 1] == b';' {
                return false;
            }
            end -= 1;
        }
        if end == 0 {
            return false;
        }
        let mut start = end - 1;
        while start > 0 && b[start - 1].is_ascii_alphanumeric() {
            start -= 1;
        }
        if matches!(&b[start..end], b"who" | b"which" | b"that") {
            break start;
        }
        end = start;
    };
    let rest = before[at..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let rest = rest.trim_start();
    rest.starts_with("had ") || rest.starts_with("’d ") || rest.starts_with("'d ")
}

/// The plain reading [`pluperfect_relative_before`] stands for.
#[cfg(test)]
fn pluperfect_relative_reference(before: &str) -> bool {
    let Some(at) = ["who", "which", "that"]
        .iter()
        .filter_map(|w| rfind_word(before, w))
        .max()
    else {
        return false;
    };
    let rest = before[at..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let rest = rest.trim_start();
    (rest.starts_with("had ") || rest.starts_with("’d ") || rest.starts_with("'d "))
        && !before[at..].contains(';')
}

/// The start of the last whole-word `w` in `s` (ASCII lowercase).
#[cfg(test)]
fn rfind_word(s: &str, w: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = s.len();
    while let Some(i) = s[..end].rfind(w) {
        let before_ok = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let after = i + w.len();
        let after_ok = after == b.len() || !b[after].is_ascii_alphanumeric();
        if before_ok && after_ok {
            return Some(i);
        }
        end = i;
    }
    None
}

/// Where place mention `p` names where the teller of an act is ("a police
/// officer in Luang Namtha, who asked not to be named, said ...", "a source
/// based in Dandong told ..."): the end of the telling verb between the
/// place and the act's words at `act`.
fn speaker_place(text: &str, lower: &str, p: &PlaceMention, act: usize) -> Option<usize> {
    static SPEAKER: OnceLock<Regex> = OnceLock::new();
    static SAID: OnceLock<Regex> = OnceLock::new();
    let speaker = SPEAKER.get_or_init(|| {
        lc(r"(?i)\b(?:officer|official|source|resident|activist|campaigner|spokes(?:man|woman|person)|pastor|missionary|broker|trader|correspondent|reporter|lawyer|diplomat|informant|contact|researcher|monitor|witness|group|organi[sz]ation)s?\s+(?:based\s+)?(?:in|from|at|near)\s+(?:the\s+)?$")
    });
    let said = SAID.get_or_init(|| {
        lc(r"(?i)\b(?:said|says|say|told|tells|reported|reports|added|confirmed|claimed|explained)\b")
    });
    let before = &lower[back(text, p.start, 48)..p.start];
    if !speaker.is_match(before) {
        return None;
    }
    said.find(&lower[p.end..act]).map(|m| p.end + m.end())
}

/// Whether the words between a place and a later act's words join a new
/// verb phrase to the place's: "and" at most two words before the act ("...
/// on Saturday and handed", "... and then sent", "... and were later").
fn joined_after(gap: &str) -> bool {
    gap.rfind(" and ").is_some_and(|i| {
        let mut tail = gap[i + 5..].split_whitespace();
        tail.clone().count() <= 2 && tail.all(|w| w.starts_with(|c: char| c.is_lowercase()))
    })
}

/// Whether the words between a group and the phrases of an aside that
/// describes it are only the aside's joints (", among them", ", including",
/// ", all of them", "and", "with").
fn aside_words(gap: &str) -> bool {
    gap.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w,
                "among" | "them" | "including" | "all" | "of" | "whom" | "and" | "with" | "both"
            )
        })
}

/// Whether one of the last `n` words of `before` (ASCII letters) passes
/// `test`.
fn last_words_any(before: &str, n: usize, test: impl Fn(&str) -> bool) -> bool {
    before
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .any(test)
}

/// Whether the last words before an active verb name a helper who does it
/// ("their broker took them", "a smuggler drove the group").
fn helper_subject(before: &str) -> bool {
    last_words_any(before, 3, |w| {
        matches!(
            w,
            "broker"
                | "brokers"
                | "smuggler"
                | "smugglers"
                | "guide"
                | "guides"
                | "trafficker"
                | "traffickers"
        )
    })
}

/// Whether the words before "was held" end with a gathering or a
/// proceeding ("a public trial", "talks", "a meeting"), not people.
fn event_held(before: &str) -> bool {
    last_words_any(before, 3, |w| {
        matches!(
            w,
            "trial"
                | "trials"
                | "meeting"
                | "meetings"
                | "hearing"
                | "hearings"
                | "talks"
                | "ceremony"
                | "session"
                | "sessions"
                | "rally"
                | "election"
                | "elections"
                | "conference"
                | "briefing"
                | "summit"
                | "funeral"
                | "vote"
                | "event"
                | "events"
                | "festival"
                | "exhibition"
                | "drill"
                | "drills"
                | "rehearsal"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The source rules read without key words: the reference of
    /// [`sources_for`].
    fn sources_reference(text: &str, sentence: (usize, usize)) -> Vec<Source> {
        let lower = crate::rx::lower(text);
        let st = &lower[sentence.0..sentence.1];
        let rules = source_rules();
        static SET: OnceLock<regex::RegexSet> = OnceLock::new();
        let set = SET.get_or_init(|| {
            regex::RegexSet::new(rules.iter().map(|(r, _)| r.as_str()))
                .expect("the source rules compile")
        });
        let hits = set.matches(st);
        for (i, (re_, kind)) in rules.into_iter().enumerate() {
            if hits.matched(i) {
                let m = re_.find(st).expect("the set and the rule agree");
                return vec![Source {
                    kind,
                    text: Some(text[sentence.0 + m.start()..sentence.0 + m.end()].to_string()),
                }];
            }
        }
        Vec::new()
    }

    /// Words of the rules behind the key-word tests, and others around them
    /// (odd cases: capitals, the long s and the Kelvin sign that `(?i)`
    /// folds to "s" and "k").
    #[rustfmt::skip]
    const VOCABULARY: &[&str] = &[
        "a", "the", "one", "two", "several", "other", "source", "sources", "Sources", "said", "say",
        "says", "told", "on", "condition", "of", "anonymity", "asked", "not", "to", "be", "named",
        "u", "n", "U.N.", "un", "experts", "expert", "united", "nations", "unhcr", "ohchr",
        "special", "rapporteur", "human", "rights", "office", "watch", "amnesty", "group", "groups",
        "organisation", "organizations", "civic", "aid", "advocacy", "activist", "activists",
        "missionary", "missionaries", "refugee", "ngo", "NGOs", "campaigner", "campaigners",
        "yonhap", "rfa", "radio", "free", "asia", "daily", "nk", "dong", "a", "chosun", "newsis",
        "news", "1", "kbs", "reuters", "afp", "ap", "AP", "kyodo", "media", "report", "reports",
        "local", "paper", "international", "herald", "tribune", "open", "his", "her", "their",
        "wife", "husband", "sister", "brother", "mother", "father", "family", "relative",
        "relatives", "driver", "drivers", "Cambodian", "lao", "thai", "villagers", "farmer",
        "residents", "nationals", "son", "daughter", "ministry", "government", "official", "officials",
        "spokesperson", "spokesman", "spokeswoman", "police", "consulate", "general", "at", "in",
        "inside", "into", "an", "detention", "center", "centre", "facility", "facilities", "cent",
        "prison", "camp", "lockup", "lock", "up", "jail", "station", "garrison", "embassy",
        "hospital", "terminal", "headquarters", "post", "compound", "hand", "handed", "handing",
        "posted", "officer", "recent", "camps", "lock-ups", "consulate-general", "stationed",
        "hands", "HANDS", "deliver", "delivered", "delivering", "turn", "turned", "turning",
        "reported", "confirmed", "over", "x", "_", "ſ", "\u{212a}", "handſ", "ſaid", "ſources",
        "they", "were", "held", "border", "asked not to be named", "on condition of anonymity",
        "human rights watch", "human rights office", "radio free asia", "u.n.", "dong-a", "news 1",
        "the paper", "police said", "family says", "lock-up", "consulate general",
        "detention center", "special rapporteur", "un experts", "united nations",
        "international herald tribune", "open radio", "media reports", "local daily", "daily nk",
        "rights groups", "aid group", "his son", "most of them were women", "MOST OF THEM girls", "a third of them are men",
        "made up mostly of women", "seven of whom were boys", "mainly women",
        "predominantly", "primarily", "largely", "chiefly", "composed", "consisting", "whom",
        "female", "male", "Men", "dozens", "half", "being", "made", "up", "mostly", "girls",
        "composed of female", "consisting mainly of male", "WOMEN", "ſome", "Mostly",
        "photo", "Photo", "map", "image", "video", "caption", ":", "/", "|", "(Yonhap)", "(",
        ")", "file photo", "photo by", "(RFA photo)", "image:", "(dong-a ilbo", "(ap", "kyodo)",
        "most", "of", "them", "women", "boys", "her relatives", "at the prison", "in a lock-up",
        "to the detention centre", "according to", "According To", "relatives", "video", "footage",
        "letter", "photographer", "journalists", "broker", "guides", "pastor", "aid workers",
        "humanitarian worker", "south koreans", "South Korean", "chinese nationals", "trafficker",
        "smugglers", "reporter", "officers", "diplomat", "staff", "lawyers", "TOLD", "Said",
        "another", "Other", "others", "more", "further", "second", "separately", "separate",
        "also", "remaining", "rest", "ſeparately", "reſt", "spokesman", "agent", "announced",
        "informed", "stated", "tells", "added", "disclosed", "revealed", "explained", "wrote",
        "noted", "warned", "claimed", "published", "learned", "Reuters", "RFA", "on Monday",
        "last", "this", "twenty", "12", "five", "Of", "OF", "of ", "please direct",
        "comments or questions", "read in korean", "edited by", "reported by", "translated by",
        "(end)", "==", "copyright", "for further information", "for inquiries", "[lead]",
        "[report]", "by korea herald", "Please Direct", "ſaid", "ſtated",
        "spokes", "spokeswoman", "Spokesperson", "spoke", "Official", "agents", "Source",
        "sources", "SAYS", "say", "reports", "confirmed", "Told", "spo\u{212a}esman", "ſpokesman",
        "told1", "said_", "Kim", "RFA", "\t", "\u{2003}", "Yonhap", "Tuesday", "on", "in",
        "north koreans", "koreans", "korean", "workers", "worker", "humanitarian", "vietnamese",
        "laotian", "mongolian", "burmese", "russian", "resident", "farmers", "villager",
        "chinese", "national", "South", "aid\u{a0}workers", "south\tkoreans", "if", "If",
        "unless", "provided", "provide", "many of", "some of", "any", "none", "few", "all",
        "claimed", "announced",
    ];

    fn salad() -> impl Strategy<Value = String> {
        (
            proptest::collection::vec(0..VOCABULARY.len(), 1..14),
            "[ ,.’'\u{a0}-]{1,2}",
        )
            .prop_map(|(idx, sep)| {
                idx.iter()
                    .map(|&i| VOCABULARY[i])
                    .collect::<Vec<_>>()
                    .join(&sep)
            })
    }

    /// Words of the place rules, and others around them.
    #[rustfmt::skip]
    const ROLE_WORDS: &[&str] = &[
        "in", "at", "near", "outside", "inside", "around", "across", "on", "within", "of",
        "along", "off", "the", "a", "an", "its", "their", "northern", "southern", "eastern",
        "western", "north-eastern", "northeastern", "north-western", "northwestern",
        "southwestern", "south-western", "south-eastern", "southeastern", "central", "remote",
        "chinese", "vietnamese", "lao", "thai", "russian", "north", "south", "east", "west",
        "border", "city", "town", "county", "province", "village", "area", "region", "capital",
        "port", "provincial", "northeast", "northwest", "far", "same", "and", "or", "from",
        "through", "via", "by", "way", "to", "into", "toward", "towards", "Dandong", "Jilin",
        "Province", "County", "City", "IN", "The", "Chinese", "ſame", "\u{212a}", "held", "x",
        "outſide", "acroſs", "Town", "sent", "were", "caught", "Liaoning's", "it's",
        "BY", "Way", "OF", "xin", "in_", "_in", "2to", "with", "between", "about", "against",
        "like", "THE", "bythe", "towardS", "Into", "\t", "\u{2003}", "\n", "\u{b}", "thé",
        "(in", "\"to", "x-of", "of-x", "way", "by way of", "north-eastern",
    ];

    fn role_salad() -> impl Strategy<Value = String> {
        (
            proptest::collection::vec(0..ROLE_WORDS.len(), 1..8),
            "[ ,.’'\u{a0}-]{1,2}",
            "[ ,\u{a0}]{0,2}",
        )
            .prop_map(|(idx, sep, end)| {
                let mut s = idx
                    .iter()
                    .map(|&i| ROLE_WORDS[i])
                    .collect::<Vec<_>>()
                    .join(&sep);
                s.push_str(&end);
                s
            })
    }

    /// Words of the relative clauses [`pluperfect_relative_before`] reads.
    #[rustfmt::skip]
    const RELATIVE_WORDS: &[&str] = &[
        "who", "which", "that", "whom", "whose", "thats", "who2", "had", "hadn't", "’d", "'d", "d",
        "who’d", "who'd", "that'd", "been", "sent", "back", "in", "march", ";", "; ", "é", "whoé",
        "Who", "HAD", "a", "man", "those", "fled", "_who", "who_", "9who", "\u{a0}", "\t",
    ];

    fn relative_salad() -> impl Strategy<Value = String> {
        (
            proptest::collection::vec(0..RELATIVE_WORDS.len(), 0..10),
            "[ ,;.’'\u{a0}-]{1,2}",
            "[ ;\u{a0}]{0,2}",
        )
            .prop_map(|(idx, sep, end)| {
                let mut s = idx
                    .iter()
                    .map(|&i| RELATIVE_WORDS[i])
                    .collect::<Vec<_>>()
                    .join(&sep);
                s.push_str(&end);
                s
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]

        /// The one backward pass reads the relative clause as the plain
        /// searches do.
        #[test]
        fn pluperfect_scan_is_the_reference(before in relative_salad()) {
            prop_assert_eq!(
                pluperfect_relative_before(&before),
                pluperfect_relative_reference(&before),
                "{:?}", before
            );
        }

        /// A place rule whose bit `role_keys` leaves out never matches.
        #[test]
        fn role_keys_cover_the_rules(before in role_salad()) {
            let r = res();
            let keys = role_keys(&before);
            for (bit, rule) in [
                (ROLE_LOCATIVE, &r.place_locative),
                (ROLE_FROM, &r.place_from),
                (ROLE_TO, &r.place_to),
                (ROLE_APPOSITION, &r.place_apposition),
            ] {
                if rule.is_match(&before) {
                    prop_assert!(keys & bit != 0, "{:?} {}", before, bit);
                }
            }
        }

        /// The backward readings of the place rules and of the preposition
        /// before an actor are the rules.
        #[test]
        fn place_rules_read_backward(before in role_salad()) {
            let r = res();
            for (rule, re_) in [
                (&LOCATIVE, &r.place_locative),
                (&FROM, &r.place_from),
                (&TO, &r.place_to),
            ] {
                prop_assert_eq!(place_rule(&before, rule), re_.is_match(&before), "{:?}", before);
            }
            for w in [before.clone(), before.to_ascii_lowercase()] {
                prop_assert_eq!(
                    after_preposition(&w),
                    r.actor_prep_before.is_match(&w),
                    "{:?}", w
                );
            }
        }

        /// The key words never hide a source: the same source as the plain
        /// rules, on word salads of the rules' words.
        #[test]
        fn source_keys_cover_the_rules(text in salad()) {
            let lower = crate::rx::lower(&text);
            let span = (0, text.len());
            prop_assert_eq!(sources_for(&text, &lower, span), sources_reference(&text, span));
        }

        /// Each rule searched only when a key word is there matches no text
        /// without one.
        #[test]
        fn rule_keys_cover_the_rules(text in salad()) {
            let r = res();
            let lower = crate::rx::lower(&text);
            if r.facility.is_match(&lower) {
                prop_assert!(has_word(&lower, facility_key), "{:?}", lower);
            }
            let span = (0, text.len());
            prop_assert_eq!(
                facility_in(&text, &lower, span),
                r.facility
                    .captures(&lower)
                    .and_then(|c| c.get(1))
                    .map(|g| text[g.start()..g.end()].trim().to_string())
            );
            if r.handover.is_match(&text) {
                prop_assert!(has_word(&lower, handover_key));
            }
            // (the window after a people phrase mostly starts with a space)
            for after in [lower.clone(), format!(" {lower}"), format!(", {lower}")] {
                prop_assert_eq!(source_after(&after), r.source_after.is_match(&after));
            }
            if r.not_victims.is_match(&lower) {
                prop_assert!(not_victim_possible(&lower), "{:?}", lower);
            }
            for window in [text.clone(), format!("{text} "), format!("{text}\u{a0}")] {
                let lower = crate::rx::lower(&window);
                prop_assert_eq!(
                    source_before(&window, &lower, 0, window.len()),
                    r.source_before.is_match(&window)
                );
            }
            if r.most_of_them.is_match(&text) {
                prop_assert!(
                    lower.contains("men")
                        || lower.contains("male")
                        || lower.contains("girls")
                        || lower.contains("boys")
                );
            }
            // the word tests in front of the rules they guard
            for window in [text.clone(), format!(" {text}"), format!("{text} ")] {
                let lower = crate::rx::lower(&window);
                prop_assert_eq!(
                    by_words(&window, &lower, distinct_key, &r.distinct),
                    r.distinct.is_match(&window)
                );
            }
            for head in [text.clone(), format!("{text} "), format!("{text}\u{a0}")] {
                if r.part_of.is_match(&head) {
                    prop_assert!(ends_with_of(&head), "{:?}", head);
                }
            }
            if r.caption.is_match(&lower) {
                prop_assert!(caption_possible(&lower), "{:?}", lower);
            }
            // the vector searches of `caption_possible`, as the plain ones
            let plain = ["photo", "map", "image", "video"]
                .iter()
                .any(|w| lower.starts_with(w))
                || lower.trim_end().ends_with(')')
                || lower.contains("photo")
                || lower.contains("image");
            prop_assert_eq!(caption_possible(&lower), plain);
            // the first-word test in front of `reporting_after`
            for after in [
                text.clone(),
                format!(" {text}"),
                format!(" \u{a0}{text}"),
                format!("\t{text}"),
            ] {
                prop_assert_eq!(reporting_after(&after), r.reporting_after.is_match(&after), "{:?}", after);
            }
            // the test in front of `vague_part`
            for head in [text.clone(), format!("{text} "), format!("{text}\u{a0}")] {
                if r.vague_part.is_match(&head) {
                    prop_assert!(ends_with_of(&head), "{:?}", head);
                }
            }
            // the word test in front of `said_rule`
            for window in [text.clone(), format!("{text} "), format!("{text} on ")] {
                let lower = crate::rx::lower(&window);
                prop_assert_eq!(
                    by_words(&window, &lower, said_key, said_rule()),
                    said_rule().is_match(&window)
                );
            }
            // boilerplate: its openings, as the rule they replace
            static BOILER_RULE: OnceLock<Regex> = OnceLock::new();
            let rule = BOILER_RULE.get_or_init(|| {
                lc(r"(?i)^(?:please direct|comments or questions|read in korean|edited by|reported by|translated by|\(end\)|==|copyright|for further information|for inquiries|\[lead\]|\[report\]|by korea herald)")
            });
            prop_assert_eq!(boiler(&lower), rule.is_match(&lower));
        }
    }
}
