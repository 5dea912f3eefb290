//! Regex construction shared by the rule modules.
//!
//! Rules are written with `\b`, `\w` and `\d`. Their Unicode forms keep the
//! regex engine off its fast DFA paths (a Unicode word boundary forces the
//! slower engines, and the Unicode word class makes the lazy DFA thrash), so
//! every rule is compiled with their ASCII forms. Report text is English
//! prose: for the words the rules look at, the two agree.

use regex::Regex;

/// Rewrites `\b`, `\w`, `\d` of a pattern into their ASCII forms.
fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(n) = chars.next() else {
                    out.push('\\');
                    break;
                };
                match (n, in_class) {
                    ('b', false) => out.push_str(r"(?-u:\b)"),
                    ('w', false) => out.push_str("[0-9A-Za-z_]"),
                    ('w', true) => out.push_str("0-9A-Za-z_"),
                    ('d', false) => out.push_str("[0-9]"),
                    ('d', true) => out.push_str("0-9"),
                    _ => {
                        out.push('\\');
                        out.push(n);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // a leading ']' or '^]' is literal
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Compiles a rule pattern with ASCII word boundaries and classes.
///
/// Panics on an invalid pattern: patterns are constants of the crate and
/// the tests compile every one of them.
pub fn re(pattern: &str) -> Regex {
    let p = ascii_classes(pattern);
    regex::RegexBuilder::new(&p)
        .dfa_size_limit(32 << 20)
        .build()
        .unwrap_or_else(|e| panic!("invalid rule pattern {pattern:?}: {e}"))
}

/// Lowercases the literal letters of a pattern (not escapes such as `\S`,
/// `\B`, `\p{..}`, nor group syntax such as `(?P<name>`).
fn lowercase_literals(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                    if matches!(n, 'p' | 'P') && chars.peek() == Some(&'{') {
                        for n in chars.by_ref() {
                            out.push(n);
                            if n == '}' {
                                break;
                            }
                        }
                    }
                }
            }
            '(' if chars.peek() == Some(&'?') => {
                // group syntax up to ':' or '>' or ')' keeps its case
                out.push(c);
                for n in chars.by_ref() {
                    out.push(n);
                    if matches!(n, ':' | '>' | ')') {
                        break;
                    }
                }
            }
            _ => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// Compiles a wholly case-insensitive rule (`(?i)...`, no `(?-i`) into a
/// case-sensitive one over lowercase letters, to run on the ASCII-lowercased
/// text ([`lower`]): offsets are the same, and a case-sensitive pattern gets
/// the engine's literal prefilters, which a case-insensitive one loses.
pub fn lc(pattern: &str) -> Regex {
    let body = pattern
        .strip_prefix("(?i)")
        .unwrap_or_else(|| panic!("lc rule without a leading (?i): {pattern:?}"));
    assert!(
        !body.contains("(?-i"),
        "lc rule with a case-sensitive part: {pattern:?}"
    );
    re(&lowercase_literals(body))
}

/// The text the [`lc`] rules run on: ASCII letters lowercased, every other
/// byte (and so every offset) unchanged.
pub fn lower(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// A fast hasher for short keys (words): the maps of the rules are built
/// by the crate, never from input, so no flooding defence is needed.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by words, with [`WordHasher`].
pub type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_classes() {
        assert_eq!(
            ascii_classes(r"\bfoo\w+[\w'-]\d"),
            r"(?-u:\b)foo[0-9A-Za-z_]+[0-9A-Za-z_'-][0-9]"
        );
        assert_eq!(ascii_classes(r"[^\w]\.\s"), r"[^0-9A-Za-z_]\.\s");
        assert!(re(r"(?i)\bsent\s+\w+\s+back\b").is_match("They were Sent them back."));
    }

    #[test]
    fn lowercase_rules() {
        assert_eq!(
            lowercase_literals(r"(?P<cc>MSS|Chinese)\s+\S\B(?:A|[A-Z])\p{Lu}"),
            r"(?P<cc>mss|chinese)\s+\S\B(?:a|[a-z])\p{Lu}"
        );
        let r = lc(r"(?i)\b(?:Sent|MSS)\s+\w+\s+back\b");
        let t = "They were Sent them BACK by the MSS.";
        let l = lower(t);
        assert_eq!(r.find(&l).map(|m| (m.start(), m.end())), Some((10, 24)));
        assert_eq!(l.len(), t.len());
    }
}
