//! Evidence spans and slot values of one incident, and when two agree
//! (`spans`, `slot_values`, `agreeing`, `show` in score.py).

use crate::pyjson::{as_number, get, get_nn, get_truthy, py_cmp, py_eq, truthy, Json};
use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::Value;

/// The slots, in score.py's order.
pub const SLOTS: [&str; 7] = [
    "type",
    "status",
    "date",
    "locations",
    "count",
    "gender",
    "actors",
];

/// A report text indexed by code point, as Python indexes `str`.
pub(crate) struct Text<'a> {
    text: &'a str,
    chars: Vec<char>,
}

impl<'a> Text<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Text {
            text,
            chars: text.chars().collect(),
        }
    }

    /// `str.find`: code-point offset of the first occurrence.
    fn find(&self, needle: &str) -> Option<usize> {
        self.text
            .find(needle)
            .map(|byte| self.text[..byte].chars().count())
    }

    /// `text[s:e]` with Python's slice semantics.
    pub(crate) fn slice(&self, s: i64, e: i64) -> String {
        let n = self.chars.len() as i64;
        let fix = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
        let (s, e) = (fix(s), fix(e));
        if s >= e {
            return String::new();
        }
        self.chars[s as usize..e as usize].iter().collect()
    }
}

/// An evidence span (start, end); numbers as Python compares them.
pub(crate) type Span = (f64, f64);

/// `spans(incident, text)`.
pub(crate) fn spans(incident: &Value, text: &Text) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(Value::Array(evidence)) = get_truthy(incident, "evidence") else {
        return out;
    };
    for ev in evidence {
        let s = get_nn(ev, "start").and_then(as_number);
        let e = get_nn(ev, "end").and_then(as_number);
        match (s, e) {
            (Some(s), Some(e)) => out.push((s, e)),
            _ => {
                let Some(Value::String(q)) = get_truthy(ev, "quote") else {
                    continue;
                };
                let Some(s) = text.find(q) else {
                    continue;
                };
                out.push((s as f64, (s + q.chars().count()) as f64));
            }
        }
    }
    out
}

/// `overlaps(a, b)`.
pub(crate) fn overlaps(a: &[Span], b: &[Span]) -> bool {
    a.iter()
        .any(|&(s1, e1)| b.iter().any(|&(s2, e2)| s1.max(s2) < e1.min(e2)))
}

/// `date.fromisoformat(v).toordinal()` as Python 3.11's C implementation
/// parses it (YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]; the length in
/// UTF-8 bytes must be 7, 8 or 10 and trailing bytes are not checked).
pub(crate) fn day(v: Option<&Value>) -> Option<i64> {
    let Some(Value::String(s)) = v else {
        return None;
    };
    let b = s.as_bytes();
    if !matches!(b.len(), 7 | 8 | 10) {
        return None;
    }
    // NUL-terminated reads past the end, as in C.
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let digits = |pos: &mut usize, n: usize| -> Option<i32> {
        let mut v = 0i32;
        for _ in 0..n {
            let c = at(*pos);
            *pos += 1;
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + i32::from(c - b'0');
        }
        Some(v)
    };
    let mut p = 0;
    let year = digits(&mut p, 4)?;
    let sep = at(p) == b'-';
    if sep {
        p += 1;
    }
    let date = if at(p) == b'W' {
        p += 1;
        let week = digits(&mut p, 2)?;
        let wd = if p < b.len() {
            if sep {
                let c = at(p);
                p += 1;
                if c != b'-' {
                    return None;
                }
            }
            digits(&mut p, 1)?
        } else {
            1
        };
        if !(1..=7).contains(&wd) || !(1..=53).contains(&week) {
            return None;
        }
        let weekday = Weekday::try_from(u8::try_from(wd - 1).ok()?).ok()?;
        NaiveDate::from_isoywd_opt(year, u32::try_from(week).ok()?, weekday)?
    } else {
        let month = digits(&mut p, 2)?;
        if sep {
            let c = at(p);
            p += 1;
            if c != b'-' {
                return None;
            }
        }
        let d = digits(&mut p, 2)?;
        NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(d).ok()?)?
    };
    if !(1..=9999).contains(&date.year()) {
        return None;
    }
    Some(i64::from(date.num_days_from_ce()))
}

fn ordinal_to_iso(ord: i64) -> Option<String> {
    let d = NaiveDate::from_num_days_from_ce_opt(i32::try_from(ord).ok()?)?;
    (1..=9999)
        .contains(&d.year())
        .then(|| d.format("%Y-%m-%d").to_string())
}

/// `date_value(inc)`.
fn date_value(inc: &Value) -> Option<(i64, i64)> {
    let d = get_truthy(inc, "date")?;
    let s = day(get(d, "start"))?;
    let end = get_truthy(d, "end").or_else(|| get(d, "start"));
    Some((s, day(end).unwrap_or(s)))
}

/// `dates_agree(g, p)` for two present dates.
fn dates_agree(g: (i64, i64), p: (i64, i64)) -> bool {
    let inter = g.1.min(p.1) - g.0.max(p.0) + 1;
    if inter <= 0 {
        return false;
    }
    let union = g.1.max(p.1) - g.0.min(p.0) + 1;
    inter as f64 / union as f64 >= 0.5
}

/// `x ** 2` through libm's `pow`, as CPython computes it.
fn sq(x: f64) -> f64 {
    x.powf(std::hint::black_box(2.0))
}

/// `km(a, b)`: haversine distance; `None` where Python raises.
fn km(a: &Value, b: &Value) -> Option<f64> {
    let num = |l: &Value, k: &str| get(l, k).and_then(as_number);
    let (la1, lo1, la2, lo2) = (
        num(a, "lat")?.to_radians(),
        num(a, "lon")?.to_radians(),
        num(b, "lat")?.to_radians(),
        num(b, "lon")?.to_radians(),
    );
    let h = sq(((la2 - la1) / 2.0).sin()) + la1.cos() * la2.cos() * sq(((lo2 - lo1) / 2.0).sin());
    Some(2.0 * 6371.0 * h.sqrt().min(1.0).asin())
}

const ADMIN1_ALIASES: [(&str, &str); 10] = [
    ("yanggang", "ryanggang"),
    ("hamgyongbukto", "northhamgyong"),
    ("hamgyongnamdo", "southhamgyong"),
    ("pyonganbukto", "northpyongan"),
    ("pyongannamdo", "southpyongan"),
    ("jagang", "chagang"),
    ("hwanghaebukto", "northhwanghae"),
    ("hwanghaenamdo", "southhwanghae"),
    ("kangwon", "kangwon"),
    ("gangwon", "kangwon"),
];

/// `norm_admin1(name)`: lowercase letters only, one administrative suffix
/// dropped, aliases resolved.
pub fn norm_admin1(name: &str) -> String {
    let mut s: String = name
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_lowercase)
        .collect();
    for suffix in ["province", "autonomousregion", "region", "do"] {
        if s.ends_with(suffix) && s.len() > suffix.len() + 2 {
            s.truncate(s.len() - suffix.len());
            break;
        }
    }
    ADMIN1_ALIASES
        .iter()
        .find(|(k, _)| *k == s)
        .map_or(s, |(_, v)| (*v).to_string())
}

/// A value Python would stringify through `str` methods, for comparison:
/// falsy → the fallback, strings transformed, anything else kept as JSON.
fn str_key(v: Option<&Value>, f: impl Fn(&str) -> String) -> Option<String> {
    match v.filter(|x| truthy(x)) {
        None => None,
        Some(Value::String(s)) => Some(f(s)),
        Some(other) => Some(format!("\u{0}{other}")),
    }
}

fn country(l: &Value) -> String {
    str_key(get(l, "country"), str::to_uppercase).unwrap_or_default()
}

/// `place_agrees(g, p)`.
fn place_agrees(g: &Value, p: &Value) -> bool {
    let null = Value::Null;
    let gp = get(g, "precision").unwrap_or(&null);
    let pp = get(p, "precision").unwrap_or(&null);
    let coarse = |v: &Value| matches!(v.as_str(), Some("admin1" | "country"));
    if coarse(gp) || coarse(pp) {
        if !py_eq(gp, pp) {
            return false;
        }
        if gp.as_str() == Some("country") {
            return country(g) == country(p);
        }
        return country(g) == country(p)
            && str_key(get(g, "admin1"), norm_admin1) == str_key(get(p, "admin1"), norm_admin1);
    }
    km(g, p).is_some_and(|d| d <= 25.0)
}

/// `perfect_matching(gs, ps, place_agrees)`.
fn perfect_matching(gs: &[Value], ps: &[Value]) -> bool {
    fn go(i: usize, gs: &[Value], ps: &[Value], used: &mut [bool]) -> bool {
        if i == gs.len() {
            return true;
        }
        for j in 0..ps.len() {
            if !used[j] && place_agrees(&gs[i], &ps[j]) {
                used[j] = true;
                if go(i + 1, gs, ps, used) {
                    return true;
                }
                used[j] = false;
            }
        }
        false
    }
    gs.len() == ps.len() && go(0, gs, ps, &mut vec![false; ps.len()])
}

/// The non-null slots of an incident (`slot_values`); `type` and `status`
/// are always present.
#[derive(Debug, Clone)]
pub(crate) struct Slots {
    ty: Value,
    status: Value,
    date: Option<(i64, i64)>,
    locations: Option<Vec<Value>>,
    count: Option<(Value, Value)>,
    gender: Option<Value>,
    /// Distinct members (Python equality), in first-seen order.
    actors: Option<Vec<Value>>,
}

impl Slots {
    pub(crate) fn of(inc: &Value) -> Self {
        let locations: Vec<Value> = match get_truthy(inc, "locations") {
            Some(Value::Array(a)) => a.iter().filter(|l| truthy(l)).cloned().collect(),
            _ => Vec::new(),
        };
        let people = get_truthy(inc, "people");
        let count = people.and_then(|p| get_truthy(p, "count")).and_then(|c| {
            let (min, max) = (get_nn(c, "min"), get_nn(c, "max"));
            (min.is_some() || max.is_some()).then(|| {
                (
                    min.cloned().unwrap_or(Value::Null),
                    max.cloned().unwrap_or(Value::Null),
                )
            })
        });
        let actors = get_truthy(inc, "actors").map(|a| {
            let members: Vec<Value> = match a {
                Value::Array(a) => a.clone(),
                Value::String(s) => s.chars().map(|c| Value::String(c.into())).collect(),
                Value::Object(o) => o.keys().map(|k| Value::String(k.clone())).collect(),
                other => vec![other.clone()],
            };
            let mut set: Vec<Value> = Vec::new();
            for m in members {
                if !set.iter().any(|x| py_eq(x, &m)) {
                    set.push(m);
                }
            }
            set
        });
        Slots {
            ty: get(inc, "type").cloned().unwrap_or(Value::Null),
            status: get_truthy(inc, "status")
                .cloned()
                .unwrap_or_else(|| Value::String("occurred".into())),
            date: date_value(inc),
            locations: (!locations.is_empty()).then_some(locations),
            count,
            gender: people.and_then(|p| get_truthy(p, "gender")).cloned(),
            actors,
        }
    }

    /// Whether the slot is present (`s in values`).
    pub(crate) fn has(&self, slot: &str) -> bool {
        match slot {
            "type" | "status" => true,
            "date" => self.date.is_some(),
            "locations" => self.locations.is_some(),
            "count" => self.count.is_some(),
            "gender" => self.gender.is_some(),
            "actors" => self.actors.is_some(),
            _ => false,
        }
    }

    /// `len(values)`.
    pub(crate) fn len(&self) -> usize {
        SLOTS.iter().filter(|s| self.has(s)).count()
    }

    /// `slot_agrees(slot, g, p)` when both have the slot.
    fn agrees(&self, other: &Slots, slot: &str) -> bool {
        match slot {
            "type" => py_eq(&self.ty, &other.ty),
            "status" => py_eq(&self.status, &other.status),
            "date" => match (self.date, other.date) {
                (Some(g), Some(p)) => dates_agree(g, p),
                _ => false,
            },
            "locations" => match (&self.locations, &other.locations) {
                (Some(g), Some(p)) => perfect_matching(g, p),
                _ => false,
            },
            "count" => match (&self.count, &other.count) {
                (Some(g), Some(p)) => py_eq(&g.0, &p.0) && py_eq(&g.1, &p.1),
                _ => false,
            },
            "gender" => match (&self.gender, &other.gender) {
                (Some(g), Some(p)) => py_eq(g, p),
                _ => false,
            },
            "actors" => match (&self.actors, &other.actors) {
                (Some(g), Some(p)) => {
                    g.len() == p.len() && g.iter().all(|x| p.iter().any(|y| py_eq(x, y)))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// `show(values.get(slot))`.
    pub(crate) fn show(&self, slot: &str) -> Json {
        let pair = |a: &Value, b: &Value| -> Json {
            let big = |v: &Value| v.as_i64().filter(|&i| i > 100_000);
            if let (Some(x), Some(y)) = (big(a), big(b)) {
                if let (Some(x), Some(y)) = (ordinal_to_iso(x), ordinal_to_iso(y)) {
                    return Json::Arr(vec![Json::Str(x), Json::Str(y)]);
                }
            }
            Json::Arr(vec![a.into(), b.into()])
        };
        match slot {
            "type" => (&self.ty).into(),
            "status" => (&self.status).into(),
            "date" => self
                .date
                .map_or(Json::Null, |(s, e)| pair(&Value::from(s), &Value::from(e))),
            "locations" => self.locations.as_ref().map_or(Json::Null, |locs| {
                Json::Arr(
                    locs.iter()
                        .map(|l| {
                            Json::Obj(
                                ["name", "admin1", "country", "precision"]
                                    .iter()
                                    .map(|k| {
                                        (k.to_string(), get(l, k).map_or(Json::Null, Json::from))
                                    })
                                    .collect(),
                            )
                        })
                        .collect(),
                )
            }),
            "count" => self.count.as_ref().map_or(Json::Null, |(a, b)| pair(a, b)),
            "gender" => self.gender.as_ref().map_or(Json::Null, Json::from),
            "actors" => self.actors.as_ref().map_or(Json::Null, |a| {
                let mut a = a.clone();
                a.sort_by(py_cmp);
                Json::Arr(a.iter().map(Json::from).collect())
            }),
            _ => Json::Null,
        }
    }
}

/// `agreeing(gv, pv)`: the slots both have and agree on, in slot order.
pub(crate) fn agreeing(g: &Slots, p: &Slots) -> Vec<&'static str> {
    SLOTS
        .iter()
        .copied()
        .filter(|s| g.has(s) && p.has(s) && g.agrees(p, s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn d(s: &str) -> Option<i64> {
        day(Some(&json!(s)))
    }

    #[test]
    fn fromisoformat_quirks() {
        let base = d("2003-01-02").unwrap();
        assert_eq!(base, 731217); // date(2003,1,2).toordinal()
        assert_eq!(d("20030102"), Some(base));
        assert_eq!(d("2003010299"), Some(base));
        assert_eq!(d("20030102é"), Some(base));
        assert_eq!(d("2003-W01-1"), Some(base - 3));
        assert_eq!(d("2003W011xx"), Some(base - 3));
        assert_eq!(d("2003-W01"), Some(base - 3));
        assert_eq!(d("2003W01"), Some(base - 3));
        for bad in [
            "2003-1-2",
            "2003-01-2",
            " 2003-01-02",
            "2003-01",
            "0000-01-01",
            "2003-02-29",
            "2003-W53-1",
            "2003-W00",
            "2003-W01-8",
            "2003W01-1x",
            "2003-01+02",
            "9999-W52-7",
        ] {
            assert_eq!(d(bad), None, "{bad}");
        }
        assert!(d("2004-W53-7").is_some());
        assert_eq!(day(Some(&json!(20030102))), None);
        assert_eq!(day(None), None);
    }

    #[test]
    fn admin1_normalisation() {
        assert_eq!(norm_admin1("Yanggang Province"), "ryanggang");
        assert_eq!(norm_admin1("Ryanggang-do"), "ryanggang");
        assert_eq!(norm_admin1("Hamgyong-bukto"), "northhamgyong");
        assert_eq!(norm_admin1("Hamgyongbuk-do"), "hamgyongbuk");
        assert_eq!(norm_admin1("North Hamgyong"), "northhamgyong");
        assert_eq!(norm_admin1("Jilin Province"), "jilin");
        assert_eq!(norm_admin1("Gangwon-do"), "kangwon");
        assert_eq!(
            norm_admin1("Guangxi Zhuang Autonomous Region"),
            "guangxizhuang"
        );
        assert_eq!(norm_admin1("Xdo"), "xdo");
    }

    #[test]
    fn haversine() {
        let a = json!({"lat": 42.0, "lon": 129.0});
        let b = json!({"lat": 42.2, "lon": 129.0});
        let k = km(&a, &b).unwrap();
        assert!((k - 22.239).abs() < 0.01, "{k}");
        assert_eq!(km(&a, &json!({"lat": 1})), None);
        assert_eq!(km(&a, &json!({"lat": null, "lon": 1})), None);
    }

    #[test]
    fn date_overlap_rule() {
        assert!(dates_agree((1, 2), (2, 2))); // 1/2
        assert!(!dates_agree((1, 3), (3, 3))); // 1/3
        assert!(!dates_agree((1, 1), (2, 2)));
        assert!(dates_agree((1, 4), (3, 6)) == (2.0 / 6.0 >= 0.5));
    }

    #[test]
    fn slice_python_semantics() {
        let t = Text::new("héllo");
        assert_eq!(t.slice(1, 3), "él");
        assert_eq!(t.slice(-3, 100), "llo");
        assert_eq!(t.slice(4, 2), "");
        assert_eq!(t.find("llo"), Some(2));
    }
}
