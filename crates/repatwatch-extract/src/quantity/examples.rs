//! Examples with exact expected values, run as tests (Duckling's layout).
//!
//! Every sentence here is written for this table; none is taken from a
//! report. `PEOPLE` rows name the phrase `find_people` must return and its
//! values; `QUANTITIES` rows do the same for `find_quantities`; `TRAPS` are
//! numbers that must not be read as head counts; `NUMBERS` test
//! `parse_number`.

use super::{find_people, find_quantities, parse_number, PeopleMention};
use crate::model::Gender;

const F: Option<Gender> = Some(Gender::Female);
const M: Option<Gender> = Some(Gender::Male);
const X: Option<Gender> = Some(Gender::Mixed);
const N: Option<u64> = None;
const G: Option<Gender> = None;

/// (sentence, phrase, min, max, approximate, gender, minors)
type Row = (
    &'static str,
    &'static str,
    Option<u64>,
    Option<u64>,
    bool,
    Option<Gender>,
    Option<u64>,
);

const fn s(n: u64) -> Option<u64> {
    Some(n)
}

#[rustfmt::skip]
pub const PEOPLE: &[Row] = &[
    // plain numbers and number words
    ("Police in Yanji detained 20 North Koreans on Monday.", "20 North Koreans", s(20), s(20), false, G, N),
    ("Guards stopped twenty refugees at the river.", "twenty refugees", s(20), s(20), false, G, N),
    ("Officers picked up 1,047 migrants in the sweep.", "1,047 migrants", s(1047), s(1047), false, G, N),
    ("Twenty-one escapees were caught near the port.", "Twenty-one escapees", s(21), s(21), false, G, N),
    ("The patrol seized eleven defectors.", "eleven defectors", s(11), s(11), false, G, N),
    ("Two hundred and five people were loaded onto buses.", "Two hundred and five people", s(205), s(205), false, G, N),
    ("China sent back one hundred twenty North Koreans.", "one hundred twenty North Koreans", s(120), s(120), false, G, N),
    // a workplace before "worker(s)"
    ("Police detained a North Korean construction worker in Tynda.", "a North Korean construction worker", s(1), s(1), false, G, N),
    ("Two North Korean restaurant workers were stopped at the airport.", "Two North Korean restaurant workers", s(2), s(2), false, G, N),
    // approximate
    ("Authorities held about 30 defectors in the lockup.", "about 30 defectors", s(30), s(30), true, G, N),
    ("Around 45 asylum seekers were moved to the border.", "Around 45 asylum seekers", s(45), s(45), true, G, N),
    ("Police rounded up roughly 70 border crossers.", "roughly 70 border crossers", s(70), s(70), true, G, N),
    ("Some 15 North Korean men and women were arrested.", "Some 15 North Korean men and women", s(15), s(15), true, X, N),
    ("An estimated 300 detainees remain in custody.", "An estimated 300 detainees", s(300), s(300), true, G, N),
    ("Approximately 60 escapees were handed over.", "Approximately 60 escapees", s(60), s(60), true, G, N),
    ("The lorry carried 40 or so refugees.", "40 or so refugees", s(40), s(40), true, G, N),
    // more than / over / at least
    ("More than 500 North Koreans were returned last week.", "More than 500 North Koreans", s(501), N, false, G, N),
    ("Beijing deported over 2,000 defectors that year.", "over 2,000 defectors", s(2001), N, false, G, N),
    ("Officials repatriated more than two hundred North Korean defectors.", "more than two hundred North Korean defectors", s(201), N, false, G, N),
    ("At least 92 refugees were detained in the raids.", "At least 92 refugees", s(92), N, false, G, N),
    ("No fewer than 12 women were in the cell.", "No fewer than 12 women", s(12), N, false, F, N),
    ("Police held upwards of 80 migrants.", "upwards of 80 migrants", s(81), N, false, G, N),
    ("The camp held 30 or more detainees.", "30 or more detainees", s(30), N, false, G, N),
    // nearly / almost / fewer than
    ("Nearly 500 escapees were trucked to the bridge.", "Nearly 500 escapees", N, s(499), true, G, N),
    ("Almost 40 people were caught on the train.", "Almost 40 people", N, s(39), true, G, N),
    ("Just under 100 detainees were moved.", "Just under 100 detainees", N, s(99), true, G, N),
    ("Close to 50 defectors were sent back.", "Close to 50 defectors", N, s(49), true, G, N),
    ("Fewer than ten refugees were freed.", "Fewer than ten refugees", N, s(9), false, G, N),
    // up to / as many as
    ("Up to 60 North Koreans could be returned this week.", "Up to 60 North Koreans", N, s(60), false, G, N),
    ("As many as 150 defectors are held there.", "As many as 150 defectors", N, s(150), false, G, N),
    // ranges
    ("Guards caught 50 to 60 escapees at dawn.", "50 to 60 escapees", s(50), s(60), false, G, N),
    ("Police detained 50-60 defectors.", "50-60 defectors", s(50), s(60), false, G, N),
    ("Between 50 and 60 people were repatriated.", "Between 50 and 60 people", s(50), s(60), false, G, N),
    ("Two or three women escaped the raid.", "Two or three women", s(2), s(3), false, F, N),
    ("Police arrested 30\u{2013}40 refugees.", "30\u{2013}40 refugees", s(30), s(40), false, G, N),
    ("About 20 to 30 people were held.", "About 20 to 30 people", s(20), s(30), true, G, N),
    // dozen, dozens, hundreds, thousands, several, a few
    ("Police detained a dozen defectors.", "a dozen defectors", s(12), s(12), true, G, N),
    ("About a dozen refugees were caught.", "About a dozen refugees", s(12), s(12), true, G, N),
    ("More than a dozen escapees were held.", "More than a dozen escapees", s(13), N, false, G, N),
    ("Dozens of North Koreans were detained.", "Dozens of North Koreans", s(24), s(99), true, G, N),
    ("China returned hundreds of defectors.", "hundreds of defectors", s(200), s(999), true, G, N),
    ("Hundreds of others were moved inland.", "Hundreds of others", s(200), s(999), true, G, N),
    ("Thousands of North Koreans are held in China.", "Thousands of North Koreans", s(2000), s(9999), true, G, N),
    ("Several defectors were handed to the Bowibu.", "Several defectors", s(3), s(9), true, G, N),
    ("A few women were released.", "A few women", s(2), s(5), true, F, N),
    ("Half a dozen children were among them.", "Half a dozen children", s(6), s(6), true, G, N),
    ("Two dozen refugees were caught.", "Two dozen refugees", s(24), s(24), true, G, N),
    ("Several hundred escapees were sent home.", "Several hundred escapees", s(200), s(999), true, G, N),
    ("A handful of defectors were freed.", "A handful of defectors", s(2), s(5), true, G, N),
    // described and named persons
    ("Police arrested a woman in her 20s near the station.", "a woman in her 20s", s(1), s(1), false, F, N),
    ("A pregnant woman was taken to the detention center.", "A pregnant woman", s(1), s(1), false, F, N),
    ("Police caught a 29-year-old man on the bus.", "a 29-year-old man", s(1), s(1), false, M, N),
    ("Her sister was sent back last month.", "Her sister", s(1), s(1), false, F, N),
    ("A North Korean man was freed on Friday.", "A North Korean man", s(1), s(1), false, M, N),
    ("An elderly woman died in custody.", "An elderly woman", s(1), s(1), false, F, N),
    ("The pregnant woman was transferred.", "The pregnant woman", s(1), s(1), false, F, N),
    ("His son was repatriated.", "His son", s(1), s(1), false, M, N),
    ("A girl aged 14 was among those caught.", "A girl aged 14", s(1), s(1), false, F, s(1)),
    ("A 15-year-old was caught at the river.", "A 15-year-old", s(1), s(1), false, G, s(1)),
    ("Police detained Mr. Pak at the hotel.", "Mr. Pak", s(1), s(1), false, M, N),
    ("Chinese police detained Kim Sun Hui in Yanji.", "Kim Sun Hui", s(1), s(1), false, G, N),
    ("A naturalized Chinese citizen was freed.", "A naturalized Chinese citizen", s(1), s(1), false, G, N),
    // families, couples, pairs, groups
    ("Police caught a family of five in Tumen.", "a family of five", s(5), s(5), false, G, N),
    ("A five-member family was arrested.", "A five-member family", s(5), s(5), false, G, N),
    ("Guards detained a three-member family.", "a three-member family", s(3), s(3), false, G, N),
    ("A couple was caught on the train.", "A couple", s(2), s(2), false, G, N),
    ("The pair were sent back together.", "The pair", s(2), s(2), false, G, N),
    ("Police detained a group of 12 at a flat.", "a group of 12", s(12), s(12), false, G, N),
    ("A further group of eight escapees was returned.", "A further group of eight escapees", s(8), s(8), false, G, N),
    ("A group of about 20 women was held.", "A group of about 20 women", s(20), s(20), true, F, N),
    ("Five family members were detained.", "Five family members", s(5), s(5), false, G, N),
    // another, more, all, the, remaining, those, partitives, totals
    ("Another 200 defectors were returned.", "Another 200 defectors", s(200), s(200), false, G, N),
    ("Police caught 200 more refugees.", "200 more refugees", s(200), s(200), false, G, N),
    ("A further 10 detainees were moved.", "A further 10 detainees", s(10), s(10), false, G, N),
    ("All 41 detainees were repatriated.", "All 41 detainees", s(41), s(41), false, G, N),
    ("The 16 were still held in Tumen.", "The 16", s(16), s(16), false, G, N),
    ("The remaining nine were moved to Longjing.", "The remaining nine", s(9), s(9), false, G, N),
    ("Those ten were sent back by truck.", "Those ten", s(10), s(10), false, G, N),
    ("Nine of them were returned on Monday.", "Nine of them", s(9), s(9), false, G, N),
    ("Police released 10 of the 14 detainees.", "10 of the 14 detainees", s(10), s(10), false, G, N),
    ("Police arrested a total of 10 defectors.", "a total of 10 defectors", s(10), s(10), false, G, N),
    ("Eighteen more escapees were caught near Dandong.", "Eighteen more escapees", s(18), s(18), false, G, N),
    ("Then another 40 were sent back.", "another 40", s(40), s(40), false, G, N),
    ("Seven others were held at the station.", "Seven others", s(7), s(7), false, G, N),
    ("The other three were taken to Tumen.", "The other three", s(3), s(3), false, G, N),
    ("All nine were repatriated.", "All nine", s(9), s(9), false, G, N),
    ("Both women were freed.", "Both women", s(2), s(2), false, F, N),
    ("The nine North Koreans were moved.", "The nine North Koreans", s(9), s(9), false, G, N),
    // gender
    ("About 20 female defectors were detained.", "About 20 female defectors", s(20), s(20), true, F, N),
    ("Police arrested seven male detainees.", "seven male detainees", s(7), s(7), false, M, N),
    ("Six mothers were sent back.", "Six mothers", s(6), s(6), false, F, N),
    // breakdowns
    ("Police arrested four men and eight women.", "four men and eight women", s(12), s(12), false, X, N),
    ("Guards caught two men, two women and a girl.", "two men, two women and a girl", s(5), s(5), false, X, s(1)),
    ("Police detained the four \u{2014} two men aged 35 and 45 and two women aged 24 and 35 \u{2014} at dawn.", "the four \u{2014} two men aged 35 and 45 and two women aged 24 and 35", s(4), s(4), false, X, N),
    ("Three of them \u{2014} two women in their 20s and a man in his 30s \u{2014} were held.", "Three of them \u{2014} two women in their 20s and a man in his 30s", s(3), s(3), false, X, N),
    ("Police caught 11 defectors \u{2014} six men and five women \u{2014} on a bus.", "11 defectors \u{2014} six men and five women", s(11), s(11), false, X, N),
    ("Four other refugees, a man and three women, were caught.", "Four other refugees, a man and three women", s(4), s(4), false, X, N),
    // a person told of before closes the list
    ("Guards caught four women, two men and the boy near Musan.", "four women, two men and the boy", s(7), s(7), false, X, s(1)),
    // minors
    ("Police held 12 refugees, among them three children.", "12 refugees, among them three children", s(12), s(12), false, G, s(3)),
    ("Eleven escapees, including two teenagers, were caught.", "Eleven escapees, including two teenagers", s(11), s(11), false, G, s(2)),
    ("Police detained six people, among them a boy of about seven.", "six people, among them a boy of about seven", s(6), s(6), false, G, s(1)),
    ("Eight defectors, one of them a 3-year-old child, were held.", "Eight defectors, one of them a 3-year-old child", s(8), s(8), false, G, s(1)),
    // the group past where it comes from
    ("Six nationals of the Republic of Freedonia, including two boys, were held.", "Six nationals of the Republic of Freedonia, including two boys", s(6), s(6), false, G, s(2)),
    ("Nine defectors from North Korea, among them a baby, were caught.", "Nine defectors from North Korea, among them a baby", s(9), s(9), false, G, s(1)),
    ("Three children were sent back with their mothers.", "Three children", s(3), s(3), false, G, s(3)),
    ("A boy of about nine was freed.", "A boy of about nine", s(1), s(1), false, M, s(1)),
    // coordination
    ("Ms. Ri and about 30 other women were driven to the border.", "Ms. Ri and about 30 other women", s(31), s(31), true, F, N),
    ("She and her daughter were caught in Shenyang.", "She and her daughter", s(2), s(2), false, F, N),
    ("Guards took him along with two other escapees.", "him along with two other escapees", s(3), s(3), false, G, N),
    ("Police held her, together with another woman, for a week.", "her, together with another woman", s(2), s(2), false, F, N),
    ("Police arrested her and another woman at the station.", "her and another woman", s(2), s(2), false, F, N),
    ("He and two other refugees were arrested.", "He and two other refugees", s(3), s(3), false, G, N),
    ("Guards held the couple and their three sons.", "the couple and their three sons", s(5), s(5), false, X, N),
    ("A couple and their baby daughter were flown out.", "A couple and their baby daughter", s(3), s(3), false, X, N),
    ("Police took her parents and her brother.", "her parents and her brother", s(3), s(3), false, X, N),
    ("A farmer, his wife and their two grandsons were caught.", "A farmer, his wife and their two grandsons", s(4), s(4), false, X, N),
    ("Mr. Pak, his cousin, was questioned.", "Mr. Pak", s(1), s(1), false, M, N),
    ("The parents were questioned.", "The parents", s(2), s(2), false, G, N),
    ("Five people, a widow, her son and her three nieces, were caught.", "Five people, a widow, her son and her three nieces", s(5), s(5), false, X, N),
    ("A couple in their sixties and their grandson were held.", "A couple in their sixties and their grandson", s(3), s(3), false, X, N),
    ("Eight members of the group were sentenced.", "Eight members of the group", s(8), s(8), false, G, N),
    ("Two members of the family were freed.", "Two members of the family", s(2), s(2), false, G, N),
    // definite and bare phrases without a count
    ("The group was taken to the border.", "The group", N, N, false, G, N),
    ("The detainees were beaten.", "The detainees", N, N, false, G, N),
    ("Other North Koreans are still held.", "Other North Koreans", N, N, false, G, N),
    ("A number of other defectors were held.", "A number of other defectors", N, N, false, G, N),
    ("Most of the detainees were sent to camps.", "Most of the detainees", N, N, false, G, N),
    ("Police took them to Tumen.", "them", N, N, false, G, N),
    ("Police later released her.", "her", N, N, false, F, N),
    // more corner cases
    ("A brother and sister were caught at the bus stop.", "A brother and sister", s(2), s(2), false, X, N),
    ("His wife and son were held.", "His wife and son", s(2), s(2), false, X, N),
    ("Every one of the 30 detainees was sent back.", "Every one of the 30 detainees", s(30), s(30), false, G, N),
    ("Police caught two families in a flat.", "two families", N, N, false, G, N),
    ("Six people, among them a teenager and a woman, were held.", "Six people, among them a teenager and a woman", s(6), s(6), false, G, s(1)),
    ("Officials said that refugees were being held.", "refugees", N, N, false, G, N),
    ("Guards seized a 12-year-old son.", "a 12-year-old son", s(1), s(1), false, M, s(1)),
    ("China handed over 20 refugees to the North.", "20 refugees", s(20), s(20), false, G, N),
];

/// (sentence, phrase, min, max, approximate) for `find_quantities`.
type QRow = (&'static str, &'static str, Option<u64>, Option<u64>, bool);

#[rustfmt::skip]
pub const QUANTITIES: &[QRow] = &[
    ("they caught 20 on the road", "20", s(20), s(20), false),
    ("roughly 300 were held", "roughly 300", s(300), s(300), true),
    ("more than 500 were returned", "more than 500", s(501), N, false),
    ("at least 500 remain", "at least 500", s(500), N, false),
    ("nearly 500 were moved", "nearly 500", N, s(499), true),
    ("as many as 60 could be sent", "as many as 60", N, s(60), false),
    ("between 50 and 60 were caught", "between 50 and 60", s(50), s(60), false),
    ("a dozen were freed", "a dozen", s(12), s(12), true),
    ("dozens of escapees", "dozens", s(24), s(99), true),
    ("hundreds of others", "hundreds", s(200), s(999), true),
    ("thousands of people", "thousands", s(2000), s(9999), true),
    ("several escapees", "several", s(3), s(9), true),
    ("a few were released", "a few", s(2), s(5), true),
    ("a seven-member family", "seven-member", s(7), s(7), false),
    ("another 200 were returned", "200", s(200), s(200), false),
    ("over 2,000 detainees", "over 2,000", s(2001), N, false),
    ("up to 1.5 million people", "up to 1.5 million", N, s(1_500_000), false),
    ("tens of thousands of people fled", "tens of thousands", s(20_000), s(99_999), true),
    ("officers handed over 20 detainees", "20", s(20), s(20), false),
];

/// Numbers that are no head counts: (sentence, the number's text).
#[rustfmt::skip]
pub const TRAPS: &[(&str, &str)] = &[
    ("Two men aged 35 and 45 were held.", "35"),
    ("Two men aged 35 and 45 were held.", "45"),
    ("A woman in her 20s was caught.", "20s"),
    ("The man, named only as Pak, 41, was held.", "41"),
    ("Soldiers caught Mi-ran, then 17, and four others.", "17"),
    ("The woman, identified only by her age, 29, was freed.", "29"),
    ("A 3-year-old child was among them.", "3"),
    ("A boy of about seven was freed.", "seven"),
    ("Each paid 200 yuan to the broker.", "200"),
    ("The fine was US$24 per person.", "24"),
    ("Brokers charged $1,000 a head.", "1,000"),
    ("He was fined 5 million won.", "5 million"),
    ("In 2012 the border was sealed.", "2012"),
    ("They walked 200 miles to the border.", "200"),
    ("The 4,000-kilometre journey took weeks.", "4,000"),
    ("They were caught at 6 p.m. near the river.", "6"),
    ("They were held for five years.", "five"),
    ("The interrogation lasted 90 minutes.", "90"),
    ("He spent two weeks in the cell.", "two"),
    ("She was the first to be sent back.", "first"),
    ("Some 30 percent of detainees are women.", "30"),
    ("They were held in Camp No. 136.", "136"),
    ("Decree No. 5 ordered the crackdown.", "5"),
    ("A petition gathered 1 million signatures.", "1 million"),
    ("They were caught on Oct. 9 in Yanji.", "9"),
    ("On 12 March the patrol struck.", "12"),
    ("Kim, 42, was detained in Dandong.", "42"),
    ("Nine people, aged 14 to 18, were held.", "14"),
    ("They met at 10:30 in the morning.", "30"),
    ("He was detained for 2 days.", "2"),
    ("He was arrested one day in May.", "one"),
    ("Some 40% of escapees are women.", "40"),
    ("Article 62 of the criminal code applies.", "62"),
    ("The US and 30 countries objected.", "30"),
    ("The 1990s famine drove many out.", "1990s"),
    ("A woman, 35, and her son were caught.", "35"),
];

/// (words, value) for `parse_number`.
#[rustfmt::skip]
pub const NUMBERS: &[(&str, Option<u64>)] = &[
    ("two hundred", Some(200)),
    ("fifteen", Some(15)),
    ("1,047", Some(1047)),
    ("a dozen", Some(12)),
    ("twenty-one", Some(21)),
    ("11", Some(11)),
    ("one hundred and five", Some(105)),
    ("two thousand five hundred", Some(2500)),
    ("a hundred", Some(100)),
    ("three million", Some(3_000_000)),
    ("2 million", Some(2_000_000)),
    ("1.5 million", Some(1_500_000)),
    ("ninety nine", Some(99)),
    ("Seventeen", Some(17)),
    ("half a dozen", Some(6)),
    ("zero", Some(0)),
    ("dozens", None),
    ("several", None),
    ("first", None),
    ("tenth", None),
    ("99999999999999999999999", None),
    ("", None),
    ("five six", None),
    ("1.5", None),
];

fn show(ms: &[PeopleMention], text: &str) -> String {
    ms.iter()
        .map(|m| {
            format!(
                "[{}] {:?} {:?} {:?} {} ",
                &text[m.start..m.end],
                m.count.map(|c| (c.min, c.max, c.approximate)),
                m.gender,
                m.minors,
                m.rule
            )
        })
        .collect()
}

#[test]
fn people_examples() {
    let mut failures = Vec::new();
    for &(text, phrase, min, max, approx, gender, minors) in PEOPLE {
        let ms = find_people(text);
        let found = ms.iter().find(|m| &text[m.start..m.end] == phrase);
        let ok = found.is_some_and(|m| {
            let c = m.count.map(|c| (c.min, c.max, c.approximate));
            let want = if min.is_none() && max.is_none() {
                None
            } else {
                Some((min, max, approx))
            };
            c == want && m.gender == gender && m.minors == minors
        });
        if !ok {
            failures.push(format!("{text}\n   want [{phrase}] {min:?}..{max:?} {approx} {gender:?} {minors:?}\n   got  {}", show(&ms, text)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        PEOPLE.len(),
        failures.join("\n")
    );
}

#[test]
fn quantity_examples() {
    let mut failures = Vec::new();
    for &(text, phrase, min, max, approx) in QUANTITIES {
        let qs = find_quantities(text);
        let ok = qs.iter().any(|q| {
            &text[q.start..q.end] == phrase
                && q.count.min == min
                && q.count.max == max
                && q.count.approximate == approx
        });
        if !ok {
            let got: Vec<_> = qs
                .iter()
                .map(|q| (&text[q.start..q.end], q.count, q.rule))
                .collect();
            failures.push(format!(
                "{text}: want [{phrase}] {min:?}..{max:?} {approx}; got {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        QUANTITIES.len(),
        failures.join("\n")
    );
}

#[test]
fn traps_are_not_counts() {
    let mut failures = Vec::new();
    for &(text, trap) in TRAPS {
        let at = text.find(trap).expect("trap in sentence");
        let (ts, te) = (at, at + trap.len());
        for q in find_quantities(text) {
            if q.start < te && ts < q.end {
                failures.push(format!("{text}: quantity [{}]", &text[q.start..q.end]));
            }
        }
        for m in find_people(text) {
            if m.head_start < te && ts < m.head_end {
                failures.push(format!(
                    "{text}: people head [{}]",
                    &text[m.head_start..m.head_end]
                ));
            }
            if let Some(c) = m.count {
                // the trap's number must not be the count
                if let Some(v) = parse_number(trap) {
                    if c.min == Some(v) && c.max == Some(v) && v != 1 {
                        failures.push(format!(
                            "{text}: people count {v} from [{}]",
                            &text[m.start..m.end]
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} traps failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn number_examples() {
    for &(words, want) in NUMBERS {
        assert_eq!(parse_number(words), want, "{words:?}");
    }
}

#[test]
fn mention_flags() {
    let text = "The five were taken to Tumen. They were later sent back, and she was freed.";
    let ms = find_people(text);
    let five = ms
        .iter()
        .find(|m| &text[m.start..m.end] == "The five")
        .expect("the five");
    assert!(five.definite && !five.pronoun);
    assert_eq!(&text[five.head_start..five.head_end], "five");
    let they = ms
        .iter()
        .find(|m| &text[m.start..m.end] == "They")
        .expect("they");
    assert!(they.pronoun && they.count.is_none());
    let she = ms
        .iter()
        .find(|m| &text[m.start..m.end] == "she")
        .expect("she");
    assert!(she.pronoun && she.individual && she.gender == Some(Gender::Female));
    let text = "A pregnant woman was caught.";
    let ms = find_people(text);
    assert!(ms[0].individual && !ms[0].definite);
    assert_eq!(&text[ms[0].head_start..ms[0].head_end], "woman");
}

#[test]
fn counts_of_rows() {
    assert!(PEOPLE.len() + QUANTITIES.len() + TRAPS.len() >= 80);
}
