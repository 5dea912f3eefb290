//! Place dimension: the bundled gazetteer and the place names found in a text
//! (CODEBOOK.md, "locations").
//!
//! The gazetteer (`data/gazetteer.tsv`, GeoNames, CC BY 4.0, built by
//! `tools/build_gazetteer.py`) is embedded and parsed once. [`find`] walks
//! the capitalised words of a text, takes the longest gazetteer name at each
//! (absorbing "Province", "County", "Korean Autonomous County"...), drops
//! person names and everyday words, and resolves each name against the whole
//! text:
//!
//! * a province or country right after the name ("Dandong, Liaoning
//!   Province", "Nanping in Jilin") decides;
//! * else the provinces and countries named elsewhere in the text, and the
//!   distance to the other places it names unambiguously ("Nanping" beside
//!   "Musan" is the Jilin town, not the Fujian city);
//! * else a prior for the China–North Korea border region, then the route
//!   countries (mainland South-East Asia, Mongolia, the Russian Far East),
//!   then population.
//!
//! A province name alone is the province (`admin1`), except for the
//! provinces that are one city (Beijing, Bangkok): their bare name is the
//! city. Rivers and stretches of border ("Tumen River", "Yalu", "Mekong") are
//! `border`, with the coordinates of the nearest relevant town.

mod fold;
mod gazetteer;

#[cfg(test)]
mod examples;

use crate::model::Precision;
use gazetteer::{Entry, Gazetteer, Hit, Kind, Word, W_COMMON};
use std::borrow::Cow;

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub admin1: Option<String>,
    pub country: String,
    pub precision: Precision,
    pub lat: f64,
    pub lon: f64,
    pub geonames_id: Option<i64>,
}

/// A place name found in a text, resolved to one gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Byte offsets into the text given to [`find`].
    pub start: usize,
    pub end: usize,
    pub place: Place,
    pub rule: &'static str,
}

/// Every place name in `text`, in order, not overlapping, each resolved with
/// the whole text as context.
pub fn find(text: &str) -> Vec<PlaceMention> {
    find_in(text, &crate::rx::lower(text))
}

/// [`find`], given the text's lowercase twin (`Doc::lower`: ASCII letters
/// lowercased, the same offsets).
#[inline(never)]
pub fn find_in(text: &str, lower: &str) -> Vec<PlaceMention> {
    let g = gazetteer::get();
    FIND_SCRATCH.with(|cell| {
        let mut scratch = cell.borrow_mut();
        let FindScratch {
            keys,
            toks,
            words,
            raws,
            key,
        } = &mut *scratch;
        // the keys of the plain words are their own span of the lowercase text
        keys.clear();
        keys.push_str(lower);
        tokenize_into(text, keys, toks);
        // eight bytes after the last key, for `WordTable::get_in`
        keys.push_str("\0\0\0\0\0\0\0\0");
        spot(text, toks, keys, g, words, raws, key);
        if raws.is_empty() {
            return Vec::new();
        }
        let mut out = resolve(text, raws, g);
        mark_datelines(text, &mut out);
        out
    })
}

/// The rule of a place named only in a dateline ("VIENTIANE, March 16
/// (Mekong Wire) -"): where the story was filed, not where its acts
/// happened.
pub const DATELINE: &str = "place:dateline";

/// Marks the places of datelines ([`dateline_end`]) with [`DATELINE`].
fn mark_datelines(text: &str, out: &mut [PlaceMention]) {
    let mut i = 0;
    while i < out.len() {
        let s = out[i].start;
        if (s == 0 || text.as_bytes()[s - 1] == b'\n') && out[i].end > s {
            if let Some(end) = dateline_end(&text[s..]) {
                for m in out[i..].iter_mut().take_while(|m| m.start < s + end) {
                    m.rule = DATELINE;
                }
            }
        }
        i += 1;
    }
}

/// The length of the dateline `line` opens with, up to its dash: a place in
/// capitals ("SEOUL", "PHNOM PENH", "N'DJAMENA"), then words that are
/// capitalised, numbers or in brackets (", China", ", Dec. 30", "(Yonhap)",
/// "(17 October 2023)"), then a dash ("-", "--", "–", "—"), on one line
/// and within 80 bytes.
pub fn dateline_end(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let limit = b.len().min(80);
    // the place in capitals
    let mut i = 0;
    let mut letters = 0;
    while i < limit {
        match b[i] {
            b'A'..=b'Z' => letters += 1,
            b'.' | b'\'' | b'-' if i > 0 && b[i - 1].is_ascii_uppercase() => {}
            b' ' if i > 0 && i + 1 < limit && b[i + 1].is_ascii_uppercase() && b[i - 1] != b' ' => {
                // another word in capitals, or the words after the place
                let w = &b[i + 1..];
                let n = w.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                if !w[..n].iter().all(u8::is_ascii_uppercase) || n < 2 {
                    break;
                }
            }
            _ => break,
        }
        i += 1;
    }
    if letters < 3 {
        return None;
    }
    // what follows, up to the dash
    let mut depth = 0u32;
    let mut word_start = true;
    while i < limit {
        let c = b[i];
        match c {
            b'\n' => return None,
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'-' if depth == 0 && (i == 0 || b[i - 1] == b' ') => return Some(i),
            0xE2 if depth == 0
                && b.get(i + 1) == Some(&0x80)
                && matches!(b.get(i + 2), Some(0x93 | 0x94)) =>
            {
                return Some(i)
            }
            b'a'..=b'z' if word_start && depth == 0 => return None,
            _ => {}
        }
        word_start = matches!(c, b' ' | b',' | b'(' | b'/');
        i += 1;
    }
    None
}

/// The buffers of [`find_in`], kept from one text to the next (each is
/// cleared before use: only the allocations are reused).
struct FindScratch {
    keys: String,
    toks: Vec<Tok>,
    words: Vec<Option<&'static Word>>,
    raws: Vec<Raw>,
    /// The key of a name of several words, built in [`spot`].
    key: String,
}

thread_local! {
    static FIND_SCRATCH: std::cell::RefCell<FindScratch> = const {
        std::cell::RefCell::new(FindScratch {
            keys: String::new(),
            toks: Vec::new(),
            words: Vec::new(),
            raws: Vec::new(),
            key: String::new(),
        })
    };
}

/// The border crossings between North Korea and China: the North Korean
/// town and the Chinese town across the river from it (Sinuiju faces
/// Dandong over the Friendship Bridge, Namyang faces Tumen, ...). A return
/// told only as going to the North Korean town happened on the Chinese side.
const CROSSINGS: &[(&str, &str)] = &[
    ("Sinuiju", "Dandong"),
    ("Namyang", "Tumen"),
    ("Hyesan", "Changbai"),
    ("Manpo", "Ji'an"),
    ("Musan", "Nanping"),
    ("Hoeryong", "Longjing"),
];

/// The Chinese side of each border crossing a North Korean town of the
/// text stands for, as a mention of the same words ([`CROSSINGS`]).
pub fn crossing_twins(places: &[PlaceMention]) -> Vec<PlaceMention> {
    static TWINS: std::sync::OnceLock<Vec<(&'static str, Place)>> = std::sync::OnceLock::new();
    let twins = TWINS.get_or_init(|| {
        CROSSINGS
            .iter()
            .filter_map(|(kp, cn)| {
                let p = lookup(cn).into_iter().find(|p| p.country == "CN")?;
                Some((*kp, p.clone()))
            })
            .collect()
    });
    places
        .iter()
        .filter(|m| m.place.country == "KP")
        .filter_map(|m| {
            let (_, cn) = twins.iter().find(|(kp, _)| *kp == m.place.name)?;
            Some(PlaceMention {
                start: m.start,
                end: m.end,
                place: cn.clone(),
                rule: "crossing",
            })
        })
        .collect()
}

/// Every gazetteer entry called `name` (any spelling), the likeliest first
/// (without context: kind, region prior, population).
pub fn lookup(name: &str) -> Vec<&'static Place> {
    let g = gazetteer::get();
    let k = gazetteer::key(name);
    let Some(hits) = g.index.get(k.as_str()) else {
        return Vec::new();
    };
    let mut scored: Vec<(f32, u32)> = hits
        .iter()
        .map(|h| {
            (
                base_score(&g.entries[h.entry as usize], h, Suffix::None),
                h.entry,
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out: Vec<&'static Place> = Vec::new();
    for (_, id) in scored {
        let p = &g.entries[id as usize].place;
        if !out.iter().any(|q| std::ptr::eq(*q, p)) {
            out.push(p);
        }
    }
    out
}

/// The country with ISO 3166-1 alpha-2 `code` (precision `country`, its
/// centre).
pub fn country(code: &str) -> Option<Place> {
    let g = gazetteer::get();
    let code = code.to_ascii_uppercase();
    g.countries
        .get(code.as_str())
        .map(|&i| g.entries[i as usize].place.clone())
}

/// The province (admin1) of `country` called `name`, in any of the
/// spellings reporters use ("Hamgyong-bukto", "North Hamkyung" → North
/// Hamgyong; "Kirin" → Jilin); precision `admin1`, its centre.
pub fn admin1(country: &str, name: &str) -> Option<Place> {
    let g = gazetteer::get();
    let cc = country.to_ascii_uppercase();
    let mut k = gazetteer::key(name);
    for suffix in ["province", "autonomousregion", "region", "prefecture"] {
        if k.len() > suffix.len() + 2
            && k.ends_with(suffix)
            && !g
                .admin1
                .contains_key(&(cc.as_str().into(), k.as_str().into()))
        {
            k.truncate(k.len() - suffix.len());
            break;
        }
    }
    g.admin1
        .get(&(cc.as_str().into(), k.as_str().into()))
        .map(|&i| g.entries[i as usize].place.clone())
}

/// The province a place lies in, as an `admin1` place.
pub fn admin1_of(place: &Place) -> Option<Place> {
    admin1(&place.country, place.admin1.as_deref()?)
}

/// Great-circle distance between two places, in km.
pub fn distance_km(a: &Place, b: &Place) -> f64 {
    haversine(a.lat, a.lon, b.lat, b.lon)
}

fn haversine(la1: f64, lo1: f64, la2: f64, lo2: f64) -> f64 {
    let (la1, lo1, la2, lo2) = (
        la1.to_radians(),
        lo1.to_radians(),
        la2.to_radians(),
        lo2.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

// ------------------------------------------------------------- tokens ----

#[derive(Debug, Clone, Copy, PartialEq)]
struct Tok {
    start: usize,
    end: usize,
    /// `end` less a possessive "'s".
    core_end: usize,
    /// Starts with an upper-case letter (or a letter of a script without case).
    cap: bool,
    /// Every cased letter is upper case.
    upper: bool,
    /// Only spaces between this word and the previous one, which is a token.
    joined: bool,
    /// Range of this token's key in the shared key buffer; `kcore` ends the
    /// key of the core.
    kstart: usize,
    kcore: usize,
    kend: usize,
}

/// Does a sentence (or a line) start at byte `start`?
fn sentence_start(text: &str, start: usize) -> bool {
    // the ASCII bytes before it one by one; from the first other char on,
    // char by char
    let bytes = text.as_bytes();
    let mut at = start;
    while at > 0 && bytes[at - 1] < 0x80 {
        match bytes[at - 1] {
            b'\n' | b'.' | b'!' | b'?' => return true,
            b'"' | b'\'' | b'(' | b'[' | b'-' => {}
            b if (b as char).is_whitespace() => {}
            _ => return false,
        }
        at -= 1;
    }
    for c in text[..at].chars().rev() {
        if c == '\n' || matches!(c, '.' | '!' | '?') {
            return true;
        }
        if c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '—' | '-')
        {
            continue;
        }
        return false;
    }
    true
}

/// ASCII letters and digits, the bytes a token is made of (a byte table: one
/// load per byte instead of range tests).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The char starting at byte `pos` (a char boundary below `text.len()`).
#[inline]
fn char_at(text: &str, pos: usize) -> char {
    let b = text.as_bytes()[pos];
    if b < 0x80 {
        b as char
    } else {
        text[pos..].chars().next().unwrap_or(' ')
    }
}

/// The char ending at byte `pos`, if any.
#[inline]
fn char_before(text: &str, pos: usize) -> Option<char> {
    match pos.checked_sub(1).map(|p| text.as_bytes()[p]) {
        None => None,
        Some(b) if b < 0x80 => Some(b as char),
        Some(_) => text[..pos].chars().next_back(),
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.')
}

/// A capitalised word starts with this char: an upper-case letter, or a
/// letter of a script without case.
fn is_cap(c: char) -> bool {
    !is_punctuation(c) && (c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

/// U+2000 to U+203F: spaces, dashes, quotes and other punctuation, the
/// non-ASCII chars of most news text; none is a letter or a digit, and a
/// range test spares them the look-ups in the Unicode tables.
#[inline]
fn is_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{203f}').contains(&c)
}

/// `c.is_alphanumeric()`, with a fast answer for ASCII and punctuation.
#[inline]
fn alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_punctuation(c) && c.is_alphanumeric()
    }
}

/// The high bit of every byte of `x` that is not an ASCII letter or digit
/// (eight bytes in a word, no branch). With the high bits cleared no byte
/// carries into the next: `v + (0x80 - c)` sets a byte's high bit when it
/// is `c` or more; a letter is in `a..=z` once `0x20` is set in it (which
/// takes no other byte there).
#[inline]
fn not_alnum8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let ge = |v: u64, c: u8| v.wrapping_add(ONES * u64::from(0x80 - c));
    let y = x & !HIGH;
    let l = y | (ONES * 0x20);
    let letter = ge(l, b'a') & !ge(l, b'z' + 1);
    let digit = ge(y, b'0') & !ge(y, b'9' + 1);
    (!(letter | digit) | x) & HIGH
}

/// The end of the word starting at `start` (a letter or digit), and whether
/// the word is plain: ASCII letters and digits only.
///
/// A word is a run of letters and digits, joined through an apostrophe or a
/// hyphen ("Ji'an", "Hamgyong-bukto") and through the dots of an acronym
/// ("U.S.").
#[inline(never)]
fn word_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut pos = start;
    // `last`: start of the last char taken; `seg`: start of the segment
    // after the last joiner (one char when `last == seg`)
    let (mut last, mut seg) = (start, start);
    let mut plain = true;
    let mut has_dot = false;
    loop {
        while pos < n {
            // eight bytes at a time while they are ASCII letters and digits;
            // the first other byte goes to the test below
            if pos + 8 <= n {
                let mut w = [0u8; 8];
                w.copy_from_slice(&bytes[pos..pos + 8]);
                let stop = not_alnum8(u64::from_le_bytes(w));
                if stop == 0 {
                    pos += 8;
                    last = pos - 1;
                    continue;
                }
                let k = (stop.trailing_zeros() / 8) as usize;
                if k > 0 {
                    pos += k;
                    last = pos - 1;
                }
            }
            let b = bytes[pos];
            if b < 0x80 {
                if !ASCII_ALNUM[b as usize] {
                    break;
                }
                last = pos;
                pos += 1;
            } else {
                let c = char_at(text, pos);
                if !alnum(c) {
                    break;
                }
                plain = false;
                last = pos;
                pos += c.len_utf8();
            }
        }
        // a joiner between two letters: ' - . and ’ (U+2019) ‐ (U+2010)
        let (len, dot) = match bytes.get(pos) {
            Some(b'\'' | b'-') => (1, false),
            Some(b'.') => (1, true),
            Some(0xE2)
                if bytes.get(pos + 1) == Some(&0x80)
                    && matches!(bytes.get(pos + 2), Some(0x99 | 0x90)) =>
            {
                (3, false)
            }
            _ => break,
        };
        let after = pos + len;
        if after >= n {
            break;
        }
        let d = char_at(text, after);
        if !alnum(d) {
            break;
        }
        if dot {
            // only inside acronyms: "U.S.A."
            if !(last == seg && char_at(text, last).is_uppercase() && d.is_uppercase()) {
                break;
            }
            has_dot = true;
        }
        plain = false;
        seg = after;
        last = after;
        pos = after + d.len_utf8();
    }
    // the final dot of an acronym: "U.S."
    if has_dot && last == seg && bytes.get(pos) == Some(&b'.') {
        pos += 1;
    }
    (pos, plain)
}

/// [`word_end`], with the common word answered inline: ASCII letters and
/// digits, fewer than eight, then an ASCII byte that joins nothing (not
/// `'`, `-` or `.`). [`word_end`] stops at that byte and returns the same
/// (the word is plain); every other word goes to it.
#[inline(always)]
fn word_end_quick(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    if let Some(w) = bytes.get(start..start + 8) {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        let stop = not_alnum8(x);
        if stop != 0 {
            let p = start + (stop.trailing_zeros() / 8) as usize;
            let b = bytes[p];
            if p > start && b < 0x80 && !matches!(b, b'\'' | b'-' | b'.') {
                return (p, true);
            }
        }
    }
    word_end(text, start)
}

/// Does a word start at `p`, where a letter or digit is? (Else the letter
/// continues the word before it.) Decided by the chars just before: a
/// letter or digit continues a word, and so does a joiner with a letter or
/// digit before it, except a dot that is not inside an acronym (one
/// upper-case letter on each side, the one before standing alone).
fn word_starts(text: &str, p: usize) -> bool {
    let Some(y) = char_before(text, p) else {
        return true;
    };
    if alnum(y) {
        return false;
    }
    if !is_joiner(y) {
        return true;
    }
    let zend = p - y.len_utf8();
    let Some(z) = char_before(text, zend) else {
        return true;
    };
    if !alnum(z) {
        return true;
    }
    if y != '.' {
        return false;
    }
    let z_alone = !matches!(char_before(text, zend - z.len_utf8()), Some(w) if alnum(w));
    !(z_alone && z.is_uppercase() && char_at(text, p).is_uppercase())
}

/// The first byte at or after `p` that may start a capitalised word: an
/// ASCII capital or a byte of another script (eight bytes at a time).
#[inline(never)]
fn next_cap_candidate(bytes: &[u8], mut p: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // sixteen bytes at a time with SSE2 (part of every x86-64): a capital
    // is above '@' and below '[' as a signed byte, a byte of another script
    // is negative
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        while p + 16 <= bytes.len() {
            // SAFETY: SSE2 is always there on x86-64, and the sixteen bytes
            // read are inside `bytes`
            let m = unsafe {
                let v = _mm_loadu_si128(bytes.as_ptr().add(p).cast());
                let upper = _mm_and_si128(
                    _mm_cmpgt_epi8(v, _mm_set1_epi8(b'@' as i8)),
                    _mm_cmplt_epi8(v, _mm_set1_epi8(b'[' as i8)),
                );
                _mm_movemask_epi8(_mm_or_si128(upper, v)) as u32
            };
            if m != 0 {
                return p + m.trailing_zeros() as usize;
            }
            p += 16;
        }
    }
    while p + 8 <= bytes.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[p..p + 8]);
        let x = u64::from_le_bytes(w);
        // with the high bits cleared no byte carries into the next one:
        // `y + 0x3f` sets the high bit from 'A' up, `y + 0x25` from '[' up
        let y = x & !HIGH;
        let upper = y.wrapping_add(ONES * 0x3f) & !y.wrapping_add(ONES * 0x25);
        let hits = (upper | x) & HIGH;
        if hits != 0 {
            return p + (hits.trailing_zeros() / 8) as usize;
        }
        p += 8;
    }
    while p < bytes.len() && !(bytes[p].is_ascii_uppercase() || bytes[p] >= 0x80) {
        p += 1;
    }
    p
}

/// The words of `text` that spotting can use, with the keys of the
/// capitalised ones and of the connectors in `keys`: `keys` comes holding
/// the ASCII-lowercased text, where the key of a plain word (ASCII letters
/// and digits) is its own span; the keys of the other words are appended.
///
/// These are the capitalised words, and the lower-case connectors and
/// suffix words ("of", "province", "river") right after one of those: every
/// other word only ever stops a name, so it is left out and the word after
/// it is not `joined`. Runs of lower-case text are skipped eight bytes at a
/// time to the next capital, where [`word_starts`] tells from the chars
/// before it whether a word starts there. (The reference, every word char
/// by char, is `tokenize_ref` in the tests, compared on random text.)
/// The tokens go into `toks` (cleared first).
#[inline(never)]
fn tokenize_into(text: &str, keys: &mut String, toks: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    toks.clear();
    let mut pos = 0;
    // the word before is in `toks`
    let mut prev_kept = false;
    while pos < n {
        let (start, joined) = if prev_kept {
            // the next word, and whether only spaces come before it
            let mut spaces = true;
            while pos < n {
                let b = bytes[pos];
                if b < 0x80 {
                    if ASCII_ALNUM[b as usize] {
                        break;
                    }
                    spaces &= b == b' ';
                    pos += 1;
                } else {
                    let c = char_at(text, pos);
                    if alnum(c) {
                        break;
                    }
                    spaces &= c == '\u{a0}';
                    pos += c.len_utf8();
                }
            }
            if pos >= n {
                break;
            }
            let prev_end = toks.last().map_or(0, |t| t.end);
            let joined = spaces && pos > prev_end;
            // a lower-case word (or one of digits) that is not joined, or
            // that opens with no connector or suffix word, is left out
            // unread: the search for the next capital goes on from it
            let b = bytes[pos];
            if b < 0x80 && !b.is_ascii_uppercase() && !(joined && opens_lower_kept(&bytes[pos..])) {
                prev_kept = false;
                continue;
            }
            (pos, joined)
        } else {
            // the next capitalised word
            pos = next_cap_candidate(bytes, pos);
            if pos >= n {
                break;
            }
            let b = bytes[pos];
            if b < 0x80 {
                // (after a space or other ASCII mark that joins nothing a
                // word starts: `word_starts` is asked only after the rest)
                let after_mark = pos > 0 && {
                    let y = bytes[pos - 1];
                    y < 0x80 && !y.is_ascii_alphanumeric() && !matches!(y, b'\'' | b'-' | b'.')
                };
                if !after_mark && !word_starts(text, pos) {
                    pos += 1;
                    continue;
                }
            } else if b < 0xC0 {
                pos += 1;
                continue;
            } else {
                let c = char_at(text, pos);
                if !is_cap(c) || !word_starts(text, pos) {
                    pos += c.len_utf8();
                    continue;
                }
            }
            (pos, false)
        };
        let (end, plain) = word_end_quick(text, start);
        pos = end;
        // (the word's bytes: a byte slice needs no char boundary checks)
        let word = &bytes[start..end];
        let core_end = if plain {
            end
        } else if word.len() > 3 && word.ends_with(b"'s") {
            end - 2
        } else if word.len() > 5 && word.ends_with("’s".as_bytes()) {
            end - 4
        } else {
            end
        };
        let b0 = bytes[start];
        let cap = if b0 < 0x80 {
            b0.is_ascii_uppercase()
        } else {
            is_cap(char_at(text, start))
        };
        let connector = !cap && is_connector_bytes(word);
        if !cap && !(joined && (connector || is_lower_suffix(&text[start..core_end]))) {
            prev_kept = false;
            continue;
        }
        prev_kept = true;
        let (upper, kstart, kcore, kend);
        if cap || connector {
            if plain {
                // letters and digits only: the key is the word lower-cased,
                // its own span of the lowercase text
                upper = !bytes[start..core_end].iter().any(u8::is_ascii_lowercase);
                kstart = start;
                kcore = core_end;
            } else {
                let core = &text[start..core_end];
                kstart = keys.len();
                upper = core.chars().all(|c| !c.is_lowercase());
                gazetteer::push_key(core, keys);
                kcore = keys.len();
                gazetteer::push_key(&text[core_end..end], keys);
            }
            kend = if plain { core_end } else { keys.len() };
        } else {
            upper = false;
            kstart = start;
            kcore = start;
            kend = start;
        }
        toks.push(Tok {
            start,
            end,
            core_end,
            cap,
            upper,
            joined,
            kstart,
            kcore,
            kend,
        });
    }
}

/// [`tokenize_into`] a new vector.
#[cfg(test)]
fn tokenize(text: &str, keys: &mut String) -> Vec<Tok> {
    let mut toks = Vec::new();
    tokenize_into(text, keys, &mut toks);
    toks
}

// ------------------------------------------------------------ spotting ----

/// What a word after the name says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    None,
    /// "Province", "Autonomous Region", "Oblast"...
    Admin,
    /// "County", "City", "district", "Korean Autonomous County"...
    City,
}

/// A name found in the text with its candidate entries.
#[derive(Debug)]
struct Raw {
    start: usize,
    end: usize,
    hits: Cow<'static, [Hit]>,
    suffix: Suffix,
    key_len: usize,
    single: bool,
    /// A capitalised word follows that is not part of the name: the name may
    /// be the start of a longer unknown one ("Thang Tin post").
    cap_after: bool,
    common: bool,
    sent_start: bool,
    upper: bool,
}

const ADMIN_SUFFIXES: &[&[&str]] = &[
    &["Zhuang", "Autonomous", "Region"],
    &["Autonomous", "Region"],
    &["Province"],
    &["province"],
    &["Provinces"],
    &["provinces"],
    &["Region"],
    &["Oblast"],
    &["Krai"],
    &["Municipality"],
    &["municipality"],
    &["State"],
    &["Aimag"],
];

const CITY_SUFFIXES: &[&[&str]] = &[
    &["Korean", "Autonomous", "County"],
    &["Korean", "Autonomous", "Prefecture"],
    &["Autonomous", "County"],
    &["Autonomous", "Prefecture"],
    &["Prefecture"],
    &["prefecture"],
    &["County"],
    &["county"],
    &["City"],
    &["city"],
    &["District"],
    &["district"],
    &["Town"],
    &["town"],
    &["Township"],
    &["township"],
    &["Village"],
    &["village"],
];

/// Words after a name that make it something else than the place.
const NOT_PLACE_AFTER: &[&str] = &[
    "Mountain",
    "Mountains",
    "Mount",
    "Lake",
    "Island",
    "Islands",
    "Sea",
    "Strait",
    "Bay",
    "Peninsula",
    "Gulf",
    "Valley",
    "Plateau",
    "Desert",
    "Street",
    "Road",
    "Avenue",
    "Daily",
    "Times",
    "Herald",
    "Journal",
    "Airlines",
    "Ilbo",
    "Shinmun",
];

/// Words before a name that make it something else than the place.
const NOT_PLACE_BEFORE: &[&str] = &["Mount", "Mt", "Lake", "Mr", "Mrs", "Ms", "Dr"];

/// Titles before a person's name: the capitalised words after them are a name.
const HONORIFICS: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Madam",
    "Mme",
    "Pastor",
    "Rev",
    "Reverend",
    "Father",
    "Sister",
    "Brother",
    "President",
    "Chairman",
    "Premier",
    "Minister",
    "General",
    "Gen",
    "Lt",
    "Col",
    "Sgt",
    "Prof",
    "Professor",
    "Ambassador",
    "Secretary",
    "Leader",
    "Rep",
    "Sen",
    "Senator",
    "Lawmaker",
];

fn is_honorific(w: &str) -> bool {
    // every title is ASCII, capitalised, at most ten letters: two cheap
    // tests turn most words away before the list
    w.len() <= 10
        && w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && HONORIFICS.contains(&w)
}

/// The key is a surname ([`SURNAMES`]).
const W_SURNAME: u8 = 2;
/// The key is never a place on its own ([`STOP`]).
const W_STOP: u8 = 4;
/// The key of a title ([`HONORIFICS`]).
const W_HONORIFIC: u8 = 8;
/// The key of a word of [`NOT_PLACE_BEFORE`].
const W_BEFORE: u8 = 16;
/// The key of a word of [`NOT_PLACE_AFTER`], of "River", or of the first
/// word of a suffix.
const W_AFTER: u8 = 32;

/// The keys of the word lists, with their flags, for the gazetteer's
/// [`Word`] table. A word of a list has its key flagged, so a key without
/// the flag rules the list out before the words are compared (the lists'
/// words are ASCII letters: their key is the word lower-cased).
pub(crate) fn listed_words() -> Vec<(String, u8)> {
    let mut out = Vec::new();
    let lists: [(&[&str], u8); 4] = [
        (SURNAMES, W_SURNAME),
        (STOP, W_STOP),
        (HONORIFICS, W_HONORIFIC),
        (NOT_PLACE_BEFORE, W_BEFORE),
    ];
    for (list, flag) in lists {
        out.extend(list.iter().map(|w| (gazetteer::key(w), flag)));
    }
    let after = NOT_PLACE_AFTER
        .iter()
        .chain(["River"].iter())
        .chain(ADMIN_SUFFIXES.iter().chain(CITY_SUFFIXES).map(|s| &s[0]));
    out.extend(after.map(|w| (gazetteer::key(w), W_AFTER)));
    out
}

/// Lower-case words the suffixes and rivers are made of ("province",
/// "river"): the tokenizer keeps them after a capitalised word. (Every
/// lower-case word of [`ADMIN_SUFFIXES`] and [`CITY_SUFFIXES`]: a test
/// checks it.)
fn is_lower_suffix(w: &str) -> bool {
    matches!(
        w,
        "river"
            | "province"
            | "provinces"
            | "municipality"
            | "prefecture"
            | "county"
            | "city"
            | "district"
            | "town"
            | "township"
            | "village"
    )
}

/// Whether `rest` opens with the start of a connector or of a lower-case
/// suffix word: every one of them starts with one of these (a test checks
/// it), so a word that does not is none of them. A connector ("of", "de")
/// must also end there: an ASCII letter or digit after it makes a longer
/// word ("often", "detained"), which is no connector.
fn opens_lower_kept(rest: &[u8]) -> bool {
    let starts = |w: &[u8]| rest.starts_with(w);
    let ends = |n: usize| !rest.get(n).is_some_and(u8::is_ascii_alphanumeric);
    match rest.first() {
        Some(b'o') => (starts(b"of") || starts(b"on")) && ends(2),
        Some(b'd') => {
            (starts(b"de") && (ends(2) || (starts(b"del") && ends(3))))
                || (starts(b"da") && ends(2))
                || starts(b"district")
        }
        Some(b'l') => starts(b"la") && ends(2),
        Some(b'p') => starts(b"province") || starts(b"prefecture"),
        Some(b'm') => starts(b"municipality"),
        Some(b'c') => starts(b"county") || starts(b"city"),
        Some(b't') => starts(b"town"),
        Some(b'v') => starts(b"village"),
        Some(b'r') => starts(b"river"),
        _ => false,
    }
}

/// Lower-case connectors allowed inside a multi-word name.
fn is_connector(w: &str) -> bool {
    is_connector_bytes(w.as_bytes())
}

/// [`is_connector`] of a word's bytes.
fn is_connector_bytes(w: &[u8]) -> bool {
    matches!(w, b"of" | b"de" | b"la" | b"del" | b"da" | b"on")
}

/// Keys never taken as a place on their own: everyday words that are also
/// place names, compass words, regions, months, news agencies, and
/// Korean, Chinese and Vietnamese surnames.
static STOP: &[&str] = &[
    "afp",
    "ahn",
    "ai",
    "an",
    "ap",
    "april",
    "asia",
    "august",
    "bae",
    "baek",
    "bai",
    "bak",
    "bang",
    "bay",
    "bbc",
    "border",
    "bui",
    "byun",
    "cai",
    "cao",
    "cha",
    "chae",
    "chang",
    "chen",
    "cheng",
    "cheon",
    "chi",
    "chin",
    "cho",
    "choe",
    "choi",
    "chon",
    "chong",
    "choo",
    "chu",
    "chun",
    "chung",
    "city",
    "cnn",
    "coast",
    "county",
    "cross",
    "dai",
    "daily",
    "dang",
    "december",
    "deng",
    "ding",
    "do",
    "dong",
    "du",
    "duan",
    "duong",
    "east",
    "eastern",
    "eom",
    "europe",
    "fan",
    "february",
    "feng",
    "free",
    "friday",
    "fu",
    "games",
    "gao",
    "gil",
    "go",
    "gong",
    "grand",
    "great",
    "gu",
    "guo",
    "gye",
    "ha",
    "ham",
    "han",
    "hao",
    "he",
    "heo",
    "ho",
    "hoang",
    "hong",
    "hou",
    "hu",
    "hua",
    "human",
    "huynh",
    "hwang",
    "hyon",
    "hyun",
    "im",
    "january",
    "jeon",
    "jeong",
    "ji",
    "jia",
    "jiang",
    "jin",
    "jo",
    "joo",
    "ju",
    "july",
    "jun",
    "june",
    "jung",
    "kang",
    "kcna",
    "ki",
    "kil",
    "kim",
    "ko",
    "koh",
    "kong",
    "koo",
    "korea",
    "ku",
    "kwak",
    "kwon",
    "kye",
    "le",
    "lee",
    "lei",
    "li",
    "liang",
    "liberty",
    "lim",
    "lin",
    "liu",
    "long",
    "lu",
    "luo",
    "ly",
    "ma",
    "man",
    "mao",
    "march",
    "may",
    "meng",
    "min",
    "mine",
    "mission",
    "mo",
    "monday",
    "moon",
    "mun",
    "na",
    "nam",
    "nations",
    "new",
    "news",
    "ngo",
    "nguyen",
    "nk",
    "no",
    "noh",
    "north",
    "northern",
    "november",
    "october",
    "oh",
    "ok",
    "old",
    "paek",
    "pak",
    "pan",
    "pang",
    "park",
    "party",
    "pham",
    "phan",
    "police",
    "post",
    "province",
    "pyo",
    "pyon",
    "qin",
    "qiu",
    "radio",
    "red",
    "ren",
    "reuters",
    "rhee",
    "ri",
    "rights",
    "river",
    "roh",
    "ryu",
    "saint",
    "saturday",
    "security",
    "seo",
    "seok",
    "seong",
    "september",
    "shen",
    "shi",
    "shim",
    "shin",
    "sim",
    "sin",
    "so",
    "sohn",
    "sok",
    "son",
    "song",
    "south",
    "southern",
    "state",
    "su",
    "suh",
    "sun",
    "sunday",
    "sung",
    "tak",
    "tan",
    "tang",
    "tao",
    "the",
    "thursday",
    "tian",
    "times",
    "tran",
    "tuesday",
    "u",
    "um",
    "un",
    "unhcr",
    "union",
    "united",
    "vo",
    "vu",
    "wan",
    "wang",
    "wednesday",
    "wei",
    "wen",
    "west",
    "western",
    "wi",
    "won",
    "woo",
    "wu",
    "xi",
    "xia",
    "xiao",
    "xie",
    "xinhua",
    "xiong",
    "xu",
    "yan",
    "yang",
    "yao",
    "ye",
    "yeo",
    "yeom",
    "yi",
    "yonhap",
    "yoo",
    "yoon",
    "yu",
    "yuan",
    "yun",
    "zeng",
    "zhang",
    "zhao",
    "zheng",
    "zhou",
    "zhu",
    "zou",
];

/// Surnames that open a person's name ("Kim Jong Un", "Xi Jinping").
static SURNAMES: &[&str] = &[
    "ahn", "bae", "baek", "bak", "bang", "bui", "byun", "cai", "cao", "cha", "chae", "chang",
    "chen", "cheng", "cho", "choe", "choi", "chon", "chong", "choo", "chu", "chun", "chung",
    "dang", "deng", "ding", "do", "dong", "du", "duong", "eom", "fan", "feng", "gao", "go", "gong",
    "guo", "ha", "han", "he", "heo", "ho", "hoang", "hong", "hu", "hua", "huang", "huynh", "hwang",
    "hyon", "hyun", "im", "jang", "jeon", "jeong", "ji", "jiang", "jin", "jo", "joo", "ju", "jung",
    "kang", "kim", "ko", "koh", "kong", "koo", "ku", "kwak", "kwon", "kye", "le", "lee", "li",
    "liang", "lim", "lin", "liu", "lu", "luo", "ly", "ma", "mao", "min", "moon", "mun", "na",
    "nam", "ngo", "nguyen", "noh", "oh", "paek", "pak", "pang", "park", "peng", "pham", "phan",
    "pyon", "qin", "rhee", "ri", "roh", "ryu", "seo", "shen", "shin", "sim", "sin", "sohn", "son",
    "song", "suh", "sun", "sung", "tang", "tian", "tran", "um", "vo", "vu", "wang", "wei", "wen",
    "woo", "wu", "xi", "xie", "xu", "yang", "yao", "yeo", "yi", "yoo", "yoon", "yu", "yun",
    "zhang", "zhao", "zheng", "zhou", "zhu",
];

const MAX_TOKENS: usize = 7;

fn tok_text<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.start..t.core_end]
}

/// The words of `seq` at tokens `from..`, joined; returns the token after them.
fn seq_at(text: &str, toks: &[Tok], from: usize, seq: &[&str]) -> Option<usize> {
    let b = text.as_bytes();
    for (o, w) in seq.iter().enumerate() {
        let t = toks.get(from + o)?;
        let full = &b[t.start..t.end] == w.as_bytes();
        // a possessive on the last word still counts ("Jilin Province's")
        let core = o + 1 == seq.len() && &b[t.start..t.core_end] == w.as_bytes();
        if !t.joined || !(full || core) {
            return None;
        }
    }
    Some(from + seq.len())
}

/// The names in `toks` into `raws`; `words` and `scratch` are buffers
/// (all three cleared first).
#[inline(never)]
fn spot(
    text: &str,
    toks: &[Tok],
    keys: &str,
    g: &'static Gazetteer,
    words: &mut Vec<Option<&'static Word>>,
    raws: &mut Vec<Raw>,
    scratch: &mut String,
) {
    raws.clear();
    let n = toks.len();
    // what the gazetteer and the word lists know of each word's key
    // (keys read as bytes: a byte slice needs no char boundary checks)
    let kb = keys.as_bytes();
    words.clear();
    words.extend(toks.iter().map(|t| {
        if t.kstart == t.kcore {
            None
        } else {
            g.words.get_in(kb, t.kstart, t.kcore)
        }
    }));
    let words = &*words;
    let flags = |i: usize| words[i].map_or(0, |w| w.flags);
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        if !t.cap {
            i += 1;
            continue;
        }
        if flags(i) & W_HONORIFIC != 0 && is_honorific(tok_text(text, t)) {
            // skip the name after the title
            i += 1;
            while i < n && toks[i].joined && toks[i].cap {
                i += 1;
            }
            continue;
        }
        // the whole word's entry (the core's unless it has a possessive)
        let whole = if t.kcore == t.kend {
            words[i]
        } else {
            g.words.get_in(kb, t.kstart, t.kend)
        };
        // extent of the capitalised run a name can take
        let most = whole.map_or(1, |w| usize::from(w.first_words.max(1)).min(MAX_TOKENS));
        let mut last = i;
        while last + 1 < n
            && last + 1 - i < most
            && toks[last].core_end == toks[last].end
            && toks[last + 1].joined
            && (toks[last + 1].cap || is_connector(&text[toks[last + 1].start..toks[last + 1].end]))
        {
            last += 1;
        }
        // longest name first
        let mut found: Option<(usize, usize, &'static [Hit])> = None; // (j, end byte, hits)
        'outer: for j in (i..=last).rev() {
            if !toks[j].cap {
                continue;
            }
            if j == i {
                // one word: its entries are in hand
                let named = |w: Option<&'static Word>| w.filter(|w| !w.hits.is_empty());
                if let Some(w) = named(whole) {
                    found = Some((j, t.end, &w.hits));
                    break 'outer;
                }
                if t.kcore != t.kend {
                    if let Some(w) = named(words[i]) {
                        found = Some((j, t.core_end, &w.hits));
                        break 'outer;
                    }
                }
            }
            scratch.clear();
            for t in &toks[i..j] {
                scratch.push_str(&keys[t.kstart..t.kend]);
            }
            let base = scratch.len();
            let tj = &toks[j];
            // the whole last word, then without a possessive
            for (kend, end) in [(tj.kend, tj.end), (tj.kcore, tj.core_end)] {
                if j == i {
                    break;
                }
                scratch.truncate(base);
                scratch.push_str(&keys[tj.kstart..kend]);
                if let Some(h) = g.hits(scratch) {
                    found = Some((j, end, h));
                    break 'outer;
                }
                if tj.kcore == tj.kend {
                    break;
                }
            }
            // "Musan-gun", "Hyesan-si": a Korean county or city suffix
            // (every suffix starts with a hyphen: most words have none, and
            // a plain word, whose key is its own span of the lowercase text
            // before the appended keys, has none)
            let w = || tok_text(text, tj);
            if j == i && tj.kstart >= text.len() && w().as_bytes().contains(&b'-') {
                let w = w();
                for suf in ["-gun", "-kun", "-si", "-shi", "-eup", "-up", "-do"] {
                    if w.len() > suf.len() + 2 && w.ends_with(suf) {
                        scratch.clear();
                        gazetteer::push_key(&w[..w.len() - suf.len()], scratch);
                        if let Some(h) = g.hits(scratch) {
                            found = Some((j, tj.core_end, h));
                            break 'outer;
                        }
                    }
                }
            }
        }
        // a person's name: a surname and more capitalised words
        if flags(i) & W_SURNAME != 0
            && i + 1 < n
            && toks[i + 1].joined
            && toks[i + 1].cap
            && !matches!(found, Some((j, _, _)) if j > i)
        {
            let nxt = tok_text(text, &toks[i + 1]);
            let suffixy = ADMIN_SUFFIXES
                .iter()
                .chain(CITY_SUFFIXES.iter())
                .any(|s| s[0] == nxt)
                || NOT_PLACE_AFTER.contains(&nxt)
                || nxt == "River";
            if !suffixy {
                let mut k = i + 1;
                while k + 1 < n && k - i < 3 && toks[k + 1].joined && toks[k + 1].cap {
                    k += 1;
                }
                i = k + 1;
                continue;
            }
        }
        let Some((j, mut end, mut hits)) = found else {
            i += 1;
            continue;
        };
        let mut next = j + 1;
        // words before and after
        if i > 0
            && toks[i].joined
            && flags(i - 1) & W_BEFORE != 0
            && NOT_PLACE_BEFORE.contains(&tok_text(text, &toks[i - 1]))
        {
            i = next;
            continue;
        }
        let mut suffix = Suffix::None;
        let mut skip = false;
        // (a capitalised word without the flag is none of the words below)
        if end == toks[j].end
            && next < n
            && toks[next].joined
            && (!toks[next].cap || flags(next) & W_AFTER != 0)
        {
            let w = &text[toks[next].start..toks[next].end];
            let wc = tok_text(text, &toks[next]);
            if NOT_PLACE_AFTER.contains(&wc) {
                skip = true;
            } else if wc == "River" || wc == "river" {
                // "Tumen river": the river's own entry; a river named like a
                // town is not the town
                scratch.clear();
                for t in &toks[i..=j] {
                    scratch.push_str(&keys[t.kstart..t.kend]);
                }
                scratch.push_str("river");
                let border = |h: &Hit| g.entries[h.entry as usize].kind == Kind::Border;
                if let Some(rh) = g.hits(scratch).filter(|v| v.iter().any(border)) {
                    hits = rh;
                    end = toks[next].core_end;
                    next += 1;
                } else if hits.iter().any(border) {
                    end = toks[next].core_end;
                    next += 1;
                } else {
                    skip = true;
                }
            } else if !w.is_empty() {
                for (list, kind) in [
                    (ADMIN_SUFFIXES, Suffix::Admin),
                    (CITY_SUFFIXES, Suffix::City),
                ] {
                    if let Some(s) = list.iter().find_map(|s| seq_at(text, toks, next, s)) {
                        suffix = kind;
                        end = toks[s - 1].core_end;
                        next = s;
                        break;
                    }
                }
            }
        }
        if skip {
            i = next + 1;
            continue;
        }
        let single = i == j;
        // the name's key is its words' core keys: one word's is in hand
        let key_len: usize = toks[i..=j].iter().map(|t| t.kcore - t.kstart).sum();
        if single && suffix == Suffix::None && flags(i) & W_STOP != 0 {
            i = next;
            continue;
        }
        // filter the candidates by what the suffix says
        let want = match suffix {
            Suffix::Admin => Some(Kind::Admin1),
            Suffix::City => Some(Kind::City),
            Suffix::None => None,
        };
        let mut hs: Cow<'static, [Hit]> = Cow::Borrowed(hits);
        if let Some(kind) = want {
            let of_kind = |h: &&Hit| g.entries[h.entry as usize].kind == kind;
            if hs.iter().any(|h| of_kind(&h)) && !hs.iter().all(|h| of_kind(&h)) {
                hs = Cow::Owned(hs.iter().filter(of_kind).copied().collect());
            }
        }
        raws.push(Raw {
            start: toks[i].start,
            end,
            hits: hs,
            suffix,
            key_len,
            single,
            cap_after: suffix == Suffix::None
                && next < n
                && toks[next].joined
                && toks[next].cap
                && !toks[next].upper,
            common: single && flags(i) & W_COMMON != 0,
            sent_start: sentence_start(text, toks[i].start),
            upper: toks[i..=j].iter().all(|t| t.upper),
        });
        i = next;
    }
    // "in Ha Giang and Lang Son provinces": a plural suffix names every
    // place of the list before it.
    for k in (1..raws.len()).rev() {
        let plural = raws[k].suffix == Suffix::Admin
            && text[raws[k].start..raws[k].end]
                .to_ascii_lowercase()
                .ends_with("provinces");
        if plural {
            let mut m = k;
            while m > 0 {
                let gap = text[raws[m - 1].end..raws[m].start].trim();
                if gap == "and" || gap == "," || gap == ", and" || gap == "or" {
                    raws[m - 1].suffix = Suffix::Admin;
                    m -= 1;
                } else {
                    break;
                }
            }
        }
    }
}

// ----------------------------------------------------------- resolving ----

fn base_score(e: &Entry, h: &Hit, suffix: Suffix) -> f32 {
    let mut s = match e.kind {
        Kind::Country => 10.0,
        Kind::Admin1 if e.municipality && suffix != Suffix::Admin => 4.0,
        // In the route countries a province is named after its capital and
        // reporters write the bare name for the town ("guards in Lang Son").
        Kind::Admin1
            if suffix != Suffix::Admin
                && !matches!(&e.cc, b"CN" | b"KP" | b"KR" | b"RU" | b"MN") =>
        {
            4.5
        }
        Kind::Admin1 => 8.0,
        Kind::Border => 9.0,
        Kind::City => e.size,
    };
    if h.primary {
        s += 2.5;
    }
    s += e.prior;
    s += match (suffix, e.kind) {
        (Suffix::Admin, Kind::Admin1) => 5.0,
        (Suffix::City, Kind::City) => 3.0,
        (Suffix::Admin, Kind::City) | (Suffix::City, Kind::Admin1) => -3.0,
        _ => 0.0,
    };
    s
}

/// Is mention `q` a province or country qualifying mention `m` right before
/// it ("Dandong, Liaoning", "Nanping in Jilin", "Tumen (Jilin Province)")?
fn qualifies(text: &str, m: &Raw, q: &Raw) -> bool {
    if q.start < m.end {
        return false;
    }
    // Every accepted gap, trimmed, opens with one of `, ( i o n`: an ASCII
    // byte after the leading ASCII whitespace that is none of them (most
    // gaps: a stretch of text) rules the gap out before it is trimmed. (The
    // bytes skipped are the ASCII chars `trim` drops; a non-ASCII byte goes
    // to the full test.)
    let gap = &text.as_bytes()[m.end..q.start];
    let lead = gap
        .iter()
        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'));
    if lead.is_some_and(|&b| b < 0x80 && !matches!(b, b',' | b'(' | b'i' | b'o' | b'n')) {
        return false;
    }
    let between = text[m.end..q.start].trim();
    matches!(
        between,
        "," | "in" | ", in" | "(" | "of" | ", of" | "near" | ", near"
    )
}

/// The mentions that name something: the first one and how many.
#[derive(Debug, Clone, Copy)]
struct Seen {
    first: usize,
    last: usize,
    count: usize,
}

impl Seen {
    fn new(m: usize) -> Self {
        Seen {
            first: m,
            last: m,
            count: 1,
        }
    }
    fn add(&mut self, m: usize) {
        if self.last != m {
            self.last = m;
            self.count += 1;
        }
    }
    /// Named by a mention other than `m`.
    fn besides(&self, m: usize) -> bool {
        self.count > 1 || self.first != m
    }
}

/// A place told unambiguously, which pulls same-name places near it.
struct Anchor {
    lat: f64,
    lon: f64,
    cos_lat: f64,
    /// Its province's entry.
    admin1: Option<u32>,
    seen: Seen,
}

impl Anchor {
    /// Distance in km (equirectangular: good to a few per cent within the
    /// 500 km that matter here).
    fn km_to(&self, lat: f64, lon: f64) -> f64 {
        let dy = lat - self.lat;
        let mut dx = (lon - self.lon).abs();
        if dx > 180.0 {
            dx = 360.0 - dx;
        }
        let dx = dx * self.cos_lat;
        111.195 * (dx * dx + dy * dy).sqrt()
    }
}

/// Notes that mention `m` names `what` (at most [`MAX_ANCHORS`] distinct).
fn note<T: PartialEq>(list: &mut Vec<(T, Seen)>, what: T, m: usize) {
    if let Some((_, seen)) = list.iter_mut().find(|(w, _)| *w == what) {
        seen.add(m);
    } else if list.len() < MAX_ANCHORS {
        list.push((what, Seen::new(m)));
    }
}

fn named_besides<T: PartialEq>(list: &[(T, Seen)], what: &T, m: usize) -> bool {
    list.iter().any(|(w, seen)| w == what && seen.besides(m))
}

/// At most this many distinct places anchor the others.
const MAX_ANCHORS: usize = 64;

struct Ctx {
    /// Provinces named in the text: (country, admin1).
    admin1s: Vec<(u32, Seen)>,
    /// Countries named in the text.
    countries: Vec<([u8; 2], Seen)>,
    /// Places told unambiguously: (entry, its anchor). A list, not a map:
    /// it is short, read whole for every candidate (by `any` and the least
    /// distance, which the order does not change).
    anchors: Vec<(u32, Anchor)>,
    /// For each mention, the mention right after it when that one qualifies it.
    qualifier: Vec<Option<usize>>,
}

fn score(g: &Gazetteer, m: usize, raws: &[Raw], h: &Hit, ctx: &Ctx) -> (f32, bool) {
    let r = &raws[m];
    let e = &g.entries[h.entry as usize];
    let mut s = base_score(e, h, r.suffix);
    let mut context = false;
    if e.kind == Kind::Country {
        return (s, false);
    }
    let a1 = e.place.admin1.as_deref().unwrap_or("");
    let cc = e.place.country.as_str();
    if let Some(q) = ctx.qualifier[m] {
        let names = |kind: Kind| {
            raws[q].hits.iter().any(|qh| {
                let qe = &g.entries[qh.entry as usize];
                qe.kind == kind
                    && qe.place.country == cc
                    && (kind == Kind::Country || qe.place.name == a1)
            })
        };
        if e.kind != Kind::Admin1 && names(Kind::Admin1) {
            s += 6.0;
            context = true;
        } else if names(Kind::Country) {
            s += 3.0;
            context = true;
        }
    }
    if e.kind == Kind::Admin1 && !(e.municipality && r.suffix != Suffix::Admin) {
        // a place named in the text lies in this province
        if ctx
            .anchors
            .iter()
            .any(|(_, a)| a.admin1 == Some(h.entry) && a.seen.besides(m))
        {
            s += 3.0;
            context = true;
        }
        // "Sokcho, Gangwon Province": the place before it lies in it
        if m > 0
            && ctx.qualifier[m - 1] == Some(m)
            && raws[m - 1]
                .hits
                .iter()
                .any(|p| g.entries[p.entry as usize].admin1_entry == Some(h.entry))
        {
            s += 4.0;
            context = true;
        }
    }
    if e.kind != Kind::Admin1
        && e.admin1_entry
            .is_some_and(|a| named_besides(&ctx.admin1s, &a, m))
    {
        s += 2.5;
        context = true;
    }
    if named_besides(&ctx.countries, &e.cc, m) {
        s += 1.0;
        context = true;
    }
    let mut best = f64::INFINITY;
    for (_, a) in &ctx.anchors {
        if a.seen.besides(m) {
            best = best.min(a.km_to(e.place.lat, e.place.lon));
        }
    }
    if best < 50.0 {
        s += 3.0;
        context = true;
    } else if best < 150.0 {
        s += 2.0;
        context = true;
    } else if best < 500.0 {
        s += 1.0;
    }
    (s, context)
}

fn accept(
    g: &Gazetteer,
    raws: &[Raw],
    m: usize,
    h: &Hit,
    s: f32,
    ctx: &Ctx,
    context: bool,
) -> bool {
    let r = &raws[m];
    let e = &g.entries[h.entry as usize];
    let strong = r.suffix != Suffix::None || ctx.qualifier[m].is_some();
    if r.key_len <= 2 && !r.upper {
        return false;
    }
    match e.kind {
        Kind::Country | Kind::Border => true,
        Kind::Admin1 => {
            if r.common || r.key_len <= 4 {
                strong || context || named_besides(&ctx.countries, &e.cc, m)
            } else {
                true
            }
        }
        Kind::City => {
            // an everyday word ("Long", "Hue") is a town only with a suffix or
            // a province after it, or when it is a big city's own name
            // mid-sentence
            if r.common
                && !strong
                && (e.population < 300_000
                    || (r.sent_start && e.population < 1_000_000)
                    || !h.primary)
            {
                return false;
            }
            // a small town's name opening a longer capitalised name
            if r.cap_after && e.population < 20_000 && !strong {
                return false;
            }
            // a short alternate name of one word is too weak
            if !h.primary && r.single && r.key_len <= 4 && !strong {
                return false;
            }
            let min = if r.key_len <= 3 { 7.5 } else { 5.5 };
            s >= min || (strong && s >= 4.0)
        }
    }
}

/// The best accepted candidate of mention `m`: (hit, score, margin, context).
fn best(g: &Gazetteer, raws: &[Raw], m: usize, ctx: &Ctx) -> Option<(Hit, f32, f32, bool)> {
    let mut top: Option<(Hit, f32, bool)> = None;
    let mut second = f32::NEG_INFINITY;
    for h in raws[m].hits.iter() {
        let (s, c) = score(g, m, raws, h, ctx);
        if !accept(g, raws, m, h, s, ctx, c) {
            continue;
        }
        match top {
            Some((th, ts, _)) if s <= ts => {
                if th.entry != h.entry {
                    second = second.max(s);
                }
            }
            Some((th, ts, _)) => {
                if th.entry != h.entry {
                    second = second.max(ts);
                }
                top = Some((*h, s, c));
            }
            None => top = Some((*h, s, c)),
        }
    }
    top.map(|(h, s, c)| (h, s, s - second, c))
}

/// The best candidate of each mention in pass 1 of [`resolve`].
type Firsts = Vec<Option<(Hit, f32, f32, bool)>>;

thread_local! {
    /// The buffers of [`resolve`], kept from one text to the next (cleared
    /// before each: only their allocations are reused).
    static RESOLVE_SCRATCH: std::cell::RefCell<(Ctx, Firsts)> = const {
        std::cell::RefCell::new((
            Ctx {
                admin1s: Vec::new(),
                countries: Vec::new(),
                anchors: Vec::new(),
                qualifier: Vec::new(),
            },
            Vec::new(),
        ))
    };
}

#[inline(never)]
fn resolve(text: &str, raws: &[Raw], g: &'static Gazetteer) -> Vec<PlaceMention> {
    RESOLVE_SCRATCH.with(|cell| {
        let mut scratch = cell.borrow_mut();
        let (ctx, first) = &mut *scratch;
        ctx.admin1s.clear();
        ctx.countries.clear();
        ctx.anchors.clear();
        ctx.qualifier.clear();
        ctx.qualifier.resize(raws.len(), None);
        first.clear();
        resolve_with(text, raws, g, ctx, first)
    })
}

fn resolve_with(
    text: &str,
    raws: &[Raw],
    g: &'static Gazetteer,
    ctx: &mut Ctx,
    first: &mut Firsts,
) -> Vec<PlaceMention> {
    for (m, r) in raws.iter().enumerate() {
        for h in r.hits.iter() {
            let e = &g.entries[h.entry as usize];
            match e.kind {
                Kind::Admin1 if !(e.municipality && r.suffix != Suffix::Admin) => {
                    note(&mut ctx.admin1s, h.entry, m);
                }
                Kind::Country => note(&mut ctx.countries, e.cc, m),
                _ => {}
            }
        }
        if m + 1 < raws.len() && qualifies(text, r, &raws[m + 1]) {
            let q = &raws[m + 1];
            let is_q = q.hits.iter().any(|h| {
                let e = &g.entries[h.entry as usize];
                matches!(e.kind, Kind::Admin1 | Kind::Country)
            });
            if is_q {
                ctx.qualifier[m] = Some(m + 1);
            }
        }
    }
    // pass 1: places told unambiguously anchor the others
    //
    // A mention's best candidate depends on the anchors only through those
    // named besides it; what its own step adds is named by it alone (a new
    // anchor) or was named besides it already (one seen before). So a
    // mention after which no step changes the anchors has in pass 2 the
    // best candidate it had in pass 1, kept in `first`; and so has a
    // mention of countries only, which are scored without the anchors.
    let mut last_change: Option<usize> = None;
    for m in 0..raws.len() {
        let top = best(g, raws, m, ctx);
        first.push(top);
        if let Some((h, _, margin, _)) = top {
            let e = &g.entries[h.entry as usize];
            if matches!(e.kind, Kind::City | Kind::Border) && margin >= 2.0 {
                if let Some((_, a)) = ctx.anchors.iter_mut().find(|(id, _)| *id == h.entry) {
                    a.seen.add(m);
                    last_change = Some(m);
                } else if ctx.anchors.len() < MAX_ANCHORS {
                    let anchor = Anchor {
                        lat: e.place.lat,
                        lon: e.place.lon,
                        cos_lat: e.place.lat.to_radians().cos(),
                        admin1: e.admin1_entry,
                        seen: Seen::new(m),
                    };
                    ctx.anchors.push((h.entry, anchor));
                    last_change = Some(m);
                }
            }
        }
    }
    // pass 2
    let mut out = Vec::with_capacity(raws.len());
    for (m, r) in raws.iter().enumerate() {
        let countries = || {
            r.hits
                .iter()
                .all(|h| g.entries[h.entry as usize].kind == Kind::Country)
        };
        let top = if last_change.is_none_or(|k| k <= m) || countries() {
            first[m]
        } else {
            best(g, raws, m, ctx)
        };
        if let Some((h, _, _, context)) = top {
            let e = &g.entries[h.entry as usize];
            let rule = if ctx.qualifier[m].is_some() {
                "place:qualified"
            } else if r.suffix != Suffix::None {
                "place:suffix"
            } else if context {
                "place:context"
            } else {
                "place:prior"
            };
            out.push(PlaceMention {
                start: r.start,
                end: r.end,
                place: e.place.clone(),
                rule,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Lines that open with a dateline, and the dateline's length up to
    /// its dash; lines that do not.
    #[test]
    fn place_datelines() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "SEOUL, Dec. 30 (Yonhap) -- Police said",
                Some("SEOUL, Dec. 30 (Yonhap) "),
            ),
            (
                "PHNOM PENH (AP) \u{2014} Six were held",
                Some("PHNOM PENH (AP) "),
            ),
            (
                "GENEVA (17 October 2023) \u{2013} The office",
                Some("GENEVA (17 October 2023) "),
            ),
            (
                "VLADIVOSTOK, Russia, Dec. 23 Kyodo - Nine",
                Some("VLADIVOSTOK, Russia, Dec. 23 Kyodo "),
            ),
            ("BANGKOK\u{2014}Thai police", Some("BANGKOK")),
            // not datelines
            ("UNHCR said on Monday - in a statement", None),
            ("SEOUL police said - nothing", None),
            ("NK - a note", None),
            ("DANDONG, China\nThe police - said", None),
            ("Seoul, Dec. 30 -- Police", None),
        ];
        for (line, want) in rows {
            assert_eq!(dateline_end(line).map(|n| &line[..n]), *want, "{line:?}");
        }
    }

    #[test]
    fn place_stop_and_surname_lists_are_sorted() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]), "STOP not sorted");
        assert!(
            SURNAMES.windows(2).all(|w| w[0] < w[1]),
            "SURNAMES not sorted"
        );
    }

    #[test]
    fn place_listed_words_are_ascii_letters() {
        // a listed word's key is the word lower-cased: its flag is a sure
        // pre-test
        for (k, _) in listed_words() {
            assert!(k.bytes().all(|b| b.is_ascii_lowercase()), "{k}");
        }
        let words = HONORIFICS
            .iter()
            .chain(NOT_PLACE_BEFORE)
            .chain(NOT_PLACE_AFTER);
        for w in words.chain(ADMIN_SUFFIXES.iter().chain(CITY_SUFFIXES).map(|s| &s[0])) {
            assert!(w.bytes().all(|b| b.is_ascii_alphabetic()), "{w}");
            assert_eq!(gazetteer::key(w), w.to_ascii_lowercase());
        }
    }

    proptest! {
        #[test]
        fn place_dateline_end_is_a_boundary(s in "\\PC{0,90}") {
            if let Some(n) = dateline_end(&s) {
                prop_assert!(s.is_char_boundary(n) && n <= 80);
            }
        }
    }

    #[test]
    fn place_lower_suffixes_are_kept() {
        for w in ADMIN_SUFFIXES
            .iter()
            .chain(CITY_SUFFIXES)
            .flat_map(|s| s.iter())
        {
            let lower = w.starts_with(|c: char| !c.is_uppercase());
            assert_eq!(is_lower_suffix(w), lower, "{w}");
        }
        let lower_kept = ["river", "of", "de", "la", "del", "da", "on"];
        let suffixes = ADMIN_SUFFIXES
            .iter()
            .chain(CITY_SUFFIXES)
            .flat_map(|s| s.iter());
        for w in suffixes.chain(lower_kept.iter()) {
            if is_lower_suffix(w) || is_connector(w) {
                assert!(opens_lower_kept(w.as_bytes()), "{w}");
            }
        }
    }

    #[test]
    fn place_lookup_country_admin1() {
        assert_eq!(country("kp").unwrap().name, "North Korea");
        assert_eq!(
            admin1("KP", "Hamgyong-bukto").unwrap().name,
            "North Hamgyong"
        );
        assert_eq!(admin1("KP", "Yanggang Province").unwrap().name, "Ryanggang");
        assert_eq!(admin1("CN", "Kirin").unwrap().name, "Jilin");
        assert_eq!(admin1("LA", "Oudomxai").unwrap().name, "Oudomxay");
        let dandong = lookup("Dandong");
        assert_eq!(dandong[0].admin1.as_deref(), Some("Liaoning"));
        assert_eq!(admin1_of(dandong[0]).unwrap().name, "Liaoning");
        let nanping = lookup("Nanping");
        assert!(nanping.len() > 2);
        assert!(lookup("Nowhere-at-all").is_empty());
    }

    #[test]
    #[ignore = "a timing check, not a test: run with --ignored on an idle machine"]
    fn place_speed() {
        // a made-up report with a news report's density of names
        let report = "SEOUL, Oct. 9 (Reporters) -- Chinese police have arrested about 20 North \
            Korean defectors, including women and children, in Dandong, Liaoning Province, \
            and are holding them in a detention center near the border, a South Korean \
            activist group said on Tuesday. The group was caught early this month while \
            travelling by bus toward Kunming, the capital of Yunnan, on a route that leads \
            through Laos to Thailand, said Kim Hee-tae, head of the group. A source in Yanji \
            said another five were taken to Tumen, where a facility holds people before they \
            are handed over to North Korean authorities across the Tumen River at Namyang. \
            \"They are likely to be sent back to Sinuiju within days,\" the source said. \
            Human rights groups have urged Beijing to stop the repatriations, saying that \
            those returned face harsh punishment, including labor camps. Seoul's foreign \
            ministry said it was checking the report and had asked China for cooperation. \
            Relatives in South Korea said they had paid brokers in Shenyang thousands of \
            dollars. Last year, the same group said 12 people were caught in Hunchun and \
            sent to Onsong in North Hamgyong Province. ";
        let text = report.repeat(1000);
        let _ = find("warm up");
        let t = std::time::Instant::now();
        let mut n = 0;
        for chunk in text.as_bytes().chunks(report.len()) {
            n += find(std::str::from_utf8(chunk).unwrap()).len();
        }
        let secs = t.elapsed().as_secs_f64();
        let mbs = text.len() as f64 / secs / 1e6;
        eprintln!("place::find: {mbs:.1} MB/s, {n} mentions");
        assert!(n >= 1000 * 15, "{n}");
        // the target (50 MB/s) is for release builds on an idle machine;
        // these floors only catch a quadratic slip
        let floor = if cfg!(debug_assertions) { 0.3 } else { 10.0 };
        assert!(mbs > floor, "{mbs} MB/s");
    }

    /// What the tokenizer keeps of every word: the capitalised ones, and
    /// the connectors and suffix words joined to a kept one; a word after
    /// one left out is not joined.
    fn kept(text: &str, all: &[Tok]) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut prev_kept = false;
        for t in all {
            let joined = t.joined && prev_kept;
            prev_kept = t.cap
                || (joined
                    && (is_connector(&text[t.start..t.end])
                        || is_lower_suffix(&text[t.start..t.core_end])));
            if prev_kept {
                out.push(Tok { joined, ..*t });
            }
        }
        out
    }

    type TokView = (usize, usize, usize, bool, bool, bool, String, String);

    fn tok_view(t: &Tok, keys: &str) -> TokView {
        (
            t.start,
            t.end,
            t.core_end,
            t.cap,
            t.upper,
            t.joined,
            keys[t.kstart..t.kcore].to_string(),
            keys[t.kcore..t.kend].to_string(),
        )
    }

    // spotting as it was before the one look-up per word, for the tests
    fn spot_ref(text: &str, toks: &[Tok], keys: &str, g: &'static Gazetteer) -> Vec<Raw> {
        let mut raws = Vec::new();
        let mut scratch = String::with_capacity(64);
        let n = toks.len();
        let mut i = 0;
        while i < n {
            let t = &toks[i];
            if !t.cap {
                i += 1;
                continue;
            }
            let word = tok_text(text, t);
            if is_honorific(word) {
                // skip the name after the title
                i += 1;
                while i < n && toks[i].joined && toks[i].cap {
                    i += 1;
                }
                continue;
            }
            // extent of the capitalised run a name can take
            let most = g
                .first_words
                .get(&keys[t.kstart..t.kend])
                .map_or(1, |&w| usize::from(w).min(MAX_TOKENS));
            let mut last = i;
            while last + 1 < n
                && last + 1 - i < most
                && toks[last].core_end == toks[last].end
                && toks[last + 1].joined
                && (toks[last + 1].cap
                    || is_connector(&text[toks[last + 1].start..toks[last + 1].end]))
            {
                last += 1;
            }
            // longest name first
            let mut found: Option<(usize, usize, &'static Vec<Hit>)> = None; // (j, end byte, hits)
            'outer: for j in (i..=last).rev() {
                if !toks[j].cap {
                    continue;
                }
                scratch.clear();
                for t in &toks[i..j] {
                    scratch.push_str(&keys[t.kstart..t.kend]);
                }
                let base = scratch.len();
                let tj = &toks[j];
                // the whole last word, then without a possessive
                for (kend, end) in [(tj.kend, tj.end), (tj.kcore, tj.core_end)] {
                    scratch.truncate(base);
                    scratch.push_str(&keys[tj.kstart..kend]);
                    if let Some(h) = g.index.get(scratch.as_str()) {
                        found = Some((j, end, h));
                        break 'outer;
                    }
                    if tj.kcore == tj.kend {
                        break;
                    }
                }
                // "Musan-gun", "Hyesan-si": a Korean county or city suffix
                // (every suffix starts with a hyphen: most words have none)
                let w = tok_text(text, tj);
                if j == i && w.as_bytes().contains(&b'-') {
                    for suf in ["-gun", "-kun", "-si", "-shi", "-eup", "-up", "-do"] {
                        if w.len() > suf.len() + 2 && w.ends_with(suf) {
                            scratch.clear();
                            gazetteer::push_key(&w[..w.len() - suf.len()], &mut scratch);
                            if let Some(h) = g.index.get(scratch.as_str()) {
                                found = Some((j, tj.core_end, h));
                                break 'outer;
                            }
                        }
                    }
                }
            }
            // a person's name: a surname and more capitalised words
            let k0 = &keys[t.kstart..t.kcore];
            if SURNAMES.binary_search(&k0).is_ok()
                && i + 1 < n
                && toks[i + 1].joined
                && toks[i + 1].cap
                && !matches!(found, Some((j, _, _)) if j > i)
            {
                let nxt = tok_text(text, &toks[i + 1]);
                let suffixy = ADMIN_SUFFIXES
                    .iter()
                    .chain(CITY_SUFFIXES.iter())
                    .any(|s| s[0] == nxt)
                    || NOT_PLACE_AFTER.contains(&nxt)
                    || nxt == "River";
                if !suffixy {
                    let mut k = i + 1;
                    while k + 1 < n && k - i < 3 && toks[k + 1].joined && toks[k + 1].cap {
                        k += 1;
                    }
                    i = k + 1;
                    continue;
                }
            }
            let Some((j, mut end, mut hits)) = found else {
                i += 1;
                continue;
            };
            let mut next = j + 1;
            // words before and after
            if i > 0 && toks[i].joined && NOT_PLACE_BEFORE.contains(&tok_text(text, &toks[i - 1])) {
                i = next;
                continue;
            }
            let mut suffix = Suffix::None;
            let mut skip = false;
            if end == toks[j].end && next < n && toks[next].joined {
                let w = &text[toks[next].start..toks[next].end];
                let wc = tok_text(text, &toks[next]);
                if NOT_PLACE_AFTER.contains(&wc) {
                    skip = true;
                } else if wc == "River" || wc == "river" {
                    // "Tumen river": the river's own entry; a river named like a
                    // town is not the town
                    scratch.clear();
                    for t in &toks[i..=j] {
                        scratch.push_str(&keys[t.kstart..t.kend]);
                    }
                    scratch.push_str("river");
                    let border = |h: &Hit| g.entries[h.entry as usize].kind == Kind::Border;
                    if let Some(rh) = g
                        .index
                        .get(scratch.as_str())
                        .filter(|v| v.iter().any(border))
                    {
                        hits = rh;
                        end = toks[next].core_end;
                        next += 1;
                    } else if hits.iter().any(border) {
                        end = toks[next].core_end;
                        next += 1;
                    } else {
                        skip = true;
                    }
                } else if !w.is_empty() {
                    for (list, kind) in [
                        (ADMIN_SUFFIXES, Suffix::Admin),
                        (CITY_SUFFIXES, Suffix::City),
                    ] {
                        if let Some(s) = list.iter().find_map(|s| seq_at(text, toks, next, s)) {
                            suffix = kind;
                            end = toks[s - 1].core_end;
                            next = s;
                            break;
                        }
                    }
                }
            }
            if skip {
                i = next + 1;
                continue;
            }
            let single = i == j;
            let key_str = {
                scratch.clear();
                for t in &toks[i..=j] {
                    scratch.push_str(&keys[t.kstart..t.kcore]);
                }
                scratch.as_str()
            };
            if single && suffix == Suffix::None && STOP.binary_search(&key_str).is_ok() {
                i = next;
                continue;
            }
            // filter the candidates by what the suffix says
            let want = match suffix {
                Suffix::Admin => Some(Kind::Admin1),
                Suffix::City => Some(Kind::City),
                Suffix::None => None,
            };
            let mut hs: Cow<'static, [Hit]> = Cow::Borrowed(hits.as_slice());
            if let Some(kind) = want {
                let of_kind = |h: &&Hit| g.entries[h.entry as usize].kind == kind;
                if hs.iter().any(|h| of_kind(&h)) && !hs.iter().all(|h| of_kind(&h)) {
                    hs = Cow::Owned(hs.iter().filter(of_kind).copied().collect());
                }
            }
            raws.push(Raw {
                start: toks[i].start,
                end,
                hits: hs,
                suffix,
                key_len: key_str.len(),
                single,
                cap_after: suffix == Suffix::None
                    && next < n
                    && toks[next].joined
                    && toks[next].cap
                    && !toks[next].upper,
                common: single && g.common.contains(key_str),
                sent_start: sentence_start(text, toks[i].start),
                upper: toks[i..=j].iter().all(|t| t.upper),
            });
            i = next;
        }
        // "in Ha Giang and Lang Son provinces": a plural suffix names every
        // place of the list before it.
        for k in (1..raws.len()).rev() {
            let plural = raws[k].suffix == Suffix::Admin
                && text[raws[k].start..raws[k].end]
                    .to_ascii_lowercase()
                    .ends_with("provinces");
            if plural {
                let mut m = k;
                while m > 0 {
                    let gap = text[raws[m - 1].end..raws[m].start].trim();
                    if gap == "and" || gap == "," || gap == ", and" || gap == "or" {
                        raws[m - 1].suffix = Suffix::Admin;
                        m -= 1;
                    } else {
                        break;
                    }
                }
            }
        }
        raws
    }

    // the tokenizer char by char, as it was before the byte tables
    fn is_joiner(c: char) -> bool {
        matches!(c, '\'' | '’' | '-' | '‐' | '.')
    }

    fn char_at_ref(text: &str, pos: usize) -> Option<char> {
        let b = *text.as_bytes().get(pos)?;
        if b < 0x80 {
            Some(b as char)
        } else {
            text[pos..].chars().next()
        }
    }

    fn tokenize_ref(text: &str, keys: &mut String) -> Vec<Tok> {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut toks: Vec<Tok> = Vec::with_capacity(n / 6 + 1);
        let mut pos = 0;
        let mut prev_end = 0usize;
        while pos < n {
            let b = bytes[pos];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    pos += 1;
                    continue;
                }
            } else if !text.is_char_boundary(pos) {
                pos += 1;
                continue;
            } else {
                let c = char_at_ref(text, pos).unwrap_or(' ');
                if !c.is_alphanumeric() {
                    pos += c.len_utf8();
                    continue;
                }
            }
            let start = pos;
            let first = char_at_ref(text, pos).unwrap_or(' ');
            let mut prev = first;
            let mut seg_len = 1; // chars in the current segment (after a joiner)
            let mut has_dot = false;
            pos += first.len_utf8();
            while let Some(c) = char_at_ref(text, pos) {
                if c.is_alphanumeric() {
                    pos += c.len_utf8();
                    prev = c;
                    seg_len += 1;
                    continue;
                }
                if is_joiner(c) {
                    let after = pos + c.len_utf8();
                    match char_at_ref(text, after) {
                        Some(d) if d.is_alphanumeric() => {
                            if c == '.' {
                                // only inside acronyms: "U.S.A."
                                if !(seg_len == 1 && prev.is_uppercase() && d.is_uppercase()) {
                                    break;
                                }
                                has_dot = true;
                            }
                            pos = after + d.len_utf8();
                            prev = d;
                            seg_len = 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                break;
            }
            // the final dot of an acronym: "U.S."
            if has_dot && seg_len == 1 && bytes.get(pos) == Some(&b'.') {
                pos += 1;
            }
            let end = pos;
            let word = &text[start..end];
            let core_end = if word.len() > 3 && word.ends_with("'s") {
                end - 2
            } else if word.len() > 5 && word.ends_with("’s") {
                end - 4
            } else {
                end
            };
            let cap = first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase());
            let gap = &bytes[prev_end..start];
            let joined = !toks.is_empty()
                && !gap.is_empty()
                && (gap.iter().all(|&b| b == b' ')
                    || text[prev_end..start]
                        .chars()
                        .all(|c| c == ' ' || c == '\u{a0}'));
            let kstart = keys.len();
            let (upper, kcore, kend);
            if cap || is_connector(word) {
                upper = word[..core_end - start].chars().all(|c| !c.is_lowercase());
                gazetteer::push_key(&text[start..core_end], keys);
                kcore = keys.len();
                gazetteer::push_key(&text[core_end..end], keys);
                kend = keys.len();
            } else {
                upper = false;
                kcore = kstart;
                kend = kstart;
            }
            toks.push(Tok {
                start,
                end,
                core_end,
                cap,
                upper,
                joined,
                kstart,
                kcore,
                kend,
            });
            prev_end = end;
        }
        toks
    }

    proptest! {
        #[test]
        fn place_tokenize_matches_reference(s in "\\PC{0,200}", parts in prop::collection::vec(
            prop::sample::select(vec!["A", "b", "U", "S", "x", "7", "Ji", "an", "Ŭ", "ŭ", "é", "회령",
                "Σ", "ß", "ǅ", " ", " ", "  ", "\u{a0}", "\n", ".", ". ", "'", "'s", "’", "’s", "-",
                "‐", ",", "(", "\"", "—", "\u{2011}", "\u{e2}", "of", "on", "province", "river",
                "Province", "provinces", "Mr", "de"]), 0..40)) {
            for text in [s.clone(), parts.concat()] {
                let (mut k1, mut k2) = (text.to_ascii_lowercase(), String::new());
                let new = tokenize(&text, &mut k1);
                let old = kept(&text, &tokenize_ref(&text, &mut k2));
                let new: Vec<_> = new.iter().map(|t| tok_view(t, &k1)).collect();
                let old: Vec<_> = old.iter().map(|t| tok_view(t, &k2)).collect();
                prop_assert_eq!(new, old, "{:?}", text);
            }
        }

        #[test]
        fn place_find_matches_reference(words in prop::collection::vec(
            prop::sample::select(vec!["Dandong", "Jilin", "Province", "province", "provinces",
                "Kim", "the", "North", "Korea", "Tumen", "River", "river", "U.S.", "Ji’an", "Mr",
                "Mount", "Lake", "Bay", "of", "de", "on", "Bengal", "Hyesan-si", "Musan-gun",
                "in", "and", ",", ".", "(", "Nanping", "County", "county", "Korean", "Autonomous",
                "Region", "Guangxi", "Zhuang", "Yalu", "'s", "City", "city", "Daily", "Lang", "Son",
                "12", "Long", "Xi", "Jinping", "Sea", "Mountain", "President", "\u{a0}", "x.Y",
                "China's", "Province's", "Korea's", "Jong", "Dr", "Mrs", "Pastor", "Road", "Park",
                "Lee", "Musan", "Sinuiju", "Liaoning", "Yanji", "Laos", "Beijing", "Mekong", "Oblast",
                "Krai", "Prefecture", "District", "village", "Town", "Hamgyong", "SEOUL", "JILIN",
                "The", "Human", "Rights", "Times", "Shenyang", "Hunchun", "Onsong", "Hue", "Ha",
                "Giang", "Son", "Lang", "Hoiryong", "Sokcho", "Gangwon", "South"]),
                0..40), glue in prop::collection::vec(prop::sample::select(vec![" ", " ", " ", "",
                ", ", "  ", "-", "."]), 40)) {
            let mut s = String::new();
            for (w, g) in words.iter().zip(&glue) {
                s.push_str(w);
                s.push_str(g);
            }
            let mut keys = String::new();
            let toks = tokenize_ref(&s, &mut keys);
            let g = gazetteer::get();
            let raws = spot_ref(&s, &toks, &keys, g);
            let want = if raws.is_empty() { Vec::new() } else { resolve(&s, &raws, g) };
            prop_assert_eq!(find(&s), want, "{:?}", s);
        }

        #[test]
        fn place_find_never_panics(s in "\\PC{0,200}") {
            for m in find(&s) {
                prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                prop_assert!(m.start < m.end && m.end <= s.len());
            }
        }

        #[test]
        fn place_find_mixed_text(words in prop::collection::vec(
            prop::sample::select(vec!["Dandong", "Jilin", "Province", "Kim", "the", "North",
                "Korea", "Tumen", "River", "U.S.", "Ji’an", "Hŭngnam", "회령", "in", ",", ".",
                "Nanping", "County", "Korean", "Autonomous", "Yalu", "'s", "City", "-gun"]), 0..30)) {
            let s = words.join(" ");
            let ms = find(&s);
            let mut prev = 0;
            for m in &ms {
                prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                prop_assert!(m.start >= prev && m.start < m.end);
                prev = m.end;
            }
        }
    }
}
