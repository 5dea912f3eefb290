//! Event dimension: the words that tell an act, with its status (planned,
//! blocked), hedging and negation, and whether the clause is a main clause
//! that opens an incident (CODEBOOK.md, "type", "status", "hedged").
//!
//! Triggers are verb groups and nouns ("were caught", "sent ... back",
//! "repatriation"). Around each trigger the sentence is read for:
//! - the destination of a sending verb (to North Korea → repatriation; to
//!   China, a Chinese agency or another route state's agency → transfer;
//!   to a camp → punishment);
//! - auxiliaries, relative pronouns and bare participles ("defectors detained
//!   at a prison" does not open an incident of its own);
//! - plan words ("were going to", "face deportation") → planned;
//! - refusal words ("refused to accept them") → blocked;
//! - hedges ("likely", "reportedly") → hedged;
//! - negation, habit, appeal and condition words → no incident.

use crate::model::{EventType, Status};
use crate::place::PlaceMention;
use crate::segment::Sentence;
use regex::Regex;
use std::sync::OnceLock;

#[cfg(test)]
mod examples;

/// A word or phrase telling one act.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    /// The trigger words (byte offsets into the text).
    pub start: usize,
    pub end: usize,
    /// Index of the sentence the trigger is in.
    pub sentence: usize,
    /// The clause the trigger governs (byte offsets).
    pub clause_start: usize,
    pub clause_end: usize,
    pub kind: EventType,
    pub status: Status,
    pub hedged: bool,
    pub negated: bool,
    /// Habitual, generic, an appeal, a condition or a question.
    pub generic: bool,
    /// A participle or relative clause: details of another act, no incident.
    pub subordinate: bool,
    /// A noun ("the arrest", "repatriation") rather than a verb.
    pub nominal: bool,
    /// An auxiliary comes before the verb ("were caught", "has returned").
    pub passive: bool,
    /// The destination phrase of a sending verb.
    pub destination: Option<(usize, usize)>,
    /// The clause that refuses the act, for blocked acts.
    pub refusal: Option<(usize, usize)>,
    /// The rule that matched, and the words behind status / hedging.
    pub rule: &'static str,
    pub status_words: Option<(usize, usize)>,
    pub hedge_words: Option<(usize, usize)>,
}

struct Trigger {
    /// The plain pattern: the reference the key-word search is tested against.
    #[cfg(test)]
    re: Regex,
    /// The same pattern anchored at the start: tried at the word starts
    /// shortly before a key word only.
    at: Regex,
    kind: EventType,
    rule: &'static str,
    nominal: bool,
}

#[cfg(test)]
fn ci(p: &str) -> Regex {
    crate::rx::lc(&format!(r"(?i)\b(?:{p})\b"))
}

/// The words one of which every match of a trigger contains (the triggers
/// in the order of [`triggers`]). A cheap look at a sentence's words tells
/// which trigger patterns can match at all; only those are run.
const TRIGGER_KEYS: [&[&str]; 11] = [
    // death
    &[
        "tortured",
        "beaten",
        "starved",
        "frozen",
        "froze",
        "worked",
        "shot",
        "beat",
        "died",
        "dies",
        "killed",
        "took",
        "committed",
        "killing",
        "dead",
    ],
    // punishment
    &[
        "sentenced",
        "tortured",
        "beaten",
        "beat",
        "executed",
        "given",
        "kicked",
        "abortion",
        "abort",
        "abortions",
        "sent",
        "send",
        "sending",
        "taken",
        "serving",
        "served",
        "spent",
    ],
    // repatriate
    &["repatriated", "repatriate", "repatriates", "repatriating"],
    // repatriation
    &["repatriation", "repatriations"],
    // send
    &[
        "sent",
        "send",
        "sends",
        "sending",
        "returned",
        "return",
        "returns",
        "returning",
        "handed",
        "hand",
        "hands",
        "handing",
        "turned",
        "turn",
        "turning",
        "pushed",
        "push",
        "forced",
        "deported",
        "deport",
        "deporting",
        "expelled",
        "expel",
        "expelling",
        "delivered",
        "deliver",
        "delivering",
        "taken",
        "take",
        "taking",
        "took",
        "flown",
        "flew",
        "escorted",
        "marched",
        "brought",
        "bring",
        "carried",
        "shipped",
        "accept",
        "receive",
        "readmit",
        "forcibly",
    ],
    // return noun
    &[
        "returns",
        "return",
        "deportation",
        "deportations",
        "expulsion",
        "expulsions",
        "handover",
        "hand",
    ],
    // transfer
    &[
        "transferred",
        "transferring",
        "transfer",
        "transfers",
        "moved",
        "move",
        "moving",
        "relocated",
    ],
    // arrest
    &[
        "took",
        "taken",
        "taking",
        "arrest",
        "arrested",
        "arresting",
        "arrests",
        "apprehend",
        "apprehended",
        "apprehending",
        "apprehends",
        "captured",
        "capturing",
        "capture",
        "rounded",
        "round",
        "rounding",
        "seized",
        "seizing",
        "seize",
        "picked",
        "pick",
        "picking",
        "caught",
        "catch",
        "catches",
        "catching",
        "nabbed",
        "nab",
        "nabs",
        "nets",
        "netted",
        "hauled",
        "dragged",
        "detain",
        "detained",
        "detaining",
        "detains",
        "stopped",
        "intercepted",
        "found",
        "tracked",
        "hunted",
        "grabbed",
        "led",
    ],
    // hold
    &[
        "held",
        "holding",
        "holds",
        "hold",
        "custody",
        "detention",
        "locked",
        "imprisoned",
        "jailed",
        "kept",
        "spent",
        "stuck",
        "languish",
        "languishes",
        "languished",
        "languishing",
        "confined",
        "remain",
        "remains",
        "remained",
        "interrogated",
        "questioned",
    ],
    // release
    &[
        "released",
        "release",
        "freed",
        "free",
        "allowed",
        "allow",
        "allows",
        "let",
        "lets",
        "permitted",
        "permit",
        "gave",
        "given",
        "granted",
        "resettled",
        "flown",
        "put",
        "left",
        "departed",
        "flew",
    ],
    // conveyed ("were taken to a holding facility", "drove them to")
    &[
        "taken",
        "took",
        "driven",
        "drove",
        "trucked",
        "bussed",
        "bused",
        "transported",
        "ferried",
        "marched",
        "put",
        "loaded",
    ],
];

/// How far before its key word a trigger's match can start ("were still
/// in police custody", "forcefully sent"), with room to spare.
const KEY_REACH: usize = 96;

/// Per trigger (in the order of [`triggers`]), the key words at which
/// its anchored pattern always matches the word alone, whatever follows:
/// a branch that is the word (or the word with optional endings that end
/// it exactly) and no branch before it that begins with the word. At
/// such a word the match is known without running the pattern.
/// (`trigger_shapes_are_exact` tries each on word salads against the
/// pattern.)
const TRIGGER_BARE: [&[&str]; 11] = [
    // death
    &["died", "dies"],
    // punishment
    &[
        "sentenced",
        "tortured",
        "beaten",
        "beat",
        "kicked",
        "executed",
    ],
    // repatriate
    &["repatriated", "repatriate", "repatriates", "repatriating"],
    // repatriation
    &["repatriation", "repatriations"],
    // send
    &[],
    // return noun
    &[
        "returns",
        "return",
        "deportation",
        "deportations",
        "expulsion",
        "expulsions",
        "handover",
    ],
    // transfer
    &[
        "transferred",
        "transferring",
        "transfer",
        "transfers",
        "moved",
        "move",
        "moving",
        "relocated",
    ],
    // arrest
    &[
        "arrest",
        "arrested",
        "arresting",
        "arrests",
        "apprehend",
        "apprehended",
        "apprehending",
        "apprehends",
        "captured",
        "capturing",
        "capture",
        "seized",
        "seizing",
        "seize",
        "caught",
        "catch",
        "catches",
        "catching",
        "nabbed",
        "nab",
        "nabs",
        "nets",
        "netted",
        "detain",
        "detained",
        "detaining",
        "detains",
        "stopped",
        "intercepted",
        "found",
        "grabbed",
    ],
    // hold
    &["held", "holding", "holds", "hold", "imprisoned", "jailed"],
    // release
    &["released", "release", "freed", "free", "resettled"],
    // conveyed
    &[
        "taken",
        "took",
        "driven",
        "drove",
        "trucked",
        "bussed",
        "bused",
        "transported",
        "ferried",
        "marched",
    ],
];

/// Per trigger, the key words that begin no branch of its pattern ("dead"
/// of "shot dead", "custody" of "remained in custody"): its anchored
/// pattern never matches at them, so it is not tried there.
const TRIGGER_NO_BEGIN: [&[&str]; 11] = [
    &["dead"],
    &["abortion", "abort", "abortions"],
    &[],
    &[],
    &["accept", "receive", "readmit"],
    &[],
    &[],
    &[],
    &["custody", "detention"],
    &[],
    &[],
];

/// The words the trigger search and the cue readings look at, in one
/// table: per word, the triggers it keys (the low 16 bits), the triggers
/// whose matches it may begin without keying them ([`STARTS`]) and its
/// cue flags ([`cue`]). The words packed into a `u128` (none is longer
/// than 16 bytes) are placed by a perfect hash: a word's first hash
/// picks a bucket, the bucket's displacement and its second hash a slot,
/// and no two words share a slot. So a word is looked up with one
/// compare and no branch: the slot's value if its word is the word, 0
/// else.
struct Lexicon {
    /// Per bucket, its displacement.
    disp: [u16; LEXICON_BUCKETS],
    /// (packed word, value, shape); an empty slot holds (0, 0, 0). The
    /// shape: the triggers at which the word is bare (the low 16 bits,
    /// [`TRIGGER_BARE`]) and those it begins no match of (the high 16,
    /// [`TRIGGER_NO_BEGIN`]).
    slots: Box<[(u128, u64, u32); LEXICON_SLOTS]>,
}

/// Where a [`Lexicon`] value holds the triggers a [`STARTERS`] word may
/// begin (16 bits).
const STARTS: u32 = 48;

/// The destination flags of [`Lexicon`] values (bits 16 to 19): the words
/// the phrases of each [`Dest`] rule begin with, and the words one of
/// which every match of the loose rule holds.
mod dest {
    pub const KP: u64 = 1 << 16;
    pub const CN: u64 = 1 << 17;
    pub const OTHER: u64 = 1 << 18;
    pub const LOOSE: u64 = 1 << 19;
    pub const SHIFT: u32 = 16;
    pub const ALL: u64 = 0xf << SHIFT;
}

/// The word lists of the destination flags (see the rules in [`cues`]).
const DEST_LISTS: &[(&[&str], u64)] = &[
    (&["to", "into", "across", "on", "over", "back"], dest::KP),
    (&["to", "into", "back", "across", "over"], dest::CN),
    (&["to", "for", "into", "via"], dest::OTHER),
    // "back home", "home", "across the border" (no word boundary after
    // the "home" of "back home")
    (&["back", "home", "across"], dest::LOOSE),
];

/// The cue flags of [`Lexicon`] values: which cue rules a word has a part
/// in (see the rules' readings, [`aux_before`] and after).
mod cue {
    pub const AUX_HEAD: u64 = 1 << 20;
    pub const AUX_FILL: u64 = 1 << 21;
    pub const REL_HEAD: u64 = 1 << 22;
    pub const REL_FILL: u64 = 1 << 23;
    pub const REL_PREP: u64 = 1 << 24;
    /// "being", "getting"
    pub const REL_GERUND: u64 = 1 << 25;
    pub const BEEN: u64 = 1 << 26;
    pub const HAVING: u64 = 1 << 27;
    pub const CONDITION: u64 = 1 << 28;
    pub const NEGATION: u64 = 1 << 29;
    pub const PLANNED_LAST: u64 = 1 << 30;
    pub const HEDGE: u64 = 1 << 31;
    pub const REFUSAL: u64 = 1 << 32;
    pub const PREVENTION: u64 = 1 << 33;
    pub const APPEAL: u64 = 1 << 34;
    /// A key word of the habit rule on its own.
    pub const GENERIC: u64 = 1 << 35;
    /// A key word of the habit rule only after a word of the flag one bit
    /// up: "one" after "no", "defector" after "any", "year" after "every"
    /// or "each", "time" after "from".
    pub const AFTER_NO: u64 = 1 << 36;
    pub const NO: u64 = 1 << 37;
    pub const AFTER_ANY: u64 = 1 << 38;
    pub const ANY: u64 = 1 << 39;
    pub const AFTER_EACH: u64 = 1 << 40;
    pub const EACH: u64 = 1 << 41;
    pub const AFTER_FROM: u64 = 1 << 42;
    pub const FROM: u64 = 1 << 43;
    /// The flags of the words after which another is a habit key.
    pub const AFTERS: u64 = AFTER_NO | AFTER_ANY | AFTER_EACH | AFTER_FROM;
    /// Flags only gathered for the whole sentence (in `Scan::sent_flags`),
    /// not cue flags of a word: "where" ([`consequence_where`]), the words
    /// of the clause marks ([`clause_marks_into`]) and "and".
    pub const WHERE: u64 = 1 << 44;
    pub const MARK: u64 = 1 << 45;
    pub const AND: u64 = 1 << 46;
    pub const WHOM: u64 = 1 << 47;
    /// Sentence flags (above the [`super::STARTS`] bits) of the words
    /// that end a camp phrase of the punishment rule ("camp", "prisons",
    /// "labour ...") and those that end a sending verb's phrase ("back",
    /// "home", "over", "across the border"): see [`super::known_match`].
    pub const CAMP: u64 = 1 << 62;
    pub const BACK: u64 = 1 << 63;
}

/// The word lists of the cue flags.
const CUE_LISTS: &[(&[&str], u64)] = &[
    (AUX_HEADS, cue::AUX_HEAD),
    (AUX_FILLERS, cue::AUX_FILL),
    (&["who", "whom", "which", "that"], cue::REL_HEAD),
    (RELATIVE_FILLERS, cue::REL_FILL),
    (RELATIVE_PREPS, cue::REL_PREP),
    (&["being", "getting"], cue::REL_GERUND),
    (&["been"], cue::BEEN),
    (&["having"], cue::HAVING),
    (CONDITION_WORDS, cue::CONDITION),
    (NEGATION_WORDS, cue::NEGATION),
    (PLANNED_LAST, cue::PLANNED_LAST),
    (HEDGE_WORDS, cue::HEDGE),
    (REFUSAL_WORDS, cue::REFUSAL),
    (PREVENTION_WORDS, cue::PREVENTION),
    (APPEAL_WORDS, cue::APPEAL),
    (GENERIC_WORDS, cue::GENERIC),
    (&["one"], cue::AFTER_NO),
    (&["no"], cue::NO),
    (&["defector"], cue::AFTER_ANY),
    (&["any"], cue::ANY),
    (&["year"], cue::AFTER_EACH),
    (&["every", "each"], cue::EACH),
    (&["time"], cue::AFTER_FROM),
    (&["from"], cue::FROM),
    (&["where"], cue::WHERE),
    (MARK_WORDS, cue::MARK),
    (&["and"], cue::AND),
    (&["whom"], cue::WHOM),
    (
        &[
            "camp",
            "camps",
            "kyohwaso",
            "kwanliso",
            "prison",
            "prisons",
            "labor",
            "labour",
            "education",
            "reeducation",
            "correctional",
        ],
        cue::CAMP,
    ),
    (&["back", "home", "over", "across"], cue::BACK),
];

/// The size of the [`Lexicon`] table (a power of two) and its number of
/// buckets.
const LEXICON_SLOTS: usize = 1 << 10;
const LEXICON_BUCKETS: usize = 1 << 8;

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let keyed = TRIGGER_KEYS
            .iter()
            .enumerate()
            .flat_map(|(i, keys)| keys.iter().map(move |k| (*k, 1u64 << i)));
        let starters = STARTERS
            .iter()
            .map(|(w, bits)| (*w, u64::from(*bits) << STARTS));
        let cues = CUE_LISTS
            .iter()
            .chain(DEST_LISTS)
            .flat_map(|(words, flag)| words.iter().map(move |w| (*w, *flag)));
        let mut words: std::collections::BTreeMap<&str, (u64, u32)> = Default::default();
        for (w, bit) in keyed.chain(starters).chain(cues) {
            assert!(w.bytes().all(|c| c.is_ascii_lowercase()), "{w:?}");
            assert!((1..=16).contains(&w.len()), "{w:?}");
            words.entry(w).or_default().0 |= bit;
        }
        let shapes = TRIGGER_BARE
            .iter()
            .map(|l| (l, 0))
            .chain(TRIGGER_NO_BEGIN.iter().map(|l| (l, 16)));
        for (i, (list, at)) in shapes.enumerate() {
            for w in *list {
                let e = words
                    .get_mut(w)
                    .unwrap_or_else(|| panic!("{w:?} is no trigger key"));
                e.1 |= 1 << (i % TRIGGER_KEYS.len() + at);
            }
        }
        // the buckets, the fullest placed first, each at the first
        // displacement that puts its words in empty slots
        let mut buckets: Vec<Vec<(u128, u64, u32)>> = vec![Vec::new(); LEXICON_BUCKETS];
        for (w, (v, shape)) in &words {
            let key = pack(w.as_bytes()).expect("1 to 16 bytes");
            buckets[lexicon_bucket(lexicon_hash(key))].push((key, *v, *shape));
        }
        let mut order: Vec<usize> = (0..LEXICON_BUCKETS).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));
        let mut lx = Lexicon {
            disp: [0; LEXICON_BUCKETS],
            slots: Box::new([(0, 0, 0); LEXICON_SLOTS]),
        };
        for b in order {
            let entries = &buckets[b];
            let d = (0..=u16::MAX)
                .find(|&d| {
                    let mut at: Vec<usize> = entries
                        .iter()
                        .map(|e| lexicon_slot(lexicon_hash(e.0), d))
                        .collect();
                    at.sort_unstable();
                    at.dedup();
                    at.len() == entries.len() && at.iter().all(|&i| lx.slots[i].0 == 0)
                })
                .expect("a displacement for every bucket");
            lx.disp[b] = d;
            for e in entries {
                lx.slots[lexicon_slot(lexicon_hash(e.0), d)] = *e;
            }
        }
        lx
    })
}

/// A manner adverb ("were quietly sent back", "who were secretly
/// returned": five letters or more ending in "ly") may stand between an
/// auxiliary or a relative pronoun and its verb, as the listed fillers do.
#[inline]
fn adverb_flags(w: &[u8]) -> u64 {
    if w.len() >= 5 && w.ends_with(b"ly") && w.iter().all(u8::is_ascii_lowercase) {
        cue::AUX_FILL | cue::REL_FILL
    } else {
        0
    }
}

/// A word of 1 to 16 bytes as a number (its bytes little-endian).
#[inline]
fn pack(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..w.len()].copy_from_slice(w);
    Some(u128::from_le_bytes(buf))
}

/// The hash of a packed word (distinct for words of up to 8 bytes).
#[inline]
fn lexicon_hash(key: u128) -> u64 {
    (key as u64) ^ ((key >> 64) as u64).rotate_left(29)
}

/// The bucket of a word's hash.
#[inline]
fn lexicon_bucket(h: u64) -> usize {
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 8)) as usize
}

/// The slot of a word's hash in a bucket of displacement `d`.
#[inline]
fn lexicon_slot(h: u64, d: u16) -> usize {
    let x =
        h.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ u64::from(d).wrapping_mul(0x1656_67B1_9E37_79F9);
    (x.wrapping_mul(0xFF51_AFD7_ED55_8CCD) >> (64 - 10)) as usize
}

/// The masks of the first `n` bytes of a `u128` (`n` up to 16).
const BYTE_MASKS: [u128; 17] = {
    let mut t = [0u128; 17];
    let mut n = 1;
    while n <= 16 {
        t[n] = u128::MAX >> (8 * (16 - n));
        n += 1;
    }
    t
};

impl Lexicon {
    /// The value of the word `b[start..end]` (0 for a word not in the
    /// table).
    #[inline(always)]
    fn value_at(&self, b: &[u8], start: usize, end: usize) -> u64 {
        let w = &b[start..end];
        adverb_flags(w) | self.listed_at(b, start, end)
    }

    /// The value the word lists give a word.
    #[inline]
    fn listed_at(&self, b: &[u8], start: usize, end: usize) -> u64 {
        self.entry_at(b, start, end).0
    }

    /// The value and the trigger shape (see `slots`) the word lists give
    /// the word `b[start..end]`.
    #[inline]
    fn entry_at(&self, b: &[u8], start: usize, end: usize) -> (u64, u32) {
        let key = match b.get(start..start + 16) {
            Some(w) => u128::from_le_bytes(w.try_into().expect("16 bytes")),
            None => pack(&b[start..end.min(start + 16)]).unwrap_or(0),
        };
        self.entry_of(key, end - start)
    }

    /// [`Lexicon::entry_at`] of the word of `n` bytes whose bytes (and
    /// maybe more) are `key`.
    #[inline]
    fn entry_of(&self, key: u128, n: usize) -> (u64, u32) {
        // (a word longer than 16 bytes as 0: no word)
        let key = key & BYTE_MASKS[if n > 16 { 0 } else { n }];
        let h = lexicon_hash(key);
        let (k, v, shape) = self.slots[lexicon_slot(h, self.disp[lexicon_bucket(h)])];
        let hit = u64::from(k == key);
        (v & hit.wrapping_neg(), shape & (hit as u32).wrapping_neg())
    }

    /// The value of a word.
    #[inline]
    fn value(&self, w: &[u8]) -> u64 {
        self.value_at(w, 0, w.len())
    }
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

/// The words of a sentence as the trigger search sees them.
#[derive(Default)]
struct Scan {
    /// Which triggers can match: a bit per trigger.
    bits: u16,
    /// Every key word: its offset and the triggers it keys.
    keys: Vec<(usize, u16)>,
    /// The words that can begin a match.
    begins: Vec<Begin>,
    /// Every word with a cue flag, in order.
    cued: Vec<Cued>,
    /// The cue flags of all of them.
    cue_flags: u64,
    /// The values of all the words of the sentence (with the sentence
    /// flags, [`cue::WHERE`] and after).
    sent_flags: u64,
    /// Every word with a destination flag: its offset and its flags
    /// shifted down by [`dest::SHIFT`].
    dests: Vec<(usize, u8)>,
    /// (buffers of [`scan_into`]: the word bytes as bits, the padded text)
    masks: Vec<u64>,
    padded: Vec<u8>,
}

/// A word of a sentence that can begin a trigger's match.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Begin {
    /// Its offsets in the sentence.
    start: usize,
    end: usize,
    /// The triggers it keys (but those it begins no match of) or, a
    /// [`STARTERS`] word, may begin.
    may: u16,
    /// The triggers whose match at the word is the word alone.
    bare: u16,
}

/// A word of a sentence with cue flags.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cued {
    /// Its offsets in the sentence.
    start: usize,
    end: usize,
    /// Its place among the sentence's words (0 for the first).
    nth: usize,
    flags: u64,
}

/// The [`Lexicon`] bits that are cue flags.
const CUE_FLAGS: u64 = (!0 << 20) & !(!0 << 44);

/// The bits of the triggers (in the order of [`triggers`]) that a
/// [`STARTERS`] word begins.
mod starts {
    pub const PUNISHMENT: u16 = 1 << 1;
    pub const SEND: u16 = 1 << 4;
    pub const RETURN_NOUN: u16 = 1 << 5;
    pub const HOLD: u16 = 1 << 8;
    pub const RELEASE: u16 = 1 << 9;
}

/// Words that begin a trigger's match without keying it ("were held",
/// "forcefully sent", "remain in custody", "forced returns"), with the
/// triggers whose patterns have a branch that begins with them: at any
/// other word start those patterns cannot match them (every branch
/// begins with its own words, each followed by white space or the
/// closing word boundary).
const STARTERS: &[(&str, u16)] = &[
    ("made", starts::PUNISHMENT),
    ("forcefully", starts::SEND),
    ("refused", starts::SEND),
    ("refuses", starts::SEND),
    ("refusing", starts::SEND),
    ("refuse", starts::SEND),
    ("declined", starts::SEND),
    ("declines", starts::SEND),
    ("declining", starts::SEND),
    ("forcibly", starts::SEND),
    (
        "forced",
        starts::PUNISHMENT | starts::SEND | starts::RETURN_NOUN,
    ),
    ("being", starts::HOLD),
    ("be", starts::HOLD),
    ("is", starts::HOLD),
    ("are", starts::HOLD),
    ("was", starts::HOLD),
    ("were", starts::HOLD),
    ("been", starts::HOLD),
    ("remain", starts::HOLD),
    ("set", starts::RELEASE),
    ("remains", starts::HOLD),
    ("remained", starts::HOLD),
];

/// Reads the words of `s` (lowercase) once.
#[cfg(test)]
fn scan(s: &str) -> Scan {
    let mut sc = Scan::default();
    scan_into(s, &mut sc);
    sc
}

/// [`scan`] into a reused `out`. (The words: maximal runs of
/// [`WORD_BYTE`]s, found on a bit mask of the word bytes ([`word_masks`]):
/// no branch per byte.)
fn scan_into(s: &str, out: &mut Scan) {
    let lx = lexicon();
    let b = s.as_bytes();
    out.bits = 0;
    out.keys.clear();
    out.begins.clear();
    out.cued.clear();
    out.cue_flags = 0;
    out.sent_flags = 0;
    out.dests.clear();
    let mut masks = std::mem::take(&mut out.masks);
    word_masks(b, &mut masks);
    // (the text and 16 more bytes: a word is read in one load)
    let mut padded = std::mem::take(&mut out.padded);
    padded.clear();
    padded.extend_from_slice(b);
    padded.extend_from_slice(&[0; 16]);
    let mut at = 0;
    let mut nth = 0;
    while let Some((start, i)) = next_word(&masks, at) {
        at = i;
        let key = u128::from_le_bytes(padded[start..start + 16].try_into().expect("16 bytes"));
        let n = i - start;
        let (listed, shape) = lx.entry_of(key, n);
        // (the length and the ending read without a branch: most words
        // fail them, in no order a branch could foresee; the last two
        // bytes read in one load, not shifted out of `key`: a word of one
        // byte reads it and the next, and fails the length anyway)
        let e2 = i.max(2) - 2;
        let tail = u16::from_le_bytes([padded[e2], padded[e2 + 1]]);
        let ly = (n >= 5) & (tail == u16::from_le_bytes(*b"ly"));
        let v = listed | if ly { adverb_flags(&b[start..i]) } else { 0 };
        nth += 1;
        if v != 0 {
            out.record(start, i, nth, v, shape);
        }
    }
    out.masks = masks;
    out.padded = padded;
}

impl Scan {
    /// Records the `nth` word, `start..end`, of value `v` (not 0) and
    /// entry shape `shape` in the lists its flags ask for.
    #[inline]
    fn record(&mut self, start: usize, end: usize, nth: usize, v: u64, shape: u32) {
        self.sent_flags |= v;
        if v & CUE_FLAGS != 0 {
            self.cue_flags |= v;
            self.cued.push(Cued {
                start,
                end,
                nth,
                flags: v,
            });
        }
        if v & dest::ALL != 0 {
            self.dests.push((start, (v >> dest::SHIFT) as u8));
        }
        // (the bits above those of the triggers are sentence flags)
        let (k, starts) = (v as u16, (v >> STARTS) as u16 & 0x7ff);
        if k != 0 {
            self.bits |= k;
            self.keys.push((start, k));
        }
        let may = (k & !((shape >> 16) as u16)) | starts;
        if may != 0 {
            self.begins.push(Begin {
                start,
                end,
                may,
                bare: shape as u16 & k,
            });
        }
    }
}

/// [`scan_into`] as first written, a byte at a time: the reference.
#[cfg(test)]
fn scan_plain(s: &str) -> Scan {
    let mut out = Scan::default();
    let lx = lexicon();
    let b = s.as_bytes();
    let mut i = 0;
    let mut nth = 0;
    loop {
        while i < b.len() && !WORD_BYTE[usize::from(b[i])] {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        while i < b.len() && WORD_BYTE[usize::from(b[i])] {
            i += 1;
        }
        let (listed, shape) = lx.entry_at(b, start, i);
        let v = listed | adverb_flags(&b[start..i]);
        nth += 1;
        if v != 0 {
            out.record(start, i, nth, v, shape);
        }
    }
    out
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = ONES * 0x80;

/// The [`WORD_BYTE`]s of eight bytes (little-endian in `x`) as eight bits,
/// byte `i` at bit `i`: per byte, its low seven bits tested against the
/// ranges (letters folded to small ones with bit 5), without carries
/// from byte to byte; bytes with the high bit are no word bytes.
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline]
fn word_bits(x: u64) -> u64 {
    let y = x & !HIGHS;
    // the high bit of each byte: at least `lo` and not above `hi`
    let in_range = |v: u64, lo: u8, hi: u8| {
        (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7f - hi))
    };
    let letter = in_range(y | (ONES * 0x20), b'a', b'z');
    let digit = in_range(y, b'0', b'9');
    let t = y ^ (ONES * u64::from(b'_'));
    let underscore = !((t + ONES * 0x7f) | t);
    let r = (letter | digit | underscore) & !x & HIGHS;
    // gather the high bits: byte i to bit 56 + i (no two partial
    // products meet, so no carries)
    (r >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The word bytes of `b` as bits, 64 bytes to a mask (the bits past the
/// end are 0): sixteen bytes at a time with SSE2 on x86-64
/// ([`word_bits16`]), else eight at a time ([`word_masks_swar`]).
fn word_masks(b: &[u8], out: &mut Vec<u64>) {
    #[cfg(target_arch = "x86_64")]
    {
        out.clear();
        let mut chunks = b.chunks_exact(16);
        let (mut m, mut k) = (0u64, 0);
        for c in &mut chunks {
            m |= u64::from(word_bits16(c.try_into().expect("16 bytes"))) << (16 * k);
            k += 1;
            if k == 4 {
                out.push(m);
                (m, k) = (0, 0);
            }
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 16];
            w[..rest.len()].copy_from_slice(rest);
            m |= u64::from(word_bits16(&w)) << (16 * k);
            k += 1;
        }
        if k > 0 {
            out.push(m);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    word_masks_swar(b, out);
}

/// The [`WORD_BYTE`]s of sixteen bytes as sixteen bits, byte `i` at bit
/// `i`, with SSE2 (part of every x86-64): as signed bytes, a letter folded
/// to a small one with bit 5 lies between '`' and '{', a digit between
/// '/' and ':'; a byte with the high bit is negative, so none of them.
#[cfg(target_arch = "x86_64")]
#[inline]
fn word_bits16(c: &[u8; 16]) -> u32 {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is always there on x86-64, and the sixteen bytes read
    // are those of `c`
    unsafe {
        let v = _mm_loadu_si128(c.as_ptr().cast());
        let l = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let letter = _mm_and_si128(
            _mm_cmpgt_epi8(l, _mm_set1_epi8((b'a' - 1) as i8)),
            _mm_cmplt_epi8(l, _mm_set1_epi8((b'z' + 1) as i8)),
        );
        let digit = _mm_and_si128(
            _mm_cmpgt_epi8(v, _mm_set1_epi8((b'0' - 1) as i8)),
            _mm_cmplt_epi8(v, _mm_set1_epi8((b'9' + 1) as i8)),
        );
        let underscore = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8));
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), underscore)) as u32
    }
}

/// [`word_masks`] eight bytes at a time ([`word_bits`]): where there is no
/// SSE2, and the reference of the SSE2 reading.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn word_masks_swar(b: &[u8], out: &mut Vec<u64>) {
    out.clear();
    let mut chunks = b.chunks_exact(8);
    let (mut m, mut k) = (0u64, 0);
    for c in &mut chunks {
        m |= word_bits(u64::from_le_bytes(c.try_into().expect("8 bytes"))) << (8 * k);
        k += 1;
        if k == 8 {
            out.push(m);
            (m, k) = (0, 0);
        }
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        m |= word_bits(u64::from_le_bytes(w)) << (8 * k);
        k += 1;
    }
    if k > 0 {
        out.push(m);
    }
}

/// The first word (maximal run of set bits of `masks`) at or after `at`,
/// `at` not inside a word: (start, end).
#[inline]
fn next_word(masks: &[u64], at: usize) -> Option<(usize, usize)> {
    let mut w = at / 64;
    let mut bits = *masks.get(w)? & (!0u64 << (at % 64));
    while bits == 0 {
        w += 1;
        bits = *masks.get(w)?;
    }
    let start = w * 64 + bits.trailing_zeros() as usize;
    let mut rest = !masks[w] & (!0u64 << (start % 64));
    while rest == 0 {
        w += 1;
        // (past the last mask: the end of the text)
        rest = masks.get(w).map_or(!0, |m| !m);
    }
    Some((start, w * 64 + rest.trailing_zeros() as usize))
}

/// Every match of trigger `ti` in `s`, as the unanchored search from the
/// start would find them (leftmost first, not overlapping): a match starts
/// at a key word or a [`STARTERS`] word and holds a key word at most
/// [`KEY_REACH`] bytes on, so the anchored pattern is tried at those word
/// starts only, in order (but for the key words it cannot begin at,
/// [`TRIGGER_NO_BEGIN`]; at a [`TRIGGER_BARE`] word the match is the word).
#[cfg(test)]
fn trigger_matches(t: &Trigger, ti: usize, s: &str, sc: &Scan) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    trigger_matches_into(t, ti, s, sc, &mut out);
    out
}

/// [`trigger_matches`] into a reused `out`.
fn trigger_matches_into(t: &Trigger, ti: usize, s: &str, sc: &Scan, out: &mut Vec<(usize, usize)>) {
    let bit = 1u16 << ti;
    out.clear();
    let (mut next_from, mut ki) = (0, 0);
    let mut folds = None;
    for b in &sc.begins {
        let w = b.start;
        if w < next_from || b.may & bit == 0 {
            continue;
        }
        if b.bare & bit != 0 {
            out.push((w, b.end));
            next_from = b.end;
            continue;
        }
        // the first key word of this trigger at or after `w`
        while ki < sc.keys.len() && (sc.keys[ki].0 < w || sc.keys[ki].1 & bit == 0) {
            ki += 1;
        }
        let Some(&(k, _)) = sc.keys.get(ki) else {
            break;
        };
        if k - w > KEY_REACH {
            continue;
        }
        let m = known_match(ti, &s.as_bytes()[w..b.end], sc.sent_flags, &mut folds, s)
            .unwrap_or_else(|| t.at.find(&s[w..]).map(|m| (m.start(), m.end())));
        if let Some((ms, me)) = m {
            out.push((w + ms, w + me));
            next_from = w + me.max(1);
        }
    }
}

/// The anchored match of trigger `ti` at a word `w` (lowercase) of a
/// sentence of flags `flags` ([`Scan::sent_flags`]), when known without
/// running the pattern: `Some(None)` for no match, `Some(Some(span))` for
/// a match (offsets from the word's start); `None` when the pattern must
/// be run. `folds` caches whether the `sentence` holds a letter that folds
/// to an ASCII one ([`folds_to_ascii`]), which could spell the words
/// looked for.
///
/// - Punishment: at "sent", "send", "sending", "taken" only the camp
///   branch can begin, at "spent" only the time-in-a-camp branch; every
///   match of those ends with a whole word of [`cue::CAMP`] ("camps",
///   "labour units", "re-education centres").
/// - Sending: at a word other than "forcibly", "forcefully" and the
///   refusal verbs, the branches that can begin need a whole "back",
///   "home", "over" or "across" ([`cue::BACK`]) after the verb, but the
///   last branch, the bare verb: with none of those words in the
///   sentence, the match is the word itself when it is one of that
///   branch's verbs, else there is none.
#[inline]
fn known_match(
    ti: usize,
    w: &[u8],
    flags: u64,
    folds: &mut Option<bool>,
    sentence: &str,
) -> Option<Option<(usize, usize)>> {
    const PUNISHMENT: usize = starts::PUNISHMENT.trailing_zeros() as usize;
    const SEND: usize = starts::SEND.trailing_zeros() as usize;
    let (flag, known) = match ti {
        PUNISHMENT => {
            let camp_verb = matches!(w, b"sent" | b"send" | b"sending" | b"taken" | b"spent");
            (cue::CAMP, camp_verb.then_some(None))
        }
        SEND => {
            let bare = matches!(
                w,
                b"sent"
                    | b"send"
                    | b"sending"
                    | b"returned"
                    | b"return"
                    | b"returning"
                    | b"deported"
                    | b"deport"
                    | b"deporting"
                    | b"expelled"
                    | b"handed"
                    | b"delivered"
                    | b"flown"
            );
            let other_branch = w.starts_with(b"forc") && (w == b"forcibly" || w == b"forcefully")
                || w.starts_with(b"refus")
                || w.starts_with(b"declin");
            (
                cue::BACK,
                (!other_branch).then_some(bare.then_some((0, w.len()))),
            )
        }
        _ => return None,
    };
    let known = known?;
    if flags & flag != 0 || *folds.get_or_insert_with(|| folds_to_ascii(sentence.as_bytes())) {
        return None;
    }
    Some(known)
}

fn triggers() -> &'static [Trigger] {
    static T: OnceLock<Vec<Trigger>> = OnceLock::new();
    T.get_or_init(|| {
        use EventType::*;
        let t = |p: &str, kind, rule, nominal| Trigger {
            #[cfg(test)]
            re: ci(p),
            at: crate::rx::lc(&format!(r"(?i)^(?:{p})\b")),
            kind,
            rule,
            nominal,
        };
        vec![
            // Deaths first: "tortured to death" is a death, not a punishment.
            t(r"(?:tortured|beaten|starved|frozen|froze|worked|shot|beat\s+\w+)\s+to\s+death|shot\s+dead|died|dies|killed\s+(?:herself|himself|themselves)|took\s+(?:her|his|their)\s+own\s+lives?|committed\s+suicide|killing\s+(?:herself|himself)", Death, "event.death", false),
            t(r"sentenced|tortured|beaten|beat|kicked|executed|given\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:terms?|sentences?)\b|given\s+(?:[\w-]+\s+){1,2}?years?(?:\s+(?:of|in|at|for)\b|\s*[,.;])|(?:served|serving)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:terms?|sentences?|years?|months?)\s+(?:in|at)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:camps?|prisons?|kyohwaso|kwanliso)\b|(?:forced|made)\s+to\s+(?:undergo|have)\s+(?:an?\s+)?(?:[\w-]+\s+)?abortions?|forced\s+abortions?|(?:forced|made)\s+to\s+abort\b|(?:sent|send|sending|taken)\s+(?:[\w’'-]+\s+){0,6}?to\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:camps?|kyohwaso|kwanliso|prisons?|labou?r\s+(?:training\s+)?(?:units?|brigades?|centres?|centers?)|(?:re-?education|correctional)\s+(?:centres?|centers?|facilit(?:y|ies)))|serving\s+(?:time|a\s+sentence|sentences)|spent\s+(?:[\w-]+\s+){1,4}?(?:in|at|inside)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:labou?r(?:-training)?|prison|political|re-?education|reform|training|forced-labou?r)\s+camps?|kyohwaso|kwanliso)\b", Punishment, "event.punishment", false),
            t(r"repatriat(?:ed|e|es|ing)", Repatriation, "event.repatriate", false),
            t(r"repatriations?", Repatriation, "event.repatriation_noun", true),
            t(r"(?:forcibly\s+|forcefully\s+)?(?:sent|send|sends|sending|returned|return|returns|returning|handed|hand|hands|handing|turned|turn|turning|pushed|push|forced|deported|deport|deporting|expelled|expel|expelling|delivered|deliver|delivering|taken|take|taking|took|flown|flew|escorted|marched|brought|bring|carried|shipped)\b(?:\s+[\w’'-]+){0,8}?\s+(?:back|home|over|across\s+the\s+border)|(?:refus(?:ed|es|ing|e)|declin(?:ed|es|ing))\s+to\s+(?:accept|receive|readmit|take\s+in)\b|(?:pushed|sent|taken)\s+across\b|(?:sent|send|sending|returned|return|returning|deported|deport|deporting|expelled|handed|delivered|flown|forced\s+back|forcibly\s+returned)\b", Repatriation, "event.send", false),
            t(r"(?:forced\s+)?(?:returns|return|deportations?|expulsions?|handover|hand-over)\b", Repatriation, "event.return_noun", true),
            t(r"transferr(?:ed|ing)|transfers?|moved|move|moving|relocated", Transfer, "event.transfer", false),
            t(r"took\s+(?:[\w’'-]+\s+){0,10}?into\s+custody|taken\s+into\s+custody|taking\s+(?:[\w’'-]+\s+){0,10}?into\s+custody|arrest(?:ed|ing|s)?|apprehend(?:ed|ing|s)?|captur(?:ed|ing|e)|rounded\s+up|round(?:ed|ing)?\s+(?:[\w’'-]+\s+){0,3}?up|seiz(?:ed|ing|e)|picked\s+up|pick(?:ed|ing)?\s+(?:[\w’'-]+\s+){0,3}?up|caught|catch(?:es|ing)?|nabbed|nab|nabs|nets|netted|hauled\s+out|(?:dragged|hauled)\s+(?:[\w’'-]+\s+){0,3}?(?:away|off)\b|detain(?:ed|ing|s)?|stopped|intercepted|found|tracked\s+down|hunted\s+down|taken\s+away|took\s+(?:[\w’'-]+\s+){0,6}?away|grabbed|led\s+away", Arrest, "event.arrest", false),
            t(r"being\s+held|be\s+held|(?:is|are|was|were|been)\s+(?:\w+\s+)?held|held|holding|holds|hold|remain(?:s|ed)?\s+in\s+(?:\w+\s+)?custody|(?:is|are|was|were)\s+(?:now\s+|still\s+)?in\s+(?:\w+\s+)?(?:custody|detention)|locked\s+up|imprisoned|jailed|(?:(?:stuck|remain(?:s|ed)?|languish(?:es|ed|ing)?)\s+(?:in|at|inside)|confined\s+(?:to|in|at|inside))\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:detention|prisons?|jails?|lockups?|cells?|facility|centres?|centers?)\b|(?:questioned|interrogated)\s+(?:at|in|inside)\s+(?:a\s+|an\s+|the\s+)?(?:[\w’'()-]+\s+){0,5}?(?:detention|holding|prisons?|jails?|lockups?|cells?|facility|centres?|centers?)\b|interrogated\s+for\s+(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?(?:[\w-]+\s+){0,2}?(?:days|weeks|months)|spent\s+(?:[\w-]+\s+){1,4}?(?:days?|weeks?|months?|years?)\s+(?:there\s+)?(?:in|at|inside)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:detention|custody|prisons?|jails?|lockups?|cells?|facility|centres?|centers?|camps?)|kept\s+(?:[\w’'-]+\s+){0,3}?(?:in|at|under|inside)\b", Detention, "event.hold", false),
            t(r"released|release|freed|set\s+free|free|(?:left|departed|flew)\s+for\s+(?:Seoul|South\s+Korea)\b|let\s+(?:[\w’'-]+\s+){0,2}?out\b|(?:allowed|allow|allows|let|lets|permitted|permit)\s+(?:[\w’'.-]+\s+){0,16}?(?:to\s+)?(?:leave|go|fly|continue|travel|depart|board|walk|cross|proceed)\b|(?:gave|given|granted)\s+(?:[\w’'.-]+\s+){0,3}?permission\s+to\s+(?:leave|go|fly|continue|travel|depart)\b|resettled|flown\s+to\s+(?:Manila|Seoul|South\s+Korea)|put\s+on\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:flight|plane)\s+(?:from\s+(?:[\w-]+\s+){1,3}?)?(?:to|for|bound\s+for)\s+(?:Manila|Seoul|Incheon|South\s+Korea)", Release, "event.release", false),
            // Last, so that the sending, custody and camp rules claim their
            // words first: people conveyed somewhere ("were taken to Tumen").
            t(r"taken|took|driven|drove|trucked|bussed|bused|transported|ferried|marched|put\s+(?:on|aboard|onto|into|in)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:trains?|bus|buses|trucks?|lorr(?:y|ies)|vans?|ships?|boats?|vessels?|planes?|flights?)\b|loaded\s+(?:onto|on|into|aboard)\b", Transfer, "event.conveyed", false),
        ]
    })
}

struct Cues {
    aux_before: Regex,
    relative_before: Regex,
    planned_before: Regex,
    planned_after: Regex,
    refusal: Regex,
    hedge: Regex,
    /// [`Cues::hedge`] anchored at the start: the reference of
    /// [`hedge_end`].
    #[cfg(test)]
    hedge_at: Regex,
    negation_before: Regex,
    prevention_before: Regex,
    generic: Regex,
    /// [`Cues::generic`] anchored at the start.
    generic_at: Regex,
    condition_before: Regex,
    appeal_before: Regex,
    dest_kp: Dest,
    /// To China, a Chinese or another route state's agency, a camp or a
    /// facility: a move, not a return.
    dest_cn: Dest,
    dest_other: Dest,
    to_place: Regex,
    object_after: Regex,
    people_object: Regex,
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| Cues {
        aux_before: crate::rx::lc(r"(?i)\b(?:is|are|was|were|be|been|being|get|got|gets|getting|has|have|had)\s+(?:(?:not|never|now|then|also|all|already|reportedly|allegedly|since|later|just|recently|forcibly|forcefully|still|finally|eventually|subsequently|quickly|immediately|likely|probably|apparently|[a-z]{3,}ly|reported\s+to\s+have\s+been|believed\s+to\s+have\s+been|said\s+to\s+have\s+been)\s+)*$"),
        relative_before: crate::rx::lc(r"(?i)(?:\b(?:who|whom|which|that)\s+(?:(?:had|has|have|were|was|are|is|been|being|later|then|reportedly|allegedly|already|previously|once|twice|earlier|also|recently|just|[a-z]{3,}ly)\s+)*|\b(?:after|before|while|without|for|of|from|upon|on|avoid|escaped|risk)\s+(?:having\s+been\s+|being\s+|getting\s+))$"),
        planned_before: crate::rx::lc(r"(?i)(?:\b(?:(?:prepared|scheduled|slated|earmarked|selected|marked)\s+for|going\s+to|set\s+to|intends?\s+to|intended\s+to|plans?\s+to|planned\s+to|planning\s+to|scheduled\s+to|about\s+to|expected\s+to|due\s+to|ready\s+to|preparing\s+to|trying\s+to|tried\s+to|wanted\s+to|proposed|propose|proposing|ordered\s+(?:the|their|his|its)|ordered|orders|order|ordering|requests?|requested|asked\s+for|asking\s+for|face|faces|faced|facing|risk\s+of|risks|imminent|threatened|pending|awaiting|waiting\s+to|in\s+danger\s+of|will|would|shall|could|may|might|can|to\s+be|is\s+to|are\s+to|was\s+to|were\s+to|possible|impending|planned)\b(?:\s+(?:be|being|been|have|soon|now|then|also|all|most|very|quickly|immediately|likely|probably|possibly|eventually|them|her|him|the\s+\w+|forced|forcible|possible|imminent|immediate|certain|[\w-]+ly))*\s*)$"),
        planned_after: crate::rx::lc(r"(?i)^\s*(?:request|plan|order|proceedings|procedures?|(?:of\s+(?:[^\s,.;]+\s+){1,5}?)?(?:is|are|was|were|seems|seemed|could\s+be|may\s+be|might\s+be)\s+(?:only\s+|just\s+|still\s+)?(?:a\s+few\s+|a\s+matter\s+of\s+|some\s+)?(?:hours|days|weeks|months)\s+away)\b"),
        refusal: crate::rx::lc(r"(?i)\bstopped\s+(?:the|their|its)\s+(?:planned\s+|forced\s+|forcible\s+)?$|\b(?:refus(?:ed|es|ing|e)|reject(?:ed|s|ing)?|declin(?:ed|es|ing)\s+to|turn(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?away|won[’']t\s+(?:take|accept)|would\s+not\s+(?:take|accept)|not\s+being\s+let|cannot\s+take|can[’']t\s+take|would\s+not\s+let|did\s+not\s+accept|delayed|suspended|halted|postponed|cancell?ed|canceled|scrapped|shelved|called\s+off|put\s+on\s+hold|blocked|halts|suspends|blocks|postpones|(?:asked|asks|requested|requests|sought|seeks)\s+(?:for\s+)?(?:a\s+)?(?:delay|postponement))\b"),
        hedge: crate::rx::lc(HEDGE_RULE),
        #[cfg(test)]
        hedge_at: crate::rx::lc(&format!(
            "(?i)^(?:{})",
            HEDGE_RULE.strip_prefix("(?i)").expect("case-insensitive")
        )),
        negation_before: crate::rx::lc(r"(?i)(?:cannot|\bno\s+\w+\s+(?:are|were|is|was|have|has|had)\b|\bnone\s+of\s+(?:them|us|these|those|the\s+[\w-]+)|\b(?:not|never|n[’']t|no\s+longer|nobody|no\s+one|none)\b)(?:\s+[\w’'-]+){0,3}\s*$"),
        prevention_before: crate::rx::lc(r"(?i)\b(?:keep|keeping|kept|stop|stops|stopping|stopped|prevent|prevents|prevented|preventing|protect|spare|spares|spared|save|avoid|avoided|escape|escaped|refrain|halt|halting|end|ending|against|oppose|opposes|opposed|condemn|condemned|protest|protested|demand|demanded|demanding|asked|ask|asking|pleaded|begged)\b(?:\s+[\w’'-]+){0,8}?\s*(?:from\s+(?:being\s+)?|not\s+to\s+(?:be\s+)?|to\s+(?:stop|halt|end|refrain)\s+|$)"),
        generic: crate::rx::lc(GENERIC_RULE),
        generic_at: crate::rx::lc(&format!(
            "(?i)^(?:{})",
            GENERIC_RULE.strip_prefix("(?i)").expect("case-insensitive")
        )),
        appeal_before: crate::rx::lc(r"(?i)\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|for)|appeal(?:s|ed|ing)?\s+(?:to|for)|press(?:es|ed|ing)?|lean\s+on|plead(?:s|ed|ing)?|beg(?:s|ged|ging)?|implor\w+|wants?\s+\w+\s+to|(?:ask|request)(?:s|ed|ing)?\s+(?:[^\s.;]+\s+){1,10}?to|hopes?\s+(?:that\s+)?(?:[^\s.;]+\s+){1,4}?(?:will|would)|should|must|would\s+like)\b"),
        condition_before: crate::rx::lc(r"(?i)\b(?:if|unless|whether|once|should|lest)\b[^,;]*$"),
        dest_kp: Dest::new(
            r"(?i)\b(?:to|into|across\s+to|on\s+to|over\s+to|back\s+to)\s+(?:the\s+)?(?:north\s+korea\b|north\b|dprk\b|democratic\s+people[’']s\s+republic|pyongyang\b|their\s+(?:homeland|home\s+country|country)|the\s+country\s+(?:she|he|they)\s+had\s+fled|north\s+korean\s+(?:authorities|officials|security|police|border|side|embassy|consulate|diplomats|agents)|(?:representatives|officials|officers|agents|diplomats)\s+(?:of|from)\s+(?:the\s+)?(?:north\s+korean?|dprk|pyongyang)\b|(?:the\s+)?(?:mss|nsa|bowibu|ssd)\b|(?:the\s+)?(?:ministry\s+of\s+state\s+security|national\s+security\s+agency)|(?:their|its|the\s+north\s+korean)\s+embassy|(?:embassy|consulate)\s+of\s+(?:the\s+)?(?:north\s+korea|dprk|democratic\s+people)|north\s+korea[’']s|[A-Z]\w+\s+(?:NSA|MSS))",
            dest::KP,
            &[(&['.', ';', ','], 100), (&['.', ';'], 60)],
            Some(r"(?i)\bback\s+(?:home|across\s+the\s+border)|\bhome\b|\bacross\s+the\s+border\b"),
        ),
        dest_cn: Dest::new(
            r"(?i)\b(?:to|into|back\s+to|across\s+the\s+border\s+into|over\s+to)\s+(?:the\s+)?(?:china\b|chinese\s+(?:police|authorities|border|officials|side|territory)|(?:lao|laotian|thai|vietnamese|mongolian|russian|cambodian|burmese|myanmar)\s+(?:police|authorities|border|officials|side|territory|immigration|military|army|troops|guards)|police\b|(?:a|the)\s+(?:(?:holding|police|border|immigration|county|city|provincial|local|military|security)\s+){0,2}(?:camp|facility|detention|prison|hospital))",
            dest::CN,
            &[(&['.', ';', ','], 60)],
            None,
        ),
        to_place: crate::rx::lc(r"(?i)\b(?:to|into|back\s+to|over\s+to|across\s+the\s+border\s+into)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$"),
        dest_other: Dest::new(
            r"(?i)\b(?:to|for|into|via)\s+(?:south\s+korea|seoul|the\s+south\b|a\s+third\s+country|third\s+countries|manila|the\s+philippines|japan|the\s+united\s+states|the\s+us\b|america|britain|the\s+united\s+kingdom|the\s+uk\b|london|europe|germany|canada|australia|singapore|safety|freedom)",
            dest::OTHER,
            &[(&['.', ';', ','], 60)],
            None,
        ),
        people_object: crate::rx::lc(r"(?i)^\s*(?:them|her|him|the\s+(?:\w+\s+){0,2}?(?:defectors|refugees|escapees|north\s+koreans|group|family|detainees|women|men|people)|(?:about|around|some|more\s+than|over|at\s+least|nearly)?\s*[\d,]+\s|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundreds|dozens)\b)"),
        object_after: crate::rx::re(r"(?i)^\s*(?:(?:them|her|him|the\s+\w+|all\s+\w+|some|about|around|at\s+least|more\s+than|over|nearly|another|a\s+\w+|an\s+\w+|\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundreds|dozens)\b|(?-i:[A-Z]\w+\s+[A-Z]\w+))\b)"),
    })
}

/// A destination phrase after a sending verb ("... to North Korea"): the
/// phrase must start within reach of the verb, that is before the first
/// stop character and within so many characters (the first reach that
/// allows it); a loose phrase ("home", "across the border") may come
/// anywhere in the window.
///
/// The phrase is not searched for: every phrase begins with one of a few
/// whole words ("to", "into", ... each followed by white space), so the
/// phrase anchored at its start is tried at those words only, in order
/// (the first that matches is the leftmost match), and only while they
/// are within reach (reach only shrinks along the window: a phrase
/// found further on would be out of reach too).
struct Dest {
    /// The plain rule: the reference of [`Dest::find`].
    #[cfg(test)]
    phrase: Regex,
    /// The rule anchored at its start.
    at: Regex,
    /// The [`dest`] flag of the words the phrases begin with (shifted
    /// down by [`dest::SHIFT`]).
    first: u8,
    reach: &'static [(&'static [char], usize)],
    loose: Option<Regex>,
    /// [`Dest::loose`] anchored at the start.
    loose_at: Option<Regex>,
}

impl Dest {
    /// The rule of `pattern` (case-insensitive, beginning with `\b`),
    /// whose phrases begin with the words of flag `first`.
    fn new(
        pattern: &str,
        first: u64,
        reach: &'static [(&'static [char], usize)],
        loose: Option<&str>,
    ) -> Dest {
        let body = pattern
            .strip_prefix(r"(?i)\b")
            .expect("a destination rule is case-insensitive and begins with a word");
        // (the stops that [`Stops`] reads)
        assert!(reach.iter().all(|(stops, _)| {
            stops.contains(&'.')
                && stops.contains(&';')
                && stops.iter().all(|c| matches!(c, '.' | ';' | ','))
        }));
        Dest {
            #[cfg(test)]
            phrase: crate::rx::lc(pattern),
            at: crate::rx::lc(&format!(r"(?i)^(?:\b{body})")),
            first: (first >> dest::SHIFT) as u8,
            reach,
            loose: loose.map(crate::rx::lc),
            loose_at: loose.map(|p| {
                let body = p.strip_prefix("(?i)").expect("case-insensitive");
                crate::rx::lc(&format!("(?i)^(?:{body})"))
            }),
        }
    }

    /// The span from the window's start to the end of the destination, or
    /// of a loose phrase: (start, end) in `w`. `words` are the words of
    /// `w` with [`dest`] flags, at their offsets less `base` (all the
    /// whole words of `w` with flags: a word that `w` cuts at its end
    /// may be left out). `stops` keeps the [`Stops`] of `w` for the
    /// next rule asked on it.
    fn find(
        &self,
        w: &str,
        words: &[(usize, u8)],
        base: usize,
        stops: &mut Option<Stops>,
    ) -> Option<(usize, usize)> {
        const LOOSE: u8 = (dest::LOOSE >> dest::SHIFT) as u8;
        let mut open = true;
        let mut loose_key = false;
        for &(at, flags) in words {
            let at = at - base;
            if open && flags & self.first != 0 {
                let st = *stops.get_or_insert_with(|| Stops::of(w));
                if !self.reach.iter().any(|&(s, n)| st.within(w, at, s, n)) {
                    open = false;
                } else if let Some(m) = self.at.find(&w[at..]) {
                    return Some((0, at + m.end()));
                }
            }
            loose_key |= flags & LOOSE != 0;
        }
        let loose = self.loose.as_ref()?;
        // (a word cut at the end may read "home" in `w` alone)
        let b = w.as_bytes();
        let home_at_end =
            b.ends_with(b"home") && (b.len() == 4 || !WORD_BYTE[usize::from(b[b.len() - 5])]);
        if !loose_key && !home_at_end {
            return None;
        }
        // Every loose phrase begins with a whole word "back", "home" or
        // "across" (or the "home" that `w` cuts at its end): the rule
        // anchored there, in order, finds the leftmost phrase. (Unless a
        // letter that folds to an ASCII one, 'ſ' or 'K', may spell one.)
        if folds_to_ascii(b) {
            return loose.find(w).map(|m| (m.start(), m.end()));
        }
        let loose_at = self.loose_at.as_ref()?;
        let home = home_at_end.then(|| b.len() - 4);
        words
            .iter()
            .filter(|w| w.1 & LOOSE != 0)
            .map(|w| w.0 - base)
            .chain(home)
            .find_map(|at| loose_at.find(&w[at..]).map(|m| (at, at + m.end())))
    }

    /// The rule as first written: the leftmost phrase, then its reach.
    #[cfg(test)]
    fn find_plain(&self, w: &str) -> Option<(usize, usize)> {
        if let Some(m) = self.phrase.find(w) {
            let within = self
                .reach
                .iter()
                .any(|&(stops, n)| within_reach(w, m.start(), stops, n));
            if within {
                return Some((0, m.end()));
            }
        }
        self.loose
            .as_ref()
            .and_then(|l| l.find(w))
            .map(|m| (m.start(), m.end()))
    }
}

/// Whether `b` holds a letter that folds to an ASCII one: 'ſ' (to 's')
/// or the Kelvin sign (to 'k').
fn folds_to_ascii(b: &[u8]) -> bool {
    memchr::memchr2_iter(0xC5, 0xE2, b)
        .any(|i| matches!(b[i..], [0xC5, 0xBF, ..] | [0xE2, 0x84, 0xAA, ..]))
}

/// The first stops of a destination window, read once for all the
/// rules asked on it: its first '.' or ';', and its first '.', ';' or ','
/// (the window's length when there is none).
#[derive(Debug, Clone, Copy)]
struct Stops {
    dot_semi: usize,
    any: usize,
}

impl Stops {
    fn of(w: &str) -> Stops {
        let b = w.as_bytes();
        let dot_semi = memchr::memchr2(b'.', b';', b).unwrap_or(b.len());
        let any = memchr::memchr(b',', &b[..dot_semi]).unwrap_or(dot_semi);
        Stops { dot_semi, any }
    }

    /// [`within_reach`] of a phrase at `at` in `w` (the window these are
    /// the stops of), for `stops` of '.', ';' and maybe ','.
    fn within(&self, w: &str, at: usize, stops: &[char], n: usize) -> bool {
        let stop = if stops.contains(&',') {
            self.any
        } else {
            self.dot_semi
        };
        at <= stop && (at <= n || w[..at].chars().count() <= n)
    }
}

/// Whether a phrase at `at` in `w` starts within reach: not after the
/// first of `stops` among the first `n + 1` characters, nor (with none of
/// them there) after the `n`-th character. That is: no stop before it,
/// and at most `n` characters before it.
#[cfg(test)]
fn within_reach(w: &str, at: usize, stops: &[char], n: usize) -> bool {
    let head = &w[..at];
    !head.contains(stops) && (head.len() <= n || head.chars().count() <= n)
}

/// [`within_reach`] as first written: the limit, then the comparison.
#[cfg(test)]
fn within_reach_plain(w: &str, at: usize, stops: &[char], n: usize) -> bool {
    let limit = w
        .char_indices()
        .take(n + 1)
        .find(|&(_, c)| stops.contains(&c))
        .map(|(i, _)| i)
        .unwrap_or_else(|| w.char_indices().nth(n).map(|(i, _)| i).unwrap_or(w.len()));
    at <= limit
}

/// The habit rule.
const GENERIC_RULE: &str = r"(?i)\b(?:fears?\s+(?:of\s+)?being|feared\s+being|fearing\s+being|from\s+time\s+to\s+time|anyone|everyone|whoever|no\s+one|nobody|any\s+defector|ran\s+the\s+risk|run\s+the\s+risk|risk\s+of\s+being|routinely|usually|often|typically|generally|commonly|regularly|always|normally|habitually|systematically|tend\s+to|tends\s+to|every\s+year|each\s+year|are\s+known\s+to|is\s+known\s+to|can\s+expect|could\s+face|would\s+face|may\s+face|face\s+harsh|risk\s+harsh|sometimes|occasionally|at\s+times|in\s+(?:past|previous|recent)\s+years|in\s+the\s+past(?:\s*,|\s+(?:[a-z]+ed|let|sent|has|have|had)\b))\b";

/// The words one of which every match of the habit rule (`Cues::generic`)
/// holds, but for "one", "defector", "year", "time" that key it only
/// after another word (see [`Reader::generic_may_match`]): a clause
/// without one needs no regex.
const GENERIC_WORDS: &[&str] = &[
    "fear",
    "fears",
    "feared",
    "fearing",
    "anyone",
    "everyone",
    "whoever",
    "nobody",
    "risk",
    "routinely",
    "usually",
    "often",
    "typically",
    "generally",
    "commonly",
    "regularly",
    "always",
    "normally",
    "habitually",
    "systematically",
    "tend",
    "tends",
    "known",
    "expect",
    "face",
    "sometimes",
    "occasionally",
    "times",
    "past",
    "previous",
    "recent",
];

/// The words one of which begins every match of the prevention rule
/// (`Cues::prevention_before`).
const PREVENTION_WORDS: &[&str] = &[
    "keep",
    "keeping",
    "kept",
    "stop",
    "stops",
    "stopping",
    "stopped",
    "prevent",
    "prevents",
    "prevented",
    "preventing",
    "protect",
    "spare",
    "spares",
    "spared",
    "save",
    "avoid",
    "avoided",
    "escape",
    "escaped",
    "refrain",
    "halt",
    "halting",
    "end",
    "ending",
    "against",
    "oppose",
    "opposes",
    "opposed",
    "condemn",
    "condemned",
    "protest",
    "protested",
    "demand",
    "demanded",
    "demanding",
    "asked",
    "ask",
    "asking",
    "pleaded",
    "begged",
];

/// The words one of which begins every match of the appeal rule
/// (`Cues::appeal_before`), but for the words beginning "implor".
const APPEAL_WORDS: &[&str] = &[
    "urge",
    "urges",
    "urged",
    "urging",
    "call",
    "calls",
    "called",
    "calling",
    "appeal",
    "appeals",
    "appealed",
    "appealing",
    "press",
    "presses",
    "pressed",
    "pressing",
    "lean",
    "plead",
    "pleads",
    "pleaded",
    "pleading",
    "beg",
    "begs",
    "begged",
    "begging",
    "want",
    "wants",
    "ask",
    "asks",
    "asked",
    "asking",
    "hope",
    "hopes",
    "request",
    "requests",
    "requested",
    "requesting",
    "should",
    "must",
    "would",
];

/// The auxiliaries of `Cues::aux_before`.
const AUX_HEADS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting", "has",
    "have", "had",
];

/// The single words that may stand between an auxiliary and the verb in
/// `Cues::aux_before`. (Its phrases "reported to have been" and the like
/// end with "been", an auxiliary itself: a text they match, the
/// auxiliary alone matches.)
const AUX_FILLERS: &[&str] = &[
    "not",
    "never",
    "now",
    "then",
    "also",
    "all",
    "already",
    "reportedly",
    "allegedly",
    "since",
    "later",
    "just",
    "recently",
    "forcibly",
    "forcefully",
    "still",
    "finally",
    "eventually",
    "subsequently",
    "quickly",
    "immediately",
    "likely",
    "probably",
    "apparently",
];

/// The words between a relative pronoun and the verb in
/// `Cues::relative_before`.
const RELATIVE_FILLERS: &[&str] = &[
    "had",
    "has",
    "have",
    "were",
    "was",
    "are",
    "is",
    "been",
    "being",
    "later",
    "then",
    "reportedly",
    "allegedly",
    "already",
    "previously",
    "once",
    "twice",
    "earlier",
    "also",
    "recently",
    "just",
];

/// The prepositions of `Cues::relative_before` before "being", "getting",
/// "having been".
const RELATIVE_PREPS: &[&str] = &[
    "after", "before", "while", "without", "for", "of", "from", "upon", "on", "avoid", "escaped",
    "risk",
];

/// The words one of which ends every match of `Cues::planned_before` (it
/// is anchored at the end): the last words of its cues and of the words
/// that may follow them (but for "the \w+" and "[\w-]+ly").
const PLANNED_LAST: &[&str] = &[
    "ordered",
    "orders",
    "order",
    "ordering",
    "the",
    "their",
    "his",
    "its",
    "for",
    "to",
    "of",
    "proposed",
    "propose",
    "proposing",
    "request",
    "requests",
    "requested",
    "face",
    "faces",
    "faced",
    "facing",
    "risks",
    "imminent",
    "threatened",
    "pending",
    "awaiting",
    "will",
    "would",
    "shall",
    "could",
    "may",
    "might",
    "can",
    "possible",
    "impending",
    "planned",
    "be",
    "being",
    "been",
    "have",
    "soon",
    "now",
    "then",
    "also",
    "all",
    "most",
    "very",
    "them",
    "her",
    "him",
    "forced",
    "forcible",
    "immediate",
    "certain",
];

/// The hedge rule.
const HEDGE_RULE: &str = r"(?i)\b(?:likely|reportedly|believed|allegedly|alleged|unconfirmed|apparently|probably|possibly|possible|thought\s+to|said\s+to|reported\s+to|appears?\s+to|appeared\s+to|seems?\s+to|may\s+have|might\s+have|could\s+have|suspected|presumably)\b";

/// The words one of which begins every match of `Cues::hedge`.
const HEDGE_WORDS: &[&str] = &[
    "likely",
    "reportedly",
    "believed",
    "allegedly",
    "alleged",
    "unconfirmed",
    "apparently",
    "probably",
    "possibly",
    "possible",
    "thought",
    "said",
    "reported",
    "appear",
    "appears",
    "appeared",
    "seem",
    "seems",
    "may",
    "might",
    "could",
    "suspected",
    "presumably",
];

/// `Cues::hedge_at` on `b[at..e]`, where `b[at..end]` is a whole word of
/// [`HEDGE_WORDS`] (lowercase): the end of its match, written out by hand.
/// A word that the rule lists alone is the match (a whole word meets the
/// closing `\b`); "said", "thought", "reported", "appear(s|ed)",
/// "seem(s)" need white space and a whole "to" after them, "may",
/// "might", "could" a whole "have" (inside `b[..e]`: the rule reads no
/// further).
fn hedge_end(b: &[u8], at: usize, end: usize, e: usize) -> Option<usize> {
    let second: &[u8] = match &b[at..end] {
        b"thought" | b"said" | b"reported" | b"appear" | b"appears" | b"appeared" | b"seem"
        | b"seems" => b"to",
        b"may" | b"might" | b"could" => b"have",
        _ => return Some(end),
    };
    let b = &b[..e];
    let j = spaces_end(b, end);
    if j == end {
        return None;
    }
    word_edge(b, j, second)
}

/// The words one of which every match of `Cues::refusal` holds ("turn
/// ... away" its "away", "would not", "did not" their "not", "can't" its
/// "can", "won't" its "won").
const REFUSAL_WORDS: &[&str] = &[
    "refused",
    "refuses",
    "refusing",
    "refuse",
    "reject",
    "rejected",
    "rejects",
    "rejecting",
    "declined",
    "declines",
    "declining",
    "away",
    "won",
    "not",
    "cannot",
    "can",
    "delayed",
    "suspended",
    "halted",
    "postponed",
    "cancelled",
    "canceled",
    "scrapped",
    "shelved",
    "stopped",
    "off",
    "hold",
    "blocked",
    "halts",
    "suspends",
    "blocks",
    "postpones",
    "delay",
    "postponement",
];

/// The words of `Cues::condition_before`.
const CONDITION_WORDS: &[&str] = &["if", "unless", "whether", "once", "should", "lest"];

/// The words one of which every match of `Cues::negation_before` holds,
/// but for "cannot" (in any word): "no", "none", "not", "never",
/// "nobody", and "n" of a "n't" standing alone.
const NEGATION_WORDS: &[&str] = &["no", "none", "not", "never", "nobody", "n"];

/// The words one of which every match of the clause-mark rule
/// ([`clause_marks_into`]) holds, but for those of ';', ':', the curly
/// quotes and ", and" (which holds a comma and "and").
const MARK_WORDS: &[&str] = &[
    "but", "while", "whereas", "then", "so", "saying", "adding", "after",
];

/// Whether `c` is white space as the rules' `\s` reads it (Unicode
/// `White_Space`, as `char::is_whitespace`).
fn is_space_char(c: char) -> bool {
    c.is_whitespace()
}

/// Whether `s` is all white space (`\s*`).
fn all_space(s: &[u8]) -> bool {
    if s.is_ascii() {
        s.iter()
            .all(|c| matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '))
    } else {
        std::str::from_utf8(s).is_ok_and(|s| s.chars().all(is_space_char))
    }
}

/// Whether offset `i` of `b` is not inside a word (not between two word
/// bytes): a text cut there has the words of the whole text.
fn at_edge(b: &[u8], i: usize) -> bool {
    i == 0 || i >= b.len() || !WORD_BYTE[usize::from(b[i - 1])] || !WORD_BYTE[usize::from(b[i])]
}

/// The cue readings of one sentence: its lowercase text and its scan.
/// Offsets are the sentence's. A range of the sentence that cuts no word
/// has for words exactly the sentence's words inside it, so the rules'
/// words are read from the scan; a range that cuts a word is left to the
/// rule itself (the readings then say "may match").
struct Reader<'a> {
    b: &'a [u8],
    sc: &'a Scan,
}

impl<'a> Reader<'a> {
    /// The cued words inside `a..e`.
    fn cued_in(&self, a: usize, e: usize) -> &'a [Cued] {
        let cued = &self.sc.cued[..];
        let i = cued.partition_point(|w| w.start < a);
        let j = cued.partition_point(|w| w.start < e);
        &cued[i..j]
    }

    /// Whether a range cuts no word.
    fn clean(&self, a: usize, e: usize) -> bool {
        at_edge(self.b, a) && at_edge(self.b, e)
    }

    /// Whether `text[a..e]` holds a word of cue `flag`. A word the range
    /// cuts is a word of the range only in part: that part is looked up.
    fn may_hold(&self, a: usize, e: usize, flag: u64) -> bool {
        let b = self.b;
        let (mut a, mut e) = (a, e);
        if !at_edge(b, a) {
            let lx = lexicon();
            let mut j = a;
            while j < e && WORD_BYTE[usize::from(b[j])] {
                j += 1;
            }
            if lx.value_at(b, a, j) & flag != 0 {
                return true;
            }
            a = j;
        }
        if a < e && !at_edge(b, e) {
            let lx = lexicon();
            let mut j = e;
            while j > a && WORD_BYTE[usize::from(b[j - 1])] {
                j -= 1;
            }
            if lx.value_at(b, j, e) & flag != 0 {
                return true;
            }
            e = j;
        }
        self.sc.cue_flags & flag != 0 && self.cued_in(a, e).iter().any(|w| w.flags & flag != 0)
    }

    /// Reads a rule of the form `\b(?:heads)\s+(?:(?:fillers)\s+)*$` on
    /// `spaced_end(text[a..e])` (`None` when `a..e` cuts a word): from the
    /// end back, a word at a time. The last word must be followed by white
    /// space only (or nothing: `spaced_end` puts a space there), every
    /// word before by white space (at least one char). A head ends a token
    /// at a word boundary: it is a word, answering yes. A filler must be a
    /// whole token: a word with white space before it (asked with the word
    /// before). Any other word answers no, and so does the start.
    fn heads_then_fillers(&self, a: usize, e: usize, heads: u64, fillers: u64) -> Option<bool> {
        if !self.clean(a, e) {
            return None;
        }
        let words = self.cued_in(a, e);
        let mut p = e;
        for (k, w) in words.iter().enumerate().rev() {
            let gap = &self.b[w.end..p];
            if !all_space(gap) || (p != e && gap.is_empty()) {
                return Some(false);
            }
            if w.flags & heads != 0 {
                return Some(true);
            }
            if w.flags & fillers == 0 {
                return Some(false);
            }
            // the filler's token starts at the word: white space before it
            let before = &self.b[words.get(k.wrapping_sub(1)).map_or(a, |v| v.end)..w.start];
            if before.is_empty() || !all_space(before) {
                return Some(false);
            }
            p = w.start;
        }
        Some(false)
    }

    /// [`Reader::heads_then_fillers`] of two rules (heads, fillers) on one
    /// range, in one walk back: the white space a rule asks for between
    /// the words is the same for both, so each rule reads the words until
    /// it answers, as it would alone.
    fn heads_then_fillers_both(
        &self,
        a: usize,
        e: usize,
        one: (u64, u64),
        two: (u64, u64),
    ) -> Option<(bool, bool)> {
        if !self.clean(a, e) {
            return None;
        }
        let words = self.cued_in(a, e);
        let mut p = e;
        let mut answers: [Option<bool>; 2] = [None, None];
        for (k, w) in words.iter().enumerate().rev() {
            let gap = &self.b[w.end..p];
            if !all_space(gap) || (p != e && gap.is_empty()) {
                break;
            }
            for (answer, (heads, fillers)) in answers.iter_mut().zip([one, two]) {
                if answer.is_none() {
                    if w.flags & heads != 0 {
                        *answer = Some(true);
                    } else if w.flags & fillers == 0 {
                        *answer = Some(false);
                    }
                }
            }
            if answers.iter().all(Option::is_some) {
                break;
            }
            let before = &self.b[words.get(k.wrapping_sub(1)).map_or(a, |v| v.end)..w.start];
            if before.is_empty() || !all_space(before) {
                break;
            }
            p = w.start;
        }
        let [one, two] = answers.map(|x| x.unwrap_or(false));
        Some((one, two))
    }

    /// The last cued word of `a..e`, when only white space follows it
    /// (the word before `e`, when it is cued), and its index.
    fn last_word(&self, a: usize, e: usize) -> Option<(usize, Cued)> {
        let words = self.cued_in(a, e);
        let w = *words.last()?;
        all_space(&self.b[w.end..e]).then_some((words.len() - 1, w))
    }

    /// `Cues::aux_before` on `spaced_end(text[a..e])`: an auxiliary, then
    /// only adverbs ("were later", "has been"). (The rule's phrases
    /// "reported to have been" and the like end with "been", an auxiliary
    /// itself: a text they match, the auxiliary alone matches.)
    fn aux_before(&self, a: usize, e: usize) -> Option<bool> {
        self.heads_then_fillers(a, e, cue::AUX_HEAD, cue::AUX_FILL)
    }

    /// `Cues::relative_before` on `spaced_end(text[a..e])`: a relative
    /// pronoun then only [`RELATIVE_FILLERS`] ("who were later"), or a
    /// preposition then "being", "getting" or "having been" ("after
    /// being").
    fn relative_before(&self, a: usize, e: usize) -> Option<bool> {
        if self.heads_then_fillers(a, e, cue::REL_HEAD, cue::REL_FILL)? {
            return Some(true);
        }
        Some(self.relative_gerund(a, e))
    }

    /// [`Reader::aux_before`] and [`Reader::relative_before`] of one range,
    /// read together: their head-and-fillers readings in one walk back
    /// ([`Reader::heads_then_fillers_both`]).
    fn aux_and_relative_before(&self, a: usize, e: usize) -> Option<(bool, bool)> {
        let (aux, rel) = self.heads_then_fillers_both(
            a,
            e,
            (cue::AUX_HEAD, cue::AUX_FILL),
            (cue::REL_HEAD, cue::REL_FILL),
        )?;
        Some((aux, rel || self.relative_gerund(a, e)))
    }

    /// The second branch of [`Reader::relative_before`] on a range that
    /// cuts no word: a preposition then "being", "getting" or "having
    /// been".
    fn relative_gerund(&self, a: usize, e: usize) -> bool {
        let words = self.cued_in(a, e);
        // the word before `e` and the words before it, each a whole token
        // with white space before it
        let Some((k, last)) = self.last_word(a, e) else {
            return false;
        };
        let prev = |k: usize| -> Option<Cued> {
            let w = *words.get(k.checked_sub(1)?)?;
            let gap = &self.b[w.end..words[k].start];
            (!gap.is_empty() && all_space(gap)).then_some(w)
        };
        let prep_at = if last.flags & cue::REL_GERUND != 0 {
            k
        } else if last.flags & cue::BEEN != 0 {
            match prev(k) {
                Some(h) if h.flags & cue::HAVING != 0 => k - 1,
                _ => return false,
            }
        } else {
            return false;
        };
        prev(prep_at).is_some_and(|p| p.flags & cue::REL_PREP != 0)
    }

    /// `Cues::condition_before` (`\b(?:if|...)\b[^,;]*$`) on `text[a..e]`:
    /// its last condition word, with no comma or semicolon after it.
    fn condition_before(&self, a: usize, e: usize) -> Option<bool> {
        if !self.clean(a, e) {
            return None;
        }
        let last = self
            .cued_in(a, e)
            .iter()
            .rev()
            .find(|w| w.flags & cue::CONDITION != 0);
        Some(last.is_some_and(|w| !self.b[w.end..e].iter().any(|&c| c == b',' || c == b';')))
    }

    /// Whether `Cues::generic` may match `text[a..e]`: every match holds
    /// a [`GENERIC_WORDS`] word, or "one" right after "no", "defector"
    /// after "any", "year" after "every" or "each", "time" after "from".
    #[cfg(test)]
    fn generic_may_match(&self, a: usize, e: usize) -> bool {
        if !self.clean(a, e) {
            return true;
        }
        let words = self.cued_in(a, e);
        words
            .iter()
            .enumerate()
            .any(|(k, w)| is_generic_key(words, k, w))
    }

    /// The offsets in `a..e` (a range that cuts no word) at which a match
    /// of `Cues::generic` may begin, into `out`: every match begins with
    /// its key word (see [`Reader::generic_may_match`]) or one or two
    /// words before it ("no one", "are known to", "ran the risk"), the
    /// words of a match being apart by white space only. So the rule
    /// matches `text[a..e]` if and only if it matches, anchored, at one of
    /// these (a word start, where `\b` holds as at the start of a text).
    fn generic_starts(&self, a: usize, e: usize, out: &mut Vec<usize>) {
        out.clear();
        let words = self.cued_in(a, e);
        for (k, w) in words.iter().enumerate() {
            if !is_generic_key(words, k, w) {
                continue;
            }
            let mut p = w.start;
            out.push(p);
            for _ in 0..2 {
                // the start of the word before
                let mut i = p;
                while i > a && !WORD_BYTE[usize::from(self.b[i - 1])] {
                    i -= 1;
                }
                if i == a {
                    break;
                }
                while i > a && WORD_BYTE[usize::from(self.b[i - 1])] {
                    i -= 1;
                }
                p = i;
                out.push(p);
            }
        }
    }
}

/// Whether the `k`-th of the cued `words`, `w`, keys the habit rule: a
/// [`GENERIC_WORDS`] word, or "one" right after "no", "defector" after
/// "any", "year" after "every" or "each", "time" after "from".
fn is_generic_key(words: &[Cued], k: usize, w: &Cued) -> bool {
    if w.flags & cue::GENERIC != 0 {
        return true;
    }
    let after = w.flags & cue::AFTERS;
    after != 0 && k > 0 && words[k - 1].nth + 1 == w.nth && words[k - 1].flags & (after << 1) != 0
}

/// Whether an arrest whose trigger starts at `ts` is told in a ", where"
/// clause right after a return the sentence told before it (`found`):
/// "were sent back to Hyesan, where the bowibu detained them".
/// (`text`: the lowercase twin.)
fn custody_where_returned(text: &str, found: &[EventMention], ts: usize) -> bool {
    found.iter().any(|e| {
        e.kind == EventType::Repatriation
            && e.status == Status::Occurred
            && !e.subordinate
            && e.end <= ts
            && text[e.end..ts].contains(", where ")
    })
}

/// The end of a family or relatives the people are sent to, right after a
/// sending verb ("... over to ethnic Korean families", "... them into the
/// care of an uncle"), in `after` (the lowercase text after the verb).
fn to_family(after: &str) -> Option<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        crate::rx::re(
            r"^(?:\s+(?:them|him|her|the\s+\w+|\w+))?\s+(?:over\s+)?(?:to|into\s+the\s+care\s+of)\s+(?:(?:his|her|their|the|an?|ethnic|korean|chinese|local|other)\s+){0,3}(?:famil(?:y|ies)|relatives?|uncles?|aunts?|parents|grandmother|grandfather|grandparents|guardians?)\b",
        )
    });
    re.find(after).map(|m| m.end())
}

/// Where the habit words of an act's clause `..ce` end: at an apposition
/// or relative clause set off by a comma after the act's trigger (ending
/// at `te`): ", a move that typically ...", ", which usually ...", or at
/// the speech tag (", said an aid worker who asked not to be named for
/// fear of ...").
/// (`text`: the lowercase twin.)
///
/// (The marks all begin with ", ": the first comma that one of them
/// begins at is the first of their first matches, read in one pass
/// rather than a search of the whole clause for each.)
fn habit_end(text: &str, te: usize, ce: usize) -> usize {
    let after = &text.as_bytes()[te.min(ce)..ce];
    memchr::memchr_iter(b',', after)
        .find(|&i| {
            let r = &after[i + 1..];
            [
                &b" a "[..],
                b" an ",
                b" which ",
                b" said ",
                b" says ",
                b" according to ",
            ]
            .iter()
            .any(|m| r.starts_with(m))
        })
        .map_or(ce, |i| te + i)
}

/// [`habit_end`] as first written: the reference.
#[cfg(test)]
fn habit_end_plain(text: &str, te: usize, ce: usize) -> usize {
    let after = &text[te.min(ce)..ce];
    [
        ", a ",
        ", an ",
        ", which ",
        ", said ",
        ", says ",
        ", according to ",
    ]
    .iter()
    .filter_map(|m| after.find(m))
    .min()
    .map_or(ce, |i| te + i)
}

/// A plan word that tells a past act under a hedge, not a plan: a modal
/// with the perfect ("may have been picked up", "might have fled") or "to
/// be" after a verb of belief or seeming ("is believed to be serving",
/// "appeared to be held").
/// (`before`: the lowercase twin's text before the trigger.)
fn past_under_hedge(before: &str, at: usize) -> bool {
    let plan = &before[at..];
    if ["may ", "might ", "could "]
        .iter()
        .any(|m| plan.starts_with(m))
        && plan.split_whitespace().nth(1) == Some("have")
    {
        return true;
    }
    (plan.starts_with("to be") || plan.trim() == "to")
        && before[..at]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| {
                matches!(
                    w,
                    "believed"
                        | "thought"
                        | "said"
                        | "reported"
                        | "understood"
                        | "known"
                        | "alleged"
                        | "appeared"
                        | "appears"
                        | "appear"
                        | "seemed"
                        | "seems"
                        | "seem"
                )
            })
}

/// Whether a facility follows a North Korean agency named as a destination
/// ("to the MSS holding facility", "to the Ministry of State Security's
/// detention centre"): a place inside the North, where people are moved,
/// not returned.
fn facility_follows(rest: &str) -> bool {
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest);
    rest.split_whitespace()
        .take(3)
        .map(|w| w.trim_end_matches([',', '.', ';']).to_ascii_lowercase())
        .any(|w| FACILITY_NOUNS.contains(&w.as_str()))
}

/// Whether the word at `at` is the month "May", not the modal: capitalised
/// past the sentence's first word ("caught in early May died").
fn month_may(text: &str, sentence_start: usize, at: usize) -> bool {
    text[at..].starts_with("May")
        && text[sentence_start..at]
            .bytes()
            .any(|b| b.is_ascii_alphanumeric())
}

/// Whether `Cues::planned_before` can match `before`: the rule is
/// anchored at the end (past white space), so the last word of `before`
/// is one of [`PLANNED_LAST`], or ends in "ly", or follows "the".
fn planned_may_match(before: &str) -> bool {
    let u = before.trim_end();
    let b = u.as_bytes();
    let mut i = b.len();
    while i > 0 && WORD_BYTE[usize::from(b[i - 1])] {
        i -= 1;
    }
    let last = &u[i..];
    if last.is_empty() {
        return false;
    }
    if lexicon().value(last.as_bytes()) & cue::PLANNED_LAST != 0 || last.ends_with("ly") {
        return true;
    }
    let head = u[..i].trim_end();
    head.len() < i
        && head.ends_with("the")
        && (head.len() == 3 || !WORD_BYTE[usize::from(head.as_bytes()[head.len() - 4])])
}

/// The first match of `re` in `s`, asked only when `may` (a cheap test
/// that every match passes) allows one.
fn find_if<'s>(may: bool, re: &Regex, s: &'s str) -> Option<regex::Match<'s>> {
    if may {
        re.find(s)
    } else {
        None
    }
}

/// `s` without its trailing whitespace, then one space (what a rule
/// anchored at the end with a space sees); borrowed when `s` already ends so.
fn spaced_end(s: &str) -> std::borrow::Cow<'_, str> {
    let t = s.trim_end();
    if s[t.len()..].starts_with(' ') {
        std::borrow::Cow::Borrowed(&s[..t.len() + 1])
    } else {
        std::borrow::Cow::Owned(format!("{t} "))
    }
}

/// The ASCII bytes of the words [`byte_window_before`] counts: letters,
/// digits, apostrophes, hyphens.
const WINDOW_WORD_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'\'' || b == b'-';
        c += 1;
    }
    t
};

fn byte_window_before(text: &str, at: usize, min: usize, words: usize) -> usize {
    // Start of the window of `words` words before `at`, not before `min`.
    // (Read back eight bytes at a time while they are ASCII, a byte at a
    // time else, a whole char only at a non-ASCII byte.)
    let head = &text[min..at];
    let b = head.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = b.len();
    loop {
        if i >= 8 {
            let x = u64::from_le_bytes(b[i - 8..i].try_into().expect("8 bytes"));
            if x & HIGHS == 0 {
                // bit k: byte i - 8 + k is a word byte; read from bit 7
                // down, a word is entered where the byte after is none
                let m = window_bits(x);
                let enters = m & !((m >> 1) | (u64::from(in_word) << 7));
                let n = enters.count_ones() as usize;
                if count + n > words {
                    // the (words - count + 1)-th entry from the top
                    let mut e = enters;
                    for _ in 0..words - count {
                        e &= !(1 << (63 - e.leading_zeros()));
                    }
                    return min + i - 8 + (63 - e.leading_zeros()) as usize + 1;
                }
                count += n;
                in_word = m & 1 != 0;
                i -= 8;
                continue;
            }
        }
        if i == 0 {
            break;
        }
        let c = b[i - 1];
        let (w, len) = if c < 0x80 {
            (WINDOW_WORD_BYTE[usize::from(c)], 1)
        } else {
            let ch = head[..i]
                .chars()
                .next_back()
                .expect("a char before a boundary");
            (ch.is_alphanumeric() || ch == '’', ch.len_utf8())
        };
        if w && !in_word {
            count += 1;
            if count > words {
                return min + i;
            }
        }
        in_word = w;
        i -= len;
    }
    min
}

/// The [`WINDOW_WORD_BYTE`]s of eight ASCII bytes (little-endian in `x`)
/// as eight bits, byte `i` at bit `i` (as [`word_bits`]).
#[inline]
fn window_bits(x: u64) -> u64 {
    let in_range = |v: u64, lo: u8, hi: u8| {
        (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7f - hi))
    };
    let is = |c: u8| {
        let t = x ^ (ONES * u64::from(c));
        !((t + ONES * 0x7f) | t)
    };
    let letter = in_range(x | (ONES * 0x20), b'a', b'z');
    let digit = in_range(x, b'0', b'9');
    let r = (letter | digit | is(b'\'') | is(b'-')) & HIGHS;
    (r >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// [`byte_window_before`] as first written, a char at a time.
#[cfg(test)]
fn byte_window_before_plain(text: &str, at: usize, min: usize, words: usize) -> usize {
    let head = &text[min..at];
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in head.char_indices().rev() {
        let w = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        if w && !in_word {
            count += 1;
            if count > words {
                return min + i + c.len_utf8();
            }
        }
        in_word = w;
    }
    min
}

/// Clause boundaries inside a sentence: the trigger's clause runs between
/// the nearest boundaries around it.
/// The clause boundaries of a sentence, found once: (start, end of the
/// boundary, where the next clause starts), given the sentence flags
/// ([`Scan::sent_flags`]) and a buffer for [`mark_spans`].
fn clause_marks_into(
    text: &str,
    s: &Sentence,
    flags: u64,
    cand: &mut Vec<u64>,
    out: &mut Vec<(usize, usize, usize)>,
) {
    let stext = &text[s.start..s.end];
    out.clear();
    mark_spans(stext.as_bytes(), flags, cand, |ms, me| {
        out.push(mark_entry(stext, s.start, ms, me));
    });
}

/// A clause mark at `ms..me` of the sentence `stext` (starting at `base`
/// in the text) as [`clause_marks_into`] lists it.
fn mark_entry(stext: &str, base: usize, ms: usize, me: usize) -> (usize, usize, usize) {
    let m = &stext[ms..me];
    // ", and five others were caught": the next clause starts at its count
    let next =
        if m.ends_with(|c: char| c.is_alphanumeric() || c.is_whitespace()) && m.contains(" and ") {
            ms + m.find(" and ").map(|i| i + 5).unwrap_or(m.len())
        } else {
            me
        };
    (base + ms, base + me, next + base)
}

/// [`clause_marks_into`] with the rule itself: the reference.
#[cfg(test)]
fn clause_marks_plain(stext: &str) -> Vec<(usize, usize)> {
    clause_marks()
        .find_iter(stext)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// The length of the white space character (`\s`, Unicode `White_Space`)
/// at `b[i..]`, or 0.
#[inline]
fn space_len(b: &[u8], i: usize) -> usize {
    match b.get(i..).unwrap_or(&[]) {
        [0x09..=0x0d | b' ', ..] => 1,
        [0xc2, 0x85 | 0xa0, ..] => 2,
        [0xe1, 0x9a, 0x80, ..]
        | [0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf, ..]
        | [0xe2, 0x81, 0x9f, ..]
        | [0xe3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// The end of the run of white space (`\s*`) at `i`.
#[inline]
fn spaces_end(b: &[u8], mut i: usize) -> usize {
    loop {
        let n = space_len(b, i);
        if n == 0 {
            return i;
        }
        i += n;
    }
}

/// The start of the run of white space that ends at `i`, not before `from`.
fn spaces_start(b: &[u8], from: usize, mut i: usize) -> usize {
    while i > from {
        let n = if matches!(b[i - 1], 0x09..=0x0d | b' ') {
            1
        } else if i >= from + 2 && space_len(b, i - 2) == 2 {
            2
        } else if i >= from + 3 && space_len(b, i - 3) == 3 {
            3
        } else {
            0
        };
        if n == 0 {
            break;
        }
        i -= n;
    }
    i
}

/// The end of `w` and one white space character at `i`, if there.
#[inline]
fn word_space(b: &[u8], i: usize, w: &[u8]) -> Option<usize> {
    if !b[i..].starts_with(w) {
        return None;
    }
    let n = space_len(b, i + w.len());
    (n > 0).then_some(i + w.len() + n)
}

/// The end of `w` and a run of white space (`w\s+`) at `i`, if there.
#[inline]
fn word_spaces(b: &[u8], i: usize, w: &[u8]) -> Option<usize> {
    if !b[i..].starts_with(w) {
        return None;
    }
    let e = spaces_end(b, i + w.len());
    (e > i + w.len()).then_some(e)
}

/// The end of `w` at `i` followed by a word boundary (`w\b`, ASCII).
#[inline]
fn word_edge(b: &[u8], i: usize, w: &[u8]) -> Option<usize> {
    let e = i + w.len();
    (b[i..].starts_with(w) && (e >= b.len() || !WORD_BYTE[usize::from(b[e])])).then_some(e)
}

/// The words after ", and" of the clause-mark rule's branch that ends
/// with a word boundary, in its order.
const MARK_AND_WORDS: &[&str] = &[
    "the",
    "they",
    "she",
    "he",
    "it",
    "police",
    "officials",
    "authorities",
    "china",
    "north",
    "pyongyang",
    "beijing",
];

/// The counts after ", and" of the clause-mark rule's branch that ends
/// with white space (and digits).
const MARK_COUNTS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "another", "some", "most", "several", "both",
];

/// The end of the clause-mark rule's match beginning with the comma at
/// `p`, if any: its branches that begin with `,\s+`, in their order.
fn comma_mark(b: &[u8], p: usize) -> Option<usize> {
    let j = spaces_end(b, p + 1);
    // (every branch's first word begins with one of these)
    if j == p + 1 || !matches!(b.get(j), Some(b'b' | b'w' | b't' | b's' | b'a')) {
        return None;
    }
    // Each branch's words are small letters, each followed by white space
    // or (the last) a word boundary: a word of the branch is there when
    // the run of small letters there is that word, and what follows it
    // fits. So the run is read once and looked up.
    let run = |i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    let r = run(j);
    match &b[j..r] {
        // (the branches that begin with a word that no other begins with)
        b"but" | b"while" | b"whereas" | b"then" | b"so" | b"saying" | b"adding" => {
            let n = space_len(b, r);
            (n > 0).then_some(r + n)
        }
        b"after" => {
            let k = spaces_end(b, r);
            (k > r).then(|| word_space(b, k, b"which")).flatten()
        }
        b"and" => {
            let k = spaces_end(b, r);
            if k == r {
                return None;
            }
            // ", and then", ", and the", ", and five": in the rule's order
            let r = run(k);
            let edge = r >= b.len() || !WORD_BYTE[usize::from(b[r])];
            match &b[k..r] {
                b"then" => {
                    let n = space_len(b, r);
                    (n > 0).then_some(r + n)
                }
                b"north" => {
                    let n = spaces_end(b, r);
                    (n > r).then(|| word_edge(b, n, b"korea")).flatten()
                }
                w if MARK_AND_WORDS.iter().any(|m| m.as_bytes() == w) => edge.then_some(r),
                w if MARK_COUNTS.iter().any(|m| m.as_bytes() == w) => {
                    let n = space_len(b, r);
                    (n > 0).then_some(r + n)
                }
                _ => {
                    let d = b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
                    if d > 0 {
                        let n = space_len(b, k + d);
                        return (n > 0).then_some(k + d + n);
                    }
                    None
                }
            }
        }
        _ => None,
    }
}

/// Every match of the clause-mark rule ([`clause_marks`]) in the
/// lowercase sentence `b` of sentence flags `flags` ([`Scan::sent_flags`]),
/// as `find_iter` finds them: written out by hand. A match begins at ';',
/// ':', ',', a curly quote or white space before the whole word "but" or
/// "and" (the branches `\s+but\s` and `\s+and\s+then\s`, which begin at the
/// first white space before the word not inside an earlier match, and
/// need a word of [`cue::MARK`], "but" or "then"). These places are
/// marked as bits in `cand` (found with `memchr`), then read in order,
/// each tried with the branches that can begin there, in the rule's order
/// (no other branch can match there). Every `\s+` of the rule is followed
/// by a letter or a digit, so it takes the whole run of white space.
fn mark_spans(b: &[u8], flags: u64, cand: &mut Vec<u64>, mut emit: impl FnMut(usize, usize)) {
    static WORDS: OnceLock<[memchr::memmem::Finder<'static>; 2]> = OnceLock::new();
    mark_bytes(b, cand);
    let mut set = |i: usize| cand[i / 64] |= 1 << (i % 64);
    if flags & cue::MARK != 0 {
        let [but, and] = WORDS.get_or_init(|| {
            [
                memchr::memmem::Finder::new("but"),
                memchr::memmem::Finder::new("and"),
            ]
        });
        but.find_iter(b).for_each(&mut set);
        if flags & cue::AND != 0 {
            and.find_iter(b).for_each(&mut set);
        }
    }
    let mut from = 0;
    for (w, &bits) in cand.iter().enumerate() {
        let mut bits = bits;
        while bits != 0 {
            let p = w * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if p < from {
                continue;
            }
            let end = match b[p] {
                b';' => Some(p + 1),
                b':' => {
                    let n = space_len(b, p + 1);
                    (n > 0).then_some(p + 1 + n)
                }
                b',' => comma_mark(b, p),
                0xe2 => {
                    matches!(b[p..], [0xe2, 0x80, 0x9c | 0x9d, ..]).then(|| spaces_end(b, p + 3))
                }
                _ => {
                    // "but" or "and"
                    let q = spaces_start(b, from, p);
                    let e = if q == p {
                        None
                    } else if b[p] == b'b' {
                        word_space(b, p, b"but")
                    } else {
                        word_spaces(b, p, b"and").and_then(|k| word_space(b, k, b"then"))
                    };
                    if let Some(e) = e {
                        emit(q, e);
                        from = e;
                    }
                    continue;
                }
            };
            if let Some(e) = end {
                emit(p, e);
                from = e;
            }
        }
    }
}

/// The clause-mark rule.
/// The bytes of `b` that may begin a clause mark, ';', ':', ',' and the
/// first byte of a curly quote (0xe2), as bits in `cand` (byte `i` at bit
/// `i % 64` of `cand[i / 64]`; a mask more than the bytes need): sixteen
/// bytes at a time with SSE2 on x86-64, in one pass.
fn mark_bytes(b: &[u8], cand: &mut Vec<u64>) {
    cand.clear();
    cand.resize(b.len() / 64 + 1, 0);
    #[cfg(target_arch = "x86_64")]
    {
        let mut chunks = b.chunks_exact(16);
        for (k, c) in (&mut chunks).enumerate() {
            let bits = mark_bits16(c.try_into().expect("16 bytes"));
            cand[k / 4] |= u64::from(bits) << (16 * (k % 4));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let k = b.len() / 16;
            let mut w = [0u8; 16];
            w[..rest.len()].copy_from_slice(rest);
            cand[k / 4] |= u64::from(mark_bits16(&w)) << (16 * (k % 4));
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    mark_bytes_plain(b, cand);
}

/// [`mark_bytes`] with `memchr`: where there is no SSE2, and the
/// reference.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn mark_bytes_plain(b: &[u8], cand: &mut Vec<u64>) {
    cand.clear();
    cand.resize(b.len() / 64 + 1, 0);
    let mut set = |i: usize| cand[i / 64] |= 1 << (i % 64);
    memchr::memchr3_iter(b';', b':', b',', b).for_each(&mut set);
    memchr::memchr_iter(0xe2, b).for_each(&mut set);
}

/// The bytes of sixteen that are ';', ':', ',' or 0xe2, as sixteen bits,
/// byte `i` at bit `i`.
#[cfg(target_arch = "x86_64")]
#[inline]
fn mark_bits16(c: &[u8; 16]) -> u32 {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is always there on x86-64, and the sixteen bytes read
    // are those of `c`
    unsafe {
        let v = _mm_loadu_si128(c.as_ptr().cast());
        let is = |x: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(x as i8));
        let m = _mm_or_si128(
            _mm_or_si128(is(b';'), is(b':')),
            _mm_or_si128(is(b','), is(0xe2)),
        );
        _mm_movemask_epi8(m) as u32
    }
}

#[cfg(test)]
fn clause_marks() -> &'static Regex {
    static B: OnceLock<Regex> = OnceLock::new();
    B.get_or_init(|| {
        crate::rx::lc(r"(?i)(?:;|:\s|,\s+but\s|\s+but\s|,\s+while\s|,\s+whereas\s|,\s+and\s+then\s|\s+and\s+then\s|,\s+then\s|,\s+so\s|,\s+saying\s|,\s+adding\s|,\s+and\s+(?:the|they|she|he|it|police|officials|authorities|china|north\s+korea|pyongyang|beijing)\b|,\s+after\s+which\s|,\s+and\s+(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|another|some|most|several|both)\s|[“”]\s*)")
    })
}

/// Whether the clause-mark rule may match a sentence of `flags`
/// (`Scan::sent_flags`): each of its matches holds ';' or ':', a curly
/// quote, or a whole word of [`MARK_WORDS`], or a comma and the whole
/// word "and" (each of those words between white space or commas, which
/// end a word whatever white space they are). The only letter of those
/// words that another letter folds to is the 's' ('ſ', "ſo"): a sentence
/// with one is asked the rule.
fn marks_may_match(stext: &str, flags: u64) -> bool {
    let b = stext.as_bytes();
    flags & cue::MARK != 0
        || memchr::memchr2_iter(0xE2, 0xC5, b)
            .any(|i| matches!(b[i..], [0xE2, 0x80, 0x9C | 0x9D, ..] | [0xC5, 0xBF, ..]))
        || memchr::memchr2(b';', b':', b).is_some()
        || flags & cue::AND != 0 && memchr::memchr(b',', stext.as_bytes()).is_some()
}

/// Clause boundaries inside a sentence: the clause of words at
/// `start..end` runs between the nearest boundaries around them.
fn clause_bounds(
    marks: &[(usize, usize, usize)],
    s: &Sentence,
    start: usize,
    end: usize,
) -> (usize, usize) {
    let mut cs = s.start;
    let mut ce = s.end;
    for &(ms, me, next) in marks {
        if me <= start {
            cs = cs.max(next);
        } else if ms >= end {
            ce = ce.min(ms);
            break;
        }
    }
    (cs, ce)
}

/// Nouns for people: a past form right after one is a participle
/// ("defectors detained at a prison").
const PEOPLE_HEADS: &[&str] = &[
    "koreans",
    "defectors",
    "people",
    "refugees",
    "escapees",
    "women",
    "men",
    "those",
    "others",
    "detainees",
    "seekers",
    "persons",
    "children",
    "migrants",
    "nationals",
    "returnees",
    "woman",
    "man",
    "girl",
    "boy",
    "family",
    "group",
    "workers",
    "crossers",
    "some",
    "many",
    "most",
    "friends",
    "relatives",
    "citizens",
];

/// Nouns for agents: a past form right after one is an active verb.
const ACTOR_HEADS: &[&str] = &[
    "police",
    "guards",
    "authorities",
    "officials",
    "officers",
    "agents",
    "china",
    "beijing",
    "pyongyang",
    "vietnam",
    "laos",
    "thailand",
    "russia",
    "government",
    "military",
    "patrol",
    "security",
    "forces",
    "soldiers",
    "they",
    "he",
    "she",
    "it",
    "we",
    "side",
    "ministry",
    "bureau",
    "army",
    "troops",
    "policemen",
    "policeman",
    "guard",
    "officer",
    "agent",
    "soldier",
    "interrogators",
    "investigators",
    "jailers",
    "wardens",
    "prosecutors",
    "court",
    "agency",
    "department",
];

/// Adverbs between a subject and its verb.
const ADVERBS: &[&str] = &[
    "later",
    "then",
    "also",
    "nonetheless",
    "subsequently",
    "eventually",
    "reportedly",
    "allegedly",
    "finally",
    "already",
    "again",
    "still",
    "now",
    "soon",
    "quickly",
    "immediately",
    "once",
    "twice",
    "likewise",
    "however",
    "even",
    "just",
    "recently",
    "swiftly",
    "secretly",
    "quietly",
    "forcibly",
];

/// State names acting as subjects ("China later let the family go").
const STATE_NAMES_LC: &[&str] = &[
    "china",
    "beijing",
    "vietnam",
    "laos",
    "thailand",
    "russia",
    "mongolia",
    "cambodia",
    "myanmar",
    "pyongyang",
    "korea",
];

/// The last word of `s` (letters, digits, apostrophes, hyphens), read
/// byte-wise while the text is ASCII (else as [`last_word_plain`]).
fn last_word(s: &str) -> &str {
    let b = s.as_bytes();
    let mut e = b.len();
    while e > 0 && b[e - 1] < 0x80 && !b[e - 1].is_ascii_alphanumeric() {
        e -= 1;
    }
    let mut start = e;
    while start > 0 {
        let c = b[start - 1];
        if c >= 0x80 {
            return last_word_plain(s);
        }
        if !(c.is_ascii_alphanumeric() || c == b'\'' || c == b'-') {
            break;
        }
        start -= 1;
    }
    &s[start..e]
}

/// [`last_word`] of `text[from..to]`, given `known`, that of
/// `text[known_from..to]`: the same word when it starts after both
/// `known_from` and `from` (the reading back from `to` stopped at the
/// same char before it, inside both texts), else read again.
fn last_word_again<'t>(
    text: &'t str,
    known: &'t str,
    known_from: usize,
    from: usize,
    to: usize,
) -> &'t str {
    let at = known.as_ptr() as usize - text.as_ptr() as usize;
    if !known.is_empty() && at > known_from.max(from) {
        known
    } else {
        last_word(&text[from..to])
    }
}

/// [`last_word`] char by char.
fn last_word_plain(s: &str) -> &str {
    let t = s.trim_end_matches(|c: char| !c.is_alphanumeric());
    let start = t
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &t[start..]
}

/// The first word of `w` (`split_whitespace().next()`, or ""), read
/// byte-wise while the text is ASCII.
fn first_word(w: &str) -> &str {
    let b = w.as_bytes();
    let space = |c: u8| matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
    let mut i = 0;
    while i < b.len() && space(b[i]) {
        i += 1;
    }
    let start = i;
    while i < b.len() && !space(b[i]) {
        if b[i] >= 0x80 {
            return w.split_whitespace().next().unwrap_or("");
        }
        i += 1;
    }
    &w[start..i]
}

/// `before` (lowercase, the sentence up to a trigger) ends in a "where"
/// clause with a modal: what would follow a plan ("could be sent to China,
/// where they would almost certainly be returned"), not an act of its own.
fn consequence_where(before: &str) -> bool {
    let Some(at) = before.rfind(", where ") else {
        return false;
    };
    let mut words = before[at + 8..].split_whitespace();
    words.clone().count() <= 6
        && words.any(|w| matches!(w, "would" | "could" | "might" | "may" | "will" | "can"))
}

/// Whether the verb of the words `w` (ASCII-lowercase: trigger words of
/// the lowercase twin) is a past participle form.
/// (`first` is the first word of `w`, [`first_word`], read once for the
/// rules.)
fn participle_first(first: &str, w: &str) -> bool {
    let first = if first == "forcibly" || first == "forcefully" {
        w.split_whitespace().nth(1).unwrap_or("")
    } else {
        first
    };
    // ("remained", "languished": intransitive, never a passive participle)
    first.ends_with("ed") && !matches!(first, "remained" | "languished")
        || matches!(
            first,
            "caught"
                | "held"
                | "sent"
                | "taken"
                | "kept"
                | "flown"
                | "brought"
                | "beaten"
                | "let"
                | "freed"
                | "seized"
                | "put"
                | "shot"
                | "sold"
                | "found"
                | "picked"
                | "rounded"
                | "locked"
        )
}

/// Whether `first`, the first word ([`first_word`]) of trigger words
/// (ASCII-lowercase), is a base or present form.
fn base_or_present_first(first: &str) -> bool {
    !participle_first(first, first) && !first.ends_with("ing") && first != "took" && first != "flew"
}

/// Every event word in `text`, in order.
pub fn find(text: &str, sentences: &[Sentence], places: &[PlaceMention]) -> Vec<EventMention> {
    find_in(text, &crate::rx::lower(text), sentences, places)
}

/// [`find`], given the text's lowercase twin (`rx::lower`) already made.
pub fn find_in(
    text: &str,
    lower: &str,
    sentences: &[Sentence],
    places: &[PlaceMention],
) -> Vec<EventMention> {
    // (the lists of the scan and of a sentence, kept from one report to
    // the next)
    thread_local! {
        static KEPT: std::cell::RefCell<Buffers> = Default::default();
    }
    KEPT.with(|kept| {
        // (about as many events as sentences: one allocation)
        let mut out = Vec::with_capacity(sentences.len());
        let bufs = &mut *kept.borrow_mut();
        let places = Places::of(places);
        for (si, s) in sentences.iter().enumerate() {
            find_in_sentence(text, lower, si, s, &places, bufs, &mut out);
        }
        out
    })
}

/// The place mentions of a text, and whether they come in the order of
/// their starts.
struct Places<'p> {
    all: &'p [PlaceMention],
    sorted: bool,
}

impl<'p> Places<'p> {
    fn of(all: &'p [PlaceMention]) -> Places<'p> {
        let sorted = all.windows(2).all(|w| w[0].start <= w[1].start);
        Places { all, sorted }
    }

    /// The places, in order, but (when they come in the order of their
    /// starts) none that starts before `lo` or after `hi`: each rule that
    /// reads them asks for a start in `lo..=hi` anyway.
    fn starting_within(&self, lo: usize, hi: usize) -> &'p [PlaceMention] {
        if !self.sorted {
            return self.all;
        }
        let a = self.all.partition_point(|p| p.start < lo);
        let b = self.all.partition_point(|p| p.start <= hi).max(a);
        &self.all[a..b]
    }
}

/// The lists [`find_in_sentence`] fills for one sentence, kept from one
/// sentence to the next.
#[derive(Default)]
struct Buffers {
    /// The words of the sentence.
    scan: Scan,
    /// The matches of one trigger.
    matches: Vec<(usize, usize)>,
    /// The spans of the events found.
    taken: Vec<(usize, usize)>,
    found: Vec<EventMention>,
    /// The sentence's clause boundaries, when read.
    marks: Vec<(usize, usize, usize)>,
    /// (the buffer of [`mark_spans`])
    mark_bits: Vec<u64>,
    /// Per clause, whether its habit words hold.
    clause_generic: Vec<((usize, usize), bool)>,
    /// Where the habit rule may match in a clause.
    starts: Vec<usize>,
}

fn back_boundary(text: &str, i: usize, n: usize) -> usize {
    let mut b = i.saturating_sub(n);
    while !text.is_char_boundary(b) {
        b += 1;
    }
    b
}

fn fwd_boundary(text: &str, i: usize, n: usize) -> usize {
    let mut b = (i + n).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// `s` (lower case) holds a passive verb ("were refused", "was stopped")
/// and then ends with "and", with no relative pronoun or comma in between.
fn passive_then_and(s: &str) -> bool {
    let t = s.trim_end();
    let Some(rest) = t.strip_suffix(" and") else {
        return false;
    };
    let mut after_aux = false;
    let mut found = false;
    for w in rest.split(' ').filter(|w| !w.is_empty()) {
        if after_aux && w.len() > 3 && (w.ends_with("ed") || w.ends_with("en")) {
            found = true;
            after_aux = false;
            continue;
        }
        after_aux = matches!(w, "were" | "was" | "are" | "is" | "been" | "be");
        if found
            && (w.ends_with(',')
                || matches!(
                    w,
                    "who" | "which" | "that" | "after" | "before" | "when" | "as"
                ))
        {
            found = false;
        }
    }
    found
}

fn ends_with_and(gap: &str) -> bool {
    let g = gap.trim_end();
    let g = g
        .strip_suffix("then")
        .or_else(|| g.strip_suffix("later"))
        .unwrap_or(g)
        .trim_end();
    g.ends_with(" and") || g.ends_with(",")
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// `orig` is the report's text, `text` its lowercase twin (same offsets):
/// the rules run on `text`, the few that look at capitals on `orig`.
/// A verb of conveying ("taken", "driven", "trucked", "drove") tells a
/// transfer only with people moved to somewhere: passive ("were taken to a
/// holding facility", "arrested and driven to Tumen") or with its people as
/// the object ("drove 40 detainees from Shenyang to Dandong"), and a "to"
/// followed by a place or a noun phrase ("steps taken to prevent" is no
/// move; "taken back", "taken into custody", "taken to court" are other acts).
/// The nouns of a place people are held in, as a conveying verb's
/// destination ("driven back to the detention centre").
const FACILITY_NOUNS: &[&str] = &[
    "detention",
    "centre",
    "center",
    "camp",
    "prison",
    "jail",
    "facility",
    "lockup",
    "cell",
    "cells",
    "station",
    "compound",
];

fn conveyed_to(orig: &str, te: usize, after: &str, before: &str, verb: &str, aux: bool) -> bool {
    let c = cues();
    let active = matches!(verb, "took" | "drove") || !aux;
    if active {
        let after_and = {
            let b = before.trim_end();
            b.ends_with(" and") || b.ends_with(", then") || b.ends_with(" then")
        };
        if !(c.people_object.is_match(after) || (after_and && !matches!(verb, "took" | "drove"))) {
            return false;
        }
    }
    let reach = after
        .find(['.', ';', ':', '—', '('])
        .unwrap_or(after.len())
        .min(90);
    let window = &after[..reach];
    if crosses_into_north(window) {
        return true;
    }
    // a vehicle's destination may also follow "for" ("put on a train for
    // the border")
    let marker = if verb.starts_with("put ") || verb.starts_with("loaded ") {
        |w: &str| w.starts_with("to ") || w.starts_with("for ")
    } else {
        |w: &str| w.starts_with("to ")
    };
    let Some(at) = (0..window.len())
        .filter(|&i| window.is_char_boundary(i))
        .find(|&i| (i == 0 || window.as_bytes()[i - 1] == b' ') && marker(&window[i..]))
    else {
        return false;
    };
    let skip = if window[at..].starts_with("for ") {
        4
    } else {
        3
    };
    let between = &window[..at];
    // "driven back to the detention centre": back to where they were held
    let to_facility = || {
        window[at + skip..]
            .split_whitespace()
            .take(5)
            .any(|w| FACILITY_NOUNS.contains(&w.trim_end_matches([',', '.'])))
    };
    if between.split(|ch: char| !ch.is_alphanumeric()).any(|w| {
        (w == "back" && !to_facility())
            || matches!(
                w,
                "home"
                    | "over"
                    | "into"
                    | "part"
                    | "place"
                    | "care"
                    | "court"
                    | "task"
                    | "seriously"
            )
    }) {
        return false;
    }
    let rest = &window[at + skip..];
    let next = rest
        .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
        .next()
        .unwrap_or("");
    let next_orig = &orig[te + at + skip..te + at + skip + next.len()];
    matches!(
        next,
        "the" | "a" | "an" | "another" | "their" | "its" | "his" | "her"
    ) || next_orig.starts_with(|ch: char| ch.is_ascii_uppercase())
}

/// Whether `before` (the sentence before a participle) ends in "and",
/// "and then" or ", then" after a passive auxiliary ("were held in Mengla
/// for two days and then"). The scan's reading; [`passive_then_and`] is
/// the merge's, after an act already found, and asks for a regular
/// participle ("-ed", "-en") right after the auxiliary, which "held",
/// "kept" or "caught" are not.
fn joined_to_passive(before: &str) -> bool {
    let b = before.trim_end();
    let b = b.strip_suffix("then").map_or(b, str::trim_end);
    let b = b.strip_suffix(',').unwrap_or(b);
    let Some(head) = b.strip_suffix(" and").or_else(|| {
        let t = before.trim_end();
        t.strip_suffix(", then").or_else(|| t.strip_suffix(" then"))
    }) else {
        return false;
    };
    // (not inside a relative clause: "those who were caught and then held
    // in Tumen have been sent back")
    let mut words = head.split(|ch: char| !ch.is_ascii_alphabetic());
    words
        .clone()
        .any(|w| matches!(w, "were" | "was" | "been" | "being"))
        && !words.any(|w| matches!(w, "who" | "which" | "that" | "whom"))
}

/// "driven over the bridge into North Korea", "marched across the river
/// into the North": people conveyed over the frontier into the North
/// (`window`: the lowercased words after the verb, up to the clause's end).
fn crosses_into_north(window: &str) -> bool {
    let Some(at) = window.find(" into ") else {
        return false;
    };
    let crossing = window[..at]
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .any(|w| matches!(w, "bridge" | "border" | "river" | "frontier"));
    // "into North Korea", "into the North", "into the DPRK": the
    // destination rule's own names of the North
    crossing && cues().dest_kp.at.is_match(&window[at + 1..])
}

/// "were stopped at a checkpoint", "was stopped by a border patrol": people
/// stopped by the state are caught (a passive "stopped" with the checkpoint,
/// police or guards that stopped them). (`aux`: `Cues::aux_before` on the
/// text before.)
/// The words after a source's wish to stay anonymous ("who asked not to be
/// named, said ..."), which asks for no act to be prevented: the
/// prevention rule reads only those.
///
/// (The phrases share their beginning "not to be ", which cannot overlap
/// itself: the last phrase of any of them ends last, so the search goes
/// back from one "not to be " to the one before.)
fn after_anonymity(before: &str) -> &str {
    const NOT_TO_BE: &str = "not to be ";
    let mut end = before.len();
    while let Some(i) = before[..end].rfind(NOT_TO_BE) {
        let rest = &before[i + NOT_TO_BE.len()..];
        if let Some(w) = ["named", "identified", "quoted"]
            .iter()
            .find(|w| rest.starts_with(*w))
        {
            return &before[i + NOT_TO_BE.len() + w.len()..];
        }
        end = i;
    }
    before
}

/// [`after_anonymity`] as first written.
#[cfg(test)]
fn after_anonymity_plain(before: &str) -> &str {
    [
        "not to be named",
        "not to be identified",
        "not to be quoted",
    ]
    .iter()
    .filter_map(|w| before.rfind(w).map(|i| i + w.len()))
    .max()
    .map_or(before, |i| &before[i..])
}

/// `after` (lower case, after "stopped") names an act, not people: "stopped
/// the deportation", "stopped their planned return".
fn stops_an_act(after: &str) -> bool {
    let mut w = after.split_whitespace();
    matches!(w.next(), Some("the" | "their" | "its"))
        && w.take(2).any(|x| {
            let x = x.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
            matches!(
                x,
                "repatriation"
                    | "repatriations"
                    | "deportation"
                    | "deportations"
                    | "return"
                    | "returns"
                    | "handover"
                    | "expulsion"
                    | "transfer"
            )
        })
}

/// `s` (lower case) opens with a source's refusal to be named ("declined
/// to be named", "refused to give her name"): no act is refused.
fn anonymity_refusal(s: &str) -> bool {
    let mut w = s.split_whitespace();
    matches!(
        w.next(),
        Some("declined" | "refused" | "declining" | "refusing" | "declines" | "refuses")
    ) && w.next() == Some("to")
        && match w.next() {
            Some("be") => w.next().is_some_and(|x| {
                ["named", "identified", "quoted"]
                    .iter()
                    .any(|n| x.trim_end_matches(|c: char| !c.is_alphabetic()) == *n)
            }),
            Some("give") => w.any(|x| x.starts_with("name")),
            _ => false,
        }
}

/// The words before an active "found" end with its subject, a patrol or
/// guards, police, soldiers ("a border patrol found", "police officers
/// found").
fn found_by_authority(before: &str) -> bool {
    let last = before.trim_end().rsplit(' ').next().unwrap_or("");
    matches!(
        last,
        "patrol"
            | "patrols"
            | "guards"
            | "police"
            | "policemen"
            | "soldiers"
            | "troops"
            | "officers"
            | "agents"
    )
}

fn stopped_by_authority(aux: bool, after: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        crate::rx::lc(r"(?i)^\s+(?:[\w-]+\s+){0,3}?(?:at|by)\s+(?:a|an|the|two|several|chinese|lao|thai|vietnamese|russian|mongolian|border|local|police|security)?\s*(?:[\w-]+\s+){0,2}?(?:checkpoints?|police|policemen|patrols?|guards?|officers|soldiers|troops|authorities|border\s+(?:guards?|police|patrol))\b")
    });
    aux && r.is_match(after)
}

// (The rules of single trigger words below, out of line: they are rarely
// read, and the loop over the triggers stays small.)

/// "found" that is no arrest: not found by an authority ("was found by a
/// border patrol", "a patrol found eleven people near the border"), or
/// found dead.
#[cold]
#[inline(never)]
fn found_not_caught(
    c: &Cues,
    before_all: &str,
    after_all: &str,
    after_orig: &str,
    aux: impl FnOnce() -> bool,
) -> bool {
    if stopped_by_authority(aux(), after_all) {
        return false;
    }
    let caught = found_by_authority(before_all)
        && c.object_after.is_match(after_orig)
        && !after_all
            .split_whitespace()
            .take(3)
            .any(|w| matches!(w, "body" | "bodies" | "remains"));
    !caught
}

/// "stopped" that is no arrest.
#[cold]
#[inline(never)]
fn stopped_not_caught(
    c: &Cues,
    after_all: &str,
    after_orig: &str,
    aux: impl FnOnce() -> bool,
) -> bool {
    (!c.object_after.is_match(after_orig) || stops_an_act(after_all))
        && !stopped_by_authority(aux(), after_all)
}

/// "move", "moving", "moved" that moves people, not moving on or moving
/// house.
#[cold]
#[inline(never)]
fn moves_people(after_all: &str) -> bool {
    let a = after_all;
    let a1 = a.trim_start();
    let elsewhere = [
        "somewhere",
        "elsewhere",
        "away",
        "south",
        "east",
        "west",
        "inland",
    ]
    .iter()
    .any(|w| a1.starts_with(w));
    a.trim_start().starts_with("them")
        || elsewhere
        || a.trim_start().starts_with("to ")
        || a.contains(" to ")
        || a.trim_start().starts_with("north")
        || a.trim_start().starts_with("people")
        || a.trim_start().starts_with("the ")
}

/// "return" / "returns" as nouns: "their return", "the returns", "forced
/// return of"; not "in return".
#[cold]
#[inline(never)]
fn return_noun_ok(lower: &str, before_all: &str) -> bool {
    let b = before_all;
    let bt = b.trim_end();
    if bt.ends_with(" in")
        || bt.ends_with("on their")
        || bt.ends_with("after their")
        || bt.ends_with("upon their")
        || bt.ends_with("on return")
    {
        return false;
    }
    // "being prepared for return", "scheduled for deportation"
    let readied = bt.strip_suffix(" for").is_some_and(|b| {
        [
            "prepared",
            "scheduled",
            "slated",
            "earmarked",
            "selected",
            "marked",
        ]
        .iter()
        .any(|w| b.ends_with(w))
    });
    readied
        || lower.starts_with("forced")
        || lower.starts_with("deport")
        || lower.starts_with("expuls")
        || lower.starts_with("hand")
        || bt.ends_with("the")
        || bt.ends_with("their")
        || bt.ends_with("its")
        || bt.ends_with("her")
        || bt.ends_with("his")
        || bt.ends_with("'s")
        || bt.ends_with("’s")
}

/// "held" that is a date ("was held on Monday") or a meeting, not custody.
#[cold]
#[inline(never)]
fn held_not_custody(before_all: &str, after_all: &str) -> bool {
    // (any of these words inside the text, as `contains` would find
    // them: one literal search)
    static MEETING: OnceLock<Regex> = OnceLock::new();
    let meeting = MEETING
        .get_or_init(|| crate::rx::re("meeting|conference|talks|briefing|rally|election|event"));
    if meeting.is_match(before_all) {
        return true;
    }
    after_all.split_whitespace().take(3).any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "talks"
                | "meeting"
                | "meetings"
                | "conference"
                | "briefing"
                | "press"
                | "event"
                | "rally"
                | "election"
                | "vote"
                | "ceremony"
                | "passport"
                | "passports"
                | "papers"
                | "documents"
                | "office"
                | "position"
                | "post"
                | "capacity"
        )
    })
}

fn find_in_sentence(
    orig: &str,
    text: &str,
    si: usize,
    s: &Sentence,
    places: &Places,
    bufs: &mut Buffers,
    out: &mut Vec<EventMention>,
) {
    let stext = &text[s.start..s.end];
    let c = cues();
    let Buffers {
        scan: sc,
        matches,
        taken,
        found,
        marks: marks_buf,
        mark_bits,
        clause_generic,
        starts,
    } = bufs;
    taken.clear();
    found.clear();
    clause_generic.clear();
    let mut marks_read = false;
    let (mut has_cannot, mut has_implor) = (None, None);
    scan_into(stext, sc);
    let sc = &*sc;
    if sc.bits == 0 {
        return;
    }
    let rd = Reader {
        b: stext.as_bytes(),
        sc,
    };
    let rel = |x: usize| x - s.start;
    // the cue rules read from the scan; the rules themselves where a text
    // cuts a word
    let aux_at = |a: usize, e: usize| {
        rd.aux_before(rel(a), rel(e))
            .unwrap_or_else(|| c.aux_before.is_match(&spaced_end(&text[a..e])))
    };
    let relative_at = |a: usize, e: usize| {
        rd.relative_before(rel(a), rel(e))
            .unwrap_or_else(|| c.relative_before.is_match(&spaced_end(&text[a..e])))
    };
    let condition_at = |a: usize, e: usize| {
        rd.condition_before(rel(a), rel(e))
            .unwrap_or_else(|| c.condition_before.is_match(&text[a..e]))
    };
    let may_hold = |a: usize, e: usize, flag: u64| rd.may_hold(rel(a), rel(e), flag);
    // a destination rule on `text[a..e]`, given the words of the scan
    // there
    let dest_in = |d: &Dest, a: usize, e: usize, stops: &mut Option<Stops>| {
        let words = &sc.dests[..];
        let i = words.partition_point(|w| w.0 < rel(a));
        let j = words.partition_point(|w| w.0 < rel(e));
        d.find(&text[a..e], &words[i..j], rel(a), stops)
    };
    // (the triggers whose bits are set, in order)
    let mut bits = sc.bits;
    while bits != 0 {
        let ti = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        let t = &triggers()[ti];
        trigger_matches_into(t, ti, stext, sc, matches);
        for &(m_start, m_end) in matches.iter() {
            let (ts, te) = (s.start + m_start, s.start + m_end);
            if taken.iter().any(|&r| overlaps(r, (ts, te))) {
                continue;
            }
            let words = &orig[ts..te];
            let lower = &text[ts..te];
            // Cues are read within a window of the sentence around the trigger.
            let ba = back_boundary(text, ts, 160).max(s.start);
            let before_all = &text[ba..ts];
            let after_all = &text[te..fwd_boundary(text, te, 160).min(s.end)];
            // the original case, for the rule that looks at capitals
            let after_orig = &orig[te..te + after_all.len()];
            let mut kind = t.kind;
            let mut rule = t.rule;
            // Detention words that are really arrests and vice versa.
            if kind == EventType::Detention
                && (lower == "hold" || lower == "holds" || lower == "holding" || lower == "kept")
                && !c.object_after.is_match(after_orig)
            {
                continue;
            }
            if kind == EventType::Release && lower == "free" {
                // "free" as an adjective ("free to leave", "toll-free") is not a release.
                if !before_all.trim_end().ends_with("to") {
                    continue;
                }
            }
            // "was found by a border patrol": caught; "found dead", "found
            // refuge" are not.
            // "a patrol found eleven people near the border": caught too
            if kind == EventType::Arrest
                && lower == "found"
                && found_not_caught(c, before_all, after_all, after_orig, || aux_at(ba, ts))
            {
                continue;
            }
            if kind == EventType::Arrest
                && lower == "stopped"
                && stopped_not_caught(c, after_all, after_orig, || aux_at(ba, ts))
            {
                continue;
            }
            if kind == EventType::Transfer
                && lower.starts_with("transfer")
                && !lower.ends_with("ed")
                && !lower.ends_with("ing")
            {
                // "transfer" noun is rare in reports; keep only verb forms.
                continue;
            }
            if kind == EventType::Transfer
                && (lower == "move" || lower == "moving" || lower == "moved")
                && !moves_people(after_all)
            {
                continue;
            }
            if t.rule == "event.conveyed" {
                if !conveyed_to(orig, te, after_all, before_all, lower, aux_at(ba, ts)) {
                    continue;
                }
                // Acts inside South Korea are not coded: a sentence whose
                // places are all South Korean ("escorted them to Sokcho
                // harbour", "South Korea's news agency said the five were
                // taken to a government facility") tells an arrival.
                // (a place's start is not after its end)
                let mut here = places
                    .starting_within(s.start, s.end)
                    .iter()
                    .filter(|p| p.start >= s.start && p.end <= s.end);
                if here.clone().next().is_some() && here.all(|p| p.place.country == "KR") {
                    continue;
                }
            }
            // Sending verbs: the destination tells the type.
            let mut destination = None;
            if t.rule == "event.send"
                || t.rule == "event.repatriate"
                || t.rule == "event.transfer"
                || t.rule == "event.conveyed"
                || t.rule == "event.return_noun"
            {
                let after_end = te + after_all.len();
                let mut after_stops = None;
                let kp_match = dest_in(&c.dest_kp, te, after_end, &mut after_stops);
                if kp_match.is_some() || dest_in(&c.dest_kp, ts, te, &mut None).is_some() {
                    let dm = kp_match;
                    destination = dm.map(|(ds, de)| (te + ds, te + de));
                    if t.kind != EventType::Transfer {
                        kind = EventType::Repatriation;
                    } else if after_all.trim_start().starts_with("back")
                        || dm.is_some_and(|(ds, de)| {
                            !after_all[ds..de].contains("camp")
                                && !facility_follows(&after_all[de..])
                        })
                    {
                        // "moved back to North Korea" is a return.
                        kind = EventType::Repatriation;
                        rule = "event.moved_to_north";
                    }
                }
                // "driven across the bridge to Namyang": people conveyed to a
                // place in North Korea are returned.
                if t.rule == "event.conveyed" && kind == EventType::Transfer {
                    if let Some(p) = places.starting_within(te + 1, te + 80).iter().find(|p| {
                        p.start > te
                            && p.start <= te + 80
                            && p.end <= s.end
                            && !text[te..p.start].contains([',', ';', '—'])
                            && c.to_place.is_match(&text[te..p.start])
                    }) {
                        if p.place.country == "KP" {
                            kind = EventType::Repatriation;
                            rule = "event.moved_to_north";
                            destination = Some((te, p.end));
                        }
                    }
                }
                // "to the camp", "to Chinese police", or "to <a place outside
                // North Korea>" (from the place annotations)
                let cn: Option<(usize, usize)> =
                    dest_in(&c.dest_cn, te, after_end, &mut after_stops).or_else(|| {
                        places
                            .starting_within(te + 1, te + 80)
                            .iter()
                            .filter(|p| p.start > te && p.start <= te + 80 && p.end <= s.end)
                            .find(|p| {
                                let gap = &text[te..p.start];
                                matches!(
                                    p.place.country.as_str(),
                                    "CN" | "VN" | "LA" | "TH" | "KH" | "MM" | "MN" | "RU"
                                ) && !gap.contains([',', ';', '—'])
                                    && gap.len() <= 48
                                    && c.to_place.is_match(gap)
                            })
                            .map(|p| (0, p.end - te))
                    });
                // An explicit North Korean destination beats a Chinese one only
                // when it comes first; "across the border" or "home" alone never does.
                let kp_first = kp_match.and_then(|(ds, de)| {
                    let w = &after_all[ds..de];
                    let weak = w.trim_end().ends_with("across the border")
                        || w.trim_end().ends_with("home");
                    (!weak).then_some(de)
                });
                if let Some((ds, de)) = cn {
                    if kp_first.map(|k| de < k).unwrap_or(true) && t.kind != EventType::Transfer {
                        kind = EventType::Transfer;
                        rule = "event.sent_to_china";
                        destination = Some((te + ds, te + de));
                    } else if t.kind == EventType::Transfer {
                        destination = Some((te + ds, te + de));
                        // "transferred to a detention facility in Dandong and
                        // returned to North Korea": the first destination is
                        // the move's; the later one is the next verb's.
                        if kp_first.is_some_and(|k| de < k) {
                            kind = EventType::Transfer;
                            rule = t.rule;
                        }
                    }
                }
                if let Some((os, oe)) = dest_in(&c.dest_other, te, after_end, &mut after_stops) {
                    let earlier = destination.map(|(ds, _)| te + os < ds).unwrap_or(true);
                    if earlier && t.kind != EventType::Transfer && !t.nominal {
                        // "sent to South Korea", "returned to Seoul" is not a
                        // forced return; a third state sending them on to
                        // the South lets them go, and so does handing them
                        // over to the South's embassy
                        let on_south = [
                            "sent",
                            "send",
                            "flown",
                            "deported",
                            "handed",
                            "turned",
                            "delivered",
                        ]
                        .iter()
                        .any(|v| lower.starts_with(v))
                            && after_all[os..oe].contains("to ")
                            && (after_all[os..oe].contains("south")
                                || after_all[os..oe].contains("seoul"));
                        if !on_south {
                            continue;
                        }
                        kind = EventType::Release;
                        rule = "event.sent_on_south";
                        destination = Some((te + os, te + oe));
                    }
                }
                // "handed over to ethnic Korean families", "released into
                // the care of an uncle": let go into a family's care
                if !t.nominal && kind != EventType::Release {
                    if let Some(fe) = to_family(after_all) {
                        kind = EventType::Release;
                        rule = "event.to_family";
                        destination = Some((te, te + fe));
                    }
                }
                if t.rule == "event.send" && destination.is_none() {
                    // bare "returned", "handed", "taken", "delivered" need a direction
                    let l = lower;
                    // "sent" alone is not a return; "sent back", "forcibly
                    // sent", "deported" are
                    let has_back = l.contains("back")
                        || l.contains("home")
                        || l.contains("across")
                        || l.contains("forced")
                        || l.contains("forcibly")
                        || l.contains("deport")
                        || l.contains("expel")
                        // "refused to accept": a return refused
                        || l.starts_with("refus")
                        || l.starts_with("declin");
                    let bare_return = (l == "returned" || l == "return" || l == "returning")
                        && (aux_at(ba, ts) || c.people_object.is_match(after_all));
                    // "were handed over at the border", "turned them over":
                    // a handover of people, wherever to
                    let handover = (l.starts_with("hand") || l.starts_with("turn"))
                        && l.ends_with("over")
                        && (aux_at(ba, ts)
                            || c.people_object.is_match(&l[l.find(' ').unwrap_or(0)..]));
                    if !has_back && !bare_return && !handover {
                        continue;
                    }
                    // "taken over", "brought over": not a handover of people
                    if l.ends_with("over")
                        && ["taken", "take", "took", "brought", "bring"]
                            .iter()
                            .any(|v| l.starts_with(v))
                    {
                        continue;
                    }
                }
                if t.rule == "event.return_noun" && !return_noun_ok(lower, before_all) {
                    continue;
                }
            }
            if t.rule == "event.transfer" && destination.is_none() && !lower.starts_with("transfer")
            {
                let a = after_all;
                if !(a.contains(" to ")
                    || a.trim_start().starts_with("to ")
                    || a.contains("north")
                    || a.contains("somewhere"))
                {
                    continue;
                }
            }
            // "held" that is a date ("was held on Monday") or a meeting.
            if kind == EventType::Detention && held_not_custody(before_all, after_all) {
                continue;
            }
            if !marks_read {
                if marks_may_match(stext, sc.sent_flags) {
                    clause_marks_into(text, s, sc.sent_flags, mark_bits, marks_buf);
                } else {
                    marks_buf.clear();
                }
                marks_read = true;
            }
            let marks = &marks_buf[..];
            let (cs, ce) = clause_bounds(marks, s, ts, te);
            // (the readings of the trigger's words that the rules below ask
            // more than once)
            let lower_first = first_word(lower);
            let participle = participle_first(lower_first, lower);
            let base_or_present = base_or_present_first(lower_first);
            let bstart = back_boundary(text, ts, 200).max(cs);
            let before = &text[bstart..ts];
            // (the match of the planned rule in `before`, read once for
            // the two rules below that ask it)
            let mut planned_cache = None;
            let mut planned_at = || {
                *planned_cache.get_or_insert_with(|| {
                    find_if(planned_may_match(before), &c.planned_before, before)
                        .map(|m| (m.start(), m.end()))
                })
            };
            // "the arrests", "their arrest", "after the arrest of": nouns.
            // (the last word before the trigger, of `before_all`; of
            // `before` below, the same but where a start cuts it)
            let pw = last_word(before_all);
            let determiner_before = {
                matches!(
                    pw,
                    "the"
                        | "their"
                        | "his"
                        | "her"
                        | "its"
                        | "of"
                        | "after"
                        | "following"
                        | "first"
                        | "second"
                        | "latest"
                        | "recent"
                        | "mass"
                        | "new"
                        | "further"
                        | "these"
                        | "those"
                        | "such"
                ) || pw.ends_with("'s")
                    || pw.ends_with("’s")
            };
            let nominal = t.nominal
                || (t.rule == "event.arrest"
                    && lower.starts_with("arrest")
                    && !lower.ends_with("ed")
                    && determiner_before)
                || (t.rule == "event.send"
                    && !participle
                    && lower.ends_with('s')
                    && !lower.starts_with("sends"));
            // Auxiliaries and participles.
            // (every match of the auxiliary rule ends with white space, so
            // it is only asked on the text with its trailing space kept)
            let (has_aux, relative) = rd
                .aux_and_relative_before(rel(bstart), rel(ts))
                .unwrap_or_else(|| (aux_at(bstart, ts), relative_at(bstart, ts)));
            let mut subordinate = false;
            let prev_word = last_word_again(text, pw, ba, bstart, ts);
            if lower.starts_with("being") && PEOPLE_HEADS.contains(&prev_word) {
                // "defectors being held at a facility": a participle.
                subordinate = true;
            }
            if !t.nominal && participle && !has_aux && kind != EventType::Death {
                // "police seized the five" (active) vs "defectors detained at" (participle).
                // the word before the verb, past adverbs ("China later let")
                // (`last_word` reads past the white space at the end)
                let mut b = before.trim_end();
                let mut prev = prev_word;
                while ADVERBS.contains(&prev) || (prev.ends_with("ly") && prev.len() > 4) {
                    // (the word is a slice of `b`, maybe before marks
                    // that are not white space: cut at its start)
                    let start = prev.as_ptr() as usize - b.as_ptr() as usize;
                    b = b[..start].trim_end();
                    prev = last_word(b);
                }
                let after_people = PEOPLE_HEADS.contains(&prev);
                let after_actor = ACTOR_HEADS.contains(&prev) || STATE_NAMES_LC.contains(&prev);
                // "let the family go", "expelled the seven across": the object
                // is inside the verb group
                // (read from the second word on: "the pair" is two words)
                let object_inside = words
                    .trim_start()
                    .split_once(char::is_whitespace)
                    .is_some_and(|(_, rest)| c.object_after.is_match(rest));
                let active = !after_people
                    && (after_actor || object_inside || c.object_after.is_match(after_orig))
                    && !before.trim().is_empty();
                let starts_clause = before.trim().is_empty();
                if !active || relative {
                    subordinate = !starts_clause || relative;
                }
                if starts_clause && !active {
                    // "Caught in Laos, the group ..." — a participle opener.
                    subordinate = true;
                }
            } else if relative && !t.nominal {
                subordinate = true;
            }
            // "were held for two days and then moved to Kunming": a
            // participle joined to an earlier passive verb shares its
            // auxiliary.
            if subordinate
                && !relative
                && participle
                && !t.nominal
                && joined_to_passive(&text[s.start..ts])
            {
                subordinate = false;
            }
            // A clause-initial "who"/"whom": relative clause.
            let b_trim = before.trim_end();
            if b_trim.ends_with(" who")
                || b_trim.ends_with(" whom")
                || b_trim.ends_with(" which")
                || sc.sent_flags & cue::WHOM != 0 && b_trim.contains(" whom ") && !has_aux
            {
                subordinate = true;
            }
            // ", which returned them to North Korea": a state or agency set
            // off by a comma acting on the people again tells a new act.
            if !has_aux
                && !t.nominal
                && (b_trim.ends_with(", which") || b_trim.ends_with(", who"))
                && (participle || lower_first == "took")
                && matches!(
                    after_orig
                        .split_whitespace()
                        .next()
                        .or_else(|| words.split_whitespace().nth(1)),
                    Some("them" | "her" | "him")
                )
            {
                subordinate = false;
            }
            // "ordered him sent back", "had been ordered deported": what is
            // ordered, a plan (`planned_before` reads the order)
            if !t.nominal && participle && ordered_before(b_trim) {
                subordinate = false;
            }
            // "returned to Sinuiju, where officers of the MSS took them into
            // custody": the receiving side's custody, a detail of the return.
            if kind == EventType::Arrest && custody_where_returned(text, found, ts) {
                subordinate = true;
            }
            let first_word = lower_first;
            if first_word.ends_with("ing") && first_word != "being" && !t.nominal && !has_aux {
                // "after being sent", "repatriating" after "proposed" is planned; a bare gerund is not an act.
                let bl = before;
                let aspectual = [
                    "resumed",
                    "resume",
                    "resumes",
                    "began",
                    "begun",
                    "begin",
                    "started",
                    "start",
                    "continued",
                    "continues",
                    "kept",
                    "keeps",
                ]
                .iter()
                .any(|w| bl.trim_end().ends_with(w));
                if !(aspectual
                    || bl.trim_end().ends_with("were")
                    || bl.trim_end().ends_with("was")
                    || bl.trim_end().ends_with("are")
                    || bl.trim_end().ends_with("is")
                    || bl.trim_end().ends_with("been")
                    || planned_at().is_some())
                {
                    subordinate = true;
                }
            }
            // "have arrested" is active; "were arrested", "have been arrested" passive
            // "is now holding her" is an active progressive
            let progressive = lower_first.ends_with("ing") && !lower.starts_with("being");
            let passive = has_aux
                && !progressive
                && !{
                    let b = before.trim_end();
                    let last = b
                        .rsplit(|c: char| c.is_whitespace())
                        .next()
                        .unwrap_or("")
                        .to_string();
                    matches!(last.as_str(), "has" | "have" | "had")
                        && participle
                        && !lower.starts_with("been")
                }
                // "the five left for Seoul": the people the act is done to
                // are its subject, as of a passive
                || kind == EventType::Release
                    && ["left ", "departed ", "flew "].iter().any(|w| lower.starts_with(w))
                // "the two women spent 18 days in a cell", "she remained in
                // custody": custody told by an intransitive verb
                || matches!(kind, EventType::Detention | EventType::Punishment)
                    && intransitive_custody(lower);
            if subordinate {
                // A detail of another act: its span is all that is used.
                taken.push((ts, te));
                found.push(EventMention {
                    start: ts,
                    end: te,
                    sentence: si,
                    clause_start: cs,
                    clause_end: ce,
                    kind,
                    status: Status::Occurred,
                    hedged: false,
                    negated: false,
                    generic: false,
                    subordinate,
                    nominal,
                    passive,
                    destination,
                    refusal: None,
                    rule,
                    status_words: None,
                    hedge_words: None,
                });
                continue;
            }
            // Negation, prevention, appeals, conditions, habits.
            let wstart = byte_window_before(text, ts, cs, 8);
            let near_before = &text[wstart..ts];
            // ("cannot" and "implor" looked for in the sentence once: the
            // texts before a trigger are parts of it)
            let mut cannot = || *has_cannot.get_or_insert_with(|| stext.contains("cannot"));
            let mut implor = || *has_implor.get_or_insert_with(|| stext.contains("implor"));
            let negated = (may_hold(wstart, ts, cue::NEGATION)
                || cannot() && near_before.contains("cannot"))
                && c.negation_before.is_match(near_before)
                && !near_before.contains("not only");
            // ("China stopped the deportation": a return halted, blocked)
            let stopped_act = t.nominal && {
                let b = before.trim_end();
                let b = ["planned", "forced", "forcible"]
                    .iter()
                    .find_map(|w| b.strip_suffix(w).and_then(|x| x.strip_suffix(' ')))
                    .unwrap_or(b);
                ["stopped the", "stopped their", "stopped its"]
                    .iter()
                    .any(|x| b.ends_with(x))
            };
            let prevented = may_hold(bstart, ts, cue::PREVENTION)
                && !stopped_act
                && c.prevention_before.is_match(after_anonymity(before));
            let condition = condition_at(bstart, ts)
                || (may_hold(bstart, ts, cue::APPEAL) || implor() && before.contains("implor"))
                    && c.appeal_before.is_match(after_anonymity(before));
            let question = stext.trim_end().ends_with('?');
            // "If X, Y": the whole sentence is hypothetical.
            let conditional_sentence = {
                // (inside a quotation too: "\"If they catch me, ...")
                let st = stext
                    .trim_start()
                    .trim_start_matches(['"', '\u{201c}', '\'', '\u{2018}']);
                st.starts_with("if ") || st.starts_with("unless ") || st.starts_with("should ")
            };
            let get_passive = {
                let b = before.trim_end();
                b.ends_with(" get") || b.ends_with(" gets") || b == "get" || b == "gets"
            };
            let habitual_verb = get_passive
                || !nominal && base_or_present && {
                    let first = lower_first;
                    (first.ends_with('s') && !first.ends_with("ss"))
                        && !has_aux
                        && !matches!(first, "is" | "was" | "has" | "remains" | "holds")
                };
            // "some are executed", "defectors are arrested": a habit told in
            // the simple present passive (custody itself, "are held", is news).
            let present_passive = {
                let b = before.trim_end();
                (b.ends_with(" are") || b.ends_with(" is") || b == "are" || b == "is")
                    && participle
                    && kind != EventType::Detention
            };
            // (the clause's habit words, read once per clause)
            // (an apposition or relative clause after the act, ", a move
            // that typically precedes ...", ", which usually means ...",
            // tells a habit of such acts, not that this act is one)
            let he = habit_end(text, te, ce);
            let habit = match clause_generic.iter().find(|g| g.0 == (cs, he)) {
                Some(g) => g.1,
                None => {
                    let g = if rd.clean(rel(cs), rel(he)) {
                        rd.generic_starts(rel(cs), rel(he), starts);
                        starts
                            .iter()
                            .any(|&p| c.generic_at.is_match(&text[s.start + p..he]))
                    } else {
                        c.generic.is_match(&text[cs..he])
                    };
                    clause_generic.push(((cs, he), g));
                    g
                }
            };
            // "an agreement in 2016 on the return of illegal migrants":
            // what a pact covers, not an act
            let pact = t.nominal && pact_before(&text[byte_window_before(text, ts, cs, 8)..ts]);
            let generic = habit
                || pact
                // (", where " holds the whole word "where")
                || sc.sent_flags & cue::WHERE != 0 && consequence_where(before_all)
                || present_passive
                || conditional_sentence
                || prevented
                || condition
                || question
                || habitual_verb;
            // Status.
            let mut status = Status::Occurred;
            let mut status_words = None;
            let result_clause = {
                let b = before.trim_end();
                b.ends_with("only to be") || b.ends_with("only to")
            };
            if let Some((ps, pe)) = planned_at()
                .filter(|p| !result_clause && !past_under_hedge(before, p.0))
                .filter(|p| !month_may(orig, s.start, bstart + p.0))
            {
                status = Status::Planned;
                status_words = Some((bstart + ps, bstart + pe));
            } else if t.nominal && c.planned_after.is_match(after_all) {
                status = Status::Planned;
                status_words = Some((
                    te,
                    te + c
                        .planned_after
                        .find(after_all)
                        .map(|m| m.end())
                        .unwrap_or(0),
                ));
            } else if !t.nominal
                // ("agreed to let them leave": "let" and "put" are base
                // forms as well as participles)
                && (base_or_present || matches!(lower_first, "let" | "put"))
                && !has_aux
                && {
                let bl = before.trim_end();
                (bl.ends_with(" to") || bl == "to") && !past_under_hedge(before, bl.len() - 2)
            } {
                status = Status::Planned;
            }
            // Blocked: a refusal in the same sentence after (or before) the act.
            let mut refusal = None;
            if matches!(kind, EventType::Repatriation) {
                if let Some(r) = find_if(
                    may_hold(te, te + after_all.len(), cue::REFUSAL),
                    &c.refusal,
                    after_all,
                )
                .filter(|r| !anonymity_refusal(&after_all[r.start()..]))
                {
                    let rs = te + r.start();
                    let (rcs, rce) = clause_bounds(marks, s, rs, te + r.end());
                    refusal = Some((rcs, rce));
                    status = Status::Blocked;
                    status_words = Some((rs, te + r.end()));
                } else if let Some(r) =
                    find_if(may_hold(bstart, ts, cue::REFUSAL), &c.refusal, before)
                        .filter(|r| !anonymity_refusal(&before[r.start()..]))
                {
                    let rs = bstart + r.start();
                    refusal = Some((cs, ts));
                    status = Status::Blocked;
                    status_words = Some((rs, bstart + r.end()));
                } else if let Some(r) = find_if(
                    may_hold(s.start, cs, cue::REFUSAL),
                    &c.refusal,
                    &text[s.start..cs],
                )
                .filter(|r| !anonymity_refusal(&text[s.start + r.start()..cs]))
                {
                    let rs = s.start + r.start();
                    if status == Status::Planned || t.nominal {
                        refusal = Some((s.start, cs));
                        status = Status::Blocked;
                        status_words = Some((rs, s.start + r.end()));
                    }
                }
            }
            // A state that refuses to take people in ("North Korea refused to
            // accept them"): the refusal is the trigger's own first word.
            if kind == EventType::Repatriation
                && (lower.starts_with("refus") || lower.starts_with("declin"))
            {
                refusal = Some((cs, ce));
                status = Status::Blocked;
                status_words = Some((ts, te));
            }
            // A planned act hedged by a modal of possibility ("could be sent back").
            let mut hedged = false;
            let mut hedge_words = None;
            // the first hedge in `text[a..e]`: every match of the rule
            // begins with a hedge word, so where the range cuts no word the
            // rule is tried anchored at those, in order (the first that
            // matches is the leftmost match)
            let hedge_in = |a: usize, e: usize| {
                if rd.clean(rel(a), rel(e)) {
                    rd.cued_in(rel(a), rel(e))
                        .iter()
                        .filter(|w| w.flags & cue::HEDGE != 0)
                        .find_map(|w| {
                            let at = s.start + w.start;
                            hedge_end(text.as_bytes(), at, s.start + w.end, e).map(|end| (at, end))
                        })
                } else {
                    find_if(may_hold(a, e, cue::HEDGE), &c.hedge, &text[a..e])
                        .map(|m| (a + m.start(), a + m.end()))
                }
            };
            if let Some(h) = hedge_in(cs, ts) {
                hedged = true;
                hedge_words = Some(h);
            } else if ce > te {
                let mut wend = ce.min(te + 40);
                while !text.is_char_boundary(wend) {
                    wend -= 1;
                }
                if let Some(h) = hedge_in(te, wend) {
                    hedged = true;
                    hedge_words = Some(h);
                }
            }
            if status == Status::Planned {
                if let Some((ps, pe)) = status_words {
                    let pw = &text[ps..pe];
                    if pw.starts_with("could") || pw.starts_with("may") || pw.starts_with("might") {
                        hedged = true;
                        hedge_words = Some((ps, pe));
                    }
                }
            }
            taken.push((ts, te));
            found.push(EventMention {
                start: ts,
                end: te,
                sentence: si,
                clause_start: cs,
                clause_end: ce,
                kind,
                status,
                hedged,
                negated,
                generic,
                subordinate,
                nominal,
                passive,
                destination,
                refusal,
                rule,
                status_words,
                hedge_words,
            });
        }
    }
    found.sort_by_key(|e| e.start);
    // "caught and detained": one act told by two verbs joined by "and".
    // (the sentence's events go straight to `out`: `merged` is
    // `out[first..]`)
    // "were going to repatriate them, but the North refused to accept
    // them": a refusal beside a return the sentence tells is that return's
    // status, not a return of its own
    let refused = |e: &EventMention| {
        e.kind == EventType::Repatriation && {
            let w = &text[e.start..e.end];
            w.starts_with("refus") || w.starts_with("declin")
        }
    };
    if found
        .iter()
        .any(|e| e.kind == EventType::Repatriation && !refused(e))
    {
        found.retain(|e| !refused(e));
    }
    let first = out.len();
    for mut e in found.drain(..) {
        let merged = &mut out[first..];
        if let Some(last) = merged.last() {
            let gap = &text[last.end.min(e.start)..e.start];
            // "were taken into custody ... and then sent to Jilin": the
            // auxiliary of the first verb carries over to the second.
            if e.subordinate
                && last.passive
                && !last.subordinate
                && ends_with_and(gap)
                && !gap.contains(" who")
            {
                e.subordinate = false;
                e.passive = true;
            }
        }
        // "died in the camp after guards beat him": the beating tells how
        // the death came, not a penalty of its own
        if e.kind == EventType::Punishment {
            if let Some(last) = merged.last() {
                let gap = &text[last.end.min(e.start)..e.start];
                if last.kind == EventType::Death
                    && !last.subordinate
                    && gap.len() < 80
                    && (gap.contains(" after ") || gap.contains(" when "))
                    && !gap.contains(['.', ';'])
                {
                    e.subordinate = true;
                }
            }
        }
        // "were refused entry by Thai police and handed back": the same
        // carrying over after a passive verb that tells no act
        if e.subordinate && e.rule != "event.conveyed" {
            // (the last stop before the verb, after the last event: a stop
            // before that event would lose to its end)
            let last_end = merged.last().map_or(0, |l| l.end);
            let from = text.as_bytes()[..e.start]
                .get(last_end..)
                .and_then(|r| {
                    let stop = memchr::memrchr3(b'.', b';', b':', r);
                    stop.max(memchr::memrchr(b'\n', r))
                })
                .map_or(last_end, |i| last_end + i + 1);
            if passive_then_and(&text[from..e.start]) {
                e.subordinate = false;
                e.passive = true;
            }
        }
        if let Some(last) = merged.last() {
            // "are being held in Dandong waiting to be repatriated": the
            // waiting is a detail of the custody.
            if e.clause_start == last.clause_start
                && e.status_words
                    .is_some_and(|(a, b)| text[a..b].starts_with("waiting"))
            {
                continue;
            }
        }
        // "may be detained arbitrarily, tortured or even executed": a list
        // shares the modality of its first verb.
        if let Some(last) = merged.last() {
            let gap = &text[last.end.min(e.start)..e.start];
            let list = gap.len() < 40
                && (gap.trim_end().ends_with(',')
                    || gap.trim_end().ends_with(" or")
                    || gap.trim_end().ends_with(" and")
                    || gap.contains(", or")
                    || gap.contains(" or even"));
            if e.clause_start == last.clause_start
                && last.status == Status::Planned
                && e.status == Status::Occurred
                && list
            {
                e.status = Status::Planned;
                e.status_words = last.status_words;
                e.hedged |= last.hedged;
                e.subordinate = false;
            }
        }
        if let Some(last) = merged.last_mut() {
            let between = text[last.end.min(e.start)..e.start.max(last.end)].trim();
            if last.kind == e.kind
                && (between == "and"
                    || between == "or"
                    || between == "and then"
                    || between == ","
                    || between.is_empty())
            {
                last.end = e.end;
                last.clause_end = last.clause_end.max(e.clause_end);
                continue;
            }
            if last.kind == EventType::Arrest
                && e.kind == EventType::Detention
                && (between == "and" || between.is_empty())
            {
                // "arrested and held": one arrest
                last.end = e.end;
                last.clause_end = last.clause_end.max(e.clause_end);
                continue;
            }
            if last.kind == EventType::Arrest
                && e.kind == EventType::Detention
                && e.clause_start == last.clause_start
                && text[last.end..e.start].contains(" and ")
            {
                // "detained ... on May 10 and kept in custody": one arrest.
                last.clause_end = last.clause_end.max(e.clause_end);
                continue;
            }
        }
        out.push(e);
    }
}

/// Whether a custody trigger (lower case) is an intransitive verb whose
/// subject is the one held: "spent 18 days in a cell", "remained in
/// custody", "stuck in", "languished in", "serving time".
pub(crate) fn intransitive_custody(trigger: &str) -> bool {
    ["spent ", "remain", "stuck ", "languish", "serving "]
        .iter()
        .any(|w| trigger.starts_with(w))
}

/// Whether the words before a participle end with an order and at most
/// two words of its object: "ordered", "ordered him", "ordered the group".
fn ordered_before(before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| matches!(w, "ordered" | "order" | "orders"))
}

/// Whether the words before a noun of an act name a pact that covers such
/// acts ("an agreement in 2016 on the return of", "a treaty on the
/// repatriation of").
fn pact_before(before: &str) -> bool {
    let mut words = before
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    words.any(|w| {
        [
            "agreement",
            "agreements",
            "treaty",
            "treaties",
            "accord",
            "protocol",
            "pact",
        ]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
    })
}
