//! The bundled gazetteer (`data/gazetteer.tsv`, built by
//! `tools/build_gazetteer.py` from GeoNames), parsed once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::fold::FOLD;
use super::Place;
use crate::model::Precision;

static DATA: &str = include_str!("../../data/gazetteer.tsv");

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    City,
    Admin1,
    Country,
    Border,
}

/// One gazetteer entry with what resolution needs beside the [`Place`].
#[derive(Debug)]
pub(crate) struct Entry {
    pub place: Place,
    pub kind: Kind,
    pub population: u32,
    /// `log10(population + 100)`, the size score of a town, worked out once.
    pub size: f32,
    /// An admin1 unit that is one city (Beijing, Bangkok): its bare name is
    /// the city.
    pub municipality: bool,
    /// Prior for the region (China–North Korea border > route countries > rest).
    pub prior: f32,
    /// The country code as bytes.
    pub cc: [u8; 2],
    /// The entry of the province it lies in (of itself, for a province).
    pub admin1_entry: Option<u32>,
}

/// A name in the index pointing at an entry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub entry: u32,
    /// The entry's own name or spelling (not a GeoNames alternate name).
    pub primary: bool,
}

/// A small fast hasher for the short keys of the index (FxHash's mix).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Everything spotting asks of one key, found with one look-up (built from
/// the tables below and the word lists of the place dimension).
#[derive(Debug, Default)]
pub(crate) struct Word {
    /// `index[key]`, or none.
    pub hits: Box<[Hit]>,
    /// `first_words[key]`, or 0.
    pub first_words: u8,
    /// [`W_COMMON`] and the flags of [`super::listed_words`].
    pub flags: u8,
}

/// The key is in `common`.
pub(crate) const W_COMMON: u8 = 1;

/// The [`Word`]s by key, in a table made for the one look-up per
/// capitalised word of spotting: open addressing with linear probing, each
/// entry found by its key's first eight bytes and length (one compare of
/// two words instead of hashing every byte and comparing the strings; only
/// a key longer than eight bytes compares the rest).
pub(crate) struct WordTable {
    /// Per slot: the head of its entry's key, the key's length, and the
    /// entry's index + 1 (0: empty); in the slot, so that a probe reads one
    /// place in memory.
    slots: Box<[(u64, u32, u32)]>,
    keys: Vec<Box<str>>,
    words: Vec<Word>,
}

impl WordTable {
    /// The first eight bytes of a key, zero-padded (two overlapping loads
    /// for a short key, not one a byte).
    #[inline]
    fn head(k: &[u8]) -> u64 {
        let n = k.len();
        let u32_at = |i: usize| u64::from(u32::from_le_bytes([k[i], k[i + 1], k[i + 2], k[i + 3]]));
        match n {
            0 => 0,
            1 => u64::from(k[0]),
            2 => u64::from(k[0]) | u64::from(k[1]) << 8,
            3 => u64::from(k[0]) | u64::from(k[1]) << 8 | u64::from(k[2]) << 16,
            4..=7 => u32_at(0) | u32_at(n - 4) << (8 * (n - 4)),
            _ => u64::from_le_bytes([k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]]),
        }
    }

    #[inline]
    fn slot(&self, head: u64, k: &[u8]) -> usize {
        let n = k.len();
        let mut x = head ^ (n as u64).rotate_right(7);
        if n > 8 {
            let t = &k[n - 8..];
            x ^= u64::from_le_bytes([t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]])
                .rotate_left(29);
        }
        let h = x.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    fn new(map: FxMap<Box<str>, Word>) -> Self {
        let size = (map.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![(0, 0, 0); size].into_boxed_slice(),
            keys: Vec::with_capacity(map.len()),
            words: Vec::with_capacity(map.len()),
        };
        for (k, w) in map {
            let head = Self::head(k.as_bytes());
            let mut i = t.slot(head, k.as_bytes());
            while t.slots[i].2 != 0 {
                i = (i + 1) & (size - 1);
            }
            t.slots[i] = (head, k.len() as u32, t.words.len() as u32 + 1);
            t.keys.push(k);
            t.words.push(w);
        }
        t
    }

    /// The word of key `k`, if the table has it.
    #[cfg(test)]
    pub fn get(&self, k: &str) -> Option<&Word> {
        self.get_bytes(k.as_bytes())
    }

    /// [`WordTable::get`] of a key's bytes.
    #[inline]
    pub fn get_bytes(&self, k: &[u8]) -> Option<&Word> {
        self.get_headed(Self::head(k), k)
    }

    /// [`WordTable::get_bytes`] of the key `buf[start..end]`: when eight
    /// bytes of `buf` follow `start` (the key buffer of spotting is padded
    /// for it) the head is one load and a mask, not a branch on the length.
    #[inline]
    pub fn get_in(&self, buf: &[u8], start: usize, end: usize) -> Option<&Word> {
        let k = &buf[start..end];
        let head = match buf.get(start..start + 8) {
            Some(w) => {
                let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
                let n = k.len().min(8) as u32;
                // the bytes past the key zeroed: the zero-padded head
                x & u64::MAX.checked_shr(64 - 8 * n).unwrap_or(0)
            }
            None => Self::head(k),
        };
        self.get_headed(head, k)
    }

    #[inline]
    fn get_headed(&self, head: u64, k: &[u8]) -> Option<&Word> {
        let mut i = self.slot(head, k);
        loop {
            let (h, n, e) = self.slots[i];
            if e == 0 {
                return None;
            }
            if h == head
                && n as usize == k.len()
                && (k.len() <= 8 || self.keys[e as usize - 1].as_bytes()[8..] == k[8..])
            {
                return Some(&self.words[e as usize - 1]);
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }
}

pub(crate) struct Gazetteer {
    pub entries: Vec<Entry>,
    pub index: FxMap<Box<str>, Vec<Hit>>,
    /// For the first word of every name of several words, the most words a
    /// name starting with it has.
    pub first_words: FxMap<Box<str>, u8>,
    /// Index keys that are also lower-case English words.
    pub common: HashSet<Box<str>, BuildHasherDefault<FxHasher>>,
    pub countries: HashMap<Box<str>, u32>,
    /// (country, admin1 key) -> entry
    pub admin1: HashMap<(Box<str>, Box<str>), u32>,
    /// Every key of `index`, `first_words` and `common`, and the keys of the
    /// place dimension's word lists.
    pub words: WordTable,
}

impl Gazetteer {
    /// `index[k]`, found in the word table (which holds every key of the
    /// index with its hits; no key of the index has none): one cheap
    /// look-up instead of hashing the key.
    #[inline]
    pub fn hits(&'static self, k: &str) -> Option<&'static [Hit]> {
        self.words
            .get_bytes(k.as_bytes())
            .map(|w| &*w.hits)
            .filter(|h| !h.is_empty())
    }
}

pub(crate) fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| parse(DATA))
}

/// Appends the matching key of `s` to `out`: lower-case letters and digits,
/// diacritics folded, everything else (spaces, hyphens, apostrophes) dropped.
pub(crate) fn push_key(s: &str, out: &mut String) {
    if s.is_ascii() {
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase() as char);
            }
        }
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if let Ok(i) = FOLD.binary_search_by(|p| p.0.cmp(&c)) {
            out.push(FOLD[i].1);
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
}

pub(crate) fn key(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    push_key(s, &mut k);
    k
}

/// The region prior of a place: the China–North Korea border provinces and
/// North Korea first, then the routes out (China's south-west and east
/// coast, mainland South-East Asia, Mongolia, the Russian Far East).
pub(crate) fn prior(country: &str, admin1: Option<&str>) -> f32 {
    match (country, admin1.unwrap_or("")) {
        ("KP", _) | ("CN", "Jilin" | "Liaoning" | "Heilongjiang") => 5.0,
        ("CN", "Yunnan" | "Guangxi" | "Shandong" | "Inner Mongolia" | "Beijing") => 1.5,
        ("VN" | "LA" | "TH" | "KH" | "MM" | "MN", _) => 1.5,
        (
            "RU",
            "Primorsky Krai"
            | "Khabarovsk Krai"
            | "Amur Oblast"
            | "Jewish Autonomous Oblast"
            | "Sakhalin Oblast",
        ) => 1.5,
        ("CN" | "KR", _) => 1.0,
        _ => 0.0,
    }
}

fn cc2(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    [
        b.first().copied().unwrap_or(b'?'),
        b.get(1).copied().unwrap_or(b'?'),
    ]
}

fn f(s: &str) -> f64 {
    s.parse().unwrap_or(0.0)
}

fn parse(data: &str) -> Gazetteer {
    let mut g = Gazetteer {
        entries: Vec::with_capacity(10_000),
        index: FxMap::default(),
        first_words: FxMap::default(),
        common: HashSet::default(),
        countries: HashMap::new(),
        admin1: HashMap::new(),
        words: WordTable::new(FxMap::default()),
    };
    let mut words: FxMap<Box<str>, Word> = FxMap::default();
    for line in data.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let (entry, names, alts): (Entry, &str, &str) = match c[0] {
            "C" if c.len() >= 7 => (
                Entry {
                    place: Place {
                        name: c[2].to_string(),
                        admin1: None,
                        country: c[1].to_string(),
                        precision: Precision::Country,
                        lat: f(c[3]),
                        lon: f(c[4]),
                        geonames_id: c[5].parse().ok(),
                    },
                    kind: Kind::Country,
                    population: 0,
                    size: 0.0,
                    municipality: false,
                    prior: prior(c[1], None),
                    cc: cc2(c[1]),
                    admin1_entry: None,
                },
                c[6],
                "",
            ),
            "A" if c.len() >= 7 => (
                Entry {
                    place: Place {
                        name: c[2].to_string(),
                        admin1: Some(c[2].to_string()),
                        country: c[1].to_string(),
                        precision: Precision::Admin1,
                        lat: f(c[3]),
                        lon: f(c[4]),
                        geonames_id: None,
                    },
                    kind: Kind::Admin1,
                    population: 0,
                    size: 0.0,
                    municipality: c[5].contains('m'),
                    prior: prior(c[1], Some(c[2])),
                    cc: cc2(c[1]),
                    admin1_entry: None,
                },
                c[6],
                "",
            ),
            "B" if c.len() >= 7 => (
                Entry {
                    place: Place {
                        name: c[3].to_string(),
                        admin1: Some(c[2].to_string()).filter(|s| !s.is_empty()),
                        country: c[1].to_string(),
                        precision: Precision::Border,
                        lat: f(c[4]),
                        lon: f(c[5]),
                        geonames_id: None,
                    },
                    kind: Kind::Border,
                    population: 0,
                    size: 0.0,
                    municipality: false,
                    prior: prior(c[1], Some(c[2])),
                    cc: cc2(c[1]),
                    admin1_entry: None,
                },
                c[6],
                "",
            ),
            "P" if c.len() >= 9 => (
                Entry {
                    place: Place {
                        name: c[4].to_string(),
                        admin1: Some(c[3].to_string()).filter(|s| !s.is_empty()),
                        country: c[2].to_string(),
                        precision: Precision::City,
                        lat: f(c[5]),
                        lon: f(c[6]),
                        geonames_id: c[1].parse().ok(),
                    },
                    kind: Kind::City,
                    population: c[7].parse().unwrap_or(0),
                    size: 0.0,
                    municipality: false,
                    prior: prior(c[2], Some(c[3])),
                    cc: cc2(c[2]),
                    admin1_entry: None,
                },
                c[8],
                c.get(9).copied().unwrap_or(""),
            ),
            "W" if c.len() >= 2 => {
                for k in c[1].split('|') {
                    g.common.insert(k.into());
                }
                continue;
            }
            _ => continue,
        };
        let mut entry = entry;
        entry.size = ((entry.population as f32) + 100.0).log10();
        let id = g.entries.len() as u32;
        let mut seen: Vec<String> = Vec::new();
        for (list, primary) in [(names, true), (alts, false)] {
            for n in list.split('|').filter(|n| !n.is_empty()) {
                let k = key(n);
                if k.is_empty() || seen.contains(&k) {
                    continue;
                }
                let words: Vec<&str> = n
                    .split([' ', '\u{a0}', '-'])
                    .filter(|w| !w.is_empty())
                    .collect();
                if words.len() > 1 {
                    let w = g.first_words.entry(key(words[0]).into()).or_insert(1);
                    *w = (*w).max(words.len().min(255) as u8);
                }
                g.index
                    .entry(k.as_str().into())
                    .or_default()
                    .push(Hit { entry: id, primary });
                if entry.kind == Kind::Admin1 {
                    g.admin1
                        .insert((entry.place.country.as_str().into(), k.as_str().into()), id);
                }
                seen.push(k);
            }
        }
        if entry.kind == Kind::Country {
            g.countries.insert(entry.place.country.as_str().into(), id);
        }
        g.entries.push(entry);
    }
    // link every place to its province entry
    for i in 0..g.entries.len() {
        let e = &g.entries[i];
        let link = e.place.admin1.as_deref().and_then(|a| {
            g.admin1
                .get(&(e.place.country.as_str().into(), key(a).into()))
                .copied()
        });
        g.entries[i].admin1_entry = link;
    }
    for (k, hits) in &g.index {
        words.entry(k.clone()).or_default().hits = hits.clone().into_boxed_slice();
    }
    for (k, &n) in &g.first_words {
        words.entry(k.clone()).or_default().first_words = n;
    }
    for k in &g.common {
        words.entry(k.clone()).or_default().flags |= W_COMMON;
    }
    for (k, flag) in super::listed_words() {
        words.entry(k.into()).or_default().flags |= flag;
    }
    g.words = WordTable::new(words);
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_gazetteer_loads() {
        let g = get();
        assert!(g.entries.len() > 5000);
        assert!(g.index.contains_key("dandong"));
        assert!(g.countries.contains_key("KP"));
        assert_eq!(key("Hoàng Su Phì"), "hoangsuphi");
        assert_eq!(key("Sinŭiju"), "sinuiju");
        assert_eq!(key("Hamgyong-bukto"), "hamgyongbukto");
        assert_eq!(key("Ji’an"), "jian");
    }

    #[test]
    fn place_word_table_finds_every_key() {
        let g = get();
        let t = &g.words;
        let at: HashMap<&str, usize> = t.keys.iter().enumerate().map(|(i, k)| (&**k, i)).collect();
        let found = |p: &str| {
            t.get(p).map(|w| {
                (w as *const Word as usize - t.words.as_ptr() as usize)
                    / std::mem::size_of::<Word>()
            })
        };
        for (k, i) in &at {
            assert_eq!(found(k), Some(*i), "{k}");
        }
        // keys near the ones held: cut, lengthened, doubled, and short ones
        for k in t.keys.iter().step_by(7) {
            let mut cut = k.chars();
            cut.next_back();
            for p in [
                format!("{k}x"),
                format!("x{k}"),
                format!("{k}{k}"),
                cut.as_str().to_string(),
            ] {
                assert_eq!(found(&p), at.get(p.as_str()).copied(), "{p}");
            }
        }
        for p in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcdefgh",
            "abcdefghi",
            "zzzzzzzzzzzzzzzzzz",
        ] {
            assert_eq!(found(p), at.get(p).copied(), "{p}");
        }
    }
}
