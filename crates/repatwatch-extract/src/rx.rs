//! Regex construction shared by the rule modules.
//!
//! Rules are written with `\b`, `\w` and `\d`. Their Unicode forms keep the
//! regex engine off its fast DFA paths (a Unicode word boundary forces the
//! slower engines, and the Unicode word class makes the lazy DFA thrash), so
//! every rule is compiled with their ASCII forms. Report text is English
//! prose: for the words the rules look at, the two agree.

use regex::{Regex, RegexSet};

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

/// Compiles rule patterns (already in ASCII form) into one set.
pub fn set<'a>(patterns: impl IntoIterator<Item = &'a str>) -> RegexSet {
    regex::RegexSetBuilder::new(patterns)
        .dfa_size_limit(64 << 20)
        .build()
        .unwrap_or_else(|e| panic!("invalid rule set: {e}"))
}

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
}
