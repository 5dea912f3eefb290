//! Python-flavoured helpers: truthiness and equality of JSON values as Python
//! sees them, an insertion-ordered JSON tree, and writers that print it the
//! way `json.dumps` does.

use serde_json::{Number, Value};
use std::cmp::Ordering;

/// Python truthiness of a decoded JSON value.
pub(crate) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// `obj.get(key)` on a dict; `None` for a missing key or a non-object.
pub(crate) fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.as_object().and_then(|o| o.get(key))
}

/// `obj.get(key)` with JSON `null` folded into `None`.
pub(crate) fn get_nn<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    get(v, key).filter(|x| !x.is_null())
}

/// `obj.get(key) or fallback`: the value when truthy.
pub(crate) fn get_truthy<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    get(v, key).filter(|x| truthy(x))
}

/// A number as Python would compare it (bools are ints).
pub(crate) fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

fn as_int(v: &Value) -> Option<i128> {
    match v {
        Value::Bool(b) => Some(i128::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from)),
        _ => None,
    }
}

/// Python `==` between decoded JSON values (`1 == 1.0 == True`).
pub(crate) fn py_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, p)| y.get(k).is_some_and(|q| py_eq(p, q)))
        }
        (Value::Bool(_) | Value::Number(_), Value::Bool(_) | Value::Number(_)) => {
            match (as_int(a), as_int(b)) {
                (Some(x), Some(y)) => x == y,
                _ => as_number(a) == as_number(b),
            }
        }
        _ => false,
    }
}

/// Python ordering for `sorted()` of hashable JSON scalars (strings by code
/// point, numbers numerically); mixed kinds, which Python refuses, are
/// ordered by kind so the result is at least deterministic.
pub(crate) fn py_cmp(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Bool(_) | Value::Number(_) => 1,
            Value::String(_) => 2,
            Value::Array(_) => 3,
            Value::Object(_) => 4,
        }
    }
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Bool(_) | Value::Number(_), Value::Bool(_) | Value::Number(_)) => {
            match (as_int(a), as_int(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => as_number(a)
                    .partial_cmp(&as_number(b))
                    .unwrap_or(Ordering::Equal),
            }
        }
        _ => rank(a).cmp(&rank(b)),
    }
}

/// An insertion-ordered JSON tree, so output keys come in Python's order
/// whatever features `serde_json` was built with.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number taken from the input, printed as Python would print it.
    Num(Number),
    /// A computed float (printed like Python's `repr`).
    Float(f64),
    Int(i64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// A string value.
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    pub(crate) fn opt_float(f: Option<f64>) -> Json {
        f.map_or(Json::Null, Json::Float)
    }

    /// Converts to a `serde_json::Value` (key order then follows
    /// `serde_json`'s map).
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Num(n) => Value::Number(n.clone()),
            Json::Float(f) => Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Json::Int(i) => Value::from(*i),
            Json::Str(s) => Value::String(s.clone()),
            Json::Arr(a) => Value::Array(a.iter().map(Json::to_value).collect()),
            Json::Obj(o) => {
                Value::Object(o.iter().map(|(k, v)| (k.clone(), v.to_value())).collect())
            }
        }
    }

    /// `json.dumps(self, indent=indent)` (ASCII-escaped) when `indent` is
    /// given, else `json.dumps(self, ensure_ascii=False)`.
    pub fn dumps(&self, indent: Option<usize>) -> String {
        let mut out = String::new();
        write_json(self, indent, 0, &mut out);
        out
    }
}

impl From<&Value> for Json {
    fn from(v: &Value) -> Json {
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Num(n.clone()),
            Value::String(s) => Json::Str(s.clone()),
            Value::Array(a) => Json::Arr(a.iter().map(Json::from).collect()),
            Value::Object(o) => Json::Obj(o.iter().map(|(k, v)| (k.clone(), v.into())).collect()),
        }
    }
}

fn write_json(v: &Json, indent: Option<usize>, level: usize, out: &mut String) {
    let ascii = indent.is_some();
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => out.push_str(&i.to_string()),
            (None, Some(u), _) => out.push_str(&u.to_string()),
            (None, None, Some(f)) => out.push_str(&py_float_repr(f)),
            _ => out.push_str(&n.to_string()),
        },
        Json::Float(f) => out.push_str(&py_float_repr(*f)),
        Json::Int(i) => out.push_str(&i.to_string()),
        Json::Str(s) => write_str(s, ascii, out),
        Json::Arr(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separator(i, indent, level + 1, out);
                write_json(item, indent, level + 1, out);
            }
            close(indent, level, out);
            out.push(']');
        }
        Json::Obj(items) => {
            if items.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (k, item)) in items.iter().enumerate() {
                separator(i, indent, level + 1, out);
                write_str(k, ascii, out);
                out.push_str(": ");
                write_json(item, indent, level + 1, out);
            }
            close(indent, level, out);
            out.push('}');
        }
    }
}

fn separator(i: usize, indent: Option<usize>, level: usize, out: &mut String) {
    match indent {
        Some(n) => {
            if i > 0 {
                out.push(',');
            }
            out.push('\n');
            out.push_str(&" ".repeat(n * level));
        }
        None => {
            if i > 0 {
                out.push_str(", ");
            }
        }
    }
}

fn close(indent: Option<usize>, level: usize, out: &mut String) {
    if let Some(n) = indent {
        out.push('\n');
        out.push_str(&" ".repeat(n * level));
    }
}

fn write_str(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ascii && !(' '..='~').contains(&c) => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Python's `repr(float)` (as `json.dumps` prints floats).
pub fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    // Shortest round-trip digits and exponent, e.g. "8.333e-1".
    let sci = format!("{:e}", f.abs());
    let (mant, exp) = sci.split_once('e').expect("{:e} has an exponent");
    let exp: i32 = exp.parse().expect("integer exponent");
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if f < 0.0 { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{m}e{esign}{:02}", exp.abs());
    }
    let point = exp + 1; // digits before the decimal point
    let body = if point <= 0 {
        format!("0.{}{}", "0".repeat((-point) as usize), digits)
    } else if (point as usize) >= digits.len() {
        format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
    } else {
        format!(
            "{}.{}",
            &digits[..point as usize],
            &digits[point as usize..]
        )
    };
    format!("{sign}{body}")
}

/// Python's `round(x, 4)`: correctly rounded, ties to even on the exact
/// binary value (Rust's fixed-precision formatting does the same).
pub fn py_round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// Python's `str.splitlines()` (without keepends).
pub(crate) fn splitlines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let brk = matches!(
            c,
            '\n' | '\r'
                | '\u{b}'
                | '\u{c}'
                | '\u{1c}'
                | '\u{1d}'
                | '\u{1e}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if brk {
            out.push(&s[start..i]);
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = it.peek() {
                    it.next();
                    end = j + 1;
                }
            }
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (0.8333, "0.8333"),
            (1.0, "1.0"),
            (0.0, "0.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123.5, "123.5"),
            (-2.25, "-2.25"),
            (0.1, "0.1"),
        ];
        for (f, s) in cases {
            assert_eq!(py_float_repr(f), s, "{f}");
        }
    }

    #[test]
    fn round4_ties_to_even() {
        assert_eq!(py_round4(1.0 / 32.0), 0.0312);
        assert_eq!(py_round4(2.0 / 3.0), 0.6667);
        assert_eq!(py_round4(0.99995), 1.0);
    }

    #[test]
    fn python_equality() {
        assert!(py_eq(&json!(4), &json!(4.0)));
        assert!(py_eq(&json!(true), &json!(1)));
        assert!(!py_eq(&json!("4"), &json!(4)));
        assert!(py_eq(&json!([1, null]), &json!([1.0, null])));
    }

    #[test]
    fn dumps_like_python() {
        let j = Json::Obj(vec![
            ("b".into(), Json::Arr(vec![Json::Int(1), Json::str("é\"")])),
            ("a".into(), Json::Obj(vec![])),
            ("c".into(), Json::Arr(vec![])),
        ]);
        assert_eq!(
            j.dumps(Some(1)),
            "{\n \"b\": [\n  1,\n  \"\\u00e9\\\"\"\n ],\n \"a\": {},\n \"c\": []\n}"
        );
        assert_eq!(
            j.dumps(None),
            "{\"b\": [1, \"é\\\"\"], \"a\": {}, \"c\": []}"
        );
        assert_eq!(Json::str("😀").dumps(Some(1)), "\"\\ud83d\\ude00\"");
    }

    #[test]
    fn splitlines_like_python() {
        assert_eq!(splitlines("a\r\nb\rc\n\nd"), vec!["a", "b", "c", "", "d"]);
        assert_eq!(splitlines("a\n"), vec!["a"]);
        assert_eq!(splitlines("a\u{2028}b"), vec!["a", "b"]);
        assert!(splitlines("").is_empty());
    }
}
